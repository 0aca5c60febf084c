// The lexicon JSON Schema (used by VS Code's jsonValidation) agrees with the parser on the built-in lexicons.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import { parseLexicon } from '../../src/core/index';

const schema = JSON.parse(readFileSync('src/core/lexicons/lexicon.schema.json', 'utf8')) as object;
const validate = new Ajv2020({ allErrors: true }).compile(schema);

describe('lexicon schema', () => {
  for (const file of ['src/core/lexicons/en.json', 'src/core/lexicons/zh.json']) {
    it(`accepts ${file}, which the parser accepts too`, () => {
      const text = readFileSync(file, 'utf8');
      const valid = validate(JSON.parse(text));
      assert.equal(valid, true, JSON.stringify(validate.errors?.slice(0, 3)));
      assert.ok(parseLexicon(text, file).entries.length > 0);
    });
  }

  it('rejects what the parser rejects: a neutral entry with a category, a bad polarity, a wildcard mid-word', () => {
    const base = { name: 'x', version: '1', language: 'en', categories: [{ id: 'c', label: 'C', polarity: 'control', description: 'd' }] };
    const bad = [
      { ...base, entries: [{ term: 'loop', neutral: true, category: 'c' }] },
      { ...base, categories: [{ id: 'c', label: 'C', polarity: 'coercive', description: 'd' }], entries: [] },
      { ...base, entries: [{ term: 'sur*veil', category: 'c' }] },
    ];
    for (const lexicon of bad) {
      assert.equal(validate(lexicon), false, JSON.stringify(lexicon));
      assert.throws(() => parseLexicon(JSON.stringify(lexicon), 'bad.json'));
    }
  });
});
