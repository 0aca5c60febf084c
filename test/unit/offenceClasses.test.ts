// "Felony" and "misdemeanor" name the classes of crime a statute punishes (English 1.24.1): control (sanctions),
// whether the sentence sets the punishment or names the offence a measure is taken for, as the grounds of a detention
// or the reach of a condition of probation (codebook D45). A title line or a definition names the word and counts
// nothing.
import * as assert from 'node:assert/strict';
import { builtinEngine, countedMatches as counted } from './helpers/lexicons';

describe('classes of crime (English)', () => {
  it('a felony or a misdemeanor named in a clause is a sanction', () => {
    assert.deepEqual(counted('Whoever knowingly makes any false statement shall be guilty of a felony.'), [['felony', 'control', 'sanctions']]);
    assert.deepEqual(counted('(i) release pending trial for a felony under Federal, State, or local law'), [['felony', 'control', 'sanctions']]);
    assert.deepEqual(counted('(1) for a felony, a misdemeanor, or an infraction, that the defendant not commit another crime during the term of probation'), [
      ['felony', 'control', 'sanctions'],
      ['misdemeanor', 'control', 'sanctions'],
    ]);
    assert.deepEqual(counted('A person convicted of two or more felonies shall be detained pending trial.'), [
      ['felonies', 'control', 'sanctions'],
      ['detained', 'control', 'coercion'],
    ]);
  });

  it('a heading or a definition names the class and counts nothing', () => {
    const heading = builtinEngine().analyze('(3) Felony conviction relating to health care fraud\n').matches();
    assert.ok(heading.every((m) => m.negated));
    assert.deepEqual(counted('The term "misdemeanor" means any offense punishable by imprisonment for one year or less.'), []);
  });
});
