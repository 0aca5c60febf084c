// The analysis store with plain data and a fake editor (no VS Code): snapshots are frozen and equal to a fresh
// analysis, an edit makes a new one and leaves the old as it was, queries answer from the store, long documents show
// their visible window first, documents that should not be annotated are skipped, and the report is the CLI's.
import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import type { Engine, Match } from '../../src/core';
import { decodeInput } from '../../src/core/decode';
import { buildReport, documentReport, reportHeader, serializeReport } from '../../src/core/report';
import { matchTerm } from '../../src/core/term';
import { Emitter } from '../../src/extension/emitter';
import { AnalysisStore, mergeChanges, ReportProgress, StoreDocument, StoreHost, StoreSettings, TextChange } from '../../src/extension/store';
import { EditRegion, regionText, spliceRegion } from '../../src/extension/editRegion';
import { Random } from './helpers/random';
import { GENERATOR } from '../../src/node/generator';
import { builtinEngine, engineWith, repoFile } from './helpers/lexicons';

/** The parts of a URI the store uses. */
function fakeUri(path: string): vscode.Uri {
  const uri = { scheme: 'file', path, fsPath: path, toString: (): string => `file://${path}` };
  return uri as unknown as vscode.Uri;
}

class FakeDocument implements StoreDocument {
  version = 1;
  isClosed = false;
  readonly uri: vscode.Uri;

  constructor(
    path: string,
    private text: string,
    readonly languageId = 'plaintext',
  ) {
    this.uri = fakeUri(path);
  }

  getText(): string {
    return this.text;
  }

  /** Replaces `[start, end)`; returns the change as VS Code reports it. */
  edit(start: number, end: number, insert: string): TextChange[] {
    this.text = this.text.slice(0, start) + insert + this.text.slice(end);
    this.version++;
    return [{ rangeOffset: start, rangeLength: end - start, text: insert }];
  }
}

class FakeHost implements StoreHost {
  readonly open: FakeDocument[] = [];
  readonly visible = new Map<string, { start: number; end: number }>();
  settingsValue: StoreSettings = { enable: true, languages: ['plaintext'], language: 'auto', maxFileSizeKB: 10240, debounceMs: 0 };
  private readonly opened = new Emitter<StoreDocument>();
  private readonly closed = new Emitter<StoreDocument>();
  private readonly edited = new Emitter<{ document: StoreDocument; changes: readonly TextChange[] }>();
  private readonly scrolled = new Emitter<StoreDocument>();

  documents(): readonly StoreDocument[] {
    return this.open;
  }
  onDidOpen(listener: (d: StoreDocument) => void): vscode.Disposable {
    return this.opened.event(listener);
  }
  onDidClose(listener: (d: StoreDocument) => void): vscode.Disposable {
    return this.closed.event(listener);
  }
  onDidEdit(listener: (d: StoreDocument, changes: readonly TextChange[]) => void): vscode.Disposable {
    return this.edited.event((e) => listener(e.document, e.changes));
  }
  onDidScroll(listener: (d: StoreDocument) => void): vscode.Disposable {
    return this.scrolled.event(listener);
  }
  visibleRange(document: StoreDocument): { start: number; end: number } | undefined {
    return this.visible.get(document.uri.toString());
  }
  settings(): StoreSettings {
    return this.settingsValue;
  }

  show(document: FakeDocument): void {
    this.open.push(document);
    this.opened.fire(document);
  }
  close(document: FakeDocument): void {
    this.open.splice(this.open.indexOf(document), 1);
    document.isClosed = true;
    this.closed.fire(document);
  }
  edit(document: FakeDocument, start: number, end: number, insert: string): void {
    this.edited.fire({ document, changes: document.edit(start, end, insert) });
  }
  /** Shows the document's start in an editor (undefined: hides it). */
  scroll(document: FakeDocument, range: { start: number; end: number } | undefined): void {
    if (range) this.visible.set(document.uri.toString(), range);
    else this.visible.delete(document.uri.toString());
    this.scrolled.fire(document);
  }
}

