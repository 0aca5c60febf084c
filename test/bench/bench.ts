// `npm run bench`: measures every performance target in one run, each against a reference timed in the same run
// (the char-code floor loop, a floor process, the peers, the host's own open time). Prints a table; `--json` prints
// one JSON object per figure per line (docs/performance.md is generated from it: `npm run bench:doc`); `--quick` uses
// smaller corpora and fewer repetitions; `--only=engine,peers,editor,cli,adversarial,host` runs those sections; `--no-host`
// leaves out the real-editor rows, which come from the real-host runner's bench mode (`npm run bench:host`).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Engine, analyzeAsync, builtinLexicons } from '../../src/core';
import { Matcher } from '../../src/core/matcher';
import { NO_PATH } from '../../src/core/pathAutomaton';
import { Random } from '../unit/helpers/random';
import { chineseText, corpusFiles, englishText } from './corpus';
import { Figure, figure, median, quantile } from './figures';
import { adversarial } from './adversarial';
import { analyse, denseText, peersFor } from './peers';
import { runMeta } from './runMeta';

interface Settings {
  quick: boolean;
  json: boolean;
  seed: number;
  reps: number;
  throughputSizes: number[];
  keystrokeDoc: number;
  edits: number;
  memoryCorpus: { total: number; sizes: number[] };
  smallFiles: { count: number; size: number };
  /** Sections to run (see main), or null for all of them. */
  only: string[] | null;
  /** Whether the real-host rows are measured (they need code-server and Chromium); --no-host leaves them out. */
  host: boolean;
  /** Sizes of the single files the whole CLI process is timed on. */
  cliFiles: number[];
}

const MB = 1e6;
/** Characters on one screen of an editor. */
const SCREEN = 3_000;
const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');

function settingsFrom(argv: string[]): Settings {
  const quick = argv.includes('--quick');
  const seedArg = argv.find((a) => a.startsWith('--seed='));
  const onlyArg = argv.find((a) => a.startsWith('--only='));
  return {
    quick,
    json: argv.includes('--json'),
    seed: seedArg ? Number(seedArg.slice('--seed='.length)) : 20260101,
    reps: quick ? 3 : 5,
    throughputSizes: quick ? [0.2 * MB, 2 * MB] : [0.2 * MB, 1 * MB, 10 * MB, 50 * MB],
    keystrokeDoc: 5 * MB,
    edits: quick ? 40 : 200,
    memoryCorpus: quick
      ? { total: 10 * MB, sizes: [2 * MB, 200e3, 500e3, 50e3, 1 * MB] }
      : { total: 50 * MB, sizes: [10 * MB, 200e3, 1 * MB, 50e3, 3 * MB, 500e3, 100e3, 2 * MB, 20e3, 700e3] },
    smallFiles: quick ? { count: 2000, size: 3000 } : { count: 10000, size: 3000 },
    only: onlyArg ? onlyArg.slice('--only='.length).split(',') : null,
    host: !argv.includes('--no-host'),
    cliFiles: quick ? [2 * MB] : [10 * MB, 30 * MB],
  };
}

// ---- measuring ----

let blackhole = 0;

function gc(): void {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (collect) collect();
}

/** One warm-up, then `reps` timed runs, in milliseconds. */
function time(reps: number, run: () => void): number[] {
  run();
  const times: number[] = [];
  for (let i = 0; i < reps; i++) {
    gc();
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return times;
}

/**
 * Like `time` for several jobs, run in turn within each repetition, so that a burst of load on a noisy machine
 * hits all of them rather than one: their ratio is what the targets compare.
 */
function timeInTurn(reps: number, runs: Array<() => void>): number[][] {
  for (const run of runs) run();
  const times: number[][] = runs.map(() => []);
  for (let i = 0; i < reps; i++) {
    runs.forEach((run, j) => {
      gc();
      const start = performance.now();
      run();
      times[j].push(performance.now() - start);
    });
  }
  return times;
}

/**
 * A speed relative to the reference's, from times taken in turn (timeInTurn): the median over repetitions of the
 * ratio within each. On a shared machine the load drifts within a run (the floor loop has ranged from 150 to 250
 * MB/s in one), and a ratio of two medians can pair a fast floor with a slow analysis; each repetition's pair
 * ran under the same load.
 */
function pairedRatio(referenceMs: number[], measuredMs: number[]): number {
  return median(referenceMs.map((reference, i) => reference / measuredMs[i]));
}

/** Throughputs from times: the median of MB/s is the MB/s of the median time. */
function mbPerSecond(bytes: number, timesMs: number[]): number[] {
  return timesMs.map((ms) => bytes / MB / (ms / 1000));
}

// ---- the floor ----

/** The floor: one pass over char codes finding runs of letters and digits (every non-ASCII code counts as a letter). */
function floorLoop(text: string): number {
  let runs = 0;
  let inRun = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c >= 0x80;
    if (letter && !inRun) runs++;
    inRun = letter;
  }
  return runs;
}

