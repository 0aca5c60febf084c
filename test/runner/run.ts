// Runs the integration suite (out/test/integration) inside real VS Code extension hosts: code-server
// 4.100.3 (VS Code 1.100.3) with its workbench in headless Chromium, once per session in sessionPlans.ts
// (a trusted workspace, then an untrusted one). Usage:
//   node out/test/runner/run.js [--timeout <seconds>] [--grep <pattern>] [--session trusted|untrusted] [--verbose]
// Bench mode (`npm run bench:host`): node out/test/runner/run.js --bench <file, or - for standard output> [--quick]
// runs out/test/hostBench/index.js in one trusted host instead of the suite and writes its figures as JSON lines.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { figurePrefix } from '../bench/figures';
import { Cleanup } from './cleanup';
import { delay } from './codeServer';
import { benchBootstrap, suiteBootstrap } from './paths';
import { prepareHost, startSession } from './session';
import { sessionVariable } from './sessionKind';
import { SessionPlan, sessionPlans } from './sessionPlans';
import { closingLine, parseSummary, TestSummary } from './summary';
import { parseUserAction, performUserAction } from './userActions';

interface RunOptions {
  /** Limit for starting one host and running its tests; a first-time code-server install is not counted. */
  timeoutSeconds: number;
  /** Also print the workbench's own console messages. */
  verbose: boolean;
  /** Only tests whose full title matches. */
  grep: string | undefined;
  /** The sessions to run: all of them unless --session names one. */
  plans: readonly SessionPlan[];
}

interface SessionResult {
  plan: SessionPlan;
  summary: TestSummary | undefined;
  ok: boolean;
}

function valueOf(argv: readonly string[], flag: string): string | undefined {
  const index = argv.indexOf(flag);
  return index >= 0 ? argv[index + 1] : undefined;
}

function parseOptions(argv: readonly string[]): RunOptions {
  const timeoutText = valueOf(argv, '--timeout') ?? process.env.POLICY_LENS_TEST_TIMEOUT;
  const timeoutSeconds = timeoutText === undefined ? 600 : Number(timeoutText);
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0) throw new Error(`Bad timeout: ${String(timeoutText)}`);
  const session = valueOf(argv, '--session');
  const plans = session === undefined ? sessionPlans : sessionPlans.filter((p) => p.kind === session);
  if (plans.length === 0) throw new Error(`Bad session: ${String(session)} (one of ${sessionPlans.map((p) => p.kind).join(', ')})`);
  return { timeoutSeconds, verbose: argv.includes('--verbose'), grep: valueOf(argv, '--grep'), plans };
}

/** Starts one host for the plan, streams its tests' report, and stops it again, whatever happens. */
async function runSession(entry: string, plan: SessionPlan, options: RunOptions, run: Cleanup): Promise<SessionResult> {
  console.log(`\n=== ${plan.kind} session: ${plan.description}`);
  const cleanup = new Cleanup();
  run.add(() => cleanup.dispose());
  let summary: TestSummary | undefined;
  let outcome: number | 'timeout' | 'error';
  const started = Date.now();
  try {
    const starting = startSession(
      entry,
      {
        ...plan.options,
        // code-server passes it on to the extension host, where the bootstrap picks this session's tests.
        env: { [sessionVariable]: plan.kind },
        extensionTestsPath: suiteBootstrap,
        onHostLog: (line) => {
          const parsed = parseSummary(line);
          const action = parseUserAction(line);
          if (parsed) summary = parsed;
          else if (action) {
            // The test waits for the action's effect and fails on its own if it never comes.
            void starting
              .then((session) => performUserAction(session.page, action))
              .catch((err: unknown) => console.error(`User action ${action.action} failed: ${err instanceof Error ? err.message : String(err)}`));
          } else console.log(line);
        },
        onWorkbenchLog: options.verbose ? (line) => console.log(`[workbench] ${line}`) : undefined,
      },
      cleanup,
    );
    const hostRun = starting.then((session) => session.hostExit);
    outcome = await Promise.race([hostRun, delay(options.timeoutSeconds * 1000).then(() => 'timeout' as const)]);
  } catch (err) {
    if (!run.interrupted) console.error(err instanceof Error ? err.message : String(err));
    outcome = 'error';
  } finally {
    await cleanup.dispose();
  }
  const ran = summary ? summary.passed + summary.failed : 0;
  // With --grep, a session none of whose tests match is empty, not failed (its bootstrap still exits non-zero).
  const emptyByGrep = options.grep !== undefined && summary !== undefined && ran === 0;
  if (outcome === 'timeout') console.error(`The ${plan.kind} session did not finish within ${options.timeoutSeconds} s (--timeout or POLICY_LENS_TEST_TIMEOUT).`);
  else if (outcome !== 'error' && !summary) console.error(`The ${plan.kind} session reported no result (extension host exit code ${outcome}).`);
  else if (ran === 0 && summary) console.error(`No test ran in the ${plan.kind} session.`);
  const ok = summary !== undefined && summary.failed === 0 && (outcome === 0 ? summary.passed > 0 : emptyByGrep && typeof outcome === 'number');
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const verdict = emptyByGrep ? 'no test matches --grep' : ok ? 'ok' : 'FAILED';
  console.log(`${plan.kind} session: ${summary?.passed ?? 0} passed, ${summary?.failed ?? 0} failed, ${verdict} (${seconds} s)`);
  return { plan, summary, ok };
}