const SAMPLE = repoFile('media/samples/social-credit-outline.policy.txt');
const SAMPLE_ZH = repoFile('media/samples/social-credit-outline.zh.policy.txt');

describe('analysis store', () => {
  let engine: Engine;
  let host: FakeHost;
  let store: AnalysisStore;

  before(() => {
    engine = builtinEngine();
  });
  beforeEach(() => {
    host = new FakeHost();
    store = new AnalysisStore(host, engine);
  });
  afterEach(() => store.dispose());

  it('publishes a frozen snapshot equal to a fresh analysis, and hands out no engine or analysis', () => {
    const doc = new FakeDocument('/w/a.txt', SAMPLE);
    host.show(doc);
    const stored = store.get(doc.uri);
    assert.ok(stored);
    const fresh = engine.analyze(SAMPLE);
    assert.ok(Object.isFrozen(stored));
    assert.equal(stored.version, 1);
    assert.equal(stored.text, SAMPLE);
    assert.equal(stored.complete, true);
    assert.deepEqual(stored.tally.sections, fresh.tally().sections);
    assert.deepEqual({ ...stored.tally, sections: [] }, { ...fresh.tally(), sections: [] });
    assert.deepEqual(store.matches(doc.uri), fresh.matches());
    assert.deepEqual(Object.keys(stored).sort(), ['complete', 'languageId', 'tally', 'text', 'uri', 'version']);
    assert.equal('engine' in store, false);
    assert.ok(Object.isFrozen(store.categories));
    assert.deepEqual(store.categories.map((c) => c.id), engine.categories.map((c) => c.id));
  });

  it('an edit publishes a new snapshot after the debounce and leaves the old one as it was', async () => {
    const doc = new FakeDocument('/w/a.txt', SAMPLE);
    host.show(doc);
    const before = store.get(doc.uri);
    assert.ok(before);
    const changed: string[] = [];
    store.onDidChange((uri) => changed.push(uri.toString()));
    const at = SAMPLE.indexOf('Article 1');
    host.edit(doc, at, at, 'The authorities shall monitor and blacklist violators. ');
    await store.whenIdle(doc.uri);
    const after = store.get(doc.uri);
    assert.ok(after);
    assert.notEqual(after, before);
    assert.deepEqual(changed, [doc.uri.toString()]);
    assert.equal(after.version, 2);
    assert.equal(after.text, doc.getText());
    const fresh = engine.analyze(doc.getText());
    assert.deepEqual({ ...after.tally, sections: [] }, { ...fresh.tally(), sections: [] });
    assert.deepEqual(after.tally.sections, fresh.tally().sections);
    assert.deepEqual(store.matches(doc.uri), fresh.matches());
    // The old snapshot still describes version 1.
    assert.equal(before.version, 1);
    assert.equal(before.text, SAMPLE);
    assert.deepEqual(before.tally.control, engine.analyze(SAMPLE).tally().control);
    assert.notDeepEqual(before.tally.control, after.tally.control);
  });

  it('answers matches in a range, and occurrences of a term as many as the tally counts', () => {
    const doc = new FakeDocument('/w/zh.txt', SAMPLE_ZH);
    host.show(doc);
    const fresh = engine.analyze(SAMPLE_ZH);
    const third = Math.floor(SAMPLE_ZH.length / 3);
    assert.deepEqual(store.matchesInRange(doc.uri, third, 2 * third), fresh.matchesInRange(third, 2 * third));
    const tally = store.get(doc.uri)?.tally;
    assert.ok(tally);
    let checked = 0;
    for (const category of tally.categories) {
      for (const term of category.terms) {
        const occurrences = store.occurrences(doc.uri, term.term, category.id);
        assert.equal(occurrences.length, term.count, `${category.id} ${term.term}`);
        for (const m of occurrences) assert.ok(!m.negated && m.category === category.id && matchTerm(m) === term.term);
        checked++;
      }
    }
    assert.ok(checked > 5, `only ${checked} terms`);
    assert.deepEqual(store.occurrences(doc.uri, 'no such term', 'sanctions'), []);
    assert.deepEqual(store.matches(fakeUri('/w/not-open.txt')), []);
  });

  it('skips other languages, binary and too large documents, and annotates them when asked', () => {
    const skips: string[] = [];
    store.onDidSkip((e) => skips.push(`${e.uri.toString()} ${e.reason}`));
    const code = new FakeDocument('/w/a.js', 'monitor();', 'javascript');
    host.show(code);
    assert.equal(store.get(code.uri), undefined);
    assert.equal(store.isSupported(code), false);
    const binary = new FakeDocument('/w/b.txt', 'monitor\0');
    host.show(binary);
    assert.equal(store.skipReason(binary.uri), 'binary');
    host.settingsValue = { ...host.settingsValue, maxFileSizeKB: 1 };
    const large = new FakeDocument('/w/c.txt', SAMPLE);
    host.show(large);
    assert.equal(store.skipReason(large.uri), 'tooLarge');
    assert.deepEqual(skips, ['file:///w/b.txt binary', 'file:///w/c.txt tooLarge']);
    store.annotate(large);
    store.annotate(code);
    assert.equal(store.get(large.uri)?.text, SAMPLE);
    assert.equal(store.get(code.uri)?.languageId, 'javascript');
    host.close(large);
    assert.equal(store.get(large.uri), undefined);
  });

  it('shows a long document\'s visible window first, then the whole', async () => {
    let text = '';
    while (text.length < 120_000) text += SAMPLE + '\n\n';
    const doc = new FakeDocument('/w/long.txt', text);
    host.visible.set(doc.uri.toString(), { start: 60_000, end: 62_000 });
    host.show(doc);
    const preview = store.get(doc.uri);
    assert.ok(preview);
    assert.equal(preview.complete, false);
    const shown = store.matches(doc.uri);
    assert.ok(shown.length > 0);
    assert.ok(shown.every((m) => m.start >= 50_000 && m.end <= 72_000), 'only the window around what is visible');
    const fresh = engine.analyze(text);
    // The same matches as the whole text's there (sentence numbers count from the window's start in a preview).
    const brief = (m: Match): string => `${m.start}-${m.end} ${m.entry} ${m.rule} ${m.negated}`;
    assert.deepEqual(shown.map(brief), fresh.matchesInRange(shown[0].start, shown[shown.length - 1].end).map(brief));
    // Its sections sit on the document's lines.
    const line = (offset: number): number => text.slice(0, offset).split('\n').length - 1;
    for (const s of preview.tally.sections) assert.equal(s.startLine, line(s.startOffset));
    await store.whenIdle(doc.uri);
    const whole = store.get(doc.uri);
    assert.equal(whole?.complete, true);
    assert.equal(preview.complete, false, 'the preview snapshot is not changed');
    assert.deepEqual(whole?.tally.sections, fresh.tally().sections);
    assert.deepEqual(store.matches(doc.uri), fresh.matches());
  });

  it('reports documents in the CLI\'s path order and bytes, decoding files as the CLI does and skipping what it skips', async () => {
    const b = new FakeDocument('/w/b.txt', SAMPLE);
    host.show(b);
    const zBytes = Buffer.from('\ufeffCitizens may petition.\r\nThey shall be monitored.', 'utf8');
    const zText = decodeInput(zBytes);
    assert.ok(zText.ok);
    const inputs = [
      { source: 'b.txt', uri: b.uri },
      { source: 'a/z.txt', uri: fakeUri('/w/a/z.txt'), read: (): Promise<Uint8Array> => Promise.resolve(zBytes) },
      { source: 'a.bin', uri: fakeUri('/w/a.bin'), read: (): Promise<Uint8Array> => Promise.resolve(Uint8Array.from([1, 0, 2])) },
      { source: 'a.txt', uri: fakeUri('/w/a.txt'), read: (): Promise<Uint8Array> => Promise.resolve(Buffer.from(SAMPLE_ZH, 'utf8')) },
    ];
    for (const style of ['json', 'jsonl'] as const) {
      const progress: ReportProgress = { written: 0, next: (input, index, total) => seen.push(`${index + 1}/${total} ${input.source}`) };
      const seen: string[] = [];
      let text = '';
      for await (const chunk of store.report(inputs, style, progress)) text += chunk;
      const expected = serializeReport(
        buildReport(reportHeader(GENERATOR, engine.lexiconInfo), [
          documentReport('a/z.txt', engine.analyze(zText.text)),
          documentReport('a.txt', engine.analyze(SAMPLE_ZH)),
          documentReport('b.txt', engine.analyze(SAMPLE)),
        ]),
        style,
      );
      assert.equal(text, expected, style);
      // The CLI's folder walk: a folder's files where its name sorts ("a" before "a.bin"), not plain string order.
      assert.deepEqual(seen, ['1/4 a/z.txt', '2/4 a.bin', '3/4 a.txt', '4/4 b.txt']);
      assert.equal(progress.written, 3);
    }
  });

  it('re-analyses every document with a new engine', () => {
    const doc = new FakeDocument('/w/a.txt', 'Agencies shall monitor traders.');
    host.show(doc);
    assert.ok((store.get(doc.uri)?.tally.control.matches ?? 0) > 0);
    store.setEngine(engineWith([{ term: 'traders', category: 'scoring' }]));
    assert.deepEqual(store.matches(doc.uri).map((m) => m.text), ['traders']);
  });

  it('previews how many matches a new term would make, without changing the lexicons in force', () => {
    assert.deepEqual(store.previewTerm('widget', 'sanctions', ['A widget and a Widget.', 'Nothing.']), [2, 0]);
    assert.equal(store.previewTerm('monitor', null, ['Agencies shall monitor traders.'])[0], 1);
    const doc = new FakeDocument('/w/a.txt', 'A widget.');
    host.show(doc);
    assert.deepEqual(store.matches(doc.uri), []);
  });
});

