import * as assert from 'node:assert/strict';
import { buildSidebarModel, modelMessage, nextOccurrence, SidebarLabels, SidebarSource, TOP_TERM_COUNT } from '../../src/extension/sidebarModel';
import { isFromWebviewMessage, SidebarStrings } from '../../src/shared/sidebarMessages';
import { termStandings } from '../../src/extension/store';
import type { Lean, Match, PolarityTally, SectionTally, Tally } from '../../src/core/types';
import { document, insertion } from './helpers/corpus';
import { builtinEngine } from './helpers/lexicons';
import { Random } from './helpers/random';

const strings = new Proxy({} as SidebarStrings, { get: (_target, key) => `<${String(key)}>` });

const labels: SidebarLabels = {
  strings,
  category: (id, english) => (id === 'sanctions' ? '惩戒' : english),
  lean: (label) => `lean:${label}`,
};

function polarity(matches: number, perThousandWords = matches): PolarityTally {
  return { matches, weight: matches, perThousandWords };
}

function lean(index: number | null, label: Lean['label'], thin = false): Lean {
  return { index, label, thin, basis: 'sentences' };
}

function section(title: string, startOffset: number, control: number, engagement: number): SectionTally {
  return {
    title,
    level: 1,
    parent: null,
    startLine: startOffset,
    endLine: startOffset + 1,
    startOffset,
    endOffset: startOffset + 10,
    words: 10,
    units: { sentences: 4, control, engagement, both: 0 },
    control: polarity(control),
    engagement: polarity(engagement),
    lean: lean(null, 'no signal', true),
  };
}

function tally(overrides: Partial<Tally> = {}): Tally {
  return {
    language: 'en',
    words: 200,
    units: { sentences: 10, control: 3, engagement: 4, both: 1 },
    control: polarity(3, 15),
    engagement: polarity(5, 25),
    lean: lean(0.25, 'engagement-leaning'),
    categories: [
      { id: 'surveillance', label: 'Surveillance', polarity: 'control', matches: 1, weight: 2, terms: [{ term: 'monitor', count: 1 }] },
      { id: 'sanctions', label: 'Sanctions', polarity: 'control', matches: 2, weight: 1.5, terms: [{ term: 'blacklist', count: 2 }] },
      { id: 'censorship', label: 'Censorship', polarity: 'control', matches: 0, weight: 0, terms: [] },
      { id: 'consultation', label: 'Consultation', polarity: 'engagement', matches: 4, weight: 4, terms: [{ term: 'consult', count: 3 }, { term: 'hearing', count: 1 }] },
      { id: 'rights', label: 'Rights', polarity: 'engagement', matches: 1, weight: 1, terms: [{ term: 'appeal', count: 1 }] },
    ],
    sections: [section('Chapter 1 <img src=x onerror=alert(1)>', 0, 1, 2), section('', 40, 2, 3)],
    ...overrides,
  };
}

function source(name: string, t: Tally = tally()): SidebarSource {
  return { uri: `file:///docs/${name}`, name, detail: `docs/${name}`, tally: t, complete: true };
}

function match(start: number, entry: string, text = entry, negated = false, category = 'sanctions'): Match {
  return {
    start,
    end: start + text.length,
    text,
    polarity: 'control',
    category,
    entry,
    weight: 1,
    rule: negated ? 'negation' : null,
    ruleDetail: null,
    negated,
    sentence: 0,
  };
}

