import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Cleanup } from './cleanup';
import { createHostFolders, ensureCodeServer, HostFolders, startCodeServer } from './codeServer';
import { extensionBundle, fixtureWorkspace, repoRoot } from './paths';
import { requireDebianPackages, runPackages } from './prerequisites';
import { openWorkbench, Workbench } from './workbench';

export interface SessionOptions {
  extensionTestsPath: string;
  onHostLog: (line: string) => void;
  onWorkbenchLog?: (line: string) => void;
  log: (line: string) => void;
  /** Called after the workspace copy is made and before the workbench opens it. */
  prepare?: (folders: HostFolders, workspace: string) => void;
}

export interface Session extends Workbench {
  folders: HostFolders;
  /** The temp copy of test/fixtures/workspace that the workbench has open. */
  workspace: string;
}

/**
 * Everything one real-host run needs: prerequisites checked, code-server installed if needed and
 * started, a fresh copy of the fixture workspace, and the workbench open in headless Chromium.
 */
export async function startSession(options: SessionOptions, cleanup: Cleanup): Promise<Session> {
  for (const built of [extensionBundle, options.extensionTestsPath]) {
    if (!fs.existsSync(built)) throw new Error(`${path.relative(repoRoot, built)} is missing: run \`node esbuild.js\` first.`);
  }
  requireDebianPackages(runPackages);
  const entry = ensureCodeServer(options.log);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-host-'));
  cleanup.trackFolder(root);
  const folders = createHostFolders(root);
  const workspace = path.join(root, 'workspace');
  fs.cpSync(fixtureWorkspace, workspace, { recursive: true });
  options.prepare?.(folders, workspace);
  const server = await startCodeServer(entry, folders, cleanup);
  const workbench = await openWorkbench(
    {
      server,
      workspace,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: options.extensionTestsPath,
      profileDir: path.join(root, 'browser-profile'),
      onHostLog: options.onHostLog,
      onWorkbenchLog: options.onWorkbenchLog,
    },
    cleanup,
  );
  return { ...workbench, folders, workspace };
}
