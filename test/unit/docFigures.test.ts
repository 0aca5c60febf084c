// The figures the README and docs quote are today's output: each is recomputed here with the command-line tool
// and compared, so a change to the engine or the lexicons that moves them fails until the page is regenerated.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'dist/cli.js');

function cli(args: string[], cwd = ROOT): string {
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return run.stdout;
}

function read(file: string): string {
  // Soft-wrapped Markdown: one line, single spaces.
  return fs.readFileSync(path.join(ROOT, file), 'utf8');
}

function flat(text: string): string {
  return text.replace(/\s+/g, ' ');
}

interface Figures {
  lean: { index: number | null; label: string };
  units: { sentences: number; control: number; engagement: number; both: number };
  control: { matches: number; weight: number; perThousandWords: number };
  engagement: { matches: number; weight: number; perThousandWords: number };
  words: number;
}

function figures(file: string): Figures {
  return (JSON.parse(cli([file])) as { documents: Figures[] }).documents[0];
}

/** As the status bar and the CLI print a lean: +0.10, −0.42 (a minus sign), 0.00. */
function signed(index: number): string {
  const fixed = Math.abs(index).toFixed(2);
  return index > 0 ? `+${fixed}` : index < 0 ? `\u2212${fixed}` : fixed;
}

describe('figures quoted in the documentation', function () {
  this.timeout(60_000);

  it('README: the sample row of `npm run sample` and the status bar example', () => {
    const sample = figures('media/samples/social-credit-outline.policy.txt');
    assert.ok(sample.lean.index !== null);
    const readme = flat(read('README.md'));
    const row =
      `lean ${signed(sample.lean.index).replace('\u2212', '-')}, ${sample.lean.label}: of ${sample.units.sentences} sentences, ${sample.units.control} hold a control match ` +
      `and ${sample.units.engagement} an engagement match (${sample.units.both} both), with ${sample.control.matches} control and ${sample.engagement.matches} engagement matches in ${sample.words} words.`;
    assert.ok(readme.includes(row), `README does not quote the sample as it is tallied today: ${row}`);
    const word = sample.lean.label === 'control-leaning' ? 'control' : sample.lean.label === 'engagement-leaning' ? 'engagement' : 'balanced';
    const status = `\`Lean ${signed(sample.lean.index)} ${word}\` for the English sample`;
    assert.ok(readme.includes(status), `README's status bar example is not the sample's: ${status}`);
  });

  it('docs/cli.md: the text table of the fixture corpus', () => {
    const table = cli(['--format', 'text', 'corpus'], path.join(ROOT, 'test/fixtures/cli'));
    const page = read('docs/cli.md');
    assert.ok(page.includes(table.replace(/\n$/, '')), `docs/cli.md does not show today's table:\n${table}`);
  });

  it('docs/measurement.md: the worked example', () => {
    const notice = figures('test/fixtures/cli/corpus/a-notice.txt');
    const page = flat(read('docs/measurement.md'));
    const { units, control, engagement, words } = notice;
    assert.ok(notice.lean.index !== null);
    const quoted = [
      `C = ${units.control}, E = ${units.engagement}, both = ${units.both}`,
      `Lean = (${units.engagement} − ${units.control}) / (${units.engagement} + ${units.control}) = **${signed(notice.lean.index)}**, \`${notice.lean.label}\``,
      `${control.matches} control matches (weight ${control.weight}) and ${engagement.matches} engagement matches (weight ${engagement.weight}) in ${words} words`,
      `${control.matches} × 1,000 / ${words} = ${control.perThousandWords.toFixed(2)} control and ${engagement.perThousandWords.toFixed(2)} engagement matches per 1,000 words`,
    ];
    for (const q of quoted) assert.ok(page.includes(q), `docs/measurement.md does not say: ${q}`);
  });
});
