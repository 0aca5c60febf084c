// The suite bootstrap: the extension host (desktop VS Code or code-server) loads this module from
// --extensionTestsPath and awaits run(). It runs every compiled *.test.js beside it with mocha,
// prints the spec report, then one summary line the real-host runner reads its counts from. The tests in
// untrusted/ run only in the runner's untrusted session, and only they run there (see runner/sessionKind.ts).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { belongsTo, sessionKind } from '../runner/sessionKind';
import { formatSummary, TestSummary } from '../runner/summary';

function testFiles(dir: string): string[] {
  const kind = sessionKind(process.env);
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.js') && belongsTo(kind, file))
    .sort()
    .map((file) => path.join(dir, file));
}

export async function run(): Promise<void> {
  // Mocha 12 is an ES module; import() loads it in every extension host, require() only in Node >= 20.19.
  const { default: Mocha } = await import('mocha');
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 30_000 });
  // Set by the runners' --grep; the extension host inherits it from the process that starts it.
  const grep = process.env.POLICY_LENS_TEST_GREP;
  if (grep) mocha.grep(grep);
  // VS Code drops console calls without a string first argument, so the reporter's blank lines need one.
  Mocha.reporters.Base.consoleLog = (...args: unknown[]): void => console.log(...(args.length > 0 ? args : ['']));
  const files = testFiles(__dirname);
  for (const file of files) mocha.addFile(file);
  let summary: TestSummary;
  try {
    await mocha.loadFilesAsync();
    summary = await new Promise<TestSummary>((resolve) => {
      const runner = mocha.run(() => {
        const stats = runner.stats;
        resolve({ passed: stats?.passes ?? 0, failed: stats?.failures ?? 0, pending: stats?.pending ?? 0 });
      });
    });
  } catch (err) {
    console.error('The integration suite could not load:', err);
    summary = { passed: 0, failed: 1, pending: 0 };
  }
  console.log(formatSummary(summary));
  if (summary.failed > 0) throw new Error(`${summary.failed} integration test(s) failed`);
  if (summary.passed === 0) throw new Error(`No integration test ran (files: ${files.length})`);
}