// ---- figures ----

function throughput(settings: Settings, engine: Engine, label: string, text: string): Figure[] {
  const bytes = Buffer.byteLength(text, 'utf8');
  const size = `${label} ${formatSize(bytes)}`;
  // Small texts are processed several times per measurement, so that timer resolution does not matter.
  const rounds = Math.max(1, Math.round((2 * MB) / bytes));
  // A measurement of a text under 5 MB lasts tens of milliseconds, so a burst of load on a shared machine moves it
  // most; three times the repetitions cost little and steady its median.
  const reps = bytes < 5 * MB ? settings.reps * 3 : settings.reps;
  const [floorMs, analysisMs] = timeInTurn(reps, [
    () => {
      for (let i = 0; i < rounds; i++) blackhole += floorLoop(text);
    },
    () => {
      for (let i = 0; i < rounds; i++) {
        // What opening a document costs: the analysis, its tally, and the first screen's annotations as objects.
        const a = engine.analyze(text);
        blackhole += a.tally().words + a.matchesInRange(0, SCREEN).length;
      }
    },
  ]);
  const floor = mbPerSecond(bytes * rounds, floorMs);
  const analysis = mbPerSecond(bytes * rounds, analysisMs);
  const ratio = pairedRatio(floorMs, analysisMs);
  // Every annotation as a Match object, as a CLI report or an export needs them: measured apart, since the editor never asks for all.
  const done = engine.analyze(text);
  const objects = mbPerSecond(bytes, time(settings.reps, () => (blackhole += done.matches().length)));
  // The analysis again with every section read as a SectionTally object, as the sidebar and the outline need them.
  const withSections = mbPerSecond(
    bytes,
    time(settings.reps, () => {
      const a = engine.analyze(text);
      blackhole += a.tally().sections.length + a.matchesInRange(0, SCREEN).length;
    }),
  );
  const sections = done.tally().sections.length;
  return [
    figure(`floor loop, ${size}`, floor, 'MB/s', 'reference', null),
    figure(`full analysis, ${size}`, analysis, 'MB/s', '>= 1/3 of floor', () => ratio >= 1 / 3, ratio),
    figure(`  all ${done.matches().length} annotations as objects, ${size}`, objects, 'MB/s', 'info', null),
    figure(`  full analysis with all ${sections} sections as objects, ${size}`, withSections, 'MB/s', 'info', null, median(withSections) / median(floor)),
  ];
}

/**
 * A lower bound for Chinese: only the lexicon automaton stepped over the Han characters, with no tokens, sentences,
 * annotations, blocks or tally, timed in turn with the floor loop. It shows how much of a third of the floor the
 * design has left for the rest.
 */
function automatonAlone(settings: Settings, text: string): Figure[] {
  const matcher = new Matcher(builtinLexicons());
  const automaton = matcher.automaton;
  const step = (): number => {
    let state = NO_PATH;
    let found = 0;
    for (let i = 0; i < text.length; i++) {
      const symbol = matcher.hanSymbol(text.charCodeAt(i));
      state = symbol < 0 ? NO_PATH : automaton.next(state, symbol);
      found += automaton.outStart[state + 1] - automaton.outStart[state];
    }
    return found;
  };
  const [floorMs, automatonMs] = timeInTurn(settings.reps, [() => (blackhole += floorLoop(text)), () => (blackhole += step())]);
  const bytes = Buffer.byteLength(text, 'utf8');
  const ratio = pairedRatio(floorMs, automatonMs);
  return [figure(`  the lexicon automaton alone over the Han characters, Chinese ${formatSize(bytes)}`, mbPerSecond(bytes, automatonMs), 'MB/s', 'info', null, ratio)];
}

/**
 * Full analysis against the peers on the same dense text (the sample and the development sentences, repeated),
 * all timed in turn within each repetition. The target is a lead of 2x over the faster peer.
 */
