import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { Cleanup, killGroup } from './cleanup';
import { repoRoot } from './paths';
import { installPackages, onPath, requireDebianPackages } from './prerequisites';

/** code-server 4.100.3 is VS Code 1.100.3 and the last release that runs on Node 20. */
export const codeServerVersion = '4.100.3';

/** test/runner/code-server holds the package.json and lockfile that pin the host and its dependencies. */
const manifestDir = path.join(repoRoot, 'test', 'runner', 'code-server');

/** The cache folder; POLICY_LENS_CODE_SERVER_DIR moves it (CI keeps it outside the fresh clone). */
export function codeServerDir(): string {
  return process.env.POLICY_LENS_CODE_SERVER_DIR ?? path.join(repoRoot, '.vscode-test', `code-server-${codeServerVersion}`);
}

function entryScript(dir: string): string {
  return path.join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

/** What a cached install was built from: the lockfile, and the Node ABI its native modules target. */
function installStamp(): string {
  const hash = createHash('sha256');
  for (const file of ['package.json', 'package-lock.json']) hash.update(fs.readFileSync(path.join(manifestDir, file)));
  hash.update(`${process.platform}-${process.arch}-node-abi-${process.versions.modules}`);
  return hash.digest('hex');
}

/**
 * The path of code-server's entry script, installing it into the cache first when the cache is
 * missing or was built from another lockfile or Node ABI. Installs into a staging folder and renames
 * it, so an interrupted install is never mistaken for a finished one.
 */
export function ensureCodeServer(log: (line: string) => void): string {
  const dir = codeServerDir();
  const stamp = installStamp();
  if (isInstalled(dir, stamp)) return entryScript(dir);
  requireDebianPackages(installPackages);
  const shown = dir.startsWith(repoRoot + path.sep) ? path.relative(repoRoot, dir) : dir;
  log(`Installing code-server ${codeServerVersion} into ${shown} (once: 2 minutes or more)`);
  const started = Date.now();
  // One staging folder per process, so concurrent first runs do not write into each other's.
  const staging = `${dir}.partial-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true });
  for (const file of ['package.json', 'package-lock.json']) fs.copyFileSync(path.join(manifestDir, file), path.join(staging, file));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-code-server-install-'));
  try {
    seedRipgrepCache(tmp);
    const logFile = path.join(staging, 'install.log');
    const logFd = fs.openSync(logFile, 'w');
    const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--prefix', staging], {
      cwd: staging,
      stdio: ['ignore', logFd, logFd],
      timeout: 15 * 60_000,
      env: {
        ...withoutNpmSettings(process.env),
        TMPDIR: tmp,
        // code-server's postinstall refuses to run as root without unsafe-perm, and node-pty's
        // `npx node-gyp` waits for a confirmation that never comes without a terminal unless yes=true.
        npm_config_unsafe_perm: 'true',
        npm_config_yes: 'true',
      },
    });
    fs.closeSync(logFd);
    if (result.status !== 0) {
      const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
      throw new Error(`Installing code-server failed (${result.error?.message ?? `exit ${result.status}`}); end of ${logFile}:\n${tail}`);
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  fs.writeFileSync(path.join(staging, '.installed'), stamp);
  if (isInstalled(dir, stamp)) {
    fs.rmSync(staging, { recursive: true, force: true });
  } else {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(staging, dir);
  }
  log(`Installed code-server in ${Math.round((Date.now() - started) / 1000)} s`);
  return entryScript(dir);
}

/** Whether the cache holds a code-server built from the current lockfile and Node. */
export function codeServerInstalled(): boolean {
  return isInstalled(codeServerDir(), installStamp());
}

function isInstalled(dir: string, stamp: string): boolean {
  const stampFile = path.join(dir, '.installed');
  return fs.existsSync(entryScript(dir)) && fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === stamp;
}

/**
 * The environment minus the npm_* variables of an enclosing `npm run`, so the nested install
 * cannot inherit the project's prefix or settings and touch the project's own node_modules.
 */
function withoutNpmSettings(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([key]) => !/^npm_/i.test(key)));
}

/**
 * @vscode/ripgrep's postinstall downloads rg from the internet unless its archive is already in
 * `$TMPDIR/vscode-ripgrep-cache-<its version>/`; an archive of Debian's rg placed there stands in.
 * The version and asset name are those of the @vscode/ripgrep that code-server 4.100.3 pins.
 */
function seedRipgrepCache(tmp: string): void {
  const rg = onPath('rg');
  if (!rg) throw new Error('rg is not on PATH (Debian package ripgrep)');
  const target = process.arch === 'arm64' ? 'aarch64-unknown-linux-musl' : 'x86_64-unknown-linux-musl';
  const cacheDir = path.join(tmp, 'vscode-ripgrep-cache-1.15.11');
  fs.mkdirSync(cacheDir, { recursive: true });
  const archive = path.join(cacheDir, `ripgrep-v13.0.0-10-${target}.tar.gz`);
  const tar = spawnSync('tar', ['czf', archive, '-C', path.dirname(fs.realpathSync(rg)), path.basename(fs.realpathSync(rg))]);
  if (tar.status !== 0) throw new Error(`Could not archive ${rg}: ${tar.stderr.toString()}`);
}

/** The private folders one host instance uses, so nothing lands in ~/.config or ~/.local. */
export interface HostFolders {
  root: string;
  userData: string;
  extensions: string;
  config: string;
  xdg: string;
  serverLog: string;
}

/** Makes the folders and the user settings; `settings` adds to or overrides the defaults below. */
export function createHostFolders(root: string, settings: Record<string, unknown> = {}): HostFolders {
  const folders: HostFolders = {
    root,
    userData: path.join(root, 'user-data'),
    extensions: path.join(root, 'extensions'),
    config: path.join(root, 'code-server.yaml'),
    xdg: path.join(root, 'xdg'),
    serverLog: path.join(root, 'code-server.log'),
  };
  for (const dir of [folders.userData, folders.extensions, folders.xdg]) fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(folders.config, 'auth: none\n');
  // Quiet, offline defaults: no welcome page, update checks, recommendations, git scanning or typings downloads.
  const defaults: Record<string, unknown> = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'update.mode': 'none',
    'extensions.ignoreRecommendations': true,
    'workbench.enableExperiments': false,
    'git.enabled': false,
    'typescript.disableAutomaticTypeAcquisition': true,
  };
  // A bench diagnostic, not a default: VS Code's merge-conflict extension scans a changed document's whole text.
  if ((process.env.POLICY_LENS_BENCH_DIAG ?? '').split(',').includes('nomergeconflict')) {
    defaults['merge-conflict.codeLens.enabled'] = false;
    defaults['merge-conflict.decorators.enabled'] = false;
  }
  fs.mkdirSync(path.join(folders.userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(folders.userData, 'User', 'settings.json'), JSON.stringify({ ...defaults, ...settings }, null, 2));
  return folders;
}

export interface RunningServer {
  port: number;
  /** `vscode-remote://` URI of a path on the server, as the workbench payload expects. */
  remoteUri(absolutePath: string): string;
  /** Resolves if code-server exits before it is stopped. */
  exited: Promise<void>;
}

export interface ServerOptions {
  /** Honour workspace trust instead of starting with --disable-workspace-trust (which trusts every folder). */
  workspaceTrust?: boolean;
  /** Extra environment for code-server, and so for the extension host and the tests it runs. */
  env?: Record<string, string>;
}

/**
 * Starts code-server on a free loopback port in its own process group (the extension host joins
 * it), waits until it answers, and registers a cleanup that stops the whole group.
 */
export async function startCodeServer(entry: string, folders: HostFolders, cleanup: Cleanup, options: ServerOptions = {}): Promise<RunningServer> {
  const port = await freePort();
  const log = fs.openSync(folders.serverLog, 'w');
  const xdg = (name: string): string => path.join(folders.xdg, name);
  const child = spawn(
    process.execPath,
    [
      entry,
      '--bind-addr', `127.0.0.1:${port}`,
      '--auth', 'none',
      '--user-data-dir', folders.userData,
      '--extensions-dir', folders.extensions,
      '--config', folders.config,
      '--disable-telemetry',
      '--disable-update-check',
      ...(options.workspaceTrust ? [] : ['--disable-workspace-trust']),
    ],
    {
      detached: true,
      stdio: ['ignore', log, log],
      env: { ...process.env, ...options.env, XDG_CONFIG_HOME: xdg('config'), XDG_DATA_HOME: xdg('data'), XDG_CACHE_HOME: xdg('cache'), XDG_STATE_HOME: xdg('state') },
    },
  );
  fs.closeSync(log);
  const pid = child.pid;
  if (pid === undefined) throw new Error('code-server did not start');
  cleanup.trackGroup(pid);
  let exited = false;
  let stopping = false;
  const exitedEarly = new Promise<void>((resolve) => child.on('exit', () => {
    exited = true;
    if (!stopping) resolve();
  }));
  cleanup.add(async () => {
    stopping = true;
    await stopGroup(pid);
    cleanup.untrackGroup(pid);
  });
  const deadline = Date.now() + 60_000;
  while (!(await answers(port))) {
    if (exited || Date.now() > deadline) {
      const tail = fs.readFileSync(folders.serverLog, 'utf8').split('\n').slice(-30).join('\n');
      throw new Error(`code-server ${exited ? 'exited' : 'did not answer within 60 s'}; its log:\n${tail}`);
    }
    await delay(200);
  }
  return { port, remoteUri: (p) => `vscode-remote://127.0.0.1:${port}${p}`, exited: exitedEarly };
}

/** SIGTERM to the group, then SIGKILL to whatever is left after a grace period. */
async function stopGroup(pid: number): Promise<void> {
  if (!killGroup(pid, 'SIGTERM')) return;
  for (let waited = 0; waited < 3000; waited += 100) {
    await delay(100);
    if (!killGroup(pid, 0)) return;
  }
  killGroup(pid, 'SIGKILL');
  for (let waited = 0; waited < 2000 && killGroup(pid, 0); waited += 100) await delay(100);
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const request = http.get({ host: '127.0.0.1', port, path: '/healthz', timeout: 1000 }, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.on('error', () => resolve(false));
    request.on('timeout', () => request.destroy());
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
