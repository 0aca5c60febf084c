// The performance page made from a saved bench run must name that run's commit, time and load, not those of the
// moment the page was made; and asking the page tool for help must not start the whole bench.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { savedMeta } from '../bench/runMeta';

const ROOT = path.resolve(__dirname, '../../..');
const DOC = path.join(ROOT, 'out/bench/doc.js');
const ROW = { section: 'cli', name: 'CLI --format text, 10 MB file, time over floor process', value: 2.5, unit: 'x', ratio: 2.5, min: 2.1, max: 2.9, target: '<= 2', pass: false };
const META = { commit: 'abc1234', date: '2026-01-02 03:04 UTC', node: 'v20.0.0', cores: 7, load: '0.5, 0.6, 0.7', args: ['--no-host'] };

function page(lines: string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-doc-'));
  try {
    fs.writeFileSync(path.join(dir, 'run.jsonl'), `${lines.join('\n')}\n`);
    const r = spawnSync(process.execPath, [DOC, '--from', path.join(dir, 'run.jsonl'), '--out', path.join(dir, 'page.md')], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    return fs.readFileSync(path.join(dir, 'page.md'), 'utf8');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('the performance page tool', () => {
  it('reads the run line of saved bench output, wherever it stands', () => {
    assert.deepEqual(savedMeta([JSON.stringify(ROW), JSON.stringify({ meta: META })]), META);
    assert.equal(savedMeta([JSON.stringify(ROW)]), null);
  });

  it('names the saved run\'s commit, start and load, and counts only its figures', function () {
    this.timeout(20_000);
    const text = page([JSON.stringify({ meta: META }), JSON.stringify(ROW)]);
    assert.match(text, /Generated from a saved run at commit `abc1234`, started 2026-01-02 03:04 UTC: Node v20\.0\.0, 7 cores, load average 0\.5, 0\.6, 0\.7 \(1, 5, 15 minutes\) at the start, bench options `--no-host`\./);
    assert.match(text, /1 targets, 0 met, 1 not met/);
  });

  it('says so when saved output does not record its run', function () {
    this.timeout(20_000);
    assert.match(page([JSON.stringify(ROW)]), /from a saved run that does not record its own commit, time or load\./);
  });

  it('prints its usage for --help and runs no bench', function () {
    this.timeout(20_000);
    const r = spawnSync(process.execPath, [DOC, '--help'], { encoding: 'utf8', timeout: 15_000 });
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^usage: node out\/bench\/doc\.js/);
    assert.equal(r.stderr, '');
  });
});