describe('analysis store, hidden documents over the budget', () => {
  let engine: Engine;
  let host: FakeHost;
  let store: AnalysisStore;

  before(() => {
    engine = builtinEngine();
  });
  beforeEach(() => {
    host = new FakeHost();
    // Room for one sample: of three hidden samples, only the most recently shown is kept.
    store = new AnalysisStore(host, engine, SAMPLE.length);
  });
  afterEach(() => store.dispose());

  const open = (): FakeDocument[] => {
    const docs = ['/w/a.txt', '/w/b.txt', '/w/c.txt'].map((p) => new FakeDocument(p, SAMPLE));
    for (const d of docs) host.show(d);
    return docs;
  };

  it('parks the least recently shown hidden documents, keeping their totals in the snapshot', () => {
    const [a, b, c] = open();
    assert.deepEqual([a, b, c].map((d) => store.isParked(d.uri)), [true, true, false]);
    const fresh = engine.analyze(SAMPLE).tally();
    const parked = store.get(a.uri);
    assert.ok(parked && Object.isFrozen(parked) && Object.isFrozen(parked.tally));
    assert.deepEqual(parked.tally.lean, fresh.lean);
    assert.deepEqual(parked.tally.categories, fresh.categories);
    assert.equal(parked.tally.words, fresh.words);
    assert.deepEqual(store.all().map((s) => s.uri.toString()).sort(), [a, b, c].map((d) => d.uri.toString()).sort());
  });

  it('answers a parked document\'s text, sections and matches as a fresh analysis does', async () => {
    const [a, , c] = open();
    const parked = store.get(a.uri);
    assert.ok(parked && store.isParked(a.uri));
    // A report analyses a parked document in passing: it stays parked.
    const chunks: string[] = [];
    for await (const chunk of store.report([{ source: 'a.txt', uri: a.uri }, { source: 'c.txt', uri: c.uri }], 'json')) chunks.push(chunk);
    const report = JSON.parse(chunks.join('')) as { documents: { source: string }[] };
    assert.equal(report.documents.length, 2);
    assert.deepEqual(report.documents[0], { ...report.documents[1], source: 'a.txt' });
    assert.equal(store.isParked(a.uri), true);
    const fresh = engine.analyze(SAMPLE);
    assert.equal(parked.text, SAMPLE);
    assert.deepEqual(parked.tally.sections, fresh.tally().sections);
    assert.deepEqual(store.matches(a.uri), fresh.matches());
  });

  it('analyses a parked document again when an editor shows it, and parks another one', () => {
    const [a, b, c] = open();
    const before = store.get(a.uri);
    host.scroll(a, { start: 0, end: 1000 });
    assert.equal(store.isParked(a.uri), false);
    const after = store.get(a.uri);
    assert.ok(after && after !== before);
    assert.deepEqual(after.tally, engine.analyze(SAMPLE).tally());
    // a is shown, c was shown last of the hidden ones: b went over the budget.
    assert.deepEqual([a, b, c].map((d) => store.isParked(d.uri)), [false, true, false]);
  });

  it('analyses a parked document again when it is edited', () => {
    const [a] = open();
    host.edit(a, 0, 0, 'The authorities shall monitor and blacklist violators.\n');
    assert.equal(store.isParked(a.uri), false);
    const stored = store.get(a.uri);
    assert.equal(stored?.version, 2);
    assert.deepEqual(stored?.tally, engine.analyze(a.getText()).tally());
  });
});

