// The Chinese translations are complete: every runtime string, every manifest placeholder, same placeholders.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.join(__dirname, '../../..');

function readJson(file: string): Record<string, string> {
  return JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) as Record<string, string>;
}

function placeholders(s: string): string[] {
  return (s.match(/\{\d+\}/g) ?? []).sort();
}

/** Every string literal passed to t(...) or vscode.l10n.t(...) in the extension's sources. */
function runtimeMessages(): { file: string; message: string }[] {
  const dir = path.join(root, 'src/extension');
  const found: { file: string; message: string }[] = [];
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    const source = fs.readFileSync(path.join(dir, file), 'utf8');
    for (const m of source.matchAll(/\bt\(\s*'((?:[^'\\]|\\.)*)'/g)) {
      found.push({ file, message: m[1].replace(/\\(.)/g, '$1') });
    }
  }
  return found;
}

for (const locale of ['zh-cn', 'zh-tw']) describe(`${locale} runtime bundle (media/l10n)`, () => {
  const bundle = readJson(`media/l10n/bundle.l10n.${locale}.json`);

  it('translates every string the extension passes to t()', () => {
    const messages = runtimeMessages();
    assert.ok(messages.length > 20, `only ${messages.length} messages found`);
    assert.deepEqual(messages.filter((m) => !(m.message in bundle)).map((m) => `${m.file}: ${m.message}`), []);
  });

  it('keeps every placeholder of the English text', () => {
    for (const [english, chinese] of Object.entries(bundle)) {
      assert.deepEqual(placeholders(chinese), placeholders(english), english);
    }
  });

  it('is the bundle the manifest points to', () => {
    const manifest = readJson('package.json') as unknown as { l10n?: string };
    assert.equal(manifest.l10n, './media/l10n');
  });
});

for (const locale of ['zh-cn', 'zh-tw']) describe(`package.nls files (${locale})`, () => {
  const english = readJson('package.nls.json');
  const chinese = readJson(`package.nls.${locale}.json`);

  it('define every %key% the manifest uses', () => {
    const manifest = fs.readFileSync(path.join(root, 'package.json'), 'utf8');
    const keys = [...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    assert.ok(keys.length > 10);
    assert.deepEqual(keys.filter((k) => !(k in english)), []);
  });

  it('have the same keys in English and Chinese, with Chinese text', () => {
    assert.deepEqual(Object.keys(chinese).sort(), Object.keys(english).sort());
    for (const [key, text] of Object.entries(chinese)) {
      assert.ok(text.trim().length > 0, key);
    }
    const translated = Object.values(chinese).filter((text) => /\p{Script=Han}/u.test(text));
    assert.ok(translated.length >= Object.keys(chinese).length - 2, 'most entries should be in Chinese');
  });
});

describe('Traditional Chinese (zh-tw)', () => {
  it('writes Traditional characters, not the Simplified ones of zh-cn', () => {
    // Characters that differ between the scripts and occur in the strings: 标/標, 词/詞, 计/計, 开/開, 档/檔.
    const simplified = /[标词计开档设统们这对]/u;
    for (const file of ['package.nls.zh-tw.json', 'media/l10n/bundle.l10n.zh-tw.json']) {
      const offending = Object.entries(readJson(file)).filter(([, text]) => simplified.test(text));
      assert.deepEqual(offending, [], file);
    }
  });
});
