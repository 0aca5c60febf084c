// The fuzz suite's short run (issue 15): a fixed range of seeds, a few seconds. `npm run fuzz` runs many more, from
// any seed (test/fuzz/fuzz.ts); a failure there names its seed, and a seed can be added to REPLAYED below.
import * as assert from 'node:assert/strict';
import { checkCase, fuzzCase } from './helpers/fuzz';

/** Seeds that once failed, kept so their defect stays fixed. */
const REPLAYED: readonly number[] = [];
const FIRST_SEED = 1;
const CASES = 80;

describe('fuzz (short run)', function () {
  this.timeout(120_000);

  it(`holds every invariant on seeds ${FIRST_SEED}–${FIRST_SEED + CASES - 1} and the replayed ones`, () => {
    for (const seed of [...REPLAYED, ...Array.from({ length: CASES }, (_, k) => FIRST_SEED + k)]) checkCase(fuzzCase(seed));
  });

  it('names the seed when an invariant breaks', () => {
    // An engine without lexicons throws: the checker must say which case it was.
    assert.throws(() => checkCase({ ...fuzzCase(3), lexicons: [] }), /^Error: fuzz seed 3: the engine threw/);
  });
});