describe('buildSidebarModel', () => {
  it('gives the active document its lean, counts and densities', () => {
    const a = source('a.txt');
    const model = buildSidebarModel(a, [a], labels);
    assert.ok(model.active);
    assert.deepEqual(model.active.lean, { index: 0.25, labelId: 'engagement-leaning', label: 'lean:engagement-leaning', thin: false });
    assert.deepEqual(model.active.control, { matches: 3, weight: 3, perThousandWords: 15 });
    assert.deepEqual(model.active.engagement, { matches: 5, weight: 5, perThousandWords: 25 });
    assert.equal(model.active.words, 200);
    assert.equal(model.strings, strings);
  });

  it('lists categories with matches only, control first, most frequent first, with bar shares and localised labels', () => {
    const a = source('a.txt');
    const cats = buildSidebarModel(a, [a], labels).active?.categories ?? [];
    assert.deepEqual(
      cats.map((c) => [c.id, c.label, c.share]),
      [
        ['sanctions', '惩戒', 0.5],
        ['surveillance', 'Surveillance', 0.25],
        ['consultation', 'Consultation', 1],
        ['rights', 'Rights', 0.25],
      ],
    );
  });

  it('ranks top terms by count and caps the list', () => {
    const a = source('a.txt');
    const terms = buildSidebarModel(a, [a], labels).active?.terms ?? [];
    assert.deepEqual(terms.slice(0, 2).map((t) => [t.term, t.category, t.categoryLabel, t.count]), [
      ['consult', 'consultation', 'Consultation', 3],
      ['blacklist', 'sanctions', '惩戒', 2],
    ]);
    const many = tally({
      categories: [{ id: 'sanctions', label: 'S', polarity: 'control', matches: 30, weight: 30, terms: Array.from({ length: 30 }, (_, i) => ({ term: `t${i}`, count: 1 })) }],
    });
    const b = source('b.txt', many);
    assert.equal(buildSidebarModel(b, [b], labels).active?.terms.length, TOP_TERM_COUNT);
  });

  it('breaks ties between equal counts by weight, then by first occurrence, never by the alphabet', () => {
    const tied = tally({
      categories: [
        { id: 'sanctions', label: 'S', polarity: 'control', matches: 3, weight: 4, terms: [{ term: 'apple fine', count: 1 }, { term: 'zebra levy', count: 1 }, { term: 'fine', count: 1 }] },
        { id: 'surveillance', label: 'V', polarity: 'control', matches: 5, weight: 5, terms: [{ term: 'cctv', count: 3 }, { term: 'video surveillance', count: 1 }, { term: 'watch', count: 1 }] },
      ],
    });
    const match = (text: string, category: string, weight: number, start: number, negated = false): Match => ({
      start,
      end: start + text.length,
      text,
      polarity: 'control',
      category,
      entry: text.toLowerCase(),
      weight,
      rule: negated ? 'negation' : null,
      ruleDetail: null,
      negated,
      sentence: 0,
    });
    // Weights: zebra levy 2, Video Surveillance 1.5, the rest 1; of those, watch comes first, then apple fine, fine.
    // A negated "fine" before all of them is not an occurrence.
    const matches: Match[] = [
      match('fine', 'sanctions', 1, 0, true),
      match('cctv', 'surveillance', 1, 5),
      match('watch', 'surveillance', 1, 10),
      match('Video Surveillance', 'surveillance', 1.5, 20),
      match('apple fine', 'sanctions', 1, 40),
      match('zebra levy', 'sanctions', 2, 60),
      match('cctv', 'surveillance', 1, 70),
      match('fine', 'sanctions', 1, 80),
      match('cctv', 'surveillance', 1, 90),
    ];
    let reads = 0;
    const d: SidebarSource = { ...source('tied.txt', tied), standings: (wanted) => (reads++, termStandings(matches, wanted)) };
    const terms = (buildSidebarModel(d, [d], labels).active?.terms ?? []).map((t) => t.term);
    assert.deepEqual(terms, ['cctv', 'zebra levy', 'video surveillance', 'watch', 'apple fine', 'fine']);
    assert.equal(reads, 1);

    // Without ties among the listed terms the matches are never read.
    const a: SidebarSource = { ...source('a.txt', tally({ categories: [tied.categories[1]] })), standings: (wanted) => (reads++, termStandings(matches, wanted)) };
    reads = 0;
    const single = tally({ categories: [{ ...tied.categories[1], terms: [{ term: 'cctv', count: 3 }, { term: 'watch', count: 2 }] }] });
    const b: SidebarSource = { ...a, tally: single };
    buildSidebarModel(b, [b], labels);
    assert.equal(reads, 0);
  });

  it('passes the balanced band on to the meters', () => {
    const a = source('a.txt');
    assert.equal(buildSidebarModel(a, [a], labels).balancedBand, 0.2);
  });

  it('keeps section titles as plain data with their index', () => {
    const a = source('a.txt');
    const sections = buildSidebarModel(a, [a], labels).active?.sections ?? [];
    assert.deepEqual(sections.map((s) => [s.index, s.title, s.units.control, s.units.engagement]), [
      [0, 'Chapter 1 <img src=x onerror=alert(1)>', 1, 2],
      [1, '', 2, 3],
    ]);
  });

  it('lists every open document sorted by name and marks the active one', () => {
    const a = source('b.txt');
    const b = source('a.txt', tally({ lean: lean(-0.5, 'control-leaning') }));
    const model = buildSidebarModel(a, [a, b], labels);
    assert.deepEqual(model.documents.map((d) => [d.name, d.lean.index, d.active]), [
      ['a.txt', -0.5, false],
      ['b.txt', 0.25, true],
    ]);
  });

  it('names an active document that is not annotated', () => {
    const a = source('a.txt');
    const model = buildSidebarModel(undefined, [a], labels, 'settings.json');
    assert.equal(model.active, null);
    assert.equal(model.unannotatedName, 'settings.json');
    assert.equal(buildSidebarModel(a, [a], labels, 'ignored').unannotatedName, null);
  });
});

