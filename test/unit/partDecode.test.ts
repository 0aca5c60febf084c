// A big file's part decoded through UTF-16 (src/cli/partDecode.ts) gives what the one input pipeline gives, or
// leaves the part to it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { decodeInput, DecodedText, InputDecoder } from '../../src/core/decode';
import { readPart } from '../../src/cli/bigText';
import { decodeNonAscii } from '../../src/cli/partDecode';
import { ROOT } from './helpers/lexicons';

function pipeline(bytes: Uint8Array, blankIsText: boolean): DecodedText {
  const decoder = new InputDecoder();
  decoder.addLast(bytes);
  return decoder.finish(blankIsText);
}

/** Pseudo-random numbers, the same every run. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const PIECES = ['第一条', '监控', '𠀀', '\ufeff', 'a', ' ', '\r', '\r\n', '\n\n', '"', 'é', '—', '\u2028', '\ud800', '\udc00', '\t', 'x'];

describe('big file parts decoded through UTF-16', function () {
  this.timeout(60_000);

  it('gives the pipeline\'s outcome for every input it takes, and leaves ASCII, UTF-16 and NUL to it', () => {
    const cases: Uint8Array[] = [
      Buffer.from('第一条 monitor'),
      Buffer.from('\ufeff第一条'),
      Buffer.from('\ufeff\ufeff第一条'),
      Buffer.from('监控\r甲\r\n乙\r'),
      Buffer.from('\u3000 \r\n'),
      Buffer.from('\u00a0'),
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from([0xef, 0xbb, 0xbf, 0x20]),
      Buffer.from([0xe7, 0x9b, 0x91, 0xed, 0xa0, 0x80]),
      Buffer.from([0xe7, 0x9b, 0x91, 0xc0, 0x80]),
      Buffer.from([0xe7, 0x9b, 0x91, 0xf4, 0x90, 0x80, 0x80]),
      Buffer.from([0xe7, 0x9b, 0x91, 0xe7, 0x9b]),
      Buffer.from('监控\0'),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('监控', 'utf16le')]),
      Buffer.from([0xfe, 0xff, 0x76, 0xd1]),
      Buffer.from('plain ASCII'),
      Buffer.from('é'),
      Buffer.from([0xc3]),
    ];
    const next = random(27);
    for (let i = 0; i < 3000; i++) {
      let text = '';
      const length = Math.floor(next() * 12);
      for (let k = 0; k < length; k++) text += PIECES[Math.floor(next() * PIECES.length)];
      const bytes = Buffer.from(text);
      cases.push(bytes);
      if (bytes.length > 1) {
        const broken = Buffer.from(bytes);
        broken[Math.floor(next() * broken.length)] = Math.floor(next() * 256);
        cases.push(broken);
      }
    }
    let taken = 0;
    for (const bytes of cases) {
      for (const blankIsText of [false, true]) {
        const got = decodeNonAscii(bytes, blankIsText);
        if (got === null) continue;
        taken++;
        assert.deepEqual(got, pipeline(bytes, blankIsText), `bytes ${Buffer.from(bytes).toString('hex')}`);
      }
      if (bytes.every((b) => b < 0x80) || bytes.includes(0) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) assert.equal(decodeNonAscii(bytes, false), null);
    }
    assert.ok(taken > 3000, `${taken} taken`);
  });

  it('gives the pipeline\'s text for parts of a megabyte, and leaves those of a million UTF-16 units or more to it', () => {
    const chinese = Buffer.from('第一条 国家对网络实施监控。\r\n'.repeat(40_000));
    assert.ok(chinese.length > 1_100_000);
    const got = decodeNonAscii(chinese, false);
    assert.notEqual(got, null);
    assert.deepEqual(got, decodeInput(chinese));
    // English with a quote now and then: a unit a byte, so a megabyte would be an external string.
    const english = Buffer.from('Article 1 \u201cThe agency shall monitor.\u201d\n\n'.repeat(30_000));
    assert.ok(english.length > 1_000_000);
    assert.equal(decodeNonAscii(english, false), null);
    assert.equal(decodeNonAscii(english.subarray(0, 900_000), false)?.ok, true);
  });

  it('reads a file\'s parts as the pipeline decodes them', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pl-parts-'));
    try {
      const file = path.join(dir, 'zh.txt');
      const samples = fs.readdirSync(path.join(ROOT, 'media/samples')).filter((n) => n.endsWith('.txt'));
      const text = samples.map((n) => fs.readFileSync(path.join(ROOT, 'media/samples', n), 'utf8')).join('\n\n');
      const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
      fs.writeFileSync(file, bytes);
      const fd = fs.openSync(file, 'r');
      try {
        for (const [from, to] of [[0, bytes.length], [0, 1000], [3, bytes.length]]) {
          // A cut inside a character leaves bytes that are not UTF-8: both say so.
          assert.deepEqual(readPart(fd, from, to, true), pipeline(bytes.subarray(from, to), true));
        }
      } finally {
        fs.closeSync(fd);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
