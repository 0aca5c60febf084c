// node esbuild.js --only=tools && node out/tools/secondCodingDraw.js [--seed N]
// Draws the documents of the blind second coding (test/corpus/labels/second-coding.tsv): whole documents of the
// tuning half, never the test half, three per language, by a seeded shuffle, so anyone can repeat the draw.
// Documents studied or added in the same session (en41 on, zh40 on) are not eligible: they are being retired,
// studied or labelled while the second coding is made. Prints the seed, the eligible and the drawn documents;
// reads only the document column of the labels.
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

/** Whether a document may be drawn: its number is below its language's first excluded one. */
export function eligible(doc: string): boolean {
  const number = Number(/^(?:en|zh)(\d+)/.exec(doc)?.[1] ?? NaN);
  return number < FIRST_EXCLUDED[docLanguage(doc)];
}

/** The drawn documents per language: the first `perLanguage` of the eligible ones in seeded order. */
export function drawDocuments(docs: readonly string[], seed: number, perLanguage: number): Record<'en' | 'zh', string[]> {
  const pool = docs.filter(eligible);
  return {
    en: seededOrder(pool.filter((d) => docLanguage(d) === 'en'), seed).slice(0, perLanguage),
    zh: seededOrder(pool.filter((d) => docLanguage(d) === 'zh'), seed).slice(0, perLanguage),
  };
}

function main(argv: string[]): number {
  const at = argv.indexOf('--seed');
  const seed = at < 0 ? DEFAULT_SEED : Number(argv[at + 1]);
  if (!Number.isInteger(seed)) throw new Error('--seed takes an integer');
  const sizes = documentSizes(readFileSync(TUNING_HALF, 'utf8'));
  const drawn = drawDocuments([...sizes.keys()], seed, PER_LANGUAGE);
  console.log(`seed ${seed}; eligible: tuning-half documents below en${FIRST_EXCLUDED.en} and zh${FIRST_EXCLUDED.zh}`);
  for (const language of ['en', 'zh'] as const) {
    const pool = [...sizes.keys()].filter((d) => eligible(d) && docLanguage(d) === language);
    const total = drawn[language].reduce((n, d) => n + (sizes.get(d) ?? 0), 0);
    console.log(`${language}: ${pool.length} eligible; drawn ${drawn[language].map((d) => `${d} (${sizes.get(d)})`).join(', ')}; ${total} sentences`);
  }
  return 0;
}

if (require.main === module) runTool(main);
