// Discrimination against persons (English 1.24.0): a ban on it protects them and a guarantee of equal treatment is a
// right (the scheme: a ban on targeting a protected class of persons is engagement; codebook D49). The entry is
// conduct that a ban forbids: a protection cue before it ("shall not", "may not", "unlawful") leaves it counted, a
// plain negation still negates it, and a definition names it without a stance. Discrimination in price protects a
// market, not persons (D41): neutral.
import * as assert from 'node:assert/strict';
import { countedMatches as counted } from './helpers/lexicons';

describe('bans on discrimination against persons (English)', () => {
  it('a ban on discriminating protects those it names', () => {
    assert.deepEqual(counted('A covered entity shall not discriminate against a qualified individual on the basis of disability.'), [['discriminate', 'engagement', 'rights']]);
    assert.deepEqual(counted('A holder may not discharge an employee or otherwise discriminate against an employee with respect to pay.'), [['discriminate', 'engagement', 'rights']]);
    assert.deepEqual(counted('No person shall, on the ground of race, be subjected to discrimination under any program.'), [['discrimination', 'engagement', 'rights']]);
  });

  it('a guarantee of equal treatment is a right', () => {
    assert.deepEqual(counted('Any such program shall be uniform, nondiscriminatory, and in compliance with the Act.'), [['nondiscriminatory', 'engagement', 'rights']]);
    assert.deepEqual(counted('Benefits shall be provided without discrimination.'), [['without discrimination', 'engagement', 'rights']]);
  });

  it('a plain negation, a definition and discrimination in price take no stance', () => {
    assert.deepEqual(counted('The finding did not discriminate between the two periods.'), []);
    assert.deepEqual(counted('The term "discriminate" includes limiting or classifying a job applicant.'), []);
    assert.deepEqual(counted('A seller shall not discriminate in price between different purchasers of like goods.'), []);
  });
});
