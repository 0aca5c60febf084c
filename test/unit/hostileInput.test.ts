// Hostile input (issue 15): texts and lexicons built to make analysis slow or to crash it. Each case must finish in
// time linear in its size. Each is timed against ordinary input of the same size in the same process, so that the
// load of the machine, which moves both alike, cannot fail them; the bounds are wide (a quadratic case at these sizes
// takes hundreds of times as long), so only a complexity regression fails them.
import * as assert from 'node:assert/strict';
import { builtinLexicons, Engine, LexiconEntrySource, parseLexicon } from '../../src/core/index';
import { blockAt } from '../../src/core/blocks';
import { builtinEngine, cues, engineWith, testLexicon } from './helpers/lexicons';

/** Ordinary policy text, the baseline each hostile case is timed against. */
const ORDINARY = 'The agency shall monitor the data and consult the public on it. Residents may appeal the decision. ';

function elapsed(run: () => void): number {
  const t = performance.now();
  run();
  return performance.now() - t;
}

/** The fastest of three runs: a burst of load on a busy machine lengthens one run, rarely all three. */
function fastest(run: () => void): number {
  return Math.min(elapsed(run), elapsed(run), elapsed(run));
}

describe('hostile input', function () {
  this.timeout(60000);

  it('builds a lexicon whose terms have astral letters (𝐀𝐁𝐂) and matches them', () => {
    let engine: Engine | null = null;
    const ms = elapsed(() => {
      engine = engineWith([
        { term: '𝐀𝐁𝐂', category: 'surveillance' },
        { term: '𝐱𝐲* watch', category: 'censorship' },
      ]);
    });
    assert.ok(ms < 2000, `build took ${ms} ms`);
    const found = engine!.analyze('We 𝐀𝐁𝐂 you and 𝐱𝐲𝐳 watch.').matches().map((m) => [m.text, m.category]);
    assert.deepEqual(found, [
      ['𝐀𝐁𝐂', 'surveillance'],
      ['𝐱𝐲𝐳 watch', 'censorship'],
    ]);
  });

  it('resolves a sentence full of cues in linear time (no fine no fine …, not monitor …)', () => {
    const engine = builtinEngine();
    for (const unit of ['no fine ', 'not monitor ']) {
      const text = unit.repeat(40_000); // 320-480 KB, one sentence
      const ordinary = ORDINARY.repeat(Math.ceil(text.length / ORDINARY.length));
      engine.analyze(ordinary);
      const baseMs = fastest(() => engine.analyze(ordinary));
      const ms = fastest(() => engine.analyze(text));
      assert.ok(ms < 20 * baseMs + 200, `${unit.trim()} ×40,000: ${ms.toFixed(0)} ms, ordinary text of that size ${baseMs.toFixed(0)} ms`);
    }
  });

  it('keeps cue rules exact in a cue flood: each entry takes its nearest cue', () => {
    const engine = engineWith([{ term: 'monitor', category: 'surveillance' }], { context: { before: cues(['not', 'negate']), clauseBreaks: ['but'] } });
    const text = 'not monitor but monitor '.repeat(500);
    const rules = engine.analyze(text).matches().map((m) => m.rule);
    assert.equal(rules.length, 1000);
    rules.forEach((rule, i) => assert.equal(rule, i % 2 === 0 ? 'negation' : null, `match ${i}`));
  });

  it('splits one huge line into blocks in linear time', () => {
    const sentence = 'The agency shall monitor the data and consult the public on it. ';
    const line = sentence.repeat(Math.ceil(48e6 / sentence.length));
    const lines = `${sentence.trimEnd()}\n\n`.repeat(Math.ceil(48e6 / sentence.length));
    const split = (text: string): number =>
      elapsed(() => {
        for (let at = 0; at < text.length; ) at = blockAt(text, at).end;
      });
    split(lines.slice(0, 1e6));
    const baseMs = split(lines);
    const ms = split(line);
    assert.ok(ms < 20 * baseMs + 200, `48 MB line: ${ms.toFixed(0)} ms, 48 MB of paragraphs ${baseMs.toFixed(0)} ms`);
  });

  it('looks up wildcard entries without scanning them all for each new word', () => {
    // Each new word is stemmed and looked up once; 30,000 wildcard entries must not add 30,000 comparisons to that.
    const words = Array.from({ length: 30_000 }, (_, i) => `w${i.toString(36)}q`).join(' ');
    const plain = new Engine([...builtinLexicons(), testLexicon([{ term: 'watch*', category: 'surveillance' }])]);
    const plainMs = elapsed(() => plain.analyze(words));
    const entries: LexiconEntrySource[] = Array.from({ length: 30_000 }, (_, i) => ({ term: `pre${i.toString(36)}x*`, category: 'surveillance' }));
    entries.push({ term: 'watch*', category: 'surveillance' });
    const engine = new Engine([...builtinLexicons(), testLexicon(entries)]);
    // A scan of every wildcard per new word is 9e8 comparisons here, seconds on any machine: far past this bound.
    const ms = elapsed(() => engine.analyze(words));
    assert.ok(ms < 10 * plainMs + 500, `30,000 new words: ${ms.toFixed(0)} ms with 30,000 wildcards, ${plainMs.toFixed(0)} ms with one`);
    assert.deepEqual(engine.analyze('pre1x pre1xyz watchers prex').matches().map((m) => m.text), ['pre1x', 'pre1xyz', 'watchers']);
  });

  it('refuses a lexicon nested too deeply with a line and column, not a stack overflow', () => {
    const depth = 100_000;
    const text = `{"name":"x","version":"1","language":"en","categories":[],"entries":[${'['.repeat(depth)}${']'.repeat(depth)}]}`;
    assert.throws(() => parseLexicon(text, 'deep.json'), /deep\.json:1:\d+: .*nested more than \d+ levels/);
  });
});
