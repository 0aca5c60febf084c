// A statute's item that opens in lower case after its enumerator ("(A) investigate, regulate, or prohibit") is a
// clause, never a title, however short and without a finite verb: ending on a word and on a control match, it is the
// lead-in of the items under it (listContext.ts, `lists.unpunctuated`). A capitalised short line stays a heading.
import * as assert from 'node:assert/strict';
import { builtinLexicons, Engine } from '../../src/core/index';

const engine = new Engine(builtinLexicons());

function inherited(text: string): string[] {
  return engine
    .analyze(text)
    .matches()
    .filter((m) => m.rule === 'inherited')
    .map((m) => `${m.text} ${m.category}`);
}

const ITEMS = '(i) any transactions in foreign exchange,\n\n(ii) the importing or exporting of currency or securities;\n';

describe('items in lower case as lead-ins (English)', () => {
  it('a lower-case item ending on a ban hands it to the items under it', () => {
    assert.deepEqual(inherited(`(A) investigate, regulate, or prohibit\n\n${ITEMS}`), ['i restrictions', 'ii restrictions']);
  });

  it('a capitalised short line is a heading and hands nothing on', () => {
    assert.deepEqual(inherited(`(A) Prohibited transactions\n\n${ITEMS}`), []);
  });

  it('a lower-case item that ends on no control match hands nothing on', () => {
    assert.deepEqual(inherited(`(A) report the transactions\n\n${ITEMS}`), []);
  });
});
