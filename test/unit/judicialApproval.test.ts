// The conditions on which a court issues an order or a warrant ("shall issue only if …", "he shall issue a warrant",
// "A warrant shall issue only upon an affidavit …") are judicial approval of the measure: engagement, as the scheme
// says of judicial approval of surveillance orders (lexicon en 1.15.2).
import * as assert from 'node:assert/strict';
import { countedAs } from './helpers/lexicons';

const engagement = (text: string): string[] => countedAs('engagement', text);

describe('the conditions on which a court issues a measure (lexicon en 1.15.2)', () => {
  it('an order or warrant that shall issue only on conditions, and a judge who shall issue it, are judicial approval', () => {
    assert.deepEqual(engagement('A court order for disclosure shall issue only if the governmental entity offers specific and articulable facts.'), ['engagement/accountability:shall issue only']);
    assert.deepEqual(engagement('2) A warrant shall issue only upon an affidavit sworn to before the judge.'), ['engagement/accountability:warrant shall issue']);
    assert.deepEqual(engagement('If the judge is satisfied that there is probable cause, he shall issue a warrant identifying the premises.'), ['engagement/accountability:shall issue a warrant']);
  });

  it('a judge who has issued a warrant, and an agency that shall issue rules, approve nothing', () => {
    assert.deepEqual(engagement('The judge who has issued a warrant under this section shall file the papers with the clerk.'), []);
    assert.deepEqual(engagement('The Secretary shall issue regulations to carry out this section.'), []);
  });
});
