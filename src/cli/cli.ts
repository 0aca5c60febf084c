// The policy-lens command (dist/cliMain.js, run by dist/cli.js): arguments → lexicons → engine → documents streamed into one report.
// First, so that the heap settings hold before any other module allocates.
import { oneDocumentHeap } from './heapSettings';
import { Engine } from '../core';
import { reportHeader } from '../core/report';
import { GENERATOR } from '../node/generator';
import { HELP, UsageError, parseCliArgs, CliOptions } from './args';
import { Problem, checkPaths } from './inputs';
import { terminalLine } from './printable';
import { FatalError } from './fatalError';
import { loadReview, workspaceLexiconOf } from './annotations';
import { pathsFrom } from './fileList';
import { lexiconCommand } from './lexiconCommand';
import { mergeCommand } from './merge';
import { loadLexicons } from './lexicons';
import { OutputSink, ReportWriter } from './output';
import { refuseOverwritingInputs } from './outputTarget';
import type { WorkerPool } from './pool';
import { analyzeAll, earlyPool, RunSettings } from './run';
import { loadMatcherImage } from './matcherImageFile';
import { builtinSha256 } from '../core/builtinCompiled';
import { stderrMayHoldOutput } from './stderrUse';

const EXIT_OK = 0;
const EXIT_INTERNAL = 1;
const EXIT_BAD_INPUT = 2;

/** One line to the terminal; names in it are made printable and long paths cut (src/cli/printable.ts). */
function say(line: string): void {
  process.stderr.write(`policy-lens: ${terminalLine(line)}\n`);
}

function describe(p: Problem): string {
  return `${p.severity === 'warning' ? 'warning: ' : ''}${p.source}: ${p.message}`;
}

export async function main(argv: string[]): Promise<number> {
  const command = SUBCOMMANDS[argv[0] ?? ''];
  if (command) return subcommand(() => command(argv.slice(1), say));
  let options: CliOptions;
  try {
    options = parseCliArgs(argv);
  } catch (err: unknown) {
    if (!(err instanceof UsageError)) throw err;
    usage(err.message);
    return EXIT_BAD_INPUT;
  }
  if (options.help) {
    process.stdout.write(HELP);
    return EXIT_OK;
  }
  if (options.version) {
    process.stdout.write(`${GENERATOR.name} ${GENERATOR.version}\n`);
    return EXIT_OK;
  }
  const missing = checkPaths(options.paths);
  if (missing.length > 0) {
    for (const p of missing) say(describe(p));
    return EXIT_BAD_INPUT;
  }
  try {
    return await run(options);
  } catch (err: unknown) {
    if (!(err instanceof FatalError)) throw err;
    say(err.message);
    return EXIT_BAD_INPUT;
  }
}

/** Commands other than analysing: `lexicon export`, `merge`. Each lives in its own module. */
const SUBCOMMANDS: Record<string, (argv: string[], say: (line: string) => void) => Promise<number>> = {
  lexicon: lexiconCommand,
  merge: (argv) => mergeCommand(argv),
};

async function subcommand(body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (err: unknown) {
    if (err instanceof UsageError) usage(err.message);
    else if (err instanceof FatalError) say(err.message);
    else throw err;
    return EXIT_BAD_INPUT;
  }
}

function usage(message: string): void {
  say(message);
  process.stderr.write("Try 'policy-lens --help'.\n");
}

async function run(options: CliOptions): Promise<number> {
  // A reader that stops early (`| head`) is not an error: stop quietly, as other command-line tools do.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(EXIT_OK);
  });
  if (options.out !== null && options.out !== '-') refuseOverwritingInputs(options.out, options.paths, [...options.lexicons, ...[options.lexiconMap, options.filesFrom, options.annotations].filter((f): f is string => f !== null && f !== '-')]);
  oneDocumentHeap(options.paths, options.filesFrom);
  const review = loadReview(options.annotations, options.noAnnotations, options.paths);
  const lexicons = loadLexicons(options.lexicons, options.lexiconMode, options.lexiconMap, say, workspaceLexiconOf(review));
  // Before the pool, whose workers are sent the image the main thread loads.
  if (builtinSha256(lexicons) !== null) loadMatcherImage(__dirname, say);
  const settings = { lexicons, review, language: options.language, format: options.format, jobs: options.jobs };
  const pool = options.shard === null ? earlyPool(settings, options.paths) : null;
  try {
    return await analyseWith(options, settings, pool);
  } finally {
    await pool?.close();
  }
}

async function analyseWith(options: CliOptions, settings: Omit<RunSettings, 'paths' | 'shard' | 'engine'>, pool: WorkerPool | null): Promise<number> {
  let engine: Engine;
  try {
    engine = new Engine(settings.lexicons);
  } catch (err: unknown) {
    throw new FatalError(`lexicons: ${err instanceof Error ? err.message : String(err)}`);
  }
  const timestamp = options.timestamp ? new Date() : undefined;
  const sink = OutputSink.open(options.out);
  const writer = new ReportWriter(sink, options.format, () => reportHeader(GENERATOR, engine.lexiconInfo, timestamp), engine.categories);
  let errors = 0;
  try {
    await analyzeAll(
      { ...settings, paths: inputPaths(options), shard: options.shard, engine, pool },
      {
        document: (doc) => writer.document(doc),
        problem: (p) => {
          if (p.severity === 'error') errors++;
          say(describe(p));
        },
      },
    );
  } catch (err: unknown) {
    await sink.abandon();
    throw err;
  }
  if (writer.documents === 0 && options.shard !== null && errors === 0 && options.format !== 'text') {
    // A part of a corpus may hold nothing; its empty report still merges, so a parallel run need not special-case it.
    say(`warning: shard ${options.shard.index}/${options.shard.count} holds no document; its report lists none`);
    await writer.finishEmpty();
    await sink.commit();
    return EXIT_OK;
  }
  if (writer.documents === 0) {
    await sink.abandon();
    say('no document was analysed');
    return EXIT_BAD_INPUT;
  }
  await writer.finish();
  await sink.commit();
  return errors > 0 ? EXIT_BAD_INPUT : EXIT_OK;
}

/** The PATH arguments, then the --files-from list, read lazily. */
function* inputPaths(options: CliOptions): Generator<string | Buffer> {
  yield* options.paths;
  if (options.filesFrom === null) return;
  const out = options.out !== null && options.out !== '-' ? options.out : null;
  for (const p of pathsFrom(options.filesFrom)) {
    // The list is read as the run goes, so its paths are checked as they come; the report is still only a temporary
    // file then, and a refusal leaves the target as it was.
    if (out !== null) refuseOverwritingInputs(out, [p], []);
    yield p;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    leave(code);
  },
  (err: unknown) => {
    say(`internal error: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = EXIT_INTERNAL;
  },
);

/**
 * Ends the process once the run is done and its output written. Left to end on its own, Node frees the whole V8 heap
 * and its environment before the process exits; `process.exit` skips that (the 'exit' event is still emitted). Only
 * when standard output and error hold nothing queued: where a stream writes asynchronously (a pipe), the process ends
 * on its own once it has written. Standard error is asked only when something made its stream (stderrUse.ts).
 */
function leave(code: number): void {
  if (process.stdout.writableLength === 0 && (!stderrMayHoldOutput() || process.stderr.writableLength === 0)) process.exit(code);
}
