// Anchoring: an annotation is found where it was while its quote stands there, follows its quote (with enough of
// its context) elsewhere, and otherwise becomes an orphan: never lost, never moved onto text that is not its quote.
import * as assert from 'node:assert/strict';
import { anchorQuote, anchorSelectors, QUOTE_CONTEXT, selectorsFor, shiftOffset } from '../../src/core/webAnnotationSelectors';
import { Random } from './helpers/random';

describe('web annotation selectors', () => {
  it('keeps 32 characters of context on each side, fewer at the ends, in UTF-16 code units', () => {
    const text = `${'a'.repeat(40)}𝔘监控${'b'.repeat(40)}`;
    const start = 40;
    const end = 40 + '𝔘监控'.length;
    const [quote, position] = selectorsFor(text, start, end);
    assert.equal(QUOTE_CONTEXT, 32);
    assert.deepEqual(quote, { type: 'TextQuoteSelector', exact: '𝔘监控', prefix: 'a'.repeat(32), suffix: 'b'.repeat(32) });
    assert.deepEqual(position, { type: 'TextPositionSelector', start: 40, end: 44 });
    assert.deepEqual(selectorsFor('monitor it', 0, 7)[0], { type: 'TextQuoteSelector', exact: 'monitor', prefix: '', suffix: ' it' });
    assert.throws(() => selectorsFor('abc', 2, 2), RangeError);
  });

  it('finds a quote at its position, or by quote and context nearest the old position, or orphans it', () => {
    const text = 'Officers monitor roads. Officers monitor roads. Officers monitor people.';
    const [quote, position] = selectorsFor(text, 33, 40); // the second "monitor"
    assert.deepEqual(anchorSelectors(text, quote, position), { status: 'position', start: 33, end: 40 });
    // Text inserted before: found by its quote, at the occurrence with the same context nearest the old place.
    const moved = `Preamble. ${text}`;
    assert.deepEqual(anchorSelectors(moved, quote, position), { status: 'quote', start: 43, end: 50 });
    // Its own context changed: it may follow another "monitor" only where enough of its context stands.
    const edited = 'Officers monitor roads. Officers watch roads. Officers monitor people.';
    const found = anchorSelectors(edited, quote, position);
    assert.notEqual(found.status, 'position');
    if (found.status === 'quote') assert.equal(edited.slice(found.start, found.end), 'monitor');
    const gone = 'Nothing of that kind is said here at all, nor anything like it.';
    assert.equal(anchorSelectors(gone, quote, position).status, 'orphan');
  });

  it('does not move a quote onto an occurrence whose surroundings do not vouch for it', () => {
    const text = `${'x'.repeat(50)} the court may monitor ${'y'.repeat(50)} unrelated words then monitor again ${'z'.repeat(20)}`;
    const start = text.indexOf('monitor');
    const [quote, position] = selectorsFor(text, start, start + 7);
    const edited = text.replace('the court may monitor', 'the court may review');
    assert.equal(anchorSelectors(edited, quote, position).status, 'orphan');
  });

  it('shifts offsets through an edit: before stays, after moves, inside goes to the edit start', () => {
    assert.equal(shiftOffset(5, 10, 12, 4), 5);
    assert.equal(shiftOffset(20, 10, 12, 4), 22);
    assert.equal(shiftOffset(10, 10, 10, 3), 13); // an insertion at the offset pushes it
    assert.equal(shiftOffset(11, 10, 12, 0), 10);
  });

  it('random edits never lose an annotation, and every anchored one covers its quote', function () {
    this.timeout(60000);
    const words = ['monitor', 'the', 'residents', 'may', 'appeal', '监控', '居民', '𝔘', 'shall', 'report', '. ', '\n', 'court', 'data'];
    let moved = 0;
    let orphaned = 0;
    let kept = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const random = new Random(seed);
      const sentence = (n: number): string => Array.from({ length: n }, () => random.pick(words)).join(random.chance(0.5) ? ' ' : '');
      let text = sentence(20 + random.int(60));
      const annotations = Array.from({ length: 1 + random.int(8) }, (_, id) => {
        const start = random.int(text.length - 1);
        const end = Math.min(text.length, start + 1 + random.int(12));
        const [quote, position] = selectorsFor(text, start, end);
        return { id, quote, position, hint: start, status: 'position' as string };
      });
      for (let step = 0; step < 12; step++) {
        const start = random.int(text.length + 1);
        const oldEnd = Math.min(text.length, start + (random.chance(0.5) ? 0 : random.int(10)));
        const inserted = random.chance(0.3) ? '' : sentence(1 + random.int(3));
        const next = text.slice(0, start) + inserted + text.slice(oldEnd);
        for (const a of annotations) {
          // The editor carries each live anchor through the edit, then checks its quote there.
          const untouched = a.status !== 'orphan' && (oldEnd < a.hint || start > a.hint + a.quote.exact.length) && !(start === oldEnd && start === a.hint + a.quote.exact.length);
          const shiftedHint = shiftOffset(a.hint, start, oldEnd, inserted.length);
          const found = anchorQuote(next, a.quote, a.status === 'orphan' ? a.position.start : shiftedHint);
          if (untouched) assert.deepEqual([found.status, found.start], ['position', shiftedHint], `seed ${seed}: an annotation away from the edit stays put`);
          if (found.status !== 'orphan') {
            assert.equal(next.slice(found.start, found.end), a.quote.exact, `seed ${seed} step ${step}: anchored span differs from its quote`);
            a.hint = found.start;
          }
          a.status = found.status;
        }
        text = next;
      }
      // A fresh read from the stored selectors alone (the file changed while closed) obeys the same rule.
      for (const a of annotations) {
        const found = anchorSelectors(text, a.quote, a.position);
        if (found.status !== 'orphan') assert.equal(text.slice(found.start, found.end), a.quote.exact, `seed ${seed}: reopened anchor differs from its quote`);
        if (found.status === 'quote') moved++;
        else if (found.status === 'orphan') orphaned++;
        else kept++;
      }
      assert.equal(annotations.length, annotations.filter((a) => ['position', 'quote', 'orphan'].includes(a.status)).length);
    }
    // The generator must exercise all three outcomes, or the test proves little.
    assert.ok(moved > 0 && orphaned > 0 && kept > 0, `kept ${kept}, moved ${moved}, orphaned ${orphaned}`);
  });
});
