import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** A Debian package the real-host run needs, and how to tell it is there without dpkg. */
export interface DebianPackage {
  name: string;
  purpose: string;
  present: () => boolean;
}

/** Debian's Chromium hosts the workbench; POLICY_LENS_CHROMIUM points elsewhere on other systems. */
export function chromiumPath(): string {
  return process.env.POLICY_LENS_CHROMIUM ?? '/usr/bin/chromium';
}

/** The first `name` executable on PATH. */
export function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, name);
    if (dir && fs.existsSync(candidate)) return candidate;
  }
  return undefined;
}

const chromium: DebianPackage = {
  name: 'chromium',
  purpose: 'the browser that hosts the VS Code workbench',
  present: () => fs.existsSync(chromiumPath()),
};

/** Where Debian's fonts-noto-cjk puts its fonts (the folder moved between releases). */
export const cjkFontFiles = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/opentype/noto-cjk/NotoSansCJK-Regular.ttc',
];

const notoCjk: DebianPackage = {
  name: 'fonts-noto-cjk',
  purpose: 'Chinese glyphs in the workbench (without it every Han character is drawn as a box)',
  present: () => cjkFontFiles.some((f) => fs.existsSync(f)),
};

const libkrb5Dev: DebianPackage = {
  name: 'libkrb5-dev',
  purpose: "headers for code-server's native kerberos module, needed while installing it",
  present: () => fs.existsSync('/usr/include/krb5.h') && fs.existsSync('/usr/include/gssapi/gssapi.h'),
};

const ripgrep: DebianPackage = {
  name: 'ripgrep',
  purpose: "the rg binary that code-server's @vscode/ripgrep would otherwise download, needed while installing it",
  present: () => onPath('rg') !== undefined,
};

/** Tools node-gyp needs to build code-server's native modules. */
const buildTools: DebianPackage[] = [
  { name: 'python3', purpose: 'node-gyp, while installing code-server', present: () => onPath('python3') !== undefined },
  { name: 'make', purpose: 'node-gyp, while installing code-server', present: () => onPath('make') !== undefined },
  { name: 'g++', purpose: 'node-gyp, while installing code-server', present: () => onPath('g++') !== undefined },
];

const gnuParallel: DebianPackage = {
  name: 'parallel',
  purpose: 'GNU parallel, for the sharded-corpus recipe of docs/scale.md that the unit tests run',
  present: () => onPath('parallel') !== undefined,
};

const xmllint: DebianPackage = {
  name: 'libxml2-utils',
  purpose: 'xmllint, which validates the REFI-QDA export against the standard\'s XML Schemas in the unit tests',
  present: () => onPath('xmllint') !== undefined,
};

/** Packages every real-host run needs. */
export const runPackages: readonly DebianPackage[] = [chromium, notoCjk];
/** Packages `npm test` needs besides those: the unit tests run GNU parallel and xmllint. */
export const unitPackages: readonly DebianPackage[] = [gnuParallel, xmllint];
/** Packages needed only while code-server is being installed into its cache. */
export const installPackages: readonly DebianPackage[] = [libkrb5Dev, ripgrep, ...buildTools];

/** How this process may run apt-get: directly as root, through passwordless sudo, or not at all. */
export function aptPrefix(): string[] | undefined {
  if (!onPath('apt-get')) return undefined;
  if (process.getuid?.() === 0) return [];
  if (onPath('sudo') && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0) return ['sudo', '-n'];
  return undefined;
}

/** The one message naming every missing package and the command that installs them all. */
export function missingPackagesMessage(missing: readonly DebianPackage[], note = ''): string {
  const names = missing.map((p) => p.name).join(' ');
  return [
    `Missing Debian package${missing.length > 1 ? 's' : ''} for npm test:`,
    ...missing.map((p) => `  ${p.name}: ${p.purpose}`),
    'Install them with:',
    `  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${names}`,
    ...(note ? [note] : []),
  ].join('\n');
}

/** Throws an error naming each missing package and the apt-get command that installs them. */
export function requireDebianPackages(packages: readonly DebianPackage[]): void {
  const missing = packages.filter((p) => !p.present());
  if (missing.length > 0) throw new Error(missingPackagesMessage(missing, '(npm test installs them itself when it runs as root or with passwordless sudo.)'));
}

/**
 * Installs whichever of `packages` are missing when this process may (root, or passwordless sudo), as
 * .ci/run does; otherwise, or when the install fails, throws one message naming all of them.
 */
export function ensureDebianPackages(packages: readonly DebianPackage[], log: (line: string) => void): void {
  const missing = packages.filter((p) => !p.present());
  if (missing.length === 0) return;
  const prefix = aptPrefix();
  if (!prefix) {
    throw new Error(missingPackagesMessage(missing, '(Not root and no passwordless sudo, so npm test cannot install them itself.)'));
  }
  const names = missing.map((p) => p.name);
  log(`Installing Debian packages: ${names.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const run = (args: string[]): number | null => {
    const [command, ...rest] = [...prefix, 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', ...args];
    return spawnSync(command, rest, { stdio: ['ignore', 'inherit', 'inherit'], env }).status;
  };
  run(['update', '-qq']);
  const status = run(['install', '-y', '-qq', '--no-install-recommends', ...names]);
  const still = packages.filter((p) => !p.present());
  if (status !== 0 || still.length > 0) {
    throw new Error(missingPackagesMessage(still.length > 0 ? still : missing, `(apt-get install exited with ${status}.)`));
  }
}
