// Runs the integration suite (out/test/integration) inside a real VS Code extension host: code-server
// 4.100.3 (VS Code 1.100.3) with its workbench in headless Chromium. Usage:
//   node out/test/runner/run.js [--timeout <seconds>] [--verbose]
import { Cleanup } from './cleanup';
import { suiteBootstrap } from './paths';
import { startSession } from './session';
import { closingLine, parseSummary, TestSummary } from './summary';

interface RunOptions {
  timeoutSeconds: number;
  verbose: boolean;
}

function parseOptions(argv: readonly string[]): RunOptions {
  const timeoutIndex = argv.indexOf('--timeout');
  const timeoutText = timeoutIndex >= 0 ? argv[timeoutIndex + 1] : process.env.POLICY_LENS_TEST_TIMEOUT;
  const timeoutSeconds = timeoutText === undefined ? 300 : Number(timeoutText);
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0) throw new Error(`Bad timeout: ${String(timeoutText)}`);
  return { timeoutSeconds, verbose: argv.includes('--verbose') };
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const cleanup = new Cleanup();
  cleanup.exitOnSignals();
  const started = Date.now();
  let summary: TestSummary | undefined;
  let outcome: number | 'timeout';
  try {
    const session = await startSession(
      {
        extensionTestsPath: suiteBootstrap,
        log: (line) => console.log(line),
        onHostLog: (line) => {
          const parsed = parseSummary(line);
          if (parsed) summary = parsed;
          else console.log(line);
        },
        onWorkbenchLog: options.verbose ? (line) => console.log(`[workbench] ${line}`) : undefined,
      },
      cleanup,
    );
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => { timer = setTimeout(() => resolve('timeout'), options.timeoutSeconds * 1000); });
    outcome = await Promise.race([session.hostExit, timeout]);
    clearTimeout(timer);
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    outcome = 1;
  } finally {
    await cleanup.dispose();
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (outcome === 'timeout') console.error(`The suite did not finish within ${options.timeoutSeconds} s (--timeout or POLICY_LENS_TEST_TIMEOUT).`);
  else if (!summary) console.error(`The suite reported no result (extension host exit code ${outcome}).`);
  else if (summary.passed + summary.failed === 0) console.error('No test ran.');
  console.log(`Real extension host run finished in ${seconds} s.`);
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