function peers(settings: Settings, engine: Engine, language: 'en' | 'zh'): Figure[] {
  const text = denseText(language, settings.quick ? 0.5 * MB : 1 * MB);
  const peerText = language === 'en' ? text.toLowerCase() : text;
  const bytes = Buffer.byteLength(text, 'utf8');
  const label = `${language === 'en' ? 'English' : 'Chinese'} dense ${formatSize(bytes)}`;
  const list = peersFor(language);
  const [analysisMs, ...peerMs] = timeInTurn(settings.reps * 3, [() => (blackhole += analyse(engine, text, SCREEN)), ...list.map((p) => () => (blackhole += p.run(peerText)))]);
  // Per repetition, the analysis's speed over the faster peer's in that repetition.
  const leads = analysisMs.map((ms, i) => Math.min(...peerMs.map((times) => times[i])) / ms);
  const lead = median(leads);
  return [
    figure(`full analysis, ${label}`, mbPerSecond(bytes, analysisMs), 'MB/s', 'reference', null),
    ...list.map((p, j) => figure(`  peer: ${p.name}, ${label}`, mbPerSecond(bytes, peerMs[j]), 'MB/s', 'info', null, median(analysisMs.map((ms, i) => peerMs[j][i] / ms)))),
    { ...figure(`full analysis over the faster peer, ${label}`, leads, 'x', '>= 2', () => lead >= 2, lead), value: lead },
  ];
}

function keystrokes(settings: Settings, engine: Engine): Figure[] {
  const r = new Random(settings.seed + 7);
  let text = englishText(settings.seed + 5, settings.keystrokeDoc);
  const analysis = engine.analyze(text);
  analysis.tally();
  const latencies: number[] = [];
  const edits: number[] = [];
  const tallies: number[] = [];
  for (let i = 0; i < settings.edits; i++) {
    const pos = r.int(text.length);
    const kind = r.next();
    const inserted = kind < 0.6 ? String.fromCharCode(97 + r.int(26)) : kind < 0.9 ? '' : r.pick(['.', ' ', '\n']);
    const oldEnd = inserted === '' ? pos + 1 : pos;
    const next = flat(text.slice(0, pos) + inserted + text.slice(oldEnd));
    const start = performance.now();
    analysis.applyEdit(pos, oldEnd, next);
    const edited = performance.now();
    blackhole += analysis.tally().words;
    const tallied = performance.now();
    blackhole += analysis.matchesInRange(Math.max(0, pos - 5000), pos + 5000).length;
    latencies.push(performance.now() - start);
    edits.push(edited - start);
    tallies.push(tallied - edited);
    text = next;
  }
  const full = time(settings.reps, () => {
    const a = engine.analyze(text);
    blackhole += a.tally().words + a.matches().length;
  });
  const fresh = engine.analyze(text);
  const same = JSON.stringify(fresh.tally()) === JSON.stringify(analysis.tally()) && JSON.stringify(fresh.matches()) === JSON.stringify(analysis.matches());
  const ratio = median(full) / median(latencies);
  const doc = formatSize(settings.keystrokeDoc);
  return [
    figure(`keystroke re-annotation, ${doc} (median of ${settings.edits})`, latencies, 'ms', '<= 16', (m) => m <= 16),
    { ...figure(`keystroke re-annotation, ${doc}, p95`, latencies, 'ms', 'info', null), value: quantile(latencies, 0.95) },
    figure('  of which applyEdit', edits, 'ms', 'info', null),
    figure('  of which tally()', tallies, 'ms', 'info', null),
    figure(`full re-analysis, ${doc}`, full, 'ms', '>= 20x keystroke', () => ratio >= 20, ratio),
    figure(`incremental equals full after ${settings.edits} edits`, [same ? 1 : 0], 'yes=1', '= 1', (v) => v === 1),
  ];
}

/**
 * Opening a long document as the extension does: first the visible window (one screen plus a margin of 5,000
 * characters, snapped to a line end) analysed on its own, then the whole text in slices that yield to the event loop.
 */
