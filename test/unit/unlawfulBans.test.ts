// "It is unlawful for" and "It shall be unlawful for" are the United States Code's form of a ban on conduct (English
// 1.23.1): control (restrictions), and a lead-in cut after its subject hands the ban to its items ("It is unlawful for
// a person or other entity" over "(A) to hire …"). The protection cue "unlawful" keeps its reading elsewhere.
import * as assert from 'node:assert/strict';
import { builtinLexicons, Engine } from '../../src/core/index';

const engine = new Engine(builtinLexicons());

function counted(text: string): [string, string, string, string][] {
  return engine
    .analyze(text)
    .matches()
    .filter((m) => !m.negated)
    .map((m) => [m.text, m.polarity, m.category, m.rule ?? 'none']);
}

describe('bans in the form "it is unlawful for" (English)', () => {
  it('a ban stated as unlawful conduct is a restriction', () => {
    assert.deepEqual(counted('It is unlawful for a person or other entity to hire an alien knowing the alien is an unauthorized alien.'), [['It is unlawful for', 'control', 'restrictions', 'none']]);
    assert.deepEqual(counted('It shall be unlawful for any person to knowingly make a false statement in an application.'), [['It shall be unlawful for', 'control', 'restrictions', 'none']]);
  });

  it('items under the ban cut after its subject inherit it', () => {
    const text = 'It is unlawful for a person or other entity\n\nA) to hire for employment in the United States an alien knowing the alien is an unauthorized alien, or\n\nB) to continue to employ the alien after learning of the status.\n';
    assert.deepEqual(
      counted(text).map(([t, , category, rule]) => [t, category, rule]),
      [
        ['It is unlawful for', 'restrictions', 'none'],
        ['A', 'restrictions', 'inherited'],
        ['B', 'restrictions', 'inherited'],
      ],
    );
  });

  it('"unlawful" beside a measure still protects people from it', () => {
    assert.deepEqual(counted('The petitioners shall not be subjected to unlawful detention.'), [['detention', 'engagement', 'rights', 'protection']]);
    assert.deepEqual(counted('Such conduct is unlawful.'), []);
  });
});
