// The lexicon words' prefixes as hashes (src/core/prefixHashes.ts): every prefix added is found, and words that start
// like no lexicon word are turned away, against a Set of the prefixes' strings.
import * as assert from 'node:assert/strict';
import { PrefixHashes } from '../../src/core/prefixHashes';
import { Random } from './helpers/random';

function word(r: Random): string {
  return Array.from({ length: 1 + r.int(10) }, () => String.fromCharCode(97 + r.int(26))).join('');
}

describe('prefix hashes', () => {
  it('finds every prefix of every word added, through growth, and few that were not', () => {
    const r = new Random(7);
    const hashes = new PrefixHashes();
    const prefixes = new Set<string>();
    const words = Array.from({ length: 20_000 }, () => word(r));
    for (const w of words) {
      hashes.addPrefixesOf(w);
      for (let n = 1; n <= w.length; n++) prefixes.add(w.slice(0, n));
    }
    for (const w of words) for (let n = 1; n <= w.length; n++) assert.ok(hashes.hasPrefix(w, n), `${w.slice(0, n)} was added`);
    let others = 0;
    let found = 0;
    for (let k = 0; k < 20_000; k++) {
      const probe = `${word(r)}${word(r)}`;
      if (prefixes.has(probe)) continue;
      others++;
      if (hashes.hasPrefix(probe, probe.length)) found++;
    }
    // A shared hash only costs a stemming; it must stay rare.
    assert.ok(found <= others / 1000, `${found} of ${others} absent prefixes reported present`);
  });

  it('reads only the first `length` characters, so a surface need not be sliced', () => {
    const hashes = new PrefixHashes();
    hashes.addPrefixesOf('punish');
    assert.ok(hashes.hasPrefix('punishments', 6));
    assert.ok(hashes.hasPrefix('pun', 3));
    assert.ok(!hashes.hasPrefix('punishments', 7));
    assert.ok(!hashes.hasPrefix('x', 1));
  });
});