async function opening(settings: Settings, engine: Engine): Promise<Figure[]> {
  const text = englishText(settings.seed + 11, settings.keystrokeDoc);
  const screen = SCREEN;
  const visible = time(settings.reps, () => {
    const lineEnd = text.indexOf('\n', screen + 5_000);
    const window = text.slice(0, lineEnd === -1 ? text.length : lineEnd);
    blackhole += engine.analyze(window).matchesInRange(0, screen).length;
  });
  const slices: number[] = [];
  const totals: number[] = [];
  for (let i = 0; i <= settings.reps; i++) {
    gc();
    let last = performance.now();
    const start = last;
    const longest = { ms: 0 };
    const analysis = await analyzeAsync(engine, text, {}, () => {
      const now = performance.now();
      longest.ms = Math.max(longest.ms, now - last);
      return new Promise<void>((resolve) =>
        setImmediate(() => {
          last = performance.now();
          resolve();
        }),
      );
    });
    blackhole += analysis.tally().words;
    longest.ms = Math.max(longest.ms, performance.now() - last);
    if (i > 0) {
      slices.push(longest.ms);
      totals.push(performance.now() - start);
    }
  }
  const doc = formatSize(settings.keystrokeDoc);
  return [
    figure(`first visible range of a ${doc} document`, visible, 'ms', '<= 100', (m) => m <= 100),
    figure(`background analysis of ${doc}, longest slice`, slices, 'ms', '<= 50', (m) => m <= 50),
    figure(`background analysis of ${doc}, total`, totals, 'ms', 'info', null),
  ];
}

interface CliRun {
  ms: number;
  maxRssMb: number;
  /** CPU time of all the child's threads over its own run time: how many cores it kept busy. */
  cores: number;
}

/** Runs a Node script in a child process, its standard output thrown away, and reads its peak memory and CPU time. */
function runNode(preload: string, script: string, args: string[]): CliRun {
  const start = performance.now();
  const child = spawnSync(process.execPath, ['--require', preload, script, ...args], { stdio: ['ignore', 'ignore', 'pipe', 'pipe'], maxBuffer: 1 << 26 });
  const ms = performance.now() - start;
  if (child.status !== 0) throw new Error(`${path.basename(script)} ${args.join(' ')} exited with ${child.status}: ${String(child.stderr).trim()}`);
  const report = JSON.parse(String(child.output[3])) as { maxRSS: number; cpuMs: number; ms: number };
  return { ms, maxRssMb: (report.maxRSS * 1024) / MB, cores: report.cpuMs / report.ms };
}

function runCli(preload: string, args: string[]): CliRun {
  return runNode(preload, CLI, args);
}

/** A warm-up of each, then the argument lists in turn, `reps` times. */
function cliRuns(settings: Settings, preload: string, ...argLists: string[][]): CliRun[][] {
  for (const args of argLists) runCli(preload, args);
  const runs: CliRun[][] = argLists.map(() => []);
  for (let i = 0; i < settings.reps; i++) argLists.forEach((args, j) => runs[j].push(runCli(preload, args)));
  return runs;
}

/** The floor process: starts Node, reads the file as the CLI does (whole, as UTF-8) and runs the floor loop over it. */
const FLOOR_PROCESS = `const text = require('fs').readFileSync(process.argv[2], 'utf8');
let runs = 0;
let inRun = false;
for (let i = 0; i < text.length; i++) {
  const c = text.charCodeAt(i);
  const letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c >= 0x80;
  if (letter && !inRun) runs++;
  inRun = letter;
}
process.stdout.write(runs + '\\n');
`;

/**
 * The whole CLI process (start, lexicon build, read, analysis, report written) on one big file in each output format,
 * against the floor process on the same file: all four in turn within each repetition, the ratio taken per repetition.
 */
