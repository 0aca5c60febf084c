// Incremental analysis (issue 6): after any sequence of edits, applyEdit gives the same matches and tally
// as analysing the new text from scratch; analysing in slices gives the same as at once; matchesInRange
// gives exactly the matches that overlap the range.
import * as assert from 'node:assert/strict';
import { AnalysisContext, analysisContext, DocumentAnalysis as AnalysisInternals } from '../../src/core/analysis';
import { BLOCK_READS, MAX_BLOCK } from '../../src/core/blocks';
import { analyzeAsync, DocumentAnalysis, Engine, Match } from '../../src/core/index';
import { Matcher } from '../../src/core/matcher';
import { document, insertion } from './helpers/corpus';
import { builtinEngine } from './helpers/lexicons';
import { Random } from './helpers/random';

interface Edit {
  start: number;
  oldEnd: number;
  text: string;
}

/** A random edit of `text`: an insertion, a deletion or a replacement, at a random place or an edge. */
function randomEdit(rng: Random, text: string, maxDelete: number): Edit {
  const where = rng.next();
  let start = where < 0.05 ? 0 : where < 0.1 ? text.length : rng.int(text.length + 1);
  const kind = rng.next();
  let length = 0;
  if (kind >= 0.35) length = rng.chance(0.85) ? rng.int(40) : rng.int(maxDelete);
  length = Math.min(length, text.length - start);
  if (kind < 0.65 && kind >= 0.35) return { start, oldEnd: start + length, text: '' };
  if (rng.chance(0.05)) start = Math.max(0, start - 1); // sometimes splits a surrogate pair or a CRLF
  return { start, oldEnd: Math.min(text.length, start + length), text: insertion(rng) };
}

function describeEdit(edit: Edit): string {
  return `applyEdit(${edit.start}, ${edit.oldEnd}, ${JSON.stringify(edit.text)})`;
}

/** Fails with the first differing match rather than a diff of thousands. */
function assertSameAnalysis(actual: DocumentAnalysis, expected: DocumentAnalysis, context: string): void {
  const a = actual.matches();
  const e = expected.matches();
  for (let k = 0; k < Math.max(a.length, e.length); k++) {
    if (JSON.stringify(a[k]) !== JSON.stringify(e[k])) {
      assert.fail(`${context}: match ${k} differs\n  incremental: ${JSON.stringify(a[k])}\n  fresh:       ${JSON.stringify(e[k])}`);
    }
  }
  assert.deepEqual(actual.tally(), expected.tally(), `${context}: tallies differ`);
  assert.equal(actual.language, expected.language, `${context}: languages differ`);
}

/** Applies `edits` random edits, comparing with a fresh analysis every `every` edits and after the last. */
function runEdits(engine: Engine, seed: number, initialChars: number, edits: number, every: number, maxDelete: number): void {
  const rng = new Random(seed);
  let text = document(rng, initialChars, initialChars > 50_000);
  const analysis = engine.analyze(text);
  const history: string[] = [];
  for (let n = 1; n <= edits; n++) {
    const edit = randomEdit(rng, text, maxDelete);
    const next = text.slice(0, edit.start) + edit.text + text.slice(edit.oldEnd);
    history.push(describeEdit(edit));
    analysis.applyEdit(edit.start, edit.oldEnd, next);
    text = next;
    assert.equal(analysis.text(), text);
    if (n % every === 0 || n === edits) {
      const fresh = engine.analyze(text);
      const context = `seed ${seed}, edit ${n} of ${edits} (${history.slice(-every).join('; ')})`;
      assertSameAnalysis(analysis, fresh, context);
      // The range an editor would ask for next: around the edit.
      const from = Math.max(0, edit.start - 200);
      const to = edit.start + edit.text.length + 200;
      const expected = fresh.matches().filter((m) => m.end > from && m.start < to);
      assert.deepEqual(analysis.matchesInRange(from, to), expected, `${context}: matchesInRange(${from}, ${to})`);
    }
  }
}

/** The engine's analysis context, for DocumentAnalysis.createInSlices with a small slice size. */
function contextOf(engine: Engine): AnalysisContext {
  return analysisContext(new Matcher(engine.lexicons), null);
}