/** The bench mode: one trusted host running the host bench; its figures go to `out` as JSON lines. */
async function runBench(out: string, quick: boolean, timeoutSeconds: number): Promise<number> {
  const cleanup = new Cleanup();
  cleanup.exitOnSignals();
  // Each figure is written as it arrives, so a run that fails later still leaves the figures it measured.
  if (out !== '-') fs.writeFileSync(out, '');
  const write = (figure: string): void => {
    if (out === '-') process.stdout.write(`${figure}\n`);
    else fs.appendFileSync(out, `${figure}\n`);
  };
  let outcome: number | 'timeout' | 'error';
  try {
    const entry = prepareHost(benchBootstrap, (line) => console.error(line));
    const starting = startSession(
      entry,
      {
        env: { POLICY_LENS_BENCH_QUICK: quick ? '1' : '0', POLICY_LENS_BENCH_PROFILE: process.env.POLICY_LENS_BENCH_PROFILE ?? '', POLICY_LENS_BENCH_ONLY: process.env.POLICY_LENS_BENCH_ONLY ?? '', POLICY_LENS_BENCH_DIAG: process.env.POLICY_LENS_BENCH_DIAG ?? '' },
        extensionTestsPath: benchBootstrap,
        onHostLog: (line) => {
          const action = parseUserAction(line);
          if (line.startsWith(figurePrefix)) {
            write(line.slice(figurePrefix.length));
            console.error(`  ${describeFigure(line.slice(figurePrefix.length))}`);
          } else if (action) {
            // The bench types as a user does, and waits for the result.
            void starting
              .then((session) => performUserAction(session.page, action))
              .catch((err: unknown) => console.error(`User action ${action.action} failed: ${err instanceof Error ? err.message : String(err)}`));
          } else console.error(line);
        },
      },
      cleanup,
    );
    // With POLICY_LENS_BENCH_PROFILE=DIR, the workbench page's main thread is profiled too (DIR/workbench.cpuprofile):
    // edits, decorations, the outline and the webview's host all run there.
    const profileDir = process.env.POLICY_LENS_BENCH_PROFILE;
    const profiling = profileDir ? starting.then((session) => profileWorkbench(session.page, profileDir, cleanup)) : Promise.resolve();
    // With POLICY_LENS_BENCH_TRACE=DIR, a Chromium trace of the browser (DIR/workbench.trace.json): what the page's
    // main thread does besides JavaScript (style, layout, paint, collection), which a CPU profile shows as "(program)".
    const traceDir = process.env.POLICY_LENS_BENCH_TRACE;
    const tracing = traceDir ? starting.then((session) => traceWorkbench(session.page, traceDir, cleanup)) : Promise.resolve();
    outcome = await Promise.race([starting.then((session) => session.hostExit), delay(timeoutSeconds * 1000).then(() => 'timeout' as const)]);
    await profiling.catch(() => undefined);
    await tracing.catch((err: unknown) => console.error(`tracing: ${err instanceof Error ? err.message : String(err)}`));
  } catch (err) {
    if (!cleanup.interrupted) console.error(err instanceof Error ? err.message : String(err));
    outcome = 'error';
  } finally {
    await cleanup.dispose();
  }
  if (outcome !== 0) {
    console.error(`The real-host bench did not complete (${outcome === 'timeout' ? `not within ${timeoutSeconds} s` : `extension host exit ${outcome}`}).`);
    return 1;
  }
  return 0;
}

