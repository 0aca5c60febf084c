// Which sections a very long document's Outline and folding keep: whole outer levels within the limit.
import * as assert from 'node:assert/strict';
import { outerLevels } from '../../src/extension/outlineLimit';

/** A tree of `chapters` roots, each with `articles` children, each with `clauses` children, in document order. */
function tree(chapters: number, articles: number, clauses: number): number[] {
  const parents: number[] = [];
  for (let c = 0; c < chapters; c++) {
    const chapter = parents.push(-1) - 1;
    for (let a = 0; a < articles; a++) {
      const article = parents.push(chapter) - 1;
      for (let k = 0; k < clauses; k++) parents.push(article);
    }
  }
  return parents;
}

const depthOf = (parents: readonly number[], i: number): number => (parents[i] < 0 ? 0 : 1 + depthOf(parents, parents[i]));

describe('outline limit', () => {
  it('keeps everything when the tree fits', () => {
    const parents = tree(3, 4, 5);
    assert.ok(outerLevels(parents, parents.length).every(Boolean));
  });

  it('keeps the deepest whole levels that fit, and only them', () => {
    const parents = tree(10, 20, 30); // 10 + 200 + 6,000 sections
    const kept = outerLevels(parents, 1_000);
    assert.equal(kept.filter(Boolean).length, 210);
    kept.forEach((k, i) => assert.equal(k, depthOf(parents, i) <= 1));
    assert.equal(outerLevels(parents, 209).filter(Boolean).length, 10);
  });

  it('keeps the first roots when even the roots are too many', () => {
    const parents = tree(50, 2, 0);
    const kept = outerLevels(parents, 20);
    assert.equal(kept.filter(Boolean).length, 20);
    kept.forEach((k, i) => assert.equal(k, parents[i] < 0 && i < parents.indexOf(-1, 0) + 20 * 3));
  });

  it('reads a parent after its child as a root, as the outline does', () => {
    assert.deepEqual(outerLevels([-1, 2, -1], 2), [true, true, false]);
    assert.deepEqual(outerLevels([-1, 0, 0], 1), [true, false, false]);
  });
});