describe('incremental analysis', function () {
  this.timeout(180_000);
  const engine = builtinEngine();

  it('equals a fresh analysis after each of 420 random edits of a few-KB text', () => {
    for (const seed of [20261128, 7, 99]) runEdits(engine, seed, 4000, 140, 1, 300);
  });

  it('equals a fresh analysis after 120 random edits of a ~300 KB text with long lines (checked every 4 edits)', () => {
    runEdits(engine, 4242, 300_000, 120, 4, 5000);
  });

  it('re-reads no more than a bounded stretch before an edit deep inside a 240 KB line, and still equals a fresh analysis', () => {
    // Blocks of a long line are cut one after another, so re-reading cannot stop before the line's end when the text
    // after the edit is periodic (the new cuts keep a different phase); it can start near the edit. With sentence
    // ends to cut at, it stops a few blocks after the edit.
    for (const [unit, resyncs] of [
      ['The bureau shall not monitor any firm without a court order. ', true],
      ['no fine not monitor ', false],
      ['不得监控，处罚没有 ', false],
    ] as const) {
      let text = unit.repeat(Math.ceil(240_000 / unit.length));
      const analysis = engine.analyze(text);
      for (const at of [0.5, 0.9, 0.999, 0.3]) {
        const start = Math.floor(text.length * at);
        text = `${text.slice(0, start)}x ${text.slice(start)}`;
        const reread = analysis.applyEdit(start, start, text);
        const context = `an edit at ${at} of ${JSON.stringify(unit)}…`;
        assert.ok(reread <= text.length - start + BLOCK_READS + 2 * MAX_BLOCK, `${context} re-read ${reread} characters`);
        if (resyncs) assert.ok(reread <= BLOCK_READS + 4 * MAX_BLOCK, `${context} re-read ${reread} characters`);
        assertSameAnalysis(analysis, engine.analyze(text), context);
      }
    }
  });

  it('equals a fresh analysis when a long line turns blank and back', () => {
    // A blank line after a blank line or a heading joins the block before it, however long.
    for (const prefix of ['Article 1\nWe monitor.\n', 'We appeal.\n\n']) {
      const spaces = ' '.repeat(60_000);
      const text = `${prefix}${spaces}x${spaces}\nWe monitor again.`;
      const at = prefix.length + spaces.length;
      const analysis = engine.analyze(text);
      const blank = text.slice(0, at) + text.slice(at + 1);
      analysis.applyEdit(at, at + 1, blank);
      assertSameAnalysis(analysis, engine.analyze(blank), `deleting the x after ${JSON.stringify(prefix)}`);
      analysis.applyEdit(at, at, text);
      assertSameAnalysis(analysis, engine.analyze(text), `typing it again after ${JSON.stringify(prefix)}`);
    }
  });

  it('handles edits that empty the text, fill it again, or change nothing', () => {
    const text = 'We monitor.\n\nArticle 2\nThey appeal.';
    const analysis = engine.analyze(text);
    analysis.applyEdit(0, text.length, '');
    assertSameAnalysis(analysis, engine.analyze(''), 'emptied');
    analysis.applyEdit(0, 0, text);
    assertSameAnalysis(analysis, engine.analyze(text), 'refilled');
    analysis.applyEdit(5, 5, text);
    assertSameAnalysis(analysis, engine.analyze(text), 'an edit that changes nothing');
    const empty = engine.analyze('');
    empty.applyEdit(0, 0, '不得监控。');
    assertSameAnalysis(empty, engine.analyze('不得监控。'), 'typed into an empty document');
  });

  it('re-reads the sentence around an edit: a cue typed before a match negates it, deleting it restores it', () => {
    const text = 'Officials will monitor petitioners.';
    const analysis = engine.analyze(text);
    assert.equal(analysis.matches().filter((m) => !m.negated).length > 0, true);
    const withCue = 'Officials will not monitor petitioners.';
    analysis.applyEdit(15, 15, withCue);
    const monitor = analysis.matches().find((m) => m.text === 'monitor');
    assert.equal(monitor?.negated, true);
    analysis.applyEdit(15, 19, text);
    assertSameAnalysis(analysis, engine.analyze(text), 'cue deleted');
  });

  it('applies an edit at offset 0 of a text that starts with a line break', () => {
    const analysis = engine.analyze('\nWe agree.');
    analysis.applyEdit(0, 0, 'Monitor\nWe agree.');
    assert.deepEqual(
      analysis.matches().map((m) => [m.start, m.end, m.text]),
      [[0, 7, 'Monitor']],
    );
    assertSameAnalysis(analysis, engine.analyze('Monitor\nWe agree.'), 'insertion at 0');
    const deletion = engine.analyze('\n\nArticle 1\nWe monitor.');
    deletion.applyEdit(0, 1, '\nArticle 1\nWe monitor.');
    assertSameAnalysis(deletion, engine.analyze('\nArticle 1\nWe monitor.'), 'deletion at 0');
  });

  it('rejects an edit outside the text', () => {
    const analysis = engine.analyze('abc');
    assert.throws(() => analysis.applyEdit(-1, 0, 'abc'), RangeError);
    assert.throws(() => analysis.applyEdit(2, 4, 'abc'), RangeError);
    assert.throws(() => analysis.applyEdit(2, 1, 'abc'), RangeError);
    assert.throws(() => analysis.applyEdit(2, 3, 'a'), RangeError); // the new text is too short for the edit
  });
});

