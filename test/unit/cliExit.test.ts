// The CLI's exit asks standard error for queued output only when something made its stream: made on a pipe, it loads
// Node's network streams, a few milliseconds of a run.
import * as assert from 'node:assert/strict';
import { stderrMayHoldOutput, watchStderr } from '../../src/cli/stderrUse';

describe('the CLI exit', () => {
  it('says standard error may hold output once its stream is read, and not before', () => {
    const before = Object.getOwnPropertyDescriptor(process, 'stderr') as PropertyDescriptor;
    try {
      watchStderr();
      assert.equal(stderrMayHoldOutput(), false);
      const stream = process.stderr;
      assert.equal(stderrMayHoldOutput(), true);
      assert.equal(process.stderr, stream);
      assert.deepEqual(Object.getOwnPropertyDescriptor(process, 'stderr'), before);
    } finally {
      Object.defineProperty(process, 'stderr', before);
      delete (process as unknown as Record<symbol, unknown>)[Symbol.for('policy-lens stderr made')];
    }
    assert.equal(stderrMayHoldOutput(), true);
  });
});
