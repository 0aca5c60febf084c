// Messages for unusual input (issue 15): each problem is named once, in one line, with its file and place, and
// the run goes on where it can.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseLexicon } from '../../src/core/index';
import { builtinLexicons } from '../../src/core/index';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const TEXT = 'The agency shall monitor every resident and consult the public.\n';

function cli(args: string[], cwd: string, input?: string | Buffer): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, input, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-messages-'));
}

const DUPLICATES = `{
  "name": "dups",
  "version": "1",
  "language": "en",
  "categories": [
    { "id": "surveillance", "label": "Mine", "polarity": "engagement", "description": "redefined" }
  ],
  "entries": [
    { "term": "monitor", "category": "surveillance" },
    { "term": "zzword", "category": "surveillance" },
    { "term": "ZZword", "category": "surveillance", "weight": 2 },
    { "term": "tinyword", "category": "surveillance", "weight": 0.0004 }
  ]
}
`;

describe('lexicon warnings', () => {
  it('warns, with file, line and column, of repeated terms, a redefined built-in category and a weight below 0.001', () => {
    const warnings: string[] = [];
    const lexicon = parseLexicon(DUPLICATES, 'dups.json', { earlier: builtinLexicons(), knownCategories: ['surveillance'], warn: (w) => warnings.push(w) });
    assert.equal(lexicon.entries.length, 4);
    assert.deepEqual(warnings, [
      'dups.json:6:5: warning: category "surveillance" is already defined by lexicon "policy-lens-en"; that definition (label, polarity, description) is kept and this one ignored',
      'dups.json:9:15: warning: entry "monitor" is already in lexicon "policy-lens-en"; that entry counts and this one is ignored',
      'dups.json:11:15: warning: entry "ZZword" repeats the entry on line 10; only the first counts',
      'dups.json:12:65: warning: weight 0.0004 is below 0.001, the smallest step, and counts as 0',
    ]);
  });

  it('the CLI prints the warnings and still analyses (exit 0)', function () {
    this.timeout(30000);
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'dups.json'), DUPLICATES);
    fs.writeFileSync(path.join(dir, 'v.txt'), TEXT);
    const run = cli(['--lexicon', 'dups.json', 'v.txt'], dir);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stderr.split('\n').filter((l) => /^policy-lens: dups\.json:\d+:\d+: warning: /.test(l)).length, 4, run.stderr);
  });
});
