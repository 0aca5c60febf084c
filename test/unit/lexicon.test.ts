// parseLexicon: a valid file round-trips; each malformed file gives a LexiconError at the exact line and
// column of the problem with a message that says what is wrong. The built-in lexicons parse too.
import * as assert from 'node:assert/strict';
import { LexiconError, LexiconSource, parseLexicon } from '../../src/core/index';
import { repoFile } from './helpers/lexicons';

function fixture(name: string): string {
  return repoFile(`test/fixtures/lexicons/${name}`);
}

/** The LexiconError parsing `text` throws; fails the test when it parses. */
function errorOf(text: string, file: string, options?: Parameters<typeof parseLexicon>[2]): LexiconError {
  try {
    parseLexicon(text, file, options);
  } catch (e) {
    assert.ok(e instanceof LexiconError, `expected a LexiconError, got ${String(e)}`);
    return e;
  }
  assert.fail(`${file} parsed without error`);
}

function assertError(name: string, line: number, column: number, problem: RegExp): void {
  const error = errorOf(fixture(name), name);
  assert.deepEqual([error.file, error.line, error.column], [name, line, column], error.message);
  assert.match(error.problem, problem);
  assert.equal(error.message, `${name}:${line}:${column}: ${error.problem}`);
  assert.equal(error.name, 'LexiconError');
}

const MINIMAL = '{"name":"m","version":"1","language":"en","categories":[],"entries":[]}';

