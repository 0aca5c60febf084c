// A lead-in that ends by leaving a governed person as the subject of its items' verbs ("… as further conditions of a
// sentence of probation, that the defendant"; "… may, by order require … such person to") lays each item on that
// person as a duty: the items are control (listContext.ts, `lists.obliged`). The lead-in itself names no act and
// stays uncounted (codebook D2); a person named at the end in any other role hands nothing on.
import * as assert from 'node:assert/strict';
import { builtinLexicons, Engine, parseLexicon } from '../../src/core/index';

const engine = new Engine(builtinLexicons());

function inherited(text: string): string[] {
  return engine
    .analyze(text)
    .matches()
    .filter((m) => m.rule === 'inherited')
    .map((m) => `${m.text} ${m.polarity}`);
}

function counted(text: string): string[] {
  return engine
    .analyze(text)
    .matches()
    .filter((m) => !m.negated)
    .map((m) => m.text);
}

const ITEMS = '(1) support his dependents and meet other family responsibilities;\n\n(2) work conscientiously at suitable employment;\n';
const LEAD = 'The court may provide, as further conditions of a sentence of probation, to the extent that such conditions are reasonably related to the factors set forth in section 3553, that the defendant';

describe('lead-ins that oblige a governed person (English)', () => {
  it('items after "that the defendant" are duties laid on the defendant', () => {
    assert.deepEqual(inherited(`${LEAD}\n\n${ITEMS}`), ['1 control', '2 control']);
  });

  it('an order that requires "such person to" hands it to the items', () => {
    const lead = 'If the responsible party does not voluntarily cease distribution, the Secretary may, by order require, as the Secretary deems necessary, such person to';
    assert.deepEqual(inherited(`${lead}\n\n(A) immediately cease distribution of such article; and\n\n(B) as applicable, immediately notify all persons\n`), ['A control', 'B control']);
  });

  it('the lead-in itself is not counted', () => {
    assert.deepEqual(counted(LEAD), []);
  });

  it('a person named at the end in another role hands nothing on', () => {
    assert.deepEqual(inherited(`The report shall state the facts that support the allegations of such person\n\n${ITEMS}`), []);
    assert.deepEqual(inherited(`The notice shall be sent to the defendant\n\n${ITEMS}`), []);
  });

  it('a lexicon whose obliged lead-ins name no entry is refused', () => {
    const source = JSON.stringify({
      name: 'oblige-test',
      version: '1.0.0',
      language: 'en',
      categories: [{ id: 'coercion', label: 'Coercion', polarity: 'control', description: 'orders' }],
      entries: [{ term: 'order', category: 'coercion' }],
      context: { lists: { obliged: { words: ['that the defendant'], entry: 'no such entry' } } },
    });
    assert.throws(() => new Engine([parseLexicon(source, 'oblige-test.json')]), /lists\.obliged names "no such entry"/);
  });
});
