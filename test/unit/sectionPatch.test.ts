// Sections kept current across edits (src/core/sectionPatch.ts): after any edit the sections an analysis gives equal a
// fresh analysis's, whether the edit was patched in (typing inside a sentence) or made them be counted again (a
// heading typed or deleted); and a patched edit leaves the sections before it the same objects.
import * as assert from 'node:assert/strict';
import { SectionTally } from '../../src/core/index';
import { document, PIECES } from './helpers/corpus';
import { builtinEngine } from './helpers/lexicons';
import { Random } from './helpers/random';

const engine = builtinEngine();

/** A statute-like text: a heading every few paragraphs, so that it has many sections. */
function statute(rng: Random, chars: number): string {
  let out = '';
  let article = 1;
  while (out.length < chars) {
    if (rng.chance(0.1)) out += `Chapter ${article} General Provisions\n`;
    out += `Article ${article++}\n${document(rng, 200 + rng.int(400))}\n`;
  }
  return out;
}

/** Mostly typing: a character or a piece inside the text; sometimes a deletion, a new line or a heading. */
function typingEdit(rng: Random, text: string): { start: number; oldEnd: number; text: string } {
  const start = rng.int(text.length + 1);
  const kind = rng.next();
  if (kind < 0.55) return { start, oldEnd: start, text: rng.chance(0.8) ? 'abcdefghij monitor appeal'.charAt(rng.int(25)) : rng.pick(PIECES) };
  if (kind < 0.8) return { start, oldEnd: Math.min(text.length, start + 1 + rng.int(rng.chance(0.9) ? 3 : 300)), text: '' };
  if (kind < 0.9) return { start, oldEnd: start, text: '\n' };
  return { start, oldEnd: start, text: rng.pick(['\nArticle 99\n', '\nChapter 9 Scope\n', '\n第三条\n', '# ']) };
}

function sectionsOf(sections: readonly SectionTally[]): string {
  return JSON.stringify(sections);
}

describe('sections kept current across edits', () => {
  for (const seed of [1, 2, 3]) {
    it(`equal a fresh analysis's after each of 150 edits, most of them patched (seed ${seed})`, () => {
      const rng = new Random(seed);
      let text = statute(rng, 25_000);
      const analysis = engine.analyze(text);
      let previous = analysis.tally().sections;
      let patched = 0;
      for (let n = 1; n <= 150; n++) {
        const edit = typingEdit(rng, text);
        text = text.slice(0, edit.start) + edit.text + text.slice(edit.oldEnd);
        analysis.applyEdit(edit.start, edit.oldEnd, text);
        const sections = analysis.tally().sections;
        const context = `seed ${seed}, edit ${n}: applyEdit(${edit.start}, ${edit.oldEnd}, ${JSON.stringify(edit.text)})`;
        assert.equal(sectionsOf(sections), sectionsOf(engine.analyze(text).tally().sections), context);
        // A patched edit keeps the first section object when it falls after the first section.
        if (sections.length > 1 && sections[0] === previous[0]) patched++;
        previous = sections;
      }
      assert.ok(patched > 100, `only ${patched} of 150 edits were patched`);
    });
  }

  it('keep a tally read before an edit as it was, whenever its sections are read', () => {
    const rng = new Random(7);
    let text = statute(rng, 20_000);
    const analysis = engine.analyze(text);
    const first = sectionsOf(analysis.tally().sections);
    // Read before the edit, sections read after it: the text as it was.
    const unread = analysis.tally();
    const at = text.indexOf('Article 3');
    text = `${text.slice(0, at)}monitor ${text.slice(at)}`;
    analysis.applyEdit(at, at, text);
    assert.equal(sectionsOf(unread.sections), first);
    // Made after the edit: the new text.
    assert.equal(sectionsOf(analysis.tally().sections), sectionsOf(engine.analyze(text).tally().sections));
    // A tally made after sections were read once, read after a further edit.
    const second = analysis.tally();
    const expected = sectionsOf(engine.analyze(text).tally().sections);
    text = `${text.slice(0, at)}\nArticle 77\n${text.slice(at)}`;
    analysis.applyEdit(at, at, text);
    assert.equal(sectionsOf(second.sections), expected);
    assert.equal(sectionsOf(analysis.tally().sections), sectionsOf(engine.analyze(text).tally().sections));
  });

  it('put a line inserted just before a heading into the section before it, not the heading’s', () => {
    for (const [text, at] of [
      ['四\n\n第五条\n', 3],
      ['Article 1\nWe appeal.\n\nArticle 2\nWe monitor.', 'Article 1\nWe appeal.\n\n'.length],
    ] as const) {
      const analysis = engine.analyze(text);
      void analysis.tally().sections;
      const next = `${text.slice(0, at)}The Board shall publish a report.\n${text.slice(at)}`;
      analysis.applyEdit(at, at, next);
      assert.equal(sectionsOf(analysis.tally().sections), sectionsOf(engine.analyze(next).tally().sections), JSON.stringify(text));
    }
  });
});
