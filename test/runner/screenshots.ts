// Opens the bundled sample in the real workbench (code-server + headless Chromium), waits until the
// extension has annotated it and the editor shows its decorations, opens the Policy Lens sidebar and
// saves PNGs of what a user sees. Usage: node out/test/runner/screenshots.js [outDir] (default screenshots/)
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { Cleanup } from './cleanup';
import { delay } from './codeServer';
import { fixtureWorkspace, repoRoot } from './paths';
import { readyPrefix, requestFileName, ScreenshotReady, ScreenshotRequest } from './screenshotProtocol';
import { prepareHost, startSession } from './session';

const sample = path.join(repoRoot, 'media', 'samples', 'social-credit-outline.policy.txt');

/** The bundled sample, or any fixture text while the sample does not exist yet. */
function sampleFile(): string {
  if (fs.existsSync(sample)) return sample;
  const fallback = fs.readdirSync(fixtureWorkspace).filter((f) => f.endsWith('.txt')).sort()[0];
  if (!fallback) throw new Error(`Neither ${sample} nor a .txt file in ${fixtureWorkspace} exists`);
  console.log(`${path.relative(repoRoot, sample)} is missing; using the fixture ${fallback}`);
  return path.join(fixtureWorkspace, fallback);
}

/** VS Code renders text decorations as elements with generated `ced-…` classes (backgrounds in the view overlays). */
async function waitForDecorations(page: Page): Promise<number> {
  const spans = page.locator('.part.editor .monaco-editor [class*="ced-"]');
  for (let waited = 0; waited < 15_000; waited += 250) {
    const count = await spans.count();
    if (count > 0) return count;
    await delay(250);
  }
  return 0;
}

/** A webview's content lives in a nested frame; wait until some frame other than the page shows text. */
async function waitForWebviewText(page: Page): Promise<boolean> {
  for (let waited = 0; waited < 15_000; waited += 250) {
    for (const frame of page.frames()) {
      if (frame === page.mainFrame()) continue;
      const length = await frame.evaluate(() => document.body?.innerText.trim().length ?? 0).catch(() => 0);
      if (length > 0) return true;
    }
    await delay(250);
  }
  return false;
}

async function main(): Promise<number> {
  const outArg = process.argv[2];
  const outDir = outArg ? path.resolve(process.env.INIT_CWD ?? process.cwd(), outArg) : path.join(repoRoot, 'screenshots');
  const source = sampleFile();
  const cleanup = new Cleanup();
  cleanup.exitOnSignals();
  try {
    let markReady: (ready: ScreenshotReady) => void = () => undefined;
    const ready = new Promise<ScreenshotReady>((resolve) => { markReady = resolve; });
    const driver = path.join(__dirname, 'screenshotDriver.js');
    const entry = prepareHost(driver, (line) => console.log(line));
    const session = await startSession(
      entry,
      {
        extensionTestsPath: driver,
        // Tall enough for most of the sidebar, and wrapped so whole sentences and their highlights show.
        viewport: { width: 1600, height: 1200 },
        settings: { 'editor.wordWrap': 'on', 'editor.stickyScroll.enabled': false },
        onHostLog: (line) => {
          if (line.startsWith(readyPrefix)) markReady(JSON.parse(line.slice(readyPrefix.length)) as ScreenshotReady);
          else console.log(line);
        },
        prepare: (folders, workspace) => {
          const file = path.join(workspace, path.basename(source));
          fs.copyFileSync(source, file);
          const request: ScreenshotRequest = { file };
          fs.writeFileSync(path.join(folders.root, requestFileName), JSON.stringify(request));
        },
      },
      cleanup,
    );
    const outcome = await Promise.race([
      ready,
      session.hostExit.then((code) => new Error(`The extension host ended (exit code ${code}) before the sample was annotated`)),
      delay(180_000).then(() => new Error('Timed out after 180 s waiting for the sample to be annotated')),
    ]);
    if (outcome instanceof Error) throw outcome;
    const decorated = await waitForDecorations(session.page);
    if (decorated === 0) console.warn('Warning: no decorated text found in the editor');
    if (!(await waitForWebviewText(session.page))) console.warn('Warning: the sidebar webview shows no text');
    await delay(1000);
    fs.mkdirSync(outDir, { recursive: true });
    const shots: [string, string | undefined][] = [['workbench.png', undefined], ['editor.png', '.part.editor'], ['sidebar.png', '.part.sidebar']];
    for (const [name, selector] of shots) {
      const file = path.join(outDir, name);
      if (selector) await session.page.locator(selector).screenshot({ path: file });
      else await session.page.screenshot({ path: file });
    }
    // The middle of the document, where a sample usually turns from control to engagement language:
    // Go to Line (Ctrl+G) in the focused editor centres that line.
    const middle = Math.ceil(fs.readFileSync(source, 'utf8').split('\n').length / 2);
    await session.page.keyboard.press('Control+g');
    await session.page.keyboard.type(String(middle));
    await session.page.keyboard.press('Enter');
    await delay(1000);
    const nextPage = path.join(outDir, 'editor-middle.png');
    await session.page.locator('.part.editor').screenshot({ path: nextPage });
    shots.push(['editor-middle.png', '.part.editor']);
    console.log(`${outcome.decorated} ranges decorated, ${decorated} decorated spans rendered; saved ${shots.map(([n]) => n).join(', ')} in ${outDir}`);
    return 0;
  } catch (err) {
    if (!cleanup.interrupted) console.error(err instanceof Error ? err.message : String(err));
    return 1;
  } finally {
    await cleanup.dispose();
  }
}

main().then((code) => process.exit(code));