function cliEndToEnd(settings: Settings, dir: string, preload: string, floorScript: string, bytes: number): Figure[] {
  const file = corpus(dir, `one-${settings.seed}-${bytes}`, () => [{ name: 'one.txt', text: englishText(settings.seed + 21, bytes) }]);
  const target = path.join(file.dir, 'one.txt');
  const jobs: Array<{ name: string; run: () => CliRun }> = [
    { name: 'floor', run: () => runNode(preload, floorScript, [target]) },
    { name: '--format text', run: () => runCli(preload, ['--format', 'text', target]) },
    { name: '--format json', run: () => runCli(preload, ['--format', 'json', target]) },
    { name: '--jsonl', run: () => runCli(preload, ['--jsonl', target]) },
  ];
  for (const job of jobs) job.run();
  const runs: CliRun[][] = jobs.map(() => []);
  for (let i = 0; i < settings.reps; i++) jobs.forEach((job, j) => runs[j].push(job.run()));
  const size = formatSize(file.bytes);
  const floorMs = runs[0].map((r) => r.ms);
  const budget = (6 * file.bytes) / MB + 100;
  const figures = [figure(`floor process (start, read, floor loop), ${size} file`, floorMs, 'ms', 'reference', null)];
  jobs.slice(1).forEach((job, k) => {
    const own = runs[k + 1];
    const limit = job.name === '--format text' ? 2 : 3;
    const ratios = own.map((r, i) => r.ms / floorMs[i]);
    const ratio = median(ratios);
    figures.push({ ...figure(`CLI ${job.name}, ${size} file, time over floor process`, ratios, 'x', `<= ${limit}`, () => ratio <= limit, ratio), value: ratio });
    figures.push(figure(`  CLI ${job.name}, ${size} file, time`, own.map((r) => r.ms), 'ms', 'info', null));
    const peak = own.map((r) => r.maxRssMb);
    figures.push(figure(`  CLI ${job.name}, ${size} file, peak memory`, peak, 'MB', `< ${budget.toFixed(0)} (6x file + 100)`, (m) => m < budget, median(peak) / budget));
  });
  return figures;
}

function cliFigures(settings: Settings, dir: string): Figure[] {
  const preload = path.join(dir, 'maxrss.js');
  fs.writeFileSync(
    preload,
    "process.on('exit', () => { const u = process.resourceUsage(); require('fs').writeSync(3, JSON.stringify({ maxRSS: u.maxRSS, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000, ms: process.uptime() * 1000 })); });\n",
  );
  const figures: Figure[] = [];
  const floorScript = path.join(dir, 'floor.js');
  fs.writeFileSync(floorScript, FLOOR_PROCESS);
  for (const bytes of settings.cliFiles) figures.push(...cliEndToEnd(settings, dir, preload, floorScript, bytes));

  const mixed = corpus(dir, `mixed-${settings.seed}-${settings.memoryCorpus.total}`, () => corpusFiles(settings.seed, settings.memoryCorpus.total, settings.memoryCorpus.sizes));
  const budget = 6 * mixed.largest / MB + 100;
  const largest = path.join(mixed.dir, largestFile(mixed.dir));
  const [mixedRuns, largestRuns] = cliRuns(settings, preload, [mixed.dir], [largest]);
  const mixedPeak = median(mixedRuns.map((r) => r.maxRssMb));
  const flatness = mixedRuns.map((r, i) => r.maxRssMb / largestRuns[i].maxRssMb);
  figures.push(
    figure(`CLI peak memory, ${formatSize(mixed.bytes)} corpus (${mixed.files} files, largest ${formatSize(mixed.largest)})`, mixedRuns.map((r) => r.maxRssMb), 'MB', `< ${budget.toFixed(0)} (6x largest + 100)`, (m) => m < budget, mixedPeak / budget),
    { ...figure(`CLI peak memory, ${mixed.files} files over their largest file alone`, flatness, 'x', '<= 1.15 (flat in files)', (m) => m <= 1.15, median(flatness)), value: median(flatness) },
    figure(`CLI throughput, ${formatSize(mixed.bytes)} mixed corpus`, mixedRuns.map((r) => mixed.bytes / MB / (r.ms / 1000)), 'MB/s', 'info', null),
  );

  const { count, size } = settings.smallFiles;
  const small = corpus(dir, `small-${settings.seed}-${count}x${size}`, () => smallFiles(settings.seed, count, size));
  const big = corpus(dir, `big-${settings.seed}-${count}x${size}`, () => oneBigFile(small.dir));
  const [smallRuns, bigRuns] = cliRuns(settings, preload, [small.dir], [big.dir]);
  const smallRate = smallRuns.map((r) => small.bytes / MB / (r.ms / 1000));
  const bigRate = bigRuns.map((r) => big.bytes / MB / (r.ms / 1000));
  const ratio = median(bigRate) / median(smallRate);
  const smallBudget = 6 * small.largest / MB + 100;
  figures.push(
    figure(`CLI throughput, one ${formatSize(big.bytes)} file`, bigRate, 'MB/s', 'reference', null),
    figure(`CLI throughput, ${count} files of ${formatSize(size)}`, smallRate, 'MB/s', 'one file / this <= 1.5', () => ratio <= 1.5, ratio),
    figure(`CLI cores kept busy, ${count} files`, smallRuns.map((r) => r.cores), 'cores', '>= 1.5 (both used)', (m) => m >= 1.5),
    figure(`CLI peak memory, ${count} files`, smallRuns.map((r) => r.maxRssMb), 'MB', `< ${smallBudget.toFixed(0)} (6x largest + 100)`, (m) => m < smallBudget, median(smallRuns.map((r) => r.maxRssMb)) / smallBudget),
  );
  return figures;
}

