// Lexicon en 1.21.0: "refund" names money paid back (a tax refund, refunds of sums paid into a fund) as often as
// redress, so alone it is a topic noun, shown and not counted; it counts where the words around it make it redress for
// the person charged ("shall refund", "requires them to refund", "receive a refund", "entitled to a refund").
// The sentences are written for the tests, not taken from the corpus.
import * as assert from 'node:assert/strict';
import { countedAs } from './helpers/lexicons';

describe('refund as money paid back or as redress (lexicon en 1.21.0)', () => {
  it('does not count money moved between funds or a tax refund', () => {
    assert.deepEqual(countedAs('engagement', 'The account may be used for refunds of sums erroneously paid into the fund.'), []);
    assert.deepEqual(countedAs('engagement', 'The agency may offset a tax refund due to the taxpayer against the debt.'), []);
  });

  it('counts redress for the person charged', () => {
    assert.deepEqual(countedAs('engagement', 'The seller shall refund the full price to the buyer.'), ['engagement/rights:shall refund']);
    assert.deepEqual(countedAs('engagement', 'The regulator may require the company to refund affected customers.'), ['engagement/rights:to refund']);
    assert.deepEqual(countedAs('engagement', 'A passenger whose flight is cancelled is entitled to a refund.'), ['engagement/rights:entitled to a refund']);
    assert.deepEqual(countedAs('engagement', 'The customer may receive a refund within 30 days.'), ['engagement/rights:receive a refund']);
  });
});
