// node esbuild.js --only=tools && node out/tools/secondCodingDraw.js [--seed N] [--exclude ID,ID,...] [--only ID,ID,...]
//   [--per-language N]
// Draws the documents of a blind second coding (test/corpus/labels/second-coding.tsv, codebook-coding.tsv): whole
// documents of the tuning half, never the test half, three per language, by a seeded shuffle, so anyone can repeat
// the draw. Documents studied or added in the same session (en41 on, zh40 on) are not eligible: they are being
// retired, studied or labelled while the second coding is made. --exclude takes out documents by id (en03, zh17),
// such as those an earlier coding already coded twice. --only draws from the listed documents alone, whatever their
// number (a fresh group, to be coded twice before anyone studies it), and --per-language sets how many are drawn per
// language (three by default). Prints the seed, the exclusions, the eligible and the drawn documents; reads only the
// document column of the labels.
import { readFileSync } from 'node:fs';
import { docLanguage } from './corpus';
import { seededOrder } from './seededOrder';
import { runTool } from './toolOutput';

const TUNING_HALF = 'test/corpus/labels/tuning-half.tsv';
/** Session 17's seed. */
const DEFAULT_SEED = 17;
const PER_LANGUAGE = 3;
/** The first document number of each language that is not eligible. */
const FIRST_EXCLUDED: Record<'en' | 'zh', number> = { en: 41, zh: 40 };

/** Each document of the label file with its number of sentences, in file order. */
export function documentSizes(labelFile: string): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const line of labelFile.split(/\r?\n/).slice(1)) {
    if (line === '') continue;
    const doc = line.slice(0, line.indexOf('\t'));
    sizes.set(doc, (sizes.get(doc) ?? 0) + 1);
  }
  return sizes;
}

/** A document's id, its language and number ("en03" of "en03-pen-register"). */
export function docId(doc: string): string {
  return /^(?:en|zh)\d+/.exec(doc)?.[0] ?? doc;
}

/**
 * Whether a document may be drawn: its id is not excluded, and it is one of `only` when given, else its number is
 * below its language's first excluded one.
 */
export function eligible(doc: string, excluded: ReadonlySet<string> = new Set(), only?: ReadonlySet<string>): boolean {
  if (excluded.has(docId(doc))) return false;
  if (only !== undefined) return only.has(docId(doc));
  const number = Number(/^(?:en|zh)(\d+)/.exec(doc)?.[1] ?? NaN);
  return number < FIRST_EXCLUDED[docLanguage(doc)];
}

/** The ids of a comma-separated list given to `option` (--exclude, --only); throws on one that is not a document id. */
export function parseExcluded(list: string | undefined, option = '--exclude'): Set<string> {
  if (list === undefined || list.startsWith('--')) throw new Error(`${option} takes document ids, such as en03,zh17`);
  const ids = list.split(',').filter((id) => id !== '');
  const bad = ids.find((id) => !/^(?:en|zh)\d+$/.test(id));
  if (bad !== undefined) throw new Error(`${option}: ${bad} is not a document id (such as en03 or zh17)`);
  return new Set(ids);
}

/** The drawn documents per language: the first `perLanguage` of the eligible ones in seeded order. */
export function drawDocuments(docs: readonly string[], seed: number, perLanguage: number, excluded: ReadonlySet<string> = new Set(), only?: ReadonlySet<string>): Record<'en' | 'zh', string[]> {
  const pool = docs.filter((d) => eligible(d, excluded, only));
  return {
    en: seededOrder(pool.filter((d) => docLanguage(d) === 'en'), seed).slice(0, perLanguage),
    zh: seededOrder(pool.filter((d) => docLanguage(d) === 'zh'), seed).slice(0, perLanguage),
  };
}

function main(argv: string[]): number {
  const at = argv.indexOf('--seed');
  const seed = at < 0 ? DEFAULT_SEED : Number(argv[at + 1]);
  if (!Number.isInteger(seed)) throw new Error('--seed takes an integer');
  const excludeAt = argv.indexOf('--exclude');
  const excluded = excludeAt < 0 ? new Set<string>() : parseExcluded(argv[excludeAt + 1]);
  const onlyAt = argv.indexOf('--only');
  const only = onlyAt < 0 ? undefined : parseExcluded(argv[onlyAt + 1], '--only');
  const perAt = argv.indexOf('--per-language');
  const perLanguage = perAt < 0 ? PER_LANGUAGE : Number(argv[perAt + 1]);
  if (!Number.isInteger(perLanguage) || perLanguage < 1) throw new Error('--per-language takes a whole number of documents');
  const sizes = documentSizes(readFileSync(TUNING_HALF, 'utf8'));
  for (const [option, ids] of [['--exclude', excluded], ['--only', only ?? new Set<string>()]] as const) {
    const unknown = [...ids].filter((id) => ![...sizes.keys()].some((d) => docId(d) === id));
    if (unknown.length > 0) throw new Error(`${option}: ${unknown.join(', ')} not in ${TUNING_HALF}`);
  }
  const drawn = drawDocuments([...sizes.keys()], seed, perLanguage, excluded, only);
  const without = excluded.size > 0 ? `, except ${[...excluded].sort().join(', ')}` : '';
  const pool = only === undefined ? `tuning-half documents below en${FIRST_EXCLUDED.en} and zh${FIRST_EXCLUDED.zh}` : `only ${[...only].sort().join(', ')}`;
  console.log(`seed ${seed}; eligible: ${pool}${without}`);
  for (const language of ['en', 'zh'] as const) {
    const pool = [...sizes.keys()].filter((d) => eligible(d, excluded, only) && docLanguage(d) === language);
    const total = drawn[language].reduce((n, d) => n + (sizes.get(d) ?? 0), 0);
    console.log(`${language}: ${pool.length} eligible; drawn ${drawn[language].map((d) => `${d} (${sizes.get(d)})`).join(', ')}; ${total} sentences`);
  }
  return 0;
}

if (require.main === module) runTool(main);
