// The geometry of the sidebar's charts: meter positions, the balanced band, and the bars of the lean by section.
import * as assert from 'node:assert/strict';
import type { SidebarSection } from '../../src/shared/sidebarMessages';
import { balancedBand, leanPosition, sectionBars, signedLean } from '../../src/webview/charts';

function section(index: number, lean: number | null, thin = false): SidebarSection {
  const labelId = lean === null ? 'no signal' : lean <= -0.2 ? 'control-leaning' : lean >= 0.2 ? 'engagement-leaning' : 'balanced';
  return { index, title: `S${index}`, level: 1, parent: null, startLine: index, units: { sentences: 1, control: 0, engagement: 0, both: 0 }, lean: { index: lean, labelId, label: labelId, thin } };
}

describe('sidebar charts', () => {
  it('places −1 at the control end, 0 in the middle and +1 at the engagement end, clamped', () => {
    assert.equal(leanPosition(-1), 0);
    assert.equal(leanPosition(0), 50);
    assert.equal(leanPosition(1), 100);
    assert.equal(leanPosition(0.5), 75);
    assert.equal(leanPosition(3), 100);
  });

  it('shades the balanced band symmetrically around the centre', () => {
    assert.deepEqual(balancedBand(0.2), { left: 40, width: 20 });
    assert.deepEqual(balancedBand(0), { left: 50, width: 0 });
  });

  it('draws one bar per section: up for engagement, down for control, length |lean|, thin and no-signal marked', () => {
    const bars = sectionBars([section(0, -1, true), section(1, 0.5), section(2, null), section(3, 0)]);
    assert.deepEqual(
      bars.map((b) => [b.index, b.direction, b.length, b.thin, b.noSignal]),
      [
        [0, 'down', 1, true, false],
        [1, 'up', 0.5, false, false],
        [2, 'none', 0, true, true],
        [3, 'none', 0, false, false],
      ],
    );
  });

  it('writes the lean with its sign, a true minus, and a dash without signal', () => {
    assert.equal(signedLean({ index: -0.4234 }), '−0.42');
    assert.equal(signedLean({ index: 0.1 }), '+0.10');
    assert.equal(signedLean({ index: 0 }), '0.00');
    assert.equal(signedLean({ index: null }), '–');
  });
});
