// The golden comparison: any change to the output of the fixed corpus fails here until it is reviewed.
import * as assert from 'node:assert/strict';
import { annotationsOf, documentBytes, documentSummary } from '../../src/core/report';
import { reportEntry } from '../../src/core/webAnnotationReport';
import { builtinEngine } from './helpers/lexicons';
import { computeGolden, goldenTexts, readGolden } from './golden/outputs';

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

  it('a report written straight from the engine\'s packed results, as the CLI and the editor write it, is the bytes of one written from objects', () => {
    const engine = builtinEngine();
    for (const { name, text } of goldenTexts()) {
      for (const style of ['json', 'jsonl'] as const) {
        // A fresh analysis each: one whose sections were read as objects writes those (reportSections).
        const analysis = engine.analyze(text);
        const entry = reportEntry(name, analysis, null);
        const packed = Buffer.concat(Array.from(documentBytes(entry.summary, entry.annotations, style, 1000)));
        const objects = Buffer.concat(Array.from(documentBytes(documentSummary(name, analysis.tally()), annotationsOf(analysis), style)));
        assert.ok(packed.equals(objects), `${name} ${style}`);
      }
    }
  });
});
