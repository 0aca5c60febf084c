// What `npm run package` puts into the .vsix (as `vsce ls` reports it): everything the manifest and README refer
// to, and nothing that does not run. Needs a build (dist/) first, as `npm test` does.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.join(__dirname, '../../..');

interface Manifest {
  main: string;
  icon: string;
  l10n: string;
  contributes: {
    viewsContainers?: Record<string, { icon: string }[]>;
    views?: Record<string, { icon?: string }[]>;
    languages?: { configuration?: string }[];
    grammars?: { path: string }[];
    jsonValidation?: { url: string }[];
  };
}

function normalise(p: string): string {
  return path.posix.normalize(p.replace(/^\.\//, ''));
}

/** Every local file the manifest points at. */
function manifestFiles(manifest: Manifest): string[] {
  const c = manifest.contributes;
  const files = [manifest.main, manifest.icon];
  for (const list of Object.values(c.viewsContainers ?? {})) files.push(...list.map((v) => v.icon));
  for (const list of Object.values(c.views ?? {})) files.push(...list.flatMap((v) => (v.icon ? [v.icon] : [])));
  files.push(...(c.languages ?? []).flatMap((l) => (l.configuration ? [l.configuration] : [])));
  files.push(...(c.grammars ?? []).map((g) => g.path));
  files.push(...(c.jsonValidation ?? []).map((j) => j.url).filter((u) => !/^\w+:/.test(u)));
  return files.map(normalise);
}

/** Relative image links in the README, which VS Code resolves inside the installed extension. */
function readmeImages(): string[] {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const links = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)/g), ...readme.matchAll(/<img[^>]+src="([^"]+)"/g)].map((m) => m[1]);
  return links.filter((l) => !/^\w+:/.test(l) && !l.startsWith('#')).map(normalise);
}

describe('the packaged extension (vsce ls)', function () {
  this.timeout(60_000);
  let files: string[];
  let manifest: Manifest;

  before(function () {
    if (!fs.existsSync(path.join(root, 'dist/extension.js'))) {
      throw new Error('dist/extension.js is missing: build first (node esbuild.js)');
    }
    const vsce = path.join(root, 'node_modules/@vscode/vsce/vsce');
    const output = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' });
    files = output.split(/\r?\n/).filter((line) => line.trim().length > 0);
    manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as Manifest;
  });

  it('holds the manifest, its translations, README, CHANGELOG, LICENSE, the bundles, icons, CSS and l10n bundle', () => {
    const required = [
      'package.json',
      'package.nls.json',
      'package.nls.zh-cn.json',
      'README.md',
      'CHANGELOG.md',
      'LICENSE',
      'dist/extension.js',
      'dist/webview/sidebar.js',
      'media/icon.png',
      'media/sidebar.css',
      `${normalise(manifest.l10n)}/bundle.l10n.zh-cn.json`,
    ];
    assert.deepEqual(required.filter((f) => !files.includes(f)), []);
  });

  it('holds every file the manifest refers to', () => {
    const referenced = manifestFiles(manifest);
    assert.ok(referenced.length >= 4);
    assert.deepEqual(referenced.filter((f) => !files.includes(f)), []);
  });

  it('holds every image the README shows', () => {
    assert.deepEqual(readmeImages().filter((f) => !files.includes(f)), []);
  });

  it('leaves out sources, tests, source maps, node_modules and sample texts', () => {
    const allowedSource = new Set(manifestFiles(manifest));
    const stray = files.filter(
      (f) =>
        (f.startsWith('src/') && !allowedSource.has(f)) ||
        /^(test|out|node_modules|\.vscode-test|media\/samples)\//.test(f) ||
        f.endsWith('.map') ||
        f.endsWith('.ts') ||
        f.endsWith('.vsix'),
    );
    assert.deepEqual(stray, []);
  });

  it('keeps the icon a 128×128 PNG', () => {
    const png = fs.readFileSync(path.join(root, manifest.icon));
    assert.equal(png.subarray(1, 4).toString('ascii'), 'PNG');
    assert.equal(png.readUInt32BE(16), 128);
    assert.equal(png.readUInt32BE(20), 128);
  });
});
