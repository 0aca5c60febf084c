import * as assert from 'node:assert/strict';
import { EncodedBytes, JsonBytes, recycleChunk } from '../../src/core/jsonBytes';
import { joinedOutput } from '../../src/cli/analyze';
import { round } from '../../src/core/report';
import { Random } from './helpers/random';

/** What JsonBytes wrote, as text. */
function written(write: (out: JsonBytes) => void, size = 8): Buffer {
  const out = new JsonBytes(size);
  write(out);
  return Buffer.from(out.take());
}

describe('JSON written as bytes', () => {
  it('writes strings as the UTF-8 of JSON.stringify: escapes, controls, non-ASCII, surrogate pairs and lone surrogates', () => {
    const strings = [
      '',
      'plain ASCII text',
      'quote " and backslash \\ and slash /',
      'controls \u0000\u0001\b\f\n\r\t\u001f\u007f',
      'Latin-1 é ñ ß, Greek αβγ, CJK 网络安全 第三条',
      'line and paragraph separators \u2028 \u2029',
      'emoji 😀 and 𠀋 (astral)',
      'lone high \ud800 surrogate',
      'lone low \udc00 surrogate',
      'reversed pair \udc00\ud800',
      'high at the end \ud83d',
      '\ufeffbyte-order mark, \uffff',
      'x'.repeat(5000) + '中'.repeat(3000),
    ];
    for (const s of strings) assert.deepEqual(written((out) => out.string(s)), Buffer.from(JSON.stringify(s), 'utf8'), JSON.stringify(s));
    assert.equal(written((out) => out.string(null)).toString(), 'null');
  });

  it('escapes as JSON.stringify does every character below 0x80 and every surrogate, anywhere in a string and after other text', () => {
    for (let c = 0; c < 0x80; c++) {
      const s = String.fromCharCode(c);
      for (const text of [s, `a${s}`, `${s}b`, `网${s}😀${s}${s}"`]) assert.deepEqual(written((out) => out.string(text)), Buffer.from(JSON.stringify(text), 'utf8'), JSON.stringify(text));
    }
    for (const c of [0xd800, 0xd83d, 0xdbff, 0xdc00, 0xdfff]) {
      const s = String.fromCharCode(c);
      for (const text of [s, `"${s}`, `${s}\n`, `\t${s}x${s}`, `\\${s}\ude00`]) assert.deepEqual(written((out) => out.string(text)), Buffer.from(JSON.stringify(text), 'utf8'), JSON.stringify(text));
    }
    const random = new Random(29);
    const characters = ['a', 'Z', ' ', '"', '\\', '/', '\n', '\r', '\t', '\b', '\f', '\u0000', '\u001f', '\u007f', 'é', '网', '\u2028', '😀', '\ud800', '\udc00', '\ud83d'];
    for (let i = 0; i < 3000; i++) {
      const text = Array.from({ length: Math.floor(random.next() * 40) }, () => random.pick(characters)).join('');
      const lead = 'x'.repeat(Math.floor(random.next() * 12));
      assert.deepEqual(written((out) => (out.raw(lead), out.string(text)), 4), Buffer.from(lead + JSON.stringify(text), 'utf8'), JSON.stringify(text));
    }
  });

  it('writes numbers as JSON.stringify does', () => {
    const numbers = [0, -0, 1, 9, 10, 99, 100, 12345, -1, -987654, 2147483647, -2147483647, 2147483648, 4294967296, 1e21, 0.1, 1.3333, -0.0612, 1 / 3, 33.333333333, 5e-7, NaN, Infinity, -Infinity];
    for (const n of numbers) assert.equal(written((out) => out.number(n)).toString(), JSON.stringify(n), String(n));
    // Every count of digits, at its ends, and the 32-bit ends.
    for (let p = 1; p <= 1e10; p *= 10) {
      for (const n of [p - 1, p, p + 1, -(p - 1), -p, -p - 1]) assert.equal(written((out) => out.number(n)).toString(), JSON.stringify(n), String(n));
    }
    for (const n of [-2147483648, -2147483649, 2147483647, 2147483648]) assert.equal(written((out) => out.number(n)).toString(), JSON.stringify(n), String(n));
  });

  it('writes a number rounded to four decimals as JSON.stringify writes round() of it', () => {
    const numbers = [0, -0, 1, -1, 0.5, -0.5, 0.00005, -0.00005, 0.00004999, 0.0001, -0.0001, 0.1, 0.12, 1.0005, 2.00049, 9.99995, -9.99995, 99.99999, 42.1053, 83.3333, 1 / 3, -2 / 3, 1e-7, -1e-7];
    numbers.push(214748.3647, 214748.3648, -214748.3648, -214748.3649, 1e6 + 0.1234, 1e12 / 7, 1e21, -1e21, NaN, Infinity, -Infinity);
    const random = new Random(13);
    for (let i = 0; i < 20000; i++) {
      const scale = 10 ** Math.floor(random.next() * 9 - 3);
      numbers.push((random.next() - 0.5) * scale, Math.floor(random.next() * 100000) / 10000, (Math.floor(random.next() * 5000) * 1000) / Math.ceil(random.next() * 9000), (Math.floor(random.next() * 2e6) + 0.5) / 10000);
    }
    for (const n of numbers) assert.equal(written((out) => out.rounded(n)).toString(), JSON.stringify(round(n)), String(n));
  });

  it('copies bytes encoded once, of every length, at any offset and across the growth of the buffer', () => {
    const random = new Random(17);
    const pieces: Uint8Array[] = [];
    const characters = ['a', '"', '{', ':', ',', '\n', ' ', 'é', '网', '😀'];
    for (let n = 0; n <= 70; n++) pieces.push(Buffer.from(Array.from({ length: n }, () => random.pick(characters)).join('')).subarray(0, n));
    // Bytes that read as NaN and as Infinity when taken eight at a time: not valid UTF-8, but copied as they are.
    pieces.push(Uint8Array.of(1, 2, 3, 4, 5, 6, 0xf8, 0x7f), Uint8Array.of(9, 0, 0, 0, 0, 0, 0, 0xf0, 0xff), Uint8Array.of(0, 0, 0, 0, 0, 0, 0xf0, 0x7f, 7));
    for (const lead of [0, 1, 3, 7]) {
      const expected: number[] = Array.from({ length: lead }, () => 120);
      const got = written((out) => {
        out.raw('x'.repeat(lead));
        for (const piece of pieces) {
          out.copied(new EncodedBytes(piece));
          out.number(piece.length);
          expected.push(...piece, ...Buffer.from(String(piece.length)));
        }
      });
      assert.deepEqual(got, Buffer.from(expected), `after ${lead}`);
    }
  });

  it('writes part of a string as it writes that slice of it, a surrogate pair cut at either end included', () => {
    const text = 'ab "q" \\ é 网络 😀𠀋 \ud800 end\n';
    for (let from = 0; from <= text.length; from++) {
      for (let to = from; to <= text.length; to++) {
        assert.deepEqual(written((out) => out.substring(text, from, to)), Buffer.from(JSON.stringify(text.slice(from, to)), 'utf8'), `${from}-${to}`);
      }
    }
  });

  it('writes the next chunk into a chunk handed back once written, and into no other buffer', () => {
    const chunkOf = (out: JsonBytes, fill: string): Uint8Array => {
      out.raw(fill.repeat(40_000));
      return out.take();
    };
    const out = new JsonBytes(1 << 16);
    const first = chunkOf(out, 'a');
    recycleChunk(first);
    const second = chunkOf(out, 'b');
    assert.equal(second.buffer, first.buffer);
    assert.equal(Buffer.from(second).toString(), 'b'.repeat(40_000));
    // Handed back twice, a chunk is taken again once only: two chunks never share a buffer.
    recycleChunk(first);
    recycleChunk(second);
    const third = chunkOf(out, 'c');
    const fourth = chunkOf(out, 'd');
    assert.notEqual(third.buffer, fourth.buffer);
    assert.equal(Buffer.from(third).toString(), 'c'.repeat(40_000));
    // A chunk not handed back keeps its bytes; a buffer that no JsonBytes lent is never written into.
    const foreign = new Uint8Array(1 << 17);
    recycleChunk(foreign);
    recycleChunk(Buffer.alloc(1 << 17));
    const fifth = chunkOf(out, 'e');
    assert.notEqual(fifth.buffer, foreign.buffer);
    assert.ok(foreign.every((b) => b === 0));
    assert.equal(Buffer.from(fourth).toString(), 'd'.repeat(40_000));
    // A small buffer (a stance's few bytes) does not take a chunk's.
    recycleChunk(fifth);
    const small = new JsonBytes(256);
    small.raw('x');
    assert.ok(small.take().buffer.byteLength < 4096);
  });

  it('takes back a chunk of its own size though a chunk of another size was handed back after it', () => {
    const chunkOf = (out: JsonBytes, bytes: number): Uint8Array => {
      out.raw('a'.repeat(bytes));
      return out.take();
    };
    // A big file's report is written in larger chunks than a small file's; in a corpus the two sizes alternate.
    const small = new JsonBytes(1 << 16);
    const large = new JsonBytes(1 << 18);
    const smallChunk = chunkOf(small, 70_000);
    const largeChunk = chunkOf(large, 280_000);
    recycleChunk(smallChunk);
    recycleChunk(largeChunk);
    assert.equal(chunkOf(small, 70_000).buffer, smallChunk.buffer);
    assert.equal(chunkOf(large, 280_000).buffer, largeChunk.buffer);
  });

  it('keeps what was written across growth and hands each chunk over once', () => {
    const out = new JsonBytes(4);
    out.raw('[');
    for (let i = 0; i < 1000; i++) {
      if (i > 0) out.raw(',');
      out.integer(i);
    }
    out.raw(']');
    const first = Buffer.from(out.take());
    assert.deepEqual(JSON.parse(first.toString()), Array.from({ length: 1000 }, (_, i) => i));
    out.boolean(true);
    assert.equal(Buffer.from(out.take()).toString(), 'true');
    assert.equal(first.toString().length, first.length);
  });

  it('starts a report at about the size of the one before, with the same bytes, each chunk in a buffer of its own', () => {
    const report = (n: number): Uint8Array => {
      const out = new JsonBytes(1 << 16);
      out.raw('[');
      for (let i = 0; i < n; i++) {
        if (i > 0) out.raw(',');
        out.string(`item ${i}, `);
      }
      out.raw(']');
      return out.take();
    };
    const first = report(2000);
    const second = report(2000);
    assert.deepEqual(Buffer.from(second), Buffer.from(first));
    // Grown from 4 KB, the first report's buffer doubled; the next one is allotted its length and a little more.
    assert.equal(second.byteOffset, 0);
    assert.ok(second.buffer.byteLength >= second.length && second.buffer.byteLength <= second.length + (second.length >> 3) + 256, `${second.buffer.byteLength} for ${second.length}`);
    assert.notEqual(second.buffer, first.buffer);
    // A small report after a big one still gets a bounded buffer, and the same bytes as at first.
    const small = report(3);
    assert.equal(Buffer.from(small).toString(), '["item 0, ","item 1, ","item 2, "]');
    assert.ok(report(3).buffer.byteLength <= 4096);
  });

  it('a document of one chunk crosses to the main thread as its own buffer, not copied; pieces and Buffers are joined', () => {
    const out = new JsonBytes(1 << 16);
    out.raw('{"a": 1}');
    const chunk = out.take();
    assert.equal(joinedOutput([chunk]), chunk);
    const pooled = Buffer.from('{"b": 2}');
    const fromBuffer = joinedOutput([pooled]);
    assert.notEqual(fromBuffer, pooled);
    assert.equal(Buffer.from(fromBuffer as Uint8Array).toString(), '{"b": 2}');
    assert.equal(Buffer.from(joinedOutput([chunk, '\n', Buffer.from('x')]) as Uint8Array).toString(), '{"a": 1}\nx');
    assert.equal(joinedOutput(['a', 'b']), 'ab');
  });
});