/** The name of the biggest file in a folder tree, relative to it. */
function largestFile(dir: string): string {
  let best = { name: '', size: -1 };
  for (const name of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const stat = fs.statSync(path.join(dir, name));
    if (stat.isFile() && stat.size > best.size) best = { name, size: stat.size };
  }
  return best.name;
}

// ---- corpora on disk, kept between runs (same seed and sizes give the same files) ----

interface Corpus {
  dir: string;
  files: number;
  bytes: number;
  largest: number;
}

function corpus(root: string, name: string, make: () => Iterable<{ name: string; text: string }>): Corpus {
  const dir = path.join(root, name);
  const done = path.join(root, `${name}.json`);
  if (fs.existsSync(done)) return JSON.parse(fs.readFileSync(done, 'utf8')) as Corpus;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const made: Corpus = { dir, files: 0, bytes: 0, largest: 0 };
  for (const file of make()) {
    const target = path.join(dir, file.name);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, file.text);
    const bytes = Buffer.byteLength(file.text, 'utf8');
    made.files++;
    made.bytes += bytes;
    made.largest = Math.max(made.largest, bytes);
  }
  fs.writeFileSync(done, JSON.stringify(made));
  return made;
}

/** English files in folders of 500, as a corpus on disk tends to be organised. */
function* smallFiles(seed: number, count: number, size: number): Generator<{ name: string; text: string }> {
  for (let i = 0; i < count; i++) yield { name: `${String(Math.floor(i / 500)).padStart(3, '0')}/${String(i).padStart(6, '0')}.txt`, text: englishText(seed + i, size) };
}

/** The small files' texts, concatenated in the order the CLI reads them: the same text as one file. */
function* oneBigFile(smallDir: string): Generator<{ name: string; text: string }> {
  const parts: string[] = [];
  for (const folder of fs.readdirSync(smallDir).sort()) {
    for (const file of fs.readdirSync(path.join(smallDir, folder)).sort()) parts.push(fs.readFileSync(path.join(smallDir, folder, file), 'utf8'));
  }
  yield { name: 'all.txt', text: parts.join('\n\n') };
}

// ---- output ----

function formatSize(bytes: number): string {
  if (bytes >= MB) return `${Number((bytes / MB).toFixed(1))} MB`;
  return `${Number((bytes / 1e3).toFixed(1))} KB`;
}

function formatNumber(x: number): string {
  if (x === 0) return '0';
  if (Math.abs(x) >= 100) return x.toFixed(0);
  if (Math.abs(x) >= 10) return x.toFixed(1);
  return x.toPrecision(3);
}