/** Profiles the page's main thread until the session is cleaned up, then writes the profile into `dir`. */
async function profileWorkbench(page: Page, dir: string, cleanup: Cleanup): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.start');
  cleanup.add(async () => {
    const { profile } = await cdp.send('Profiler.stop');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'workbench.cpuprofile'), JSON.stringify(profile));
  });
}

/** Trace categories of Chromium's performance panel, without its costly ones (JavaScript samples, invalidations). */
const TRACE_CATEGORIES = ['devtools.timeline', 'toplevel', 'v8.execute', 'blink.user_timing', 'loading'];

/** Traces the browser until the session is cleaned up, then writes the trace into `dir`. */
async function traceWorkbench(page: Page, dir: string, cleanup: Cleanup): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: { recordMode: 'recordContinuously', traceBufferSizeInKb: 1_000_000, includedCategories: TRACE_CATEGORIES },
  });
  cleanup.add(async () => {
    const complete = new Promise<string>((resolve, reject) => {
      cdp.on('Tracing.tracingComplete', (event) => (event.stream ? resolve(event.stream) : reject(new Error('no trace stream'))));
    });
    await cdp.send('Tracing.end');
    const stream = await complete;
    fs.mkdirSync(dir, { recursive: true });
    const fd = fs.openSync(path.join(dir, 'workbench.trace.json'), 'w');
    try {
      for (;;) {
        const chunk = await cdp.send('IO.read', { handle: stream, size: 1 << 20 });
        fs.writeSync(fd, chunk.base64Encoded === true ? Buffer.from(chunk.data, 'base64') : Buffer.from(chunk.data, 'utf8'));
        if (chunk.eof) break;
      }
    } finally {
      fs.closeSync(fd);
      await cdp.send('IO.close', { handle: stream });
    }
  });
}

function describeFigure(json: string): string {
  const f = JSON.parse(json) as { name: string; value: number; unit: string; target: string; pass: boolean | null };
  const verdict = f.pass === null ? '' : f.pass ? '  pass' : '  FAIL';
  return `${f.name}: ${Number(f.value.toPrecision(3))} ${f.unit} (target ${f.target})${verdict}`;
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const benchOut = valueOf(argv, '--bench');
  if (benchOut !== undefined) return runBench(benchOut, argv.includes('--quick'), Number(valueOf(argv, '--timeout') ?? 900));
  const options = parseOptions(argv);
  const cleanup = new Cleanup();
  cleanup.exitOnSignals();
  // code-server, and so the extension host running the bootstrap, inherit this.
  if (options.grep !== undefined) process.env.POLICY_LENS_TEST_GREP = options.grep;
  const results: SessionResult[] = [];
  let started = Date.now();
  try {
    const entry = prepareHost(suiteBootstrap, (line) => console.log(line));
    started = Date.now();
    for (const plan of options.plans) {
      if (cleanup.interrupted) break;
      results.push(await runSession(entry, plan, options, cleanup));
    }
  } catch (err) {
    if (!cleanup.interrupted) console.error(err instanceof Error ? err.message : String(err));
  } finally {
    await cleanup.dispose();
  }
  const passed = results.reduce((sum, r) => sum + (r.summary?.passed ?? 0), 0);
  const failed = results.reduce((sum, r) => sum + (r.summary?.failed ?? 0), 0);
  const complete = results.length === options.plans.length && results.every((r) => r.ok);
  if (complete && passed === 0) console.error('No test ran.');
  console.log(`\nReal extension host run: ${results.length} of ${options.plans.length} sessions, ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  console.log(closingLine(passed, failed));
  return complete && passed > 0 && failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.stack : String(err));
    process.exit(1);
  },
);
