// The engine is re-entrant: each analysis owns its scanning and matching state (ScanState, MatchState), so analyses
// interleaved block by block, with the same engine or two, with edits in between, give exactly what each gives alone;
// and two sentences read token by token in turn, each into its own MatchState, resolve as each does alone.
import * as assert from 'node:assert/strict';
import { builtinLexicons, DocumentAnalysis, Engine, Match } from '../../src/core';
import { blockAt } from '../../src/core/blocks';
import { endSentence, MatchState, stepToken } from '../../src/core/match';
import { Matcher } from '../../src/core/matcher';
import { MatchListBuilder } from '../../src/core/matchList';
import { NO_PATH } from '../../src/core/pathAutomaton';
import { analyzeBlock, ScanState } from '../../src/core/scan';
import { document } from './helpers/corpus';
import { builtinEngine, engineWith, repoFile } from './helpers/lexicons';
import { Random } from './helpers/random';

function brief(a: DocumentAnalysis): { matches: Match[]; tally: string } {
  const tally = a.tally();
  return { matches: a.matches(), tally: JSON.stringify({ ...tally, sections: tally.sections }) };
}

/** Analyses the texts at once, each in slices of one block, taking turns: a pause lets the others run a block. */
async function interleaved(jobs: { engine: Engine; text: string }[]): Promise<DocumentAnalysis[]> {
  const order: number[] = [];
  const results = await Promise.all(
    jobs.map((job, n) =>
      job.engine.analyzeInSlices(job.text, {}, () => {
        order.push(n);
        return new Promise((resolve) => setImmediate(resolve));
      }),
    ),
  );
  // They did take turns: some pause of one came between pauses of another.
  assert.ok(order.some((n, i) => i > 0 && n !== order[i - 1]), 'the analyses did not interleave');
  return results;
}

describe('re-entrant engine', () => {
  const en = repoFile('media/samples/social-credit-outline.policy.txt');
  const zh = repoFile('media/samples/social-credit-outline.zh.policy.txt');
  const mixed = document(new Random(5), 300_000);

  it('two analyses by one engine, block by block in turn, equal each one alone', async () => {
    const engine = builtinEngine();
    // Long texts so that each is analysed in many slices.
    const a = mixed;
    const b = (zh + '\n\n').repeat(30);
    const [x, y] = await interleaved([
      { engine, text: a },
      { engine, text: b },
    ]);
    assert.deepEqual(brief(x), brief(engine.analyze(a)));
    assert.deepEqual(brief(y), brief(engine.analyze(b)));
  });

  it('analyses by two engines and an edit in between equal each one alone', async () => {
    const builtin = builtinEngine();
    const small = engineWith([{ term: 'credit', category: 'scoring' }, { term: 'shall not', category: 'rights' }]);
    const long = (en + '\n\n').repeat(40);
    const edited = builtin.analyze(en);
    const pending = interleaved([
      { engine: builtin, text: long },
      { engine: small, text: long },
    ]);
    // Edit another analysis of the same engine while the two are running.
    const at = en.indexOf('Article 1');
    assert.ok(at > 0);
    const after = en.slice(0, at) + 'Agencies shall monitor and blacklist traders. ' + en.slice(at);
    edited.applyEdit(at, at, after);
    const [x, y] = await pending;
    assert.deepEqual(brief(x), brief(builtin.analyze(long)));
    assert.deepEqual(brief(y), brief(small.analyze(long)));
    assert.deepEqual(brief(edited), brief(builtin.analyze(after)));
  });

  it('two sentences read token by token in turn, each into its own MatchState, resolve as each alone', () => {
    const matcher = new Matcher(builtinLexicons().filter((l) => l.language === 'zh'));
    // Han characters only (one token each), so the test steps the automaton as the scanner does for a Han run.
    const han = (line: string): string => line.replace(/[^\u4e00-\u9fff]/g, '');
    const lines = zh.split('\n').map(han).filter((l) => l.length > 30);
    const [a, b] = [lines[3], lines[4]];
    const alone = (text: string): readonly number[] => analyzeBlock(text, 0, blockAt(text, 0), matcher, new ScanState()).matches;
    const expected = [alone(a), alone(b)];
    assert.ok(expected[0].length > 0 && expected[1].length > 0, 'both sentences hold matches');

    const texts = [a, b];
    const states = [new MatchState(), new MatchState()];
    const paths = [NO_PATH, NO_PATH];
    const automaton = matcher.automaton;
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      for (const n of [0, 1]) {
        if (i >= texts[n].length) continue;
        paths[n] = stepToken(states[n], automaton, paths[n], matcher.hanSlotTable[texts[n].charCodeAt(i)], i, i, i + 1, 0);
      }
    }
    const found = texts.map((text, n) => {
      const out = new MatchListBuilder();
      out.reset();
      endSentence(states[n], matcher, text.length, 0, out);
      out.markSentence(0);
      return out.finish();
    });
    assert.deepEqual(found, expected);
  });
});
