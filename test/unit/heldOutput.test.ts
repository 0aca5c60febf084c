import * as assert from 'node:assert/strict';
import { HeldOutput } from '../../src/cli/heldOutput';

const bytes = (text: string): Uint8Array => new Uint8Array(Buffer.from(text));
const text = (piece: string | Uint8Array): string => (typeof piece === 'string' ? piece : Buffer.from(piece).toString());

describe('Output held until its turn (HeldOutput)', () => {
  it('joins a document’s pieces into one: text as text, bytes and text as bytes', () => {
    const held = new HeldOutput();
    assert.equal(held.hold(['a row', ' and more']), 'a row and more');
    const joined = held.hold([bytes('{"source":'), '"é.txt"', bytes('}')]);
    assert.ok(joined instanceof Uint8Array);
    assert.equal(text(joined), '{"source":"é.txt"}');
  });

  it('holds the next output in a released buffer that fits it, and never in one still held', () => {
    const held = new HeldOutput();
    const first = held.hold([bytes('first document')]) as Uint8Array;
    const second = held.hold([bytes('second document')]) as Uint8Array;
    assert.notEqual(first.buffer, second.buffer);
    held.release(first);
    const third = held.hold([bytes('third')]) as Uint8Array;
    assert.equal(third.buffer, first.buffer);
    assert.equal(text(third), 'third');
    assert.equal(text(second), 'second document');
  });

  it('gives a large output a buffer of its own, not used again once released', () => {
    const held = new HeldOutput();
    const large = held.hold([new Uint8Array(300 * 1024).fill(120)]) as Uint8Array;
    assert.equal(large.length, 300 * 1024);
    held.release(large);
    const next = held.hold([new Uint8Array(300 * 1024).fill(121)]) as Uint8Array;
    assert.notEqual(next.buffer, large.buffer);
    assert.equal(large[0], 120);
  });

  it('holds a worker’s output in shared buffers, used again once released, and never takes an unshared one', () => {
    const held = new HeldOutput(true);
    const first = held.hold([bytes('first document')]) as Uint8Array;
    assert.ok(first.buffer instanceof SharedArrayBuffer);
    held.release(new Uint8Array(first.buffer));
    const second = held.hold([bytes('second')]) as Uint8Array;
    assert.equal(second.buffer, first.buffer);
    assert.equal(text(second), 'second');
    held.release(new Uint8Array(16 * 1024));
    const third = held.hold([bytes('third')]) as Uint8Array;
    assert.ok(third.buffer instanceof SharedArrayBuffer);
    assert.notEqual(third.buffer, first.buffer);
  });
});