function table(figures: Figure[]): string {
  const rows = figures.map((f) => [
    f.name,
    formatNumber(f.value),
    `${formatNumber(f.min)}-${formatNumber(f.max)}`,
    f.unit,
    f.target,
    f.ratio === null ? '' : formatNumber(f.ratio),
    f.pass === null ? '' : f.pass ? 'pass' : 'FAIL',
  ]);
  const header = ['figure', 'median', 'min-max', 'unit', 'target', 'ratio', 'result'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 1 || i === 2 || i === 5 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** A rope built by slicing and concatenating becomes one flat string, as the editor hands it over. */
function flat(s: string): string {
  /^/.test(s);
  return s;
}

async function main(): Promise<void> {
  const settings = settingsFrom(process.argv.slice(2));
  const figures: Figure[] = [];
  const emit = (section: string, list: Figure[]): void => {
    figures.push(...list);
    if (settings.json) for (const f of list) process.stdout.write(`${JSON.stringify({ section, name: f.name, value: round(f.value), unit: f.unit, ratio: f.ratio === null ? null : round(f.ratio), min: round(f.min), max: round(f.max), target: f.target, pass: f.pass })}\n`);
    else process.stderr.write(list.map((f) => `  ${f.name}: ${formatNumber(f.value)} ${f.unit}\n`).join(''));
  };
  // A section run in a child (sectionInChild) prints figures only; the whole run's line comes from the parent.
  if (settings.json && !process.argv.includes(SECTION_CHILD)) process.stdout.write(`${JSON.stringify({ meta: runMeta(process.argv.slice(2).filter((a) => a !== '--json')) })}\n`);
  if (!settings.json) process.stderr.write(`policy-lens bench${settings.quick ? ' (quick)' : ''}: node ${process.version}, ${os.availableParallelism()} cores, seed ${settings.seed}\n`);

  const engine = new Engine(builtinLexicons());
  const dir = path.join(os.tmpdir(), 'policy-lens-bench');
  fs.mkdirSync(dir, { recursive: true });
  const sections: Record<string, () => Promise<Figure[]> | Figure[]> = {
    engine: () => {
      const built = time(settings.reps, () => (blackhole += new Engine(builtinLexicons()).lexiconInfo.entries));
      const figures = [figure('engine construction (built-in lexicons)', built, 'ms', 'info', null)];
      for (const size of settings.throughputSizes) figures.push(...throughput(settings, engine, 'English', englishText(settings.seed, size)));
      const chinese = chineseText(settings.seed + 1, settings.quick ? 2 * MB : 10 * MB);
      return [...figures, ...throughput(settings, engine, 'Chinese', chinese), ...automatonAlone(settings, chinese)];
    },
    peers: () => [...peers(settings, engine, 'en'), ...peers(settings, engine, 'zh')],
    editor: async () => [...keystrokes(settings, engine), ...(await opening(settings, engine))],
    cli: () => cliFigures(settings, dir),
    adversarial: () => adversarial(settings),
    host: () => realHost(settings),
  };
  const chosen = Object.keys(sections).filter((name) => (settings.only !== null ? settings.only.includes(name) : name !== 'host' || settings.host));
  for (const name of chosen) {
    // In a run of several sections each runs in a process of its own, so that what one section leaves in the heap
    // and in the compiled code (50 MB texts, code shaped by other inputs) does not slow the next one's figures.
    emit(name, chosen.length > 1 && name !== 'host' ? sectionInChild(name) : await sections[name]());
  }

  if (!settings.json) process.stdout.write(`${table(figures)}\n`);
  const failed = figures.filter((f) => f.pass === false);
  if (!settings.json && failed.length > 0) process.stdout.write(`\n${failed.length} target(s) not met.\n`);
  if (blackhole === -1) process.stdout.write('\n');
}

/** The real-host rows: the real-host runner's bench mode, run in a child process, hands back its figures. */
function realHost(settings: Settings): Figure[] {
  const out = path.join(os.tmpdir(), `policy-lens-host-bench-${process.pid}.jsonl`);
  const runner = path.join(ROOT, 'out/test/runner/run.js');
  const child = spawnSync(process.execPath, [runner, '--bench', out, ...(settings.quick ? ['--quick'] : [])], { stdio: ['ignore', 'inherit', 'inherit'] });
  try {
    const figures = fs.existsSync(out) ? fs.readFileSync(out, 'utf8').split('\n').filter((line) => line.length > 0).map((line) => JSON.parse(line) as Figure) : [];
    // A run that stopped early keeps what it measured, and fails a row of its own (`npm run bench:host` shows why).
    const completed = child.status === 0 ? 1 : 0;
    return [...figures, figure('real-host bench mode completed', [completed], 'yes=1', '= 1', (v) => v === 1)];
  } finally {
    fs.rmSync(out, { force: true });
  }
}

/** Marks the run of one section in a child process (its options are otherwise the parent's). */
const SECTION_CHILD = '--section-child';

/** One section's figures, measured by this script run again for that section alone (see main). */
function sectionInChild(name: string): Figure[] {
  const args = process.argv.slice(2).filter((a) => !a.startsWith('--only=') && a !== '--json');
  const child = spawnSync(process.execPath, [...process.execArgv, __filename, `--only=${name}`, '--json', SECTION_CHILD, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 64 * MB,
  });
  if (child.status !== 0) throw new Error(`the ${name} section stopped (exit ${child.status ?? child.signal})`);
  return child.stdout
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => {
      const { section: _section, ...rest } = JSON.parse(line) as Figure & { section: string };
      return rest;
    });
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

main().catch((err: unknown) => {
  process.stderr.write(`bench: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
