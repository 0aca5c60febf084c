// A ban named by reference to a law ("prohibited under section …", "a State law prohibiting …", "any statutory
// restriction") is imposed elsewhere: the sentence that names it imposes none (lexicon en 1.15.0, neutral entries).
import * as assert from 'node:assert/strict';
import { counted } from './helpers/lexicons';

describe('bans named by reference to a law (lexicon en 1.15.0)', () => {
  it('a cross-reference to a ban counts no restriction', () => {
    assert.deepEqual(counted('The decision is based on a finding of discrimination prohibited under section 2302(b)(1) of this title.').filter((c) => c.startsWith('control')), []);
    assert.deepEqual(counted('A State which has a State or local law prohibiting the unlawful employment practice alleged.'), []);
    assert.deepEqual(counted('The head of the agency shall, not in contravention of any existing statutory restriction, furnish the information.'), []);
    assert.deepEqual(counted('The Inspector General may not disclose information otherwise prohibited from disclosure.').filter((c) => c.startsWith('control')), []);
  });

  it('a ban the sentence imposes still counts, and so does a sanction beside a referenced ban', () => {
    assert.deepEqual(counted('The sale of such data is prohibited.'), ['control/restrictions:prohibited']);
    assert.deepEqual(counted('The operator is prohibited from selling personal data.'), ['control/restrictions:prohibited from']);
    assert.deepEqual(counted('Any person who engages in conduct prohibited under subsection (a) shall be fined.'), ['control/sanctions:fined']);
    assert.deepEqual(counted('The Secretary may restrict the export of such goods.'), ['control/restrictions:restrict']);
  });
});