describe('mergeChanges', () => {
  it('folds the changes of several events into one replacement of the analysed text', () => {
    // "abcdef": replace "cd" by "XYZ" (→ "abXYZef"), then in one event insert "1" at 0 and delete "f" (old offset 6).
    let dirty = mergeChanges(undefined, [{ rangeOffset: 2, rangeLength: 2, text: 'XYZ' }]);
    assert.deepEqual(dirty, { start: 2, endNow: 5, delta: 1 });
    dirty = mergeChanges(dirty, [
      { rangeOffset: 0, rangeLength: 0, text: '1' },
      { rangeOffset: 6, rangeLength: 1, text: '' },
    ]);
    // Now "1abXYZe": everything from 0 to its end differs from "abcdef" from 0 to 6.
    assert.deepEqual(dirty, { start: 0, endNow: 7, delta: 1 });
  });
});

describe('regionText', () => {
  it('keeps the text of the edited region, so that the analysed text and it make the new text, after random edits', () => {
    for (const seed of [1, 2, 3, 4]) {
      const rng = new Random(seed);
      const base = 'Article 1 The authorities shall monitor.\nArticle 2 Citizens may appeal.\n'.repeat(20);
      let text = base;
      let region: EditRegion | undefined;
      for (let n = 0; n < 200; n++) {
        const from = rng.int(text.length + 1);
        const length = rng.chance(0.7) ? 0 : Math.min(text.length - from, rng.int(30));
        const change = { rangeOffset: from, rangeLength: length, text: rng.chance(0.5) ? 'xy'.slice(0, rng.int(3)) : '' };
        const regionNow = regionText(base, region, [change]);
        region = { ...mergeChanges(region, [change]), text: regionNow };
        text = text.slice(0, from) + change.text + text.slice(from + length);
        assert.ok(region.text !== undefined);
        assert.equal(spliceRegion(base, { ...region, text: region.text }), text, `seed ${seed}, edit ${n}`);
      }
    }
  });

  it('cannot tell after an event of several changes, nor afterwards', () => {
    const changes = [
      { rangeOffset: 0, rangeLength: 0, text: '1' },
      { rangeOffset: 4, rangeLength: 1, text: '' },
    ];
    assert.equal(regionText('abcdef', undefined, changes), undefined);
    const region = { ...mergeChanges(undefined, changes), text: undefined };
    assert.equal(regionText('abcdef', region, [{ rangeOffset: 1, rangeLength: 0, text: 'x' }]), undefined);
  });
});
