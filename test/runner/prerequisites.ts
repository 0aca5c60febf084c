import * as fs from 'node:fs';
import * as path from 'node:path';

/** A Debian package the real-host run needs, and how to tell it is there without dpkg. */
interface DebianPackage {
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

/** Packages every real-host run needs. */
export const runPackages: readonly DebianPackage[] = [chromium];
/** Packages needed only while code-server is being installed into its cache. */
export const installPackages: readonly DebianPackage[] = [libkrb5Dev, ripgrep];

/** Throws an error naming each missing package and the apt-get command that installs them. */
export function requireDebianPackages(packages: readonly DebianPackage[]): void {
  const missing = packages.filter((p) => !p.present());
  if (missing.length === 0) return;
  const names = missing.map((p) => p.name).join(' ');
  const lines = [
    `Missing Debian package${missing.length > 1 ? 's' : ''} for the real-host integration run:`,
    ...missing.map((p) => `  ${p.name}: ${p.purpose}`),
    'Install with:',
    `  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${names}`,
    '(bash .ci/run installs them itself when it runs as root.)',
  ];
  throw new Error(lines.join('\n'));
}
