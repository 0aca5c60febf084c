import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PolicyLensApi } from '../../src/extension/api';

const extensionId = 'policy-lens.policy-lens';

describe('activation', () => {
  it('is installed under its published id', () => {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension, `${extensionId} is not among the host's extensions`);
    assert.equal((extension.packageJSON as { name?: unknown }).name, 'policy-lens');
  });

  it('activates and returns its API object', async () => {
    const extension = vscode.extensions.getExtension<PolicyLensApi>(extensionId);
    assert.ok(extension);
    const api = await extension.activate();
    assert.ok(extension.isActive, 'the extension is not active after activate()');
    assert.equal(typeof api, 'object');
    assert.notEqual(api, null);
    assert.strictEqual(extension.exports, api, 'exports differ from what activate() returned');
    for (const method of ['getAnalysis', 'getDecorations', 'getStatus', 'whenIdle'] as const) {
      assert.equal(typeof api[method], 'function', `the API has no ${method}()`);
    }
  });
});