describe('parseLexicon', () => {
  it('parses a valid file into the documented shape, normalising term spacing', () => {
    const parsed = parseLexicon(fixture('valid.json'), 'valid.json');
    const expected: LexiconSource = {
      name: 'test-valid',
      version: '1.2.3',
      language: 'en',
      description: 'A small valid lexicon for the parser tests.',
      categories: [
        { id: 'surveillance', label: 'Surveillance', labelZh: '监视', polarity: 'control', description: 'Watching people.' },
        { id: 'rights', label: 'Rights', polarity: 'engagement', description: 'Rights and redress.' },
      ],
      entries: [
        { term: 'surveil*', category: 'surveillance' },
        { term: 'blacklist', category: 'surveillance', weight: 1.5, note: 'a list of names' },
        { term: 'right of appeal', category: 'rights' },
        { term: 'control loop', neutral: true },
      ],
      context: {
        window: 5,
        clauseBreaks: ['but', 'provided that'],
        protectionCategory: 'rights',
        before: [
          { cue: 'not', effect: 'negate' },
          { cue: 'without', effect: 'negate', window: 1 },
          { cue: 'exempt from', effect: 'exempt' },
        ],
        after: [{ cue: 'is prohibited', effect: 'protect' }],
      },
    };
    assert.deepEqual(parsed, expected);
  });

  it('round-trips: the parsed lexicon, written as JSON, parses to itself', () => {
    const parsed = parseLexicon(fixture('valid.json'), 'valid.json');
    assert.deepEqual(parseLexicon(JSON.stringify(parsed, null, 2), 'again.json'), parsed);
  });

  it('accepts a minimal lexicon and a $schema property', () => {
    assert.deepEqual(parseLexicon(MINIMAL, 'm.json'), { name: 'm', version: '1', language: 'en', categories: [], entries: [] });
    const withSchema = MINIMAL.replace('{', '{"$schema":"./lexicon.schema.json",');
    assert.equal(parseLexicon(withSchema, 'm.json').name, 'm');
  });

  it('accepts a file that starts with a UTF-8 byte-order mark', () => {
    assert.deepEqual(parseLexicon(`\uFEFF${fixture('valid.json')}`, 'valid.json'), parseLexicon(fixture('valid.json'), 'valid.json'));
    const error = errorOf(`\uFEFF${fixture('unknown-category.json')}`, 'bom.json');
    assert.deepEqual([error.line, error.column], [11, 39]);
  });

  describe('malformed files', () => {
    it('reports a missing closing brace at the end of the file', () => {
      assertError('missing-brace.json', 27, 1, /^invalid JSON: close brace expected$/);
    });

    it('reports a value of the wrong type at the value', () => {
      assertError('wrong-type.json', 12, 66, /^"weight" must be a number above 0 and at most 10$/);
      assertError('name-not-string.json', 2, 11, /^"name" must be a non-empty string$/);
    });

    it('reports an unknown category at the category name', () => {
      assertError('unknown-category.json', 11, 39, /^unknown category "survelliance"$/);
    });

    it('reports an unknown property at its key, listing the allowed ones', () => {
      assertError('unknown-property.json', 12, 56, /^unknown property "weigth" in an entry \(allowed: term, category, weight, neutral, note, topic, conduct, command\)$/);
    });

    it('reports a duplicate category id at the second category', () => {
      assertError('duplicate-category.json', 8, 5, /^duplicate category id "surveillance"$/);
    });

    it('reports a bad polarity at the value, naming the allowed ones', () => {
      assertError('bad-polarity.json', 8, 54, /^"polarity" must be one of "control", "engagement", not "neutral"$/);
    });

    it('reports a weight of 0 at the weight', () => {
      assertError('bad-weight.json', 12, 66, /^"weight" must be a number above 0 and at most 10$/);
    });

    it('reports a neutral entry that names a category, and an entry with neither', () => {
      assertError('neutral-with-category.json', 14, 5, /^entry "control loop" is neutral and must not name a category$/);
      assertError('missing-category.json', 12, 5, /^entry "blacklist" needs a "category" \(or "neutral": true\)$/);
    });

    it('reports a "*" inside a word at the term', () => {
      assertError('bad-term.json', 11, 15, /^"term" "a\*b" must be one or more words; "\*" may only end a word$/);
    });

    it('reports a window out of range or not whole, in the context and in a cue', () => {
      assertError('window-out-of-range.json', 17, 15, /^"window" must be a whole number from 0 to 20$/);
      assertError('cue-window-fraction.json', 22, 57, /^"window" must be a whole number from 0 to 20$/);
    });

    it('reports a trailing comma at the comma', () => {
      assertError('trailing-comma.json', 14, 48, /^invalid JSON: trailing comma/);
      const inObject = errorOf('{"name":"m",\n}', 'o.json');
      assert.deepEqual([inObject.line, inObject.column], [1, 12]);
      assert.match(inObject.problem, /^invalid JSON: trailing comma/);
    });
  });

  describe('malformed values, inline', () => {
    const withCategory = MINIMAL.replace('"categories":[]', '"categories":[{"id":"c","label":"x","polarity":"control","description":"d"}]');
    const withContext = (context: string): string => MINIMAL.replace(/}$/, `,"context":${context}}`);
    // [what, text, the text the error must point at (its first occurrence), problem]
    const cases: [string, string, string, RegExp][] = [
      ['an empty file', '', '', /^the file is empty$/],
      ['a blank file', ' \n ', ' \n ', /^the file is empty$/],
      ['a lexicon that is not an object', '[1]', '[1]', /^the lexicon must be an object$/],
      ['a missing name', '{"version":"1","language":"en","categories":[],"entries":[]}', '{"version"', /^missing required property "name"$/],
      ['an unknown language', MINIMAL.replace('"en"', '"fr"'), '"fr"', /^"language" must be one of "en", "zh", not "fr"$/],
      ['entries that are not an array', MINIMAL.replace('"entries":[]', '"entries":{}'), '{}', /^"entries" must be an array$/],
      ['a duplicate property', MINIMAL.replace('"name":"m",', '"name":"m",\n  "name":"n",'), '"name":"n"', /^duplicate property "name"$/],
      ['a bad category id', MINIMAL.replace('"categories":[]', '"categories":[{"id":"Bad Id","label":"x","polarity":"control","description":"d"}]'), '"Bad Id"', /^category id "Bad Id" must be lower-case letters, digits and hyphens$/],
      ['a blank term', MINIMAL.replace('"entries":[]', '"entries":[\n{"term":"  ","neutral":true}]'), '"  "', /^"term" must be a non-empty string$/],
      ['a weight above 10', withCategory.replace('"entries":[]', '"entries":[{"term":"t","category":"c","weight":10.5}]'), '10.5', /^"weight" must be a number above 0 and at most 10$/],
      ['a negative weight', withCategory.replace('"entries":[]', '"entries":[{"term":"t","category":"c","weight":-1}]'), '-1', /^"weight" must be a number above 0 and at most 10$/],
      ['a non-boolean neutral', MINIMAL.replace('"entries":[]', '"entries":[{"term":"t","neutral":"yes"}]'), '"yes"', /^"neutral" must be true or false$/],
      ['a bad cue effect', withContext('{"before":[{"cue":"not","effect":"ban"}]}'), '"ban"', /^"effect" must be one of "negate", "exempt", "protect", "none", "target", "object", "act", "define", "secret", "organise", not "ban"$/],
      ['a cue with a "*" inside', withContext('{"before":[{"cue":"n*t","effect":"negate"}]}'), '"n*t"', /^"cue" "n\*t" must be one or more words; "\*" may only end a word$/],
      ['a negative cue window', withContext('{"after":[{"cue":"not","effect":"negate","window":-1}]}'), '-1', /^"window" must be a whole number from 0 to 20$/],
      ['an unknown protection category', withContext('{"protectionCategory":"rights"}'), '"rights"', /^unknown category "rights"$/],
      ['an unknown context property', withContext('{"windows":3}'), '"windows"', /^unknown property "windows" in "context"/],
      ['a comment', `// lexicon\n${MINIMAL}`, '// lexicon', /^invalid JSON: invalid comment token$/],
    ];
    for (const [what, text, at, problem] of cases) {
      it(`reports ${what} where it is`, () => {
        const offset = text.indexOf(at);
        assert.ok(offset >= 0, `the test text holds ${at}`);
        const before = text.slice(0, offset).split('\n');
        const error = errorOf(text, 'inline.json');
        assert.deepEqual([error.line, error.column], [before.length, before[before.length - 1].length + 1], error.message);
        assert.match(error.problem, problem);
      });
    }
  });

  it('rejects terms with no word, and a wildcard after a Chinese character', () => {
    for (const term of ['--', '...', '监*']) {
      const text = MINIMAL.replace('"entries":[]', `"entries":[{"term":"${term}","neutral":true}]`);
      const error = errorOf(text, 'x.json');
      assert.deepEqual([error.line, error.column], [1, text.indexOf(`"${term}"`) + 1], `${term}: ${error.message}`);
    }
  });

  describe('knownCategories', () => {
    const text = MINIMAL.replace('"entries":[]', '"entries":[{"term":"appeal","category":"rights"}]').replace(/}$/, ',"context":{"protectionCategory":"rights"}}');

    it('lets entries and the protection category refer to categories defined elsewhere', () => {
      assert.throws(() => parseLexicon(text, 'x.json'), /unknown category "rights"/);
      const parsed = parseLexicon(text, 'x.json', { knownCategories: ['rights'] });
      assert.deepEqual(parsed.entries, [{ term: 'appeal', category: 'rights' }]);
      assert.equal(parsed.context?.protectionCategory, 'rights');
    });
  });

  describe('the built-in lexicon files', () => {
    const en = parseLexicon(repoFile('src/core/lexicons/en.json'), 'en.json');
    const zh = parseLexicon(repoFile('src/core/lexicons/zh.json'), 'zh.json');

    it('parse and share the same 14 category ids in the same order', () => {
      const ids = en.categories.map((c) => c.id);
      assert.deepEqual(ids, [
        'surveillance',
        'data-collection',
        'sanctions',
        'restrictions',
        'censorship',
        'scoring',
        'coercion',
        'consultation',
        'complaints',
        'participation',
        'transparency',
        'accountability',
        'rights',
        'privacy',
      ]);
      assert.deepEqual(
        zh.categories.map((c) => [c.id, c.polarity]),
        en.categories.map((c) => [c.id, c.polarity]),
      );
      assert.equal(en.language, 'en');
      assert.equal(zh.language, 'zh');
    });

    it('keep every entry, with terms already in normal form', () => {
      const rawEn = JSON.parse(repoFile('src/core/lexicons/en.json')) as LexiconSource;
      const rawZh = JSON.parse(repoFile('src/core/lexicons/zh.json')) as LexiconSource;
      assert.deepEqual(
        en.entries.map((e) => e.term),
        rawEn.entries.map((e) => e.term),
      );
      assert.deepEqual(
        zh.entries.map((e) => e.term),
        rawZh.entries.map((e) => e.term),
      );
      assert.ok(en.entries.length >= 400, `en has ${en.entries.length} entries`);
      assert.ok(zh.entries.length >= 300, `zh has ${zh.entries.length} entries`);
    });
  });
});