describe('analysis in slices', function () {
  this.timeout(120_000);
  const engine = builtinEngine();
  const text = document(new Random(31337), 40_000);

  it('equals the analysis at once, for tiny and odd slice sizes and a zero time budget', async () => {
    const whole = engine.analyze(text);
    for (const size of [1, 7, 100, 4096]) {
      let pauses = 0;
      const sliced = await AnalysisInternals.createInSlices(contextOf(engine), text, () => {
        pauses++;
        return Promise.resolve();
      }, size);
      assert.ok(pauses > 0, `slice size ${size} paused`);
      assertSameAnalysis(sliced, whole, `slice size ${size}`);
    }
    // A zero time budget: one block per slice, however large the character budget.
    let pauses = 0;
    const timed = await AnalysisInternals.createInSlices(contextOf(engine), text, () => {
      pauses++;
      return Promise.resolve();
    }, Infinity, 0);
    assert.ok(pauses > 10, `${pauses} pauses with a zero time budget`);
    assertSameAnalysis(timed, whole, 'zero time budget');
  });

  it('analyzeAsync pauses on a text longer than a slice and equals analyze', async () => {
    const long = document(new Random(5), 600_000);
    let pauses = 0;
    const sliced = await analyzeAsync(engine, long, {}, () => {
      pauses++;
      return new Promise((resolve) => setImmediate(resolve));
    });
    assert.ok(pauses >= 2, `${pauses} pauses`);
    assertSameAnalysis(sliced, engine.analyze(long), 'analyzeAsync');
    const short = await engine.analyzeInSlices('We monitor.', { language: 'en' }, () => assert.fail('a short text needs no pause'));
    assertSameAnalysis(short, engine.analyze('We monitor.', { language: 'en' }), 'analyzeInSlices, short');
  });

  it('still applies edits after analysing in slices', async () => {
    const sliced = await AnalysisInternals.createInSlices(contextOf(engine), text, () => Promise.resolve(), 500);
    const next = `${text.slice(0, 1000)}\n\nArticle 9 We monitor.\n${text.slice(1000)}`;
    sliced.applyEdit(1000, 1000, next);
    assertSameAnalysis(sliced, engine.analyze(next), 'edit after slices');
  });
});

describe('matchesInRange', () => {
  const engine = builtinEngine();
  const text = document(new Random(77), 30_000);
  const analysis = engine.analyze(text);
  const all = analysis.matches();
  const overlapping = (start: number, end: number): Match[] => all.filter((m) => m.end > start && m.start < end);

  it('returns exactly the matches overlapping the range, for 300 random ranges', () => {
    assert.ok(all.length > 100);
    const rng = new Random(1234);
    for (let n = 0; n < 300; n++) {
      const start = rng.int(text.length + 10);
      const end = start + (rng.chance(0.1) ? 0 : rng.int(rng.chance(0.5) ? 50 : 5000));
      assert.deepEqual(analysis.matchesInRange(start, end), overlapping(start, end), `range [${start}, ${end})`);
    }
  });

  it('includes a match the range only touches inside, excludes one that ends at the start', () => {
    const m = all[10];
    assert.deepEqual(analysis.matchesInRange(m.end - 1, m.end), [m]);
    assert.ok(!analysis.matchesInRange(m.end, m.end + 1).includes(m));
    assert.ok(!analysis.matchesInRange(m.start - 1, m.start).some((x) => x.start === m.start && x.end === m.end));
    assert.deepEqual(analysis.matchesInRange(0, text.length), all);
    assert.deepEqual(analysis.matchesInRange(-100, 1e9), all);
  });
});
