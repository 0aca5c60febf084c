// The Chinese translations are complete: every runtime string, every manifest placeholder, same placeholders.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TRADITIONAL_LABELS } from '../../src/extension/traditionalLabels';

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

  it('leaves no notification or status message spelled in English only', () => {
    const dir = path.join(root, 'src/extension');
    const literal = /\b(?:show(?:Information|Warning|Error)Message|setStatusBarMessage)\(\s*(['`])((?:(?!\1)[^\\]|\\.)*)\1/g;
    const found: string[] = [];
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const source = fs.readFileSync(path.join(dir, file), 'utf8');
      for (const m of source.matchAll(literal)) {
        // A message that is only our prefix and a passed-through error text has nothing to translate.
        if (/^Policy Lens: \$\{[^}]*\}$/.test(m[2])) continue;
        found.push(`${file}: ${m[2]}`);
      }
    }
    assert.deepEqual(found, []);
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

describe('Traditional Chinese (zh-tw) labels and strings', () => {
  const builtinLabels = (): string[] => {
    const labels = new Set<string>();
    for (const file of ['src/core/lexicons/en.json', 'src/core/lexicons/zh.json']) {
      const lexicon = JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) as { categories: { labelZh?: string }[] };
      for (const c of lexicon.categories) if (c.labelZh) labels.add(c.labelZh);
    }
    return [...labels];
  };

  it('has a Traditional label for every built-in category, in Traditional characters', () => {
    const labels = builtinLabels();
    assert.equal(labels.length, 14);
    assert.deepEqual(labels.filter((l) => !(l in TRADITIONAL_LABELS)), []);
    const simplified = /[监为数据惩单审对评级强执征见诉应参员机构问责权济隐护与]/u;
    for (const [zhCn, zhTw] of Object.entries(TRADITIONAL_LABELS)) {
      assert.doesNotMatch(zhTw, simplified, `${zhCn} → ${zhTw}`);
      assert.equal([...zhTw].length, [...zhCn].length, `${zhCn} → ${zhTw}: a character-for-character rendering`);
    }
  });

  it('has every key of the Simplified bundles and of package.nls.json, and no English left', () => {
    const pairs: [string, string, string][] = [
      ['package.nls.json', 'package.nls.zh-cn.json', 'package.nls.zh-tw.json'],
      ['', 'media/l10n/bundle.l10n.zh-cn.json', 'media/l10n/bundle.l10n.zh-tw.json'],
    ];
    for (const [englishFile, zhCnFile, zhTwFile] of pairs) {
      const zhTw = readJson(zhTwFile);
      const keys = new Set([...Object.keys(readJson(zhCnFile)), ...(englishFile ? Object.keys(readJson(englishFile)) : [])]);
      assert.deepEqual([...keys].filter((k) => !(k in zhTw)), [], zhTwFile);
      // The product name is the one string that stays as it is.
      const english = Object.entries(zhTw).filter(([, text]) => !/\p{Script=Han}/u.test(text) && text !== 'Policy Lens');
      assert.deepEqual(english, [], zhTwFile);
    }
  });
});