describe('modelMessage', () => {
  /** Sections as the store's patched tree gives them: the same objects where an edit did not reach. */
  const sections = [section('Chapter 1', 0, 1, 2), section('Article 1', 40, 2, 3), section('Article 2', 80, 0, 1)];
  const model = (t: Tally, name = 'a.txt') => buildSidebarModel(source(name, t), [source(name, t)], labels);

  it('posts a whole model first, and when the document or its tree changes', () => {
    const first = model(tally({ sections }));
    assert.equal(modelMessage(undefined, first).type, 'model');
    assert.equal(modelMessage(first, model(tally({ sections }), 'b.txt')).type, 'model');
    assert.equal(modelMessage(first, model(tally({ sections: sections.slice(0, 2) }))).type, 'model');
    const retitled = [sections[0], { ...sections[1], title: 'Article 9' }, sections[2]];
    assert.equal(modelMessage(first, model(tally({ sections: retitled }))).type, 'model');
  });

  it('then posts only the rows whose figures changed, not those that merely moved down', () => {
    const first = model(tally({ sections }));
    const typed = [sections[0], { ...sections[1], units: { ...sections[1].units, control: 3 } }, { ...sections[2], startLine: 81 }];
    const next = model(tally({ sections: typed }));
    const message = modelMessage(first, next);
    assert.equal(message.type, 'update');
    if (message.type !== 'update') return;
    assert.deepEqual(message.model.active?.sections, []);
    assert.deepEqual(message.model.active?.chart, []);
    assert.equal(message.sections.count, 3);
    assert.deepEqual(message.sections.changed.map((s) => [s.index, s.units.control]), [[1, 3]]);
    // Everything else is the whole model's.
    assert.deepEqual({ ...message.model, active: { ...message.model.active, sections: next.active?.sections, chart: next.active?.chart } }, next);
    // The chart's column of the typed section, whose counts changed.
    assert.deepEqual(message.sections.chart.map((c) => [c.column, c.units.control]), [[1, 3]]);
  });

  it('reuses the rows of the model built before for sections that did not change', () => {
    const a = model(tally({ sections }));
    const typed = [sections[0], { ...sections[1], units: { ...sections[1].units, control: 3 } }, { ...sections[2], startOffset: 81 }];
    const b = buildSidebarModel(source('a.txt', tally({ sections: typed })), [source('a.txt', tally({ sections: typed }))], labels, null, a);
    assert.ok(a.active && b.active);
    assert.deepEqual(b.active.sections.map((row, i) => row === a.active?.sections[i]), [true, false, true]);
    assert.deepEqual(b.active.sections, model(tally({ sections: typed })).active?.sections);
  });
});

describe('section rows across patched trees', () => {
  const build = (sections: SectionTally[], previous?: ReturnType<typeof buildSidebarModel>, with_: SidebarLabels = labels) =>
    buildSidebarModel(source('a.txt', tally({ sections })), [source('a.txt', tally({ sections }))], with_, null, previous);

  it('keep the rows of sections that are the same objects or share their figures, and equal a fresh build', () => {
    const r = new Random(7);
    let sections = Array.from({ length: 60 }, (_, i) => section(`Article ${i}`, i * 40, r.int(4), r.int(4)));
    let model = build(sections);
    for (let edit = 0; edit < 40; edit++) {
      const at = r.int(sections.length);
      const newline = r.int(3) === 0 ? 1 : 0;
      const changed = r.int(2) === 0;
      // As patchSections gives them: before the edit the same objects, the one edited new, after it moved copies
      // sharing their figures (moved down a line when a line break was typed).
      const next = sections.map((s, i) => {
        if (i < at) return s;
        if (i === at) return changed ? { ...s, units: { ...s.units, control: s.units.control + 1 }, lean: lean(0.5, 'control-leaning') } : { ...s, endOffset: s.endOffset + 1 };
        return { ...s, startLine: s.startLine + newline, startOffset: s.startOffset + 1 };
      });
      const updated = build(next, model);
      assert.ok(updated.active && model.active);
      assert.deepEqual(updated.active.sections, build(next).active?.sections);
      updated.active.sections.forEach((row, i) => {
        const expectSame = i < at || (i === at && !changed) || (i > at && newline === 0);
        if (expectSame) assert.equal(row, model.active?.sections[i], `row ${i} after an edit at ${at}`);
      });
      sections = next;
      model = updated;
    }
  });

  it('are made anew when the lean labels change, though the sections did not', () => {
    const sections = [section('Chapter 1', 0, 1, 2), section('Article 1', 40, 2, 3)];
    const first = build(sections);
    const relabelled = build(sections, first, { ...labels, lean: (label) => `other:${label}` });
    assert.deepEqual(relabelled.active?.sections.map((row) => row.lean.label), ['other:no signal', 'other:no signal']);
  });
});

