// A statute's labelled subsection heading that lists its parts ("a) Arrest, detention, and release", "b) Release of
// education records; parental consent requirement; exceptions; …") is a title line: it names its topics and counts
// nothing, however many parts it lists. A list item with the same words does count.
import * as assert from 'node:assert/strict';
import { builtinLexicons, Engine } from '../../src/core/index';

const engine = new Engine(builtinLexicons());

function counted(text: string): string[] {
  return engine
    .analyze(text)
    .matches()
    .filter((m) => !m.negated)
    .map((m) => `${m.polarity}/${m.category}:${m.text}`);
}

describe('labelled headings that list their parts (English)', () => {
  it('commas between the parts of a labelled heading', () => {
    assert.deepEqual(counted('a) Arrest, detention, and release\n\nThe officer may arrest the alien.\n'), ['control/coercion:arrest']);
  });

  it('semicolons between many parts, beyond the twenty words of a plain title', () => {
    const heading =
      'b) Charges by persons aggrieved; filing; notice to respondent; investigation by Commission; prohibition on disclosure of charges; determination of reasonable cause; conference, conciliation, and persuasion; penalties for disclosure';
    assert.deepEqual(counted(`${heading}\n\nThe Commission shall investigate the charge.\n`).filter((m) => m.includes('penalt') || m.includes('prohibit')), []);
    assert.equal(engine.analyze(`${heading}\n`).tally().units.control, 0);
  });

  it('an item in lower case, one with a modal, or one ending on a clause mark is no heading', () => {
    assert.deepEqual(counted('(A) investigate, regulate, or prohibit\n'), ['control/restrictions:prohibit']);
    assert.deepEqual(counted('(2) The agency may impose penalties, fines, or other sanctions\n').length > 0, true);
    assert.deepEqual(counted('(3) penalties, fines; or\n').length > 0, true);
  });

  it('needs a label: an unlabelled line with commas is no heading', () => {
    assert.deepEqual(counted('Arrest, detention, and release of the person\n').length > 0, true);
  });
});
