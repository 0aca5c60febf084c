// The README is the listing page of the extension and a user's guide: at most 15 KB, with every engineering page
// (docs/, CONTRIBUTING.md) one link away, and no relative link in any of them pointing at nothing.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.join(__dirname, '../../..');

/** README, CONTRIBUTING, CHANGELOG and every Markdown page under docs/, as paths relative to the root. */
function markdownFiles(): string[] {
  const docs = fs.existsSync(path.join(root, 'docs'))
    ? fs
        .readdirSync(path.join(root, 'docs'), { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.md'))
        .map((f) => path.posix.join('docs', f.split(path.sep).join('/')))
    : [];
  return ['README.md', 'CONTRIBUTING.md', 'CHANGELOG.md', ...docs].filter((f) => fs.existsSync(path.join(root, f)));
}

/** Markdown link and image targets outside code spans and fenced blocks. */
export function linkTargets(markdown: string): string[] {
  const prose = markdown.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
  return [...prose.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]);
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
export function headingAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function anchorsOf(markdown: string): Set<string> {
  const prose = markdown.replace(/^```[\s\S]*?^```/gm, '');
  return new Set([...prose.matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) => headingAnchor(m[1])));
}

describe('documentation', () => {
  it('keeps the README within 15 KB', () => {
    const size = fs.statSync(path.join(root, 'README.md')).size;
    assert.ok(size <= 15 * 1024, `README.md is ${size} bytes; the limit is ${15 * 1024}`);
  });

  it('resolves every relative link and anchor in README, CONTRIBUTING, CHANGELOG and docs/', () => {
    const broken: string[] = [];
    for (const file of markdownFiles()) {
      const text = fs.readFileSync(path.join(root, file), 'utf8');
      for (const target of linkTargets(text)) {
        if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto:, vscode: …
        const [filePart, anchor] = target.split('#', 2) as [string, string | undefined];
        const resolved = filePart ? path.join(root, path.dirname(file), decodeURIComponent(filePart)) : path.join(root, file);
        if (!fs.existsSync(resolved)) {
          broken.push(`${file}: ${target} (no such file)`);
          continue;
        }
        if (anchor && resolved.endsWith('.md') && !anchorsOf(fs.readFileSync(resolved, 'utf8')).has(anchor)) {
          broken.push(`${file}: ${target} (no such heading)`);
        }
      }
    }
    assert.deepEqual(broken, []);
  });

  it('reaches every page under docs/ and CONTRIBUTING.md from the README', () => {
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    const linked = new Set(linkTargets(readme).map((t) => path.posix.normalize(t.split('#')[0])));
    const pages = markdownFiles().filter((f) => f.startsWith('docs/') || f === 'CONTRIBUTING.md');
    assert.ok(pages.length >= 8, `expected the docs pages, found ${pages.join(', ')}`);
    assert.deepEqual(pages.filter((p) => !linked.has(p)), []);
  });

  it('finds links and anchors as GitHub does (the checker itself)', () => {
    assert.deepEqual(linkTargets('see [a](docs/a.md#x) and ![i](m.png "t") but not `[b](c.md)`'), ['docs/a.md#x', 'm.png']);
    assert.equal(headingAnchor('The JSON tally format (version 1)'), 'the-json-tally-format-version-1');
  });

  it('keeps an Unreleased section at the top of the CHANGELOG for the next release', () => {
    const changelog = fs.readFileSync(path.join(root, 'CHANGELOG.md'), 'utf8');
    const releases = [...changelog.matchAll(/^## (.+)$/gm)].map((m) => m[1].trim());
    assert.equal(releases[0], 'Unreleased');
    assert.ok(releases.slice(1).every((r) => /^\d+\.\d+\.\d+/.test(r)), `release headings: ${releases.join(', ')}`);
  });
});
