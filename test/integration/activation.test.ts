import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const extensionId = 'policy-lens.policy-lens';

describe('activation', () => {
  it('is installed under its published id', () => {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension, `${extensionId} is not among the host's extensions`);
    assert.equal((extension.packageJSON as { name?: unknown }).name, 'policy-lens');
  });

  it('activates and returns its API object', async () => {
    const extension = vscode.extensions.getExtension<unknown>(extensionId);
    assert.ok(extension);
    const api = await extension.activate();
    assert.ok(extension.isActive, 'the extension is not active after activate()');
    assert.equal(typeof api, 'object');
    assert.notEqual(api, null);
    assert.equal(typeof (api as { getAnnotations?: unknown }).getAnnotations, 'function', 'the API has no getAnnotations(uri)');
  });
});
