// Commands and powers in plain verbs (English 1.13.1): "may require", "enjoin" and immunity from suit for those who
// comply are control; aimed at an agency, a command is accountability (scheme principle 4); a fee is no command.
import * as assert from 'node:assert/strict';
import { countedMatches as counted } from './helpers/lexicons';

describe('commands in plain verbs (English)', () => {
  it('a power to require something of the governed is coercion', () => {
    assert.deepEqual(counted('A State agency may require households to file periodic reports of income.'), [['may require', 'control', 'coercion']]);
  });

  it('a requirement aimed at an agency is accountability', () => {
    const found = counted('The Director may require the agency to revise its procedures.');
    assert.deepEqual(found, [['may require', 'engagement', 'accountability']]);
  });

  it('a fee or costs charged are no command', () => {
    assert.deepEqual(counted('The Register may require payment of a fee by service providers to cover the costs.'), []);
  });

  it("a court's injunction is coercion", () => {
    assert.deepEqual(counted('The court may enjoin the respondent from engaging in such practice.'), [['enjoin', 'control', 'coercion']]);
  });

  it('officers armed to enforce are coercion, whoever lists the power', () => {
    assert.deepEqual(counted('6) carry firearms'), [['carry firearms', 'control', 'coercion']]);
    const found = counted('A) carry a firearm while engaged in official duties as authorized under this chapter');
    assert.deepEqual(found, [['carry a firearm', 'control', 'coercion']]);
  });

  it('immunity from suit for those who comply is coercion, not a negated liability', () => {
    const found = counted('No person shall be held liable in any court for anything done in good faith under this chapter.');
    assert.deepEqual(found, [['No person shall be held liable', 'control', 'coercion']]);
  });
});
