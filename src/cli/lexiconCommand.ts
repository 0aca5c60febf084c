// `policy-lens lexicon export --to dic|yaml|map|qdc`: the lexicons in use, as a LIWC or quanteda dictionary (or the
// mapping that reads either back), so that those tools can run our categories, or as a REFI-QDA codebook.
import { parseArgs } from 'node:util';
import type { ExportFormat } from '../core/dictionary';
import { GENERATOR } from '../node/generator';
import { Engine } from '../core';
import { codebookXml } from '../core/refiQda';
import { UsageError } from './args';
import { dictionaries } from './dictionaries';
import { loadLexicons } from './lexicons';
import { OutputSink } from './output';

const LEXICON_HELP = `Usage: policy-lens lexicon export --to dic|yaml|map|qdc [options]

Writes the lexicons (the built-in English and Chinese ones, plus any --lexicon files) as a dictionary for other tools:
  dic    a LIWC dictionary (LIWC-22: Dictionary > Load Dictionary)
  yaml   a quanteda dictionary (dictionary(file = "policy-lens.yml", format = "YAML")), keys grouped by polarity
  map    the mapping (category: control|engagement|neutral) that reads either back with --lexicon-map
  qdc    a REFI-QDA codebook (NVivo, MAXQDA, ATLAS.ti, QualCoder): the categories as codes under Control and
         Engagement, without their terms (QDA tools code by hand)
Words without "*" match their whole word family in Policy Lens but only that word in LIWC and quanteda; weights
and context rules (negation, exemption, protection) have no equivalent there and are left out.

Options:
      --to FORMAT           dic, yaml, map or qdc (required)
  -l, --lexicon FILE        also a lexicon or dictionary file; repeatable
      --lexicon-mode MODE   add (default) or replace the built-in lexicons
      --lexicon-map FILE    mapping for .dic/.yml --lexicon files
      --language LANG       all (default), en or zh
  -o, --out FILE            write to FILE instead of standard output
`;

const FORMATS: ReadonlyArray<ExportFormat | 'qdc'> = ['dic', 'yaml', 'map', 'qdc'];

export async function lexiconCommand(argv: string[], say: (line: string) => void): Promise<number> {
  if (argv[0] !== 'export') throw new UsageError(argv[0] === undefined ? 'lexicon: name a command: export' : `lexicon: unknown command "${argv[0]}" (known: export)`);
  let values: ReturnType<typeof parse>['values'];
  try {
    values = parse(argv.slice(1)).values;
  } catch (err: unknown) {
    throw new UsageError(`lexicon export: ${err instanceof Error ? err.message.split(/\. (?=[A-Z])/)[0] : String(err)}`);
  }
  if (values.help) {
    process.stdout.write(LEXICON_HELP);
    return 0;
  }
  const to = FORMATS.find((f) => f === values.to);
  if (to === undefined) throw new UsageError(`lexicon export: --to must be dic, yaml, map or qdc${values.to === undefined ? '' : `, not "${values.to}"`}`);
  const mode = values['lexicon-mode'] ?? 'add';
  if (mode !== 'add' && mode !== 'replace') throw new UsageError(`--lexicon-mode must be add or replace, not "${mode}"`);
  const language = values.language ?? 'all';
  if (language !== 'all' && language !== 'en' && language !== 'zh') throw new UsageError(`--language must be all, en or zh, not "${language}"`);
  if (mode === 'replace' && (values.lexicon ?? []).length === 0) throw new UsageError('--lexicon-mode replace needs at least one --lexicon FILE');
  const all = loadLexicons(values.lexicon ?? [], mode, values['lexicon-map'] ?? null, say);
  const chosen = language === 'all' ? all : all.filter((l) => l.language === language);
  const engine = new Engine(chosen.length > 0 ? chosen : all);
  const info = engine.lexiconInfo;
  const about = `${info.name} ${info.version} (sha256 ${info.sha256}), exported by ${GENERATOR.name} ${GENERATOR.version}.\nA trailing * matches any ending; other words match their word family in Policy Lens, only themselves here.`;
  const sink = OutputSink.open(values.out ?? null);
  try {
    await sink.write(to === 'qdc' ? codebookXml(engine.categories, `${GENERATOR.name} ${GENERATOR.version}, lexicons ${info.name} ${info.version} (sha256 ${info.sha256})`) : dictionaries().exportLexicons(chosen, to, about));
  } catch (err: unknown) {
    await sink.abandon();
    throw err;
  }
  await sink.commit();
  return 0;
}

function parse(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: false,
    strict: true,
    options: {
      to: { type: 'string' },
      lexicon: { type: 'string', short: 'l', multiple: true },
      'lexicon-mode': { type: 'string' },
      'lexicon-map': { type: 'string' },
      language: { type: 'string' },
      out: { type: 'string', short: 'o' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
