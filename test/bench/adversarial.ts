// The bench's adversarial section (issue 15): input built to make analysis slow. Each row is timed in turn with
// ordinary text of the same size, analysed by the same kind of engine, and must cost at most 3× as much per MB;
// a lexicon of 100,000 entries must build in under 2 s. Together they say analysis stays linear in its input.
import { Engine, builtinLexicons, LexiconEntrySource, LexiconSource } from '../../src/core';
import { Random } from '../unit/helpers/random';
import { englishText } from './corpus';
import { Figure, figure, median } from './figures';

const MB = 1e6;
const MAX_RATIO = 3;
const BUILD_LIMIT_MS = 2000;

export interface AdversarialSettings {
  quick: boolean;
  reps: number;
  seed: number;
}

let blackhole = 0;

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Milliseconds per run of each of `runs`, taken in turn so that load on a shared machine falls on all alike. */
function inTurn(reps: number, runs: Array<() => void>): number[][] {
  const times: number[][] = runs.map(() => []);
  for (let r = 0; r < reps; r++) {
    runs.forEach((run, i) => {
      gc();
      const t = performance.now();
      run();
      times[i].push(performance.now() - t);
    });
  }
  return times;
}

/** Ordinary text cut or padded to exactly `chars` UTF-16 units, so both sides of a row have the same size. */
function ordinary(seed: number, chars: number): string {
  let text = englishText(seed, chars);
  while (text.length < chars) text += text;
  return text.slice(0, chars);
}

function analyse(engine: Engine, text: string): void {
  const a = engine.analyze(text);
  blackhole += a.tally().words + a.matchesInRange(0, 3000).length;
}

/** One row: `hostile` against `reference` (same length), per MB, by the same or a matching engine. */
function row(name: string, reps: number, hostile: { engine: Engine; text: string }, reference: { engine: Engine; text: string }): Figure[] {
  const bytes = Buffer.byteLength(hostile.text, 'utf8');
  const referenceBytes = Buffer.byteLength(reference.text, 'utf8');
  const [referenceMs, hostileMs] = inTurn(reps, [() => analyse(reference.engine, reference.text), () => analyse(hostile.engine, hostile.text)]);
  const perMb = hostileMs.map((ms) => ms / (bytes / MB));
  const referencePerMb = referenceMs.map((ms) => ms / (referenceBytes / MB));
  // Paired per repetition: the two runs of one repetition saw the same load.
  const ratios = perMb.map((ms, i) => ms / referencePerMb[i]);
  const ratio = median(ratios);
  return [
    figure(`  ordinary text for "${name}"`, referencePerMb, 'ms/MB', 'reference', null),
    figure(name, perMb, 'ms/MB', `<= ${MAX_RATIO}x ordinary`, () => ratio <= MAX_RATIO, ratio),
  ];
}

/** `count` distinct random prefixes of 3 to 6 letters, each a wildcard entry. */
function wildcardEntries(r: Random, count: number): LexiconEntrySource[] {
  const terms = new Set<string>();
  while (terms.size < count) {
    let t = '';
    for (let k = 3 + r.int(4); k > 0; k--) t += String.fromCharCode(97 + r.int(26));
    terms.add(`${t}*`);
  }
  return [...terms].map((term) => ({ term, category: r.pick(['surveillance', 'consultation', 'sanctions', 'rights']) }));
}

/** `count` distinct entries: words, two-word phrases and Han terms, as a large user lexicon would have. */
function manyEntries(r: Random, count: number): LexiconEntrySource[] {
  const terms = new Set<string>();
  const word = (): string => Array.from({ length: 4 + r.int(6) }, () => String.fromCharCode(97 + r.int(26))).join('');
  const han = (): string => Array.from({ length: 2 + r.int(3) }, () => String.fromCharCode(0x4e00 + r.int(0x5000))).join('');
  while (terms.size < count) {
    const kind = r.int(10);
    terms.add(kind < 5 ? word() : kind < 8 ? `${word()} ${word()}` : han());
  }
  return [...terms].map((term) => ({ term, category: r.pick(['surveillance', 'consultation', 'sanctions', 'rights']) }));
}

function userLexicon(entries: LexiconEntrySource[]): LexiconSource {
  const builtin = builtinLexicons()[0];
  return { name: 'adversarial', version: '0.0.1', language: 'en', categories: builtin.categories, entries };
}

export function adversarial(settings: AdversarialSettings): Figure[] {
  const r = new Random(settings.seed + 15);
  const engine = new Engine(builtinLexicons());
  const size = settings.quick ? 0.5 * MB : 2 * MB;
  const longLine = settings.quick ? 10 * MB : 100 * MB;
  const reps = settings.quick ? 3 : 5;
  const figures: Figure[] = [];

  for (const unit of ['no fine ', 'not monitor ', '不得不 不得 ']) {
    const flood = unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
    figures.push(...row(`cue flood "${unit.trim()}" ×${Math.round(size / unit.length)}, one sentence`, reps, { engine, text: flood }, { engine, text: ordinary(settings.seed, flood.length) }));
  }

  {
    const withBreaks = ordinary(settings.seed + 1, longLine);
    const oneLine = withBreaks.replace(/[\r\n]/g, ' ');
    // Two repetitions: each side is 100 MB and takes seconds.
    figures.push(...row(`one ${longLine / MB} MB line`, settings.quick ? 3 : 2, { engine, text: oneLine }, { engine, text: withBreaks }));
  }

  {
    const wild = new Engine([...builtinLexicons(), userLexicon(wildcardEntries(r, 10_000))]);
    const withUser = new Engine([...builtinLexicons(), userLexicon([{ term: 'zzzzunused', category: 'rights' }])]);
    const text = ordinary(settings.seed + 2, size);
    figures.push(...row('10,000 wildcard entries (prefix*), ordinary text', reps, { engine: wild, text }, { engine: withUser, text }));
  }

  {
    const entries = manyEntries(r, 100_000);
    const lexicons = [...builtinLexicons(), userLexicon(entries)];
    const cpuMs: number[] = [];
    const [buildMs] = inTurn(settings.quick ? 2 : 3, [
      () => {
        const before = process.cpuUsage();
        blackhole += new Engine(lexicons).lexiconInfo.entries;
        const used = process.cpuUsage(before);
        cpuMs.push((used.user + used.system) / 1000);
      },
    ]);
    figures.push(figure('lexicon build, 100,000 entries', buildMs, 'ms', `< ${BUILD_LIMIT_MS} ms`, (ms) => ms < BUILD_LIMIT_MS));
    // The process's CPU time for the same builds (the collector's threads included): on a loaded machine the wall
    // time above waits for a core, and this says how much of it was work.
    figures.push(figure('  lexicon build, 100,000 entries: CPU time', cpuMs, 'ms', 'info', null));
  }
  if (blackhole === -1) figures.length = 0;
  return figures;
}
