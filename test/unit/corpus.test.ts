// The real-text corpus: the engine's sentences as the labels see them, labels aligned with the documents, and
// the halves split by document.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { sentenceSpans } from '../../src/core/sentences';
import { docLanguage, parseCorpusLabels, predictCorpus, scoreCorpus } from '../devset/corpus';
import { builtinEngine, repoFile, ROOT } from './helpers/lexicons';

const CORPUS = path.join(ROOT, 'test/corpus');

function documents(): string[] {
  return ['en', 'zh'].flatMap((l) => fs.readdirSync(path.join(CORPUS, l)).filter((f) => f.endsWith('.txt')).map((f) => `${l}/${f}`));
}

function sentencesOf(text: string): string[] {
  return sentenceSpans(text).map((s) => text.slice(s.start, s.end));
}

describe('sentence spans', () => {
  it('splits English at full stops, keeping abbreviations, numbers and lower-case continuations', () => {
    assert.deepEqual(sentencesOf('See sec. 5 of the Act. The officer, e.g. a judge, may act.\nNo. 3 applies. it goes on'), ['See sec. 5 of the Act.', 'The officer, e.g. a judge, may act.', 'No. 3 applies. it goes on']);
  });

  it('splits Chinese at 。；！？ and keeps a heading line as a sentence of its own', () => {
    assert.deepEqual(sentencesOf('第一章 总则\n第一条 为了规范征信活动，制定本条例；本条例自公布之日起施行。'), ['第一章 总则', '第一条 为了规范征信活动，制定本条例；', '本条例自公布之日起施行。']);
  });

  it('counts as many sentences as the engine does in every corpus document', () => {
    const engine = builtinEngine();
    for (const doc of documents()) {
      const text = fs.readFileSync(path.join(CORPUS, doc), 'utf8');
      assert.equal(sentenceSpans(text).length, engine.analyze(text).tally().units.sentences, doc);
    }
  });
});

describe('real-text corpus', function () {
  this.timeout(60_000);
  const halves = ['test-half', 'tuning-half'].filter((h) => fs.existsSync(path.join(CORPUS, 'labels', `${h}.tsv`)));
  const labels = new Map(halves.map((h) => [h, parseCorpusLabels(repoFile(`test/corpus/labels/${h}.tsv`), `${h}.tsv`)]));

  it('holds at least 12 documents per language, each with its source recorded', () => {
    const docs = documents();
    const sources = repoFile('test/corpus/SOURCES.md');
    for (const language of ['en', 'zh']) assert.ok(docs.filter((d) => d.startsWith(language)).length >= 12, language);
    for (const doc of docs) assert.ok(sources.includes(`| ${path.basename(doc, '.txt')} |`), doc);
  });

  it('labels every sentence of a labelled document once, with the engine’s text', () => {
    for (const [half, rows] of labels) {
      predictCorpus(builtinEngine(), rows, CORPUS, half);
      const byDoc = new Map<string, number[]>();
      for (const r of rows) byDoc.set(r.doc, [...(byDoc.get(r.doc) ?? []), r.sentence]);
      for (const [doc, ordinals] of byDoc) {
        const text = fs.readFileSync(path.join(CORPUS, docLanguage(doc), `${doc}.txt`), 'utf8');
        assert.deepEqual(ordinals, sentenceSpans(text).map((_, i) => i), `${half}: ${doc}`);
      }
    }
  });

  it('holds at least 1,200 labelled sentences, at least 500 per language', () => {
    const rows = [...labels.values()].flat();
    assert.ok(rows.length >= 1200, `${rows.length} sentences`);
    for (const language of ['en', 'zh']) assert.ok(rows.filter((r) => docLanguage(r.doc) === language).length >= 500, language);
  });

  it('splits the halves by document', () => {
    const docsOf = (half: string): Set<string> => new Set((labels.get(half) ?? []).map((r) => r.doc));
    const test = docsOf('test-half');
    for (const doc of docsOf('tuning-half')) assert.ok(!test.has(doc), doc);
  });

  it('scores a half per language', () => {
    const rows = labels.get('test-half') ?? [];
    const result = scoreCorpus(predictCorpus(builtinEngine(), rows, CORPUS, 'test-half'), 'zh');
    assert.equal(result.sentences, rows.filter((r) => r.doc.startsWith('zh')).length);
    assert.equal(result.scores.control.tp + result.scores.control.fp + result.scores.control.fn + result.scores.control.tn, result.sentences);
  });

  it('rejects a row whose text is not the engine’s sentence, naming its line', () => {
    const rows = parseCorpusLabels('doc\tsentence\tcontrol\tengagement\ttext\nzh09-judgment-defaulters\t0\t0\t0\twrong text\n', 'x.tsv');
    assert.throws(() => predictCorpus(builtinEngine(), rows, CORPUS, 'x.tsv'), /^Error: x\.tsv:2: sentence 0 of zh09/);
  });
});
