// What a user installs: plain `vsce package` (no flags that hide problems) must succeed, and the .vsix it writes
// must hold everything the manifest and README refer to, the samples the walkthrough opens, and nothing unused.
// Needs a build (dist/) first, as `npm test` does.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';

const root = path.join(__dirname, '../../..');

interface Manifest {
  main: string;
  icon: string;
  l10n: string;
  repository?: { url?: string };
  bugs?: { url?: string };
  homepage?: string;
  galleryBanner?: { color?: string; theme?: string };
  categories: string[];
  scripts: Record<string, string>;
  contributes: {
    viewsContainers?: Record<string, { icon: string }[]>;
    views?: Record<string, { icon?: string }[]>;
    languages?: { configuration?: string }[];
    grammars?: { path: string }[];
    jsonValidation?: { url: string }[];
    walkthroughs?: { steps: { media: { image?: string; markdown?: string } }[] }[];
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
  for (const w of c.walkthroughs ?? []) for (const s of w.steps) files.push(...[s.media.image, s.media.markdown].filter((m): m is string => !!m));
  return files.map(normalise);
}

/** Relative links in the README to files other than Markdown pages (images, the schema). */
function readmeFiles(): string[] {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8').replace(/^```[\s\S]*?^```/gm, '');
  const links = [...readme.matchAll(/!?\[[^\]]*\]\(([^)\s]+)/g), ...readme.matchAll(/<img[^>]+src="([^"]+)"/g)].map((m) => m[1]);
  return links.filter((l) => !/^\w+:/.test(l) && !l.startsWith('#') && !/\.md(#|$)/.test(l)).map(normalise);
}

/** The names of the entries of a zip archive, read from its central directory. */
export function zipEntries(zip: Buffer): string[] {
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
  assert.ok(end >= 0, 'not a zip archive');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    assert.equal(zip.readUInt32LE(at), 0x02014b50, 'bad central directory');
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    names.push(zip.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/** One entry's content (stored or deflated). */
function zipEntry(zip: Buffer, name: string): Buffer {
  let end = zip.length - 22;
  while (zip.readUInt32LE(end) !== 0x06054b50) end--;
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < zip.readUInt16LE(end + 10); i++) {
    const nameLength = zip.readUInt16LE(at + 28);
    if (zip.toString('utf8', at + 46, at + 46 + nameLength) === name) {
      const method = zip.readUInt16LE(at + 10);
      const size = zip.readUInt32LE(at + 20);
      const local = zip.readUInt32LE(at + 42);
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return method === 8 ? zlib.inflateRawSync(data) : data;
    }
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  throw new Error(`${name} is not in the archive`);
}

describe('the packaged extension (plain vsce package)', function () {
  this.timeout(180_000);
  let files: string[];
  let vsix: Buffer;
  let manifest: Manifest;
  let tmp: string;

  before(function () {
    if (!fs.existsSync(path.join(root, 'dist/extension.js'))) {
      throw new Error('dist/extension.js is missing: build first (node esbuild.js)');
    }
    manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as Manifest;
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-vsix-'));
    const out = path.join(tmp, 'policy-lens.vsix');
    const vsce = path.join(root, 'node_modules/@vscode/vsce/vsce');
    // The flags of `npm run package` minus the build: --no-dependencies only says that esbuild bundled them.
    execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--out', out], { cwd: root, encoding: 'utf8', stdio: 'pipe' });
    vsix = fs.readFileSync(out);
    files = zipEntries(vsix)
      .filter((e) => e.startsWith('extension/'))
      .map((e) => e.slice('extension/'.length));
  });

  after(() => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('is built by `npm run package` with no flag that hides a problem', () => {
    assert.doesNotMatch(manifest.scripts.package, /--allow-|--no-rewrite|--skip-license|--no-verify/);
  });

  it('names its repository, bug tracker, homepage, icon, gallery banner, and categories that fit', () => {
    assert.match(manifest.repository?.url ?? '', /^https:\/\//);
    assert.match(manifest.bugs?.url ?? '', /^https:\/\//);
    assert.match(manifest.homepage ?? '', /^https:\/\//);
    assert.ok(manifest.galleryBanner?.color && manifest.galleryBanner.theme);
    assert.ok(!manifest.categories.includes('Linters'), 'Linters, with no diagnostics');
    assert.ok(manifest.categories.includes('Visualization'));
  });

  it('holds the manifest, its translations, README, CHANGELOG, LICENSE, the bundles, icons, CSS and l10n bundles', () => {
    const required = [
      'package.json',
      'package.nls.json',
      'package.nls.zh-cn.json',
      'package.nls.zh-tw.json',
      'readme.md',
      'changelog.md',
      'LICENSE.txt',
      'dist/extension.js',
      'dist/webview/sidebar.js',
      'media/icon.png',
      'media/sidebar.css',
      `${normalise(manifest.l10n)}/bundle.l10n.zh-cn.json`,
      `${normalise(manifest.l10n)}/bundle.l10n.zh-tw.json`,
    ];
    const lower = new Set(files.map((f) => f.toLowerCase()));
    assert.deepEqual(required.filter((f) => !files.includes(f) && !lower.has(f.toLowerCase())), []);
  });

  it('holds every file the manifest refers to, the walkthrough media included', () => {
    const referenced = manifestFiles(manifest);
    assert.ok(referenced.length >= 8);
    assert.deepEqual(referenced.filter((f) => !files.includes(f)), []);
  });

  it('holds every image and file the README links to (the lexicon schema included)', () => {
    const linked = readmeFiles();
    assert.ok(linked.some((f) => f.endsWith('lexicon.schema.json')));
    // vsce stores LICENSE as LICENSE.txt and lower-cases README and CHANGELOG.
    const packaged = new Set(files.flatMap((f) => [f.toLowerCase(), f.toLowerCase().replace(/\.txt$/, '')]));
    assert.deepEqual(linked.filter((f) => !packaged.has(f.toLowerCase())), []);
  });

  it('ships the English and Chinese samples the walkthrough opens', () => {
    for (const sample of ['media/samples/social-credit-outline.policy.txt', 'media/samples/social-credit-outline.zh.policy.txt']) {
      assert.ok(files.includes(sample), `${sample} is not packaged`);
      assert.equal(zipEntry(vsix, `extension/${sample}`).toString('utf8'), fs.readFileSync(path.join(root, sample), 'utf8'));
    }
  });

  it('leaves out sources, tests, source maps, node_modules and images nothing shows', () => {
    const allowedSource = new Set(manifestFiles(manifest));
    const shown = new Set([...manifestFiles(manifest), ...readmeFiles()]);
    const stray = files.filter(
      (f) =>
        (f.startsWith('src/') && !allowedSource.has(f)) ||
        /^(test|out|node_modules|docs|\.vscode-test|\.vscode|\.ci)\//.test(f) ||
        f.endsWith('.map') ||
        f.endsWith('.ts') ||
        f.endsWith('.vsix') ||
        (/\.(png|jpe?g|gif)$/.test(f) && !shown.has(f)),
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
