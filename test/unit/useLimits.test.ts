// Use limits (English 1.24.2): what was collected or disclosed may serve no other end ("may not be used … for any
// purpose other than", "shall be used only for"), which shields the people in the data (codebook D6: use limits are
// engagement; the scheme's privacy protection). Money spent only on what a budget provides is neutral, and "using
// only" names the means, not a limit.
import * as assert from 'node:assert/strict';
import { countedMatches as counted } from './helpers/lexicons';

describe('use limits on data (English)', () => {
  it('a ban on other uses of the data is privacy protection', () => {
    assert.deepEqual(counted('Information provided to a manufacturer under this section may not be used for any purpose other than verifying the report.'), [['may not be used', 'engagement', 'privacy']]);
    assert.deepEqual(counted('Such record or testimony shall not be used in any application for a warrant.'), [['shall not be used', 'engagement', 'privacy']]);
  });

  it('a use confined to one purpose is privacy protection', () => {
    assert.deepEqual(counted('Such records shall be used only for the purpose of determining eligibility.'), [['be used only', 'engagement', 'privacy']]);
    assert.deepEqual(counted('The contact information is used only to respond directly to a specific request from the child.'), [['used only to', 'engagement', 'privacy']]);
  });

  it('a budget and a means take no stance', () => {
    assert.deepEqual(counted('Amounts appropriated shall be used only for the purposes of this part.'), []);
    assert.deepEqual(counted('The match is conducted by an agency using only records from its own systems.'), []);
  });
});
