// Command-line arguments → options. Problems become a UsageError with one line for the user.
import { parseArgs } from 'node:util';
import type { LanguageSetting } from '../core/types';
import { parseShard, Shard } from './shard';

/**
 * `csv`: one row per document; `csv-sections`: one row per section (--csv-rows sections); `w3c`: one W3C Web
 * Annotation collection of every annotation.
 */
export type OutputFormat = 'json' | 'jsonl' | 'text' | 'csv' | 'csv-sections' | 'w3c' | 'qdpx';
export type LexiconMode = 'add' | 'replace';

export interface CliOptions {
  paths: string[];
  out: string | null;
  lexicons: string[];
  /** Mapping of LIWC / YAML dictionary categories to polarities; null: NAME.map.yml beside each dictionary. */
  lexiconMap: string | null;
  lexiconMode: LexiconMode;
  language: LanguageSetting;
  format: OutputFormat;
  timestamp: boolean;
  /** A file listing one input path per line (`-`: standard input), read after the PATH arguments. */
  filesFrom: string | null;
  /** --shard K/N: only this part of the inputs. */
  shard: Shard | null;
  /** Threads analysing many files, the main thread included; null picks one per core. */
  jobs: number | null;
  /** --annotations FILE; null looks for .policylens/annotations.json from the first path upwards. */
  annotations: string | null;
  /** --no-annotations: automatic figures only. */
  noAnnotations: boolean;
  help: boolean;
  version: boolean;
}

export class UsageError extends Error {}

export const HELP = `Usage: policy-lens [options] PATH...
       policy-lens merge [--format json|jsonl|csv] [--csv-rows ROWS] [-o FILE] SHARD.jsonl...   (see merge --help)
       policy-lens lexicon export --to dic|yaml|map|qdc [options]   (see policy-lens lexicon export --help)

Highlights control-oriented and engagement-oriented language in policy texts and tallies how each text leans.
PATH is a file, a folder (its .txt and .md files, recursively, in sorted order) or - for standard input.
Prints a JSON report (format policy-lens.tally, version 2) to standard output, or another --format.

Options:
  -o, --out FILE            write the report to FILE instead of standard output (- for standard output); FILE is
                            replaced whole at the end, never an input (see docs/cli.md)
  -l, --lexicon FILE        a lexicon file (JSON), LIWC dictionary (.dic) or quanteda dictionary (.yml); repeatable
      --lexicon-map FILE    which .dic/.yml categories are control, engagement or neutral (YAML or JSON
                            "category: control"); default NAME.map.yml beside each dictionary
      --lexicon-mode MODE   add (default): --lexicon files are added to the built-in English and Chinese
                            lexicons; replace: only the --lexicon files are used
      --language LANG       auto (default, detected per document), en or zh
  -f, --format FORMAT       what to write (docs/cli.md describes each):
                            json (default): the report, format policy-lens.tally version 2 (docs/format.md)
                            text: a table with a lean bar per document
                            csv: one row per document (figures, lean, then each category per 1,000 words)
                            w3c: every annotation (automatic, reviewed, manual, memos) as one W3C Web
                              Annotation collection (JSON-LD, TextQuoteSelector and TextPositionSelector)
                            qdpx: a REFI-QDA project (needs --out FILE.qdpx) for NVivo, MAXQDA, ATLAS.ti and
                              QualCoder: the texts, the categories as codes, each annotation a selection
      --csv-rows ROWS       documents (default) or sections: one CSV row per section, with level and parent
      --jsonl               JSON Lines: a header line, then one document per line, for large corpora
      --files-from FILE     also analyse the paths listed in FILE, one per line (- for standard input)
      --shard K/N           analyse only part K of N of the inputs (a stable split by path, for parallel runs;
                            put the parts together with policy-lens merge)
      --timestamp           add the time of the run to the report (output is then no longer byte-identical)
  -j, --jobs N              threads analysing many files, the main one included: 1 to 64 (default: one
                            per core); also the threads counting one big file in the text format
                            (default: one per core from 24 MB, else the main one alone)
      --annotations FILE    reviews and manual codes from the editor's store (a W3C annotation collection);
                            default: .policylens/annotations.json in the folder given or its nearest ancestor
                            holding one (its .policylens/lexicon.json is used too); adds "reviewed" figures
      --no-annotations      ignore any annotation store and workspace lexicon
  -h, --help                show this help
  -v, --version             show the version

Binary and empty files are skipped with a warning; the other files are still analysed.
Exit status: 0 when every document was analysed or skipped with a warning; 2 on bad usage, a missing or
unreadable file, an invalid lexicon, an unwritable --out, or when nothing could be analysed.
`;

const LANGUAGES: readonly LanguageSetting[] = ['auto', 'en', 'zh'];
const FORMATS = ['json', 'text', 'csv', 'w3c', 'qdpx'] as const;
const CSV_ROWS = ['documents', 'sections'] as const;
const MODES: readonly LexiconMode[] = ['add', 'replace'];

