// A sentence's candidates are resolved longest first, then leftmost, then by lexicon line (match.ts resolve). Past a
// few dozen of them (a long sentence, a cue flood) they are put in that order by length buckets and a pass over the
// spans shared by several, not by a sort: the order must be the sort's, ties kept in the order they came.
import * as assert from 'node:assert/strict';
import { Candidates, MatchState, orderByLength } from '../../src/core/match';
import { Random } from './helpers/random';

function sorted(c: Candidates): number[] {
  const order = Array.from({ length: c.count }, (_, i) => i);
  return order.sort((a, b) => c.last[b] - c.first[b] - (c.last[a] - c.first[a]) || c.first[a] - c.first[b] || c.value[a] - c.value[b]);
}

describe('candidate order', () => {
  it('is the sort’s order for candidates that come in the order of their last tokens', () => {
    const random = new Random(20261208);
    const s = new MatchState();
    for (let round = 0; round < 200; round++) {
      const c = new Candidates();
      const tokens = 1 + random.int(400);
      // At each token, a few paths end: of 1 to 6 tokens, some of one span, values in any order, some equal.
      for (let last = 1; last <= tokens; last++) {
        for (let k = random.int(4); k > 0; k--) {
          const length = 1 + random.int(Math.min(6, last));
          c.push(last - length, last, 0, 0, 0, random.int(round % 2 === 0 ? 5 : 1000));
        }
      }
      if (s.order.length < c.count) s.order = new Int32Array(c.count);
      orderByLength(s, c, c.count);
      assert.deepEqual(Array.from(s.order.subarray(0, c.count)), sorted(c), `round ${round}`);
    }
  });

  it('is the sort’s order for a cue flood of one-token candidates', () => {
    const s = new MatchState();
    const c = new Candidates();
    for (let last = 1; last <= 2000; last++) c.push(last - 1, last, 0, 0, 0, last % 2);
    s.order = new Int32Array(c.count);
    orderByLength(s, c, c.count);
    assert.deepEqual(Array.from(s.order.subarray(0, c.count)), sorted(c));
  });
});
