import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Cleanup } from './cleanup';
import { createHostFolders, ensureCodeServer, HostFolders, ServerOptions, startCodeServer } from './codeServer';
import { extensionBundle, fixtureWorkspace, repoRoot } from './paths';
import { requireDebianPackages, runPackages } from './prerequisites';
import { openWorkbench, Workbench } from './workbench';

/**
 * Checks what a real-host run needs before anything starts: the build, Chromium, and code-server,
 * which is installed into its cache the first time. Returns code-server's entry script.
 */
export function prepareHost(extensionTestsPath: string, log: (line: string) => void): string {
  for (const built of [extensionBundle, extensionTestsPath]) {
    if (!fs.existsSync(built)) throw new Error(`${path.relative(repoRoot, built)} is missing: run \`node esbuild.js\` first.`);
  }
  requireDebianPackages(runPackages);
  return ensureCodeServer(log);
}

export interface SessionOptions extends ServerOptions {
  extensionTestsPath: string;
  onHostLog: (line: string) => void;
  onWorkbenchLog?: (line: string) => void;
  /** User settings on top of the quiet defaults (see createHostFolders). */
  settings?: Record<string, unknown>;
  viewport?: { width: number; height: number };
  /** Called after the workspace copy is made and before the workbench opens it. */
  prepare?: (folders: HostFolders, workspace: string) => void;
}

export interface Session extends Workbench {
  folders: HostFolders;
  /** The temp copy of test/fixtures/workspace that the workbench has open. */
  workspace: string;
}

/**
 * Starts one real host: private temp folders, a fresh copy of the fixture workspace, code-server
 * from `entry` (see prepareHost), and the workbench in headless Chromium running the tests module.
 */
export async function startSession(entry: string, options: SessionOptions, cleanup: Cleanup): Promise<Session> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-host-'));
  cleanup.trackFolder(root);
  const folders = createHostFolders(root, options.settings);
  const workspace = path.join(root, 'workspace');
  fs.cpSync(fixtureWorkspace, workspace, { recursive: true });
  options.prepare?.(folders, workspace);
  const server = await startCodeServer(entry, folders, cleanup, { workspaceTrust: options.workspaceTrust, env: options.env });
  const workbench = await openWorkbench(
    {
      server,
      workspace,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: options.extensionTestsPath,
      profileDir: path.join(root, 'browser-profile'),
      viewport: options.viewport,
      onHostLog: options.onHostLog,
      onWorkbenchLog: options.onWorkbenchLog,
    },
    cleanup,
  );
  const serverGone = server.exited.then(() => {
    console.error(`code-server exited during the run; its log:\n${fs.readFileSync(folders.serverLog, 'utf8').split('\n').slice(-30).join('\n')}`);
    return 1;
  });
  return { ...workbench, hostExit: Promise.race([workbench.hostExit, serverGone]), folders, workspace };
}
