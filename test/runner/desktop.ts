// Runs the same integration suite in desktop VS Code 1.100.3, downloaded by @vscode/test-electron
// into .vscode-test/. Needs internet for the first download and a display (on a headless Linux box:
// `xvfb-run -a npm run test:desktop`). Usage: node out/test/runner/desktop.js
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { fixtureWorkspace, repoRoot, suiteBootstrap } from './paths';

/** The desktop build matching code-server 4.100.3, and the lowest version engines.vscode accepts. */
const desktopVersion = '1.100.3';

async function main(): Promise<number> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-desktop-'));
  try {
    const workspace = path.join(root, 'workspace');
    fs.cpSync(fixtureWorkspace, workspace, { recursive: true });
    return await runTests({
      version: desktopVersion,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: suiteBootstrap,
      launchArgs: [
        workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        `--user-data-dir=${path.join(root, 'user-data')}`,
        `--extensions-dir=${path.join(root, 'extensions')}`,
      ],
    });
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`Desktop run failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
