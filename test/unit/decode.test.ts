// The one input pipeline (src/core/decode.ts) shared by the CLI and the workspace export: encodings, byte-order
// marks, binary input and line ends, decided the same whether the bytes come at once or a byte at a time.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { decodeInput, DecodedText, InputDecoder } from '../../src/core/decode';
import { readTextFile } from '../../src/cli/readText';
import { ROOT } from './helpers/lexicons';

const FIXTURES = path.join(ROOT, 'test/fixtures/workspace/line-ends');

function byteAtATime(bytes: Uint8Array): DecodedText {
  const decoder = new InputDecoder();
  for (const b of bytes) decoder.add(Uint8Array.of(b));
  return decoder.finish();
}

/** Fed through one buffer that is written over after each piece, as the CLI reads a file; `last`: the last piece through addLast, as a big file's parts are. */
function throughOneBuffer(bytes: Uint8Array, piece: number, last = false): DecodedText {
  const decoder = new InputDecoder();
  const buffer = new Uint8Array(piece);
  for (let at = 0; at < bytes.length; at += piece) {
    const n = Math.min(piece, bytes.length - at);
    buffer.set(bytes.subarray(at, at + n));
    if (last && at + n === bytes.length) decoder.addLast(buffer.subarray(0, n));
    else decoder.add(buffer.subarray(0, n));
    buffer.fill(0x78);
  }
  return decoder.finish();
}

function utf16be(text: string): Buffer {
  const le = Buffer.from(text, 'utf16le');
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
  return le;
}

describe('input decoding', function () {
  this.timeout(30_000);

  const cases: [string, Buffer, DecodedText][] = [
    ['UTF-8', Buffer.from('第一条 monitor'), { ok: true, text: '第一条 monitor' }],
    ['UTF-8 with a BOM (dropped, as VS Code does)', Buffer.from('\ufeffmonitor'), { ok: true, text: 'monitor' }],
    ['UTF-16 LE with a BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('监控 𠀀 a', 'utf16le')]), { ok: true, text: '监控 𠀀 a' }],
    ['UTF-16 BE with a BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be('监控 𠀀 a')]), { ok: true, text: '监控 𠀀 a' }],
    ['a lone CR, which ends a line as LF does (CRLF kept)', Buffer.from('a\rb\r\nc\r'), { ok: true, text: 'a\nb\r\nc\n' }],
    ['a NUL byte', Buffer.from('abc\0def'), { ok: false, reason: 'binary-nul' }],
    ['a NUL after invalid UTF-8', Buffer.from([0x61, 0xff, 0x62, 0x00]), { ok: false, reason: 'binary-nul' }],
    ['invalid UTF-8', Buffer.from([0x61, 0xc3, 0x28]), { ok: false, reason: 'binary-invalid' }],
    ['a NUL character in UTF-16', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a\0b', 'utf16le')]), { ok: false, reason: 'binary-nul' }],
    ['UTF-16 cut in the middle of a character', Buffer.from([0xff, 0xfe, 0x61, 0x00, 0x62]), { ok: false, reason: 'binary-invalid' }],
    ['white space only', Buffer.from(' \r\n\t'), { ok: false, reason: 'empty' }],
    ['nothing', Buffer.alloc(0), { ok: false, reason: 'empty' }],
    ['one byte', Buffer.from('x'), { ok: true, text: 'x' }],
  ];
  for (const [name, bytes, expected] of cases) {
    it(`decodes ${name}, whole or a byte at a time`, () => {
      assert.deepEqual(decodeInput(bytes), expected);
      assert.deepEqual(byteAtATime(bytes), expected);
      for (const piece of [1, 2, 3]) {
        assert.deepEqual(throughOneBuffer(bytes, piece), expected, `pieces of ${piece}`);
        assert.deepEqual(throughOneBuffer(bytes, piece, true), expected, `pieces of ${piece}, the last through addLast`);
      }
      // Decoded whole in one call (addLast) or streamed, a text past a megabyte is the same string.
      const long = Buffer.concat([bytes, Buffer.alloc(1_100_000 - bytes.length, 0x61)]);
      assert.deepEqual(decodeInput(long), throughOneBuffer(long, 65_536), 'past a megabyte');
    });
  }

  it('gives every line-end and encoding variant of a text the same report from the CLI (lone CR: same offsets and sections as LF)', () => {
    const cli = path.join(ROOT, 'dist/cli.js');
    const lines = execFileSync(process.execPath, [cli, '--jsonl', FIXTURES], { encoding: 'utf8' }).trim().split('\n').slice(1);
    const docs = new Map(lines.map((l) => {
      const { source, ...rest } = JSON.parse(l) as { source: string } & Record<string, unknown>;
      return [path.basename(source), rest] as const;
    }));
    assert.deepEqual([...docs.keys()], ['bom.txt', 'crlf.txt', 'lf.txt', 'lone-cr.txt', 'utf16be.txt', 'utf16le.txt']);
    const lf = docs.get('lf.txt') as { sections: unknown[] };
    assert.equal(lf.sections.length, 2);
    for (const name of ['bom.txt', 'lone-cr.txt', 'utf16be.txt', 'utf16le.txt']) assert.deepEqual(docs.get(name), lf, name);
    // CRLF moves offsets and characters by one per line, never lines, sections or counts.
    const crlf = docs.get('crlf.txt') as { sections: unknown[]; annotations: { start: { line: number } }[] };
    assert.deepEqual(crlf.sections, lf.sections);
    assert.deepEqual(crlf.annotations.map((a) => a.start.line), (lf as unknown as typeof crlf).annotations.map((a) => a.start.line));
  });
});

describe('reading a file (readTextFile)', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-read-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads the whole file whatever size it was listed with: exact, smaller (it grew), none', () => {
    for (const size of [0, 1, 3000, 65535, 65536, 65537, 200_000]) {
      const text = 'We monitor. '.repeat(Math.ceil(size / 12)).slice(0, size) + 'end';
      const file = path.join(dir, `f${size}.txt`);
      fs.writeFileSync(file, text);
      const bytes = Buffer.byteLength(text);
      for (const listed of [bytes, Math.max(1, bytes - 1), 1, 0]) assert.deepEqual(readTextFile(file, listed), { ok: true, text }, `${size} listed as ${listed}`);
    }
  });

  it('reads a file that shrank since it was listed up to its end', () => {
    const file = path.join(dir, 'shrank.txt');
    fs.writeFileSync(file, 'We monitor.');
    assert.deepEqual(readTextFile(file, 100_000), { ok: true, text: 'We monitor.' });
  });
});
