// A statute's labelled subsection heading that lists its parts ("a) Arrest, detention, and release", "b) Release of
// education records; parental consent requirement; exceptions; …") is a title line: it names its topics and counts
// nothing, however many parts it lists. A list item with the same words does count. So does a heading ending on a
// full stop whose commas stand in title case ("d) Temporary Detention To Permit Revocation of Conditional Release,
// Deportation, or Exclusion .").
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

  it('a heading of a dozen parts, up to 120 words, and parts qualified by "to be"', () => {
    const parts = Array.from({ length: 14 }, (_, i) => `notice to respondent number ${i}`).join('; ');
    assert.deepEqual(counted(`b) Charges by persons aggrieved; ${parts}; penalties for disclosure of information\n`), []);
    assert.deepEqual(counted('a) Conditions for availability of funds; inspection and review of education records; specific information to be made available; hearings\n'), []);
    assert.deepEqual(counted('2) The information shall be made available; inspection of records\n').length > 0, true);
  });

  it('a heading ending on a full stop may hold commas when it is in title case', () => {
    assert.deepEqual(counted('d) Temporary Detention To Permit Revocation of Conditional Release, Deportation, or Exclusion .\n\nThe officer may detain the person.\n'), ['control/coercion:detain']);
    assert.deepEqual(counted('d) Detention of the person, deportation, or exclusion.\n').length > 0, true);
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
