// `npm run devset` without arguments scores the test half, so an option it does not know must stop it rather than
// fall back to that report.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const TOOL = path.join(ROOT, 'out/tools/devset.js');

describe('the development-set tool', () => {
  it('refuses a mistyped option, naming it and the options it knows, and prints no scores', function () {
    this.timeout(20_000);
    const r = spawnSync(process.execPath, [TOOL, '--eror', '--half', 'tuning'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /unknown option --eror \(options: --half, --docs, --except, --lexicon, --errors, --json\)/);
    assert.equal(r.stdout, '');
  });

  it('scores a development set it is given', function () {
    this.timeout(20_000);
    const r = spawnSync(process.execPath, [TOOL, '--json', 'test/devset/en.genres.tsv'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const rows = r.stdout.trim().split('\n').map((line) => JSON.parse(line) as { file: string; polarity: string });
    assert.deepEqual(rows.map((row) => [row.file, row.polarity]), [['test/devset/en.genres.tsv', 'control'], ['test/devset/en.genres.tsv', 'engagement']]);
  });
});
