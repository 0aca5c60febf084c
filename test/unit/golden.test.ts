// The golden comparison: any change to the output of the fixed corpus fails here until it is reviewed.
import * as assert from 'node:assert/strict';
import { computeGolden, readGolden } from './golden/outputs';

describe('golden output', function () {
  this.timeout(60_000);

  it('hashes of the tally, sections, annotations, a range query and the reports are unchanged', () => {
    const expected = readGolden();
    const actual = computeGolden();
    const changed: string[] = [];
    for (const name of new Set([...Object.keys(expected), ...Object.keys(actual)])) {
      for (const part of new Set([...Object.keys(expected[name] ?? {}), ...Object.keys(actual[name] ?? {})])) {
        if (expected[name]?.[part] !== actual[name]?.[part]) changed.push(`${name}.${part}`);
      }
    }
    assert.deepEqual(
      changed,
      [],
      `The output of the golden corpus changed (${changed.join(', ')}).\n` +
        'If this change is NOT intended, it is a regression: find it before landing.\n' +
        'If it IS intended (a lexicon, engine or report format change), run `npm run golden:update`, check\n' +
        '`git diff test/unit/golden/hashes.json` names only the parts you meant to change, commit the file, and say\n' +
        'in the commit message what changed in the output and why.',
    );
  });
});
