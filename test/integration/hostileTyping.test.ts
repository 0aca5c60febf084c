// Typing into a hostile document (issue 15): a cue flood, every word a cue or a term in one endless sentence, once
// took 2 s per keystroke in the extension host. Typing into one must never stall the host for more than 50 ms.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { editorSuite, openFile } from './editorHelpers';
import { StallProbe } from './stallProbe';

const LIMIT_MS = 50;
const KEYSTROKES = 40;
const INTERVAL_MS = 30;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('typing into a cue flood', function () {
  this.timeout(180_000);
  const suite = editorSuite('flood');

  for (const [name, unit] of [
    ['English', 'no fine not monitor without surveillance '],
    ['Chinese', '不得不 不得 处罚 没有 监控 '],
  ] as const) {
    it(`never stalls the extension host more than ${LIMIT_MS} ms (${name}, one sentence of cues)`, async () => {
      const text = `${unit.repeat(Math.ceil(120_000 / unit.length))}\n`;
      const editor = await openFile(suite.api, suite.dir, `flood-${name}.txt`, text);
      const uri = editor.document.uri;
      assert.ok((suite.api.getAnalysis(uri)?.matches.length ?? 0) > 1000, 'the flood is analysed');
      let cursor = Math.floor(text.length / 2);
      editor.selection = new vscode.Selection(editor.document.positionAt(cursor), editor.document.positionAt(cursor));
      await sleep(300);
      await suite.api.whenIdle();
      const probe = new StallProbe();
      const start = performance.now();
      try {
        for (let k = 0; k < KEYSTROKES; k++) {
          const wait = start + k * INTERVAL_MS - performance.now();
          if (wait > 0) await sleep(wait);
          const key = k % 4 === 3 ? ' ' : 'no '[k % 3];
          const position = editor.document.positionAt(cursor);
          assert.ok(await editor.edit((b) => b.insert(position, key), { undoStopBefore: false, undoStopAfter: false }), `keystroke ${k} refused`);
          cursor++;
        }
        await suite.api.whenIdle();
      } finally {
        probe.stop();
      }
      assert.equal(suite.api.getAnalysis(uri)?.version, editor.document.version, 'the last keystroke is analysed');
      const stall = Math.max(...probe.stalls);
      console.log(`      ${name} cue flood, ${text.length} chars, ${KEYSTROKES} keystrokes: longest stall ${stall.toFixed(1)} ms (longest tick delay ${Math.max(...probe.lags).toFixed(1)} ms, ${probe.stalls.length} samples)`);
      assert.ok(stall <= LIMIT_MS, `the extension host was busy for ${stall.toFixed(1)} ms without yielding`);
    });
  }
});