describe('term standings read from the packed annotations', () => {
  it('equal those counted from the annotations as objects, for every term of the tally', () => {
    const engine = builtinEngine();
    for (const seed of [11, 12]) {
      const analysis = engine.analyze(document(new Random(seed), 60_000));
      const wanted = new Set(analysis.tally().categories.flatMap((c) => c.terms.map((t) => `${c.id}\u0000${t.term}`)));
      assert.ok(wanted.size > 20);
      assert.deepEqual(analysis.termStandings(wanted), termStandings(analysis.matches(), wanted));
    }
  });

  it('stay equal to a full count and to a fresh analysis through random edits, asked between them', () => {
    const engine = builtinEngine();
    for (const seed of [21, 22, 23]) {
      const r = new Random(seed);
      let text = document(r, 40_000);
      const analysis = engine.analyze(text);
      for (let edit = 0; edit < 80; edit++) {
        // An insertion, a deletion or both, mostly small, sometimes over a term's first occurrence.
        const start = r.int(text.length + 1);
        const oldEnd = Math.min(text.length, start + (r.chance(0.5) ? r.int(r.chance(0.9) ? 40 : 3_000) : 0));
        const inserted = r.chance(0.7) ? insertion(r) : '';
        const next = text.slice(0, start) + inserted + text.slice(oldEnd);
        analysis.applyEdit(start, oldEnd, next);
        text = next;
        const keys = analysis.tally().categories.flatMap((c) => c.terms.map((t) => `${c.id}\u0000${t.term}`));
        // As the sidebar asks: a few keys (its tied terms), now and then every term, and a term that does not occur.
        const wanted = new Set(r.chance(0.1) ? keys : Array.from({ length: 1 + r.int(8) }, () => r.pick(keys)));
        wanted.add('sanctions\u0000no such term');
        const context = `seed ${seed}, edit ${edit}: applyEdit(${start}, ${oldEnd}, ${JSON.stringify(inserted)})`;
        assert.deepEqual(analysis.termStandings(wanted), termStandings(analysis.matches(), wanted), context);
        if (edit % 20 === 19) assert.deepEqual(analysis.termStandings(wanted), engine.analyze(text).termStandings(wanted), context);
      }
    }
  });
});

describe('nextOccurrence', () => {
  // The occurrences as the store gives them (its occurrences() picks counted matches of the term; store.test.ts).
  const occurrences = [match(0, 'blacklist'), match(10, 'blacklist', 'Blacklist'), match(40, 'blacklist')];

  it('finds the first occurrence after the cursor and wraps around', () => {
    assert.equal(nextOccurrence(occurrences, 5, false)?.start, 10);
    assert.equal(nextOccurrence(occurrences, 10, true)?.start, 40);
    assert.equal(nextOccurrence(occurrences, 40, true)?.start, 0);
  });

  it('lands on a match under an empty cursor, passes over a selected one', () => {
    assert.equal(nextOccurrence(occurrences, 0, false)?.start, 0);
    assert.equal(nextOccurrence(occurrences, 0, true)?.start, 10);
    assert.equal(nextOccurrence(occurrences, 15, false)?.start, 40);
  });

  it('finds nothing when there is no occurrence', () => {
    assert.equal(nextOccurrence([], 0, false), undefined);
  });
});

describe('isFromWebviewMessage', () => {
  it('accepts well-formed messages and rejects the rest', () => {
    assert.ok(isFromWebviewMessage({ type: 'ready' }));
    assert.ok(isFromWebviewMessage({ type: 'revealTerm', uri: 'file:///a', term: 'x', category: 'c' }));
    assert.ok(isFromWebviewMessage({ type: 'revealSection', uri: 'file:///a', index: 2 }));
    assert.ok(isFromWebviewMessage({ type: 'openDocument', uri: 'file:///a' }));
    assert.ok(!isFromWebviewMessage({ type: 'revealSection', uri: 'file:///a', index: 1.5 }));
    assert.ok(!isFromWebviewMessage({ type: 'revealTerm', uri: 'file:///a' }));
    assert.ok(!isFromWebviewMessage({ type: 'eval' }));
    assert.ok(!isFromWebviewMessage(null));
  });
});
