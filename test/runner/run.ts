// Runs the integration suite (out/test/integration) inside a real VS Code extension host: code-server
// 4.100.3 (VS Code 1.100.3) with its workbench in headless Chromium. Usage:
//   node out/test/runner/run.js [--timeout <seconds>] [--grep <pattern>] [--verbose]
import { Cleanup } from './cleanup';
import { delay } from './codeServer';
import { suiteBootstrap } from './paths';
import { prepareHost, startSession } from './session';
import { closingLine, parseSummary, TestSummary } from './summary';

interface RunOptions {
  /** Limit for starting the host and running the suite; a first-time code-server install is not counted. */
  timeoutSeconds: number;
  /** Also print the workbench's own console messages. */
  verbose: boolean;
  /** Only tests whose full title matches. */
  grep: string | undefined;
}

function valueOf(argv: readonly string[], flag: string): string | undefined {
  const index = argv.indexOf(flag);
  return index >= 0 ? argv[index + 1] : undefined;
}

function parseOptions(argv: readonly string[]): RunOptions {
  const timeoutText = valueOf(argv, '--timeout') ?? process.env.POLICY_LENS_TEST_TIMEOUT;
  const timeoutSeconds = timeoutText === undefined ? 600 : Number(timeoutText);
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0) throw new Error(`Bad timeout: ${String(timeoutText)}`);
  return { timeoutSeconds, verbose: argv.includes('--verbose'), grep: valueOf(argv, '--grep') };
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const cleanup = new Cleanup();
  cleanup.exitOnSignals();
  // code-server, and so the extension host running the bootstrap, inherit this.
  if (options.grep !== undefined) process.env.POLICY_LENS_TEST_GREP = options.grep;
  let summary: TestSummary | undefined;
  let outcome: number | 'timeout' | 'error';
  let started = Date.now();
  try {
    const entry = prepareHost(suiteBootstrap, (line) => console.log(line));
    started = Date.now();
    const hostRun = startSession(
      entry,
      {
        extensionTestsPath: suiteBootstrap,
        onHostLog: (line) => {
          const parsed = parseSummary(line);
          if (parsed) summary = parsed;
          else console.log(line);
        },
        onWorkbenchLog: options.verbose ? (line) => console.log(`[workbench] ${line}`) : undefined,
      },
      cleanup,
    ).then((session) => session.hostExit);
    outcome = await Promise.race([hostRun, delay(options.timeoutSeconds * 1000).then(() => 'timeout' as const)]);
  } catch (err) {
    if (!cleanup.interrupted) console.error(err instanceof Error ? err.message : String(err));
    outcome = 'error';
  } finally {
    await cleanup.dispose();
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (outcome === 'timeout') console.error(`The suite did not finish within ${options.timeoutSeconds} s (--timeout or POLICY_LENS_TEST_TIMEOUT).`);
  else if (outcome !== 'error' && !summary) console.error(`The suite reported no result (extension host exit code ${outcome}).`);
  else if (summary && summary.passed + summary.failed === 0) console.error('No test ran.');
  console.log(`Real extension host run: ${seconds} s.`);
  console.log(closingLine(summary?.passed ?? 0, summary?.failed ?? 0));
  const passed = outcome === 0 && summary !== undefined && summary.failed === 0 && summary.passed > 0;
  return passed ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.stack : String(err));
    process.exit(1);
  },
);