export function parseCliArgs(argv: string[]): CliOptions {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(joinNegativeJobs(argv));
  } catch (err: unknown) {
    throw new UsageError(parseErrorLine(err));
  }
  const { values, positionals } = parsed;
  const format = oneOf('--format', values.format ?? 'json', FORMATS);
  if (values.jsonl && format !== 'json') throw new UsageError(`--jsonl cannot be combined with --format ${format}`);
  const csvRows = oneOf('--csv-rows', values['csv-rows'] ?? 'documents', CSV_ROWS);
  if (values['csv-rows'] !== undefined && format !== 'csv') throw new UsageError('--csv-rows needs --format csv');
  const options: CliOptions = {
    paths: positionals,
    out: values.out ?? null,
    lexicons: values.lexicon ?? [],
    lexiconMap: values['lexicon-map'] ?? null,
    lexiconMode: oneOf('--lexicon-mode', values['lexicon-mode'] ?? 'add', MODES),
    language: oneOf('--language', values.language ?? 'auto', LANGUAGES),
    format: values.jsonl ? 'jsonl' : format === 'csv' && csvRows === 'sections' ? 'csv-sections' : format,
    timestamp: values.timestamp ?? false,
    filesFrom: values['files-from'] ?? null,
    shard: values.shard === undefined ? null : shardOption(values.shard),
    jobs: values.jobs === undefined ? null : jobCount('--jobs', values.jobs),
    annotations: values.annotations ?? null,
    noAnnotations: values['no-annotations'] ?? false,
    help: values.help ?? false,
    version: values.version ?? false,
  };
  if (options.help || options.version) return options;
  if (options.paths.length === 0 && options.filesFrom === null) throw new UsageError('no input: give at least one file, folder or - for standard input');
  if (options.paths.filter((p) => p === '-').length + (options.filesFrom === '-' ? 1 : 0) > 1) throw new UsageError('- (standard input) can be given only once');
  if (options.shard !== null && options.paths.includes('-')) throw new UsageError('--shard cannot split standard input; name files, folders or --files-from');
  if (options.out === '') throw new UsageError('--out needs a file name');
  if (options.format === 'qdpx' && (options.out === null || options.out === '-')) throw new UsageError('--format qdpx writes a zip archive: name it with --out FILE.qdpx');
  if (options.annotations === '') throw new UsageError('--annotations needs a file name');
  if (options.annotations !== null && options.noAnnotations) throw new UsageError('--annotations cannot be combined with --no-annotations');
  if (options.lexiconMode === 'replace' && options.lexicons.length === 0) throw new UsageError('--lexicon-mode replace needs at least one --lexicon FILE');
  return options;
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      out: { type: 'string', short: 'o' },
      lexicon: { type: 'string', short: 'l', multiple: true },
      'lexicon-mode': { type: 'string' },
      'lexicon-map': { type: 'string' },
      language: { type: 'string' },
      format: { type: 'string', short: 'f' },
      jsonl: { type: 'boolean' },
      'csv-rows': { type: 'string' },
      timestamp: { type: 'boolean' },
      'files-from': { type: 'string' },
      shard: { type: 'string' },
      jobs: { type: 'string', short: 'j' },
      annotations: { type: 'string' },
      'no-annotations': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
}

/** Node's parseArgs messages run on over several lines with advice about `--`; keep one line. */
function parseErrorLine(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const ambiguous = /^Option '(-[-\w]+)' argument is ambiguous/.exec(message);
  if (ambiguous) return `${ambiguous[1]} needs a value; one that starts with - is written ${ambiguous[1]}=-VALUE`;
  return message.split('\n')[0].split(/\. (?=[A-Z])/)[0].replace(/\.$/, '');
}

/** `--jobs -1` reads as a value of --jobs, so the answer is the bounds of --jobs, not advice about dashes. */
function joinNegativeJobs(argv: string[]): string[] {
  const joined: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') return [...joined, ...argv.slice(i)];
    if ((arg === '--jobs' || arg === '-j') && /^-[0-9.]/.test(argv[i + 1] ?? '')) {
      joined.push(`--jobs=${argv[++i]}`);
    } else joined.push(arg);
  }
  return joined;
}

function oneOf<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  const found = allowed.find((a) => a === value);
  if (found === undefined) throw new UsageError(`${option} must be ${allowed.join(' or ')}, not "${value}"`);
  return found;
}

/** Threads: 1 to 64, written in decimal digits (not 1e2, 0x10 or 2.0), so a slip cannot start a thousand threads. */
const MAX_JOBS = 64;

function jobCount(option: string, value: string): number {
  const n = /^[0-9]{1,3}$/.test(value) ? Number(value) : NaN;
  if (!(n >= 1 && n <= MAX_JOBS)) throw new UsageError(`${option} must be a whole number from 1 to ${MAX_JOBS}, not "${value}"`);
  return n;
}

function shardOption(value: string): Shard {
  const shard = parseShard(value);
  if (shard === null) throw new UsageError(`--shard must be K/N with 1 <= K <= N (e.g. 2/8), not "${value}"`);
  return shard;
}
