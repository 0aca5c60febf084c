// Opens the bundled English and Chinese samples in the real workbench (code-server + headless Chromium) and saves
// PNGs of what a user sees: the English sample in the light theme, the sidebar alone, the sidebar's comparison of
// the open documents, an English and a Chinese hover, and the Chinese sample in the dark theme. Then checks them:
// none is blank, the comparison lists both documents on screen, and the Chinese text (in the editor and in the
// hover) shows glyphs, not boxes. Usage: node out/test/runner/screenshots.js [outDir] (default screenshots/)
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { Cleanup } from './cleanup';
import { delay } from './codeServer';
import { repoRoot } from './paths';
import { assertNotBlank, distinctRenderings, distinctRenderingsWithoutCjkFont, editorFont, hanCharacters, imageStats } from './screenshotChecks';
import { doneFileName, readyPrefix, requestFileName, ScreenshotReady, ScreenshotRequest, ScreenshotScene } from './screenshotProtocol';
import { prepareHost, startSession } from './session';

const samples = {
  en: path.join(repoRoot, 'media', 'samples', 'social-credit-outline.policy.txt'),
  zh: path.join(repoRoot, 'media', 'samples', 'social-credit-outline.zh.policy.txt'),
};

/** A picture: the whole page, or one part of the workbench. */
interface Shot {
  name: string;
  selector?: string;
  /** Scroll the sidebar to its comparison of the open documents first (and back to the top after). */
  comparison?: boolean;
}

/** What each scene shows and which pictures are taken of it. */
const scenes: { file: keyof typeof samples; theme: string; hover: boolean; labelLanguage?: 'zh'; review?: boolean; shots: Shot[] }[] = [
  {
    file: 'en',
    theme: 'Default Light Modern',
    hover: false,
    shots: [{ name: 'en-light.png' }, { name: 'sidebar.png', selector: '.part.sidebar' }, { name: 'compare.png', selector: '.part.sidebar', comparison: true }],
  },
  { file: 'en', theme: 'Default Light Modern', hover: true, shots: [{ name: 'hover.png', selector: '.part.editor' }] },
  { file: 'zh', theme: 'Default Dark Modern', hover: false, shots: [{ name: 'zh-dark.png' }] },
  // Chinese labels, as a Chinese display language gives them.
  { file: 'zh', theme: 'Default Dark Modern', hover: true, labelLanguage: 'zh', shots: [{ name: 'hover-zh.png', selector: '.part.editor' }] },
  // Last: it writes reviews into the workspace's .policylens/ store.
  { file: 'en', theme: 'Default Light Modern', hover: true, review: true, shots: [{ name: 'review.png' }] },
];

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

/** The text of every webview's content (VS Code nests it in an inner frame of each webview frame), as the user reads it. */
async function webviewText(page: Page): Promise<string> {
  const texts: string[] = [];
  const count = await page.locator('iframe.webview').count();
  for (let i = 0; i < count; i++) {
    const body = page.frameLocator(`iframe.webview >> nth=${i}`).frameLocator('#active-frame').locator('body');
    texts.push(await body.innerText({ timeout: 2000 }).catch(() => ''));
  }
  return texts.join('\n');
}

/**
 * The sidebar shows what the reviewer did: the comparison of the automatic and reviewed figures, with the
 * control matches the extension computed in each column and the counts of rejections and codes.
 */
async function checkReviewedFigures(page: Page, reviewed: NonNullable<ScreenshotReady['reviewed']>): Promise<void> {
  const wanted = [
    // Headings are upper-cased by the style sheet, and innerText reads them so.
    /automatic and as reviewed/i,
    `Rejected matches: ${reviewed.rejected} · manual codes: ${reviewed.codes}`,
    new RegExp(`Control · Matches\\s+${reviewed.automaticControl}\\s+${reviewed.reviewedControl}`),
  ];
  let text = '';
  for (let waited = 0; waited < 15_000; waited += 250) {
    text = await webviewText(page);
    if (wanted.every((w) => (typeof w === 'string' ? text.includes(w) : w.test(text)))) {
      console.log(`review scene: the sidebar shows control matches ${reviewed.automaticControl} automatic, ${reviewed.reviewedControl} as reviewed; ${reviewed.rejected} rejected, ${reviewed.codes} coded`);
      return;
    }
    await delay(250);
  }
  throw new Error(`the sidebar does not show the reviewed figures ${JSON.stringify(reviewed)}; it shows: ${text.slice(0, 1500)}`);
}

async function main(): Promise<number> {
  const outArg = process.argv[2];
  const outDir = outArg ? path.resolve(process.env.INIT_CWD ?? process.cwd(), outArg) : path.join(repoRoot, 'screenshots');
  const cleanup = new Cleanup();
  cleanup.exitOnSignals();
  try {
    const waiting = new Map<number, (ready: ScreenshotReady) => void>();
    const readyFor = (scene: number): Promise<ScreenshotReady> => new Promise((resolve) => waiting.set(scene, resolve));
    const firstReady = readyFor(0);
    const driver = path.join(__dirname, 'screenshotDriver.js');
    const entry = prepareHost(driver, (line) => console.log(line));
    let requestDir = '';
    let workspaceDir = '';
    const session = await startSession(
      entry,
      {
        extensionTestsPath: driver,
        viewport: { width: 1280, height: 800 },
        // Wrapped so whole sentences and their highlights show; no minimap, so the text has the room.
        settings: { 'editor.wordWrap': 'on', 'editor.stickyScroll.enabled': false, 'editor.minimap.enabled': false, 'workbench.colorTheme': scenes[0].theme },
        onHostLog: (line) => {
          if (line.startsWith(readyPrefix)) {
            const ready = JSON.parse(line.slice(readyPrefix.length)) as ScreenshotReady;
            waiting.get(ready.scene)?.(ready);
          } else console.log(line);
        },
        prepare: (folders, workspace) => {
          requestDir = folders.root;
          workspaceDir = workspace;
          const copies = Object.fromEntries(Object.entries(samples).map(([key, source]) => {
            const file = path.join(workspace, path.basename(source));
            fs.copyFileSync(source, file);
            return [key, file];
          })) as Record<keyof typeof samples, string>;
          const sceneList: ScreenshotScene[] = scenes.map((s) => ({ file: copies[s.file], theme: s.theme, hover: s.hover, labelLanguage: s.labelLanguage, review: s.review }));
          const request: ScreenshotRequest = { open: [copies.zh, copies.en], scenes: sceneList };
          fs.writeFileSync(path.join(folders.root, requestFileName), JSON.stringify(request));
        },
      },
      cleanup,
    );
    void workspaceDir;
    fs.mkdirSync(outDir, { recursive: true });
    const saved: string[] = [];
    let next = firstReady;
    for (const [index, scene] of scenes.entries()) {
      const outcome = await Promise.race([
        next,
        session.hostExit.then((code) => new Error(`The extension host ended (exit code ${code}) before scene ${index} was ready`)),
        delay(180_000).then(() => new Error(`Timed out after 180 s waiting for scene ${index}`)),
      ]);
      if (outcome instanceof Error) throw outcome;
      if ((await waitForDecorations(session.page)) === 0) throw new Error(`scene ${index}: no decorated text rendered in the editor`);
      if (!(await waitForWebviewText(session.page))) throw new Error(`scene ${index}: the sidebar webview shows no text`);
      if (index === 0) await collapseReviewView(session.page);
      // The theme and the hover settle after the ready line.
      await delay(scene.hover ? 2000 : 1500);
      if (scene.hover) await openHover(session.page);
      for (const shot of scene.shots) {
        const file = path.join(outDir, shot.name);
        if (shot.comparison) await showComparison(session.page, Object.values(samples).map((f) => path.basename(f)));
        if (shot.selector) await session.page.locator(shot.selector).screenshot({ path: file });
        else await session.page.screenshot({ path: file });
        if (shot.comparison) await sidebarFrame(session.page).then((frame) => frame.evaluate(() => window.scrollTo(0, 0)));
        saved.push(file);
      }
      if (scene.file === 'zh') await checkGlyphs(session.page, samples.zh);
      if (scene.file === 'zh' && scene.hover) await checkHoverGlyphs(session.page);
      if (outcome.reviewed) await checkReviewedFigures(session.page, outcome.reviewed);
      if (index + 1 < scenes.length) next = readyFor(index + 1);
      fs.writeFileSync(path.join(requestDir, doneFileName(index)), '');
    }
    for (const file of saved) {
      const stats = await imageStats(session.page, file);
      assertNotBlank(path.basename(file), stats);
      console.log(`${path.basename(file)}: ${stats.width}×${stats.height}, ${stats.colours} colours, luminance spread ${stats.spread.toFixed(1)}, ${Math.round(fs.statSync(file).size / 1024)} KB`);
    }
    console.log(`Saved and checked ${saved.length} screenshots in ${outDir}`);
    return 0;
  } catch (err) {
    if (!cleanup.interrupted) console.error(err instanceof Error ? err.message : String(err));
    return 1;
  } finally {
    await cleanup.dispose();
  }
}

/** Folds the Review view, as a user does by clicking its header, so that the pictures have room for the tally. */
async function collapseReviewView(page: Page): Promise<void> {
  const header = page.locator('.part.sidebar .pane-header[aria-expanded="true"]', { hasText: /^Review/i }).first();
  if ((await header.count()) > 0) {
    await header.click();
    await delay(500);
  }
}

/** The sidebar's webview: the frame that renders the tally (its root element). */
async function sidebarFrame(page: Page): Promise<Frame> {
  for (const frame of page.frames()) {
    if (frame === page.mainFrame()) continue;
    if (await frame.evaluate(() => document.querySelector('main#root .part-documents') !== null).catch(() => false)) return frame;
  }
  throw new Error('no sidebar webview with a comparison of open documents');
}

/**
 * Scrolls the sidebar to its comparison of the open documents and checks that the comparison is on screen with a
 * row for each document.
 */
async function showComparison(page: Page, names: string[]): Promise<void> {
  const frame = await sidebarFrame(page);
  const shown = await frame.evaluate(() => {
    const part = document.querySelector('.part-documents');
    if (!part) return null;
    part.scrollIntoView({ block: 'end' });
    const box = part.getBoundingClientRect();
    const rows = Array.from(part.querySelectorAll('.documents li'), (li) => (li as HTMLElement).innerText);
    return { top: box.top, bottom: box.bottom, height: window.innerHeight, rows };
  });
  if (!shown) throw new Error('the sidebar has no comparison of open documents');
  if (shown.top < 0 || shown.bottom > shown.height + 1) throw new Error(`the comparison is not wholly on screen: ${JSON.stringify(shown)}`);
  for (const name of names) {
    if (!shown.rows.some((row) => row.includes(name))) throw new Error(`the comparison does not list ${name}: ${JSON.stringify(shown.rows)}`);
  }
  // The scroll settles before the picture.
  await delay(300);
}

/** The Chinese hover's text, drawn in the hover's own font, must show glyphs too (see checkGlyphs). */
async function checkHoverGlyphs(page: Page): Promise<void> {
  const hover = await page.evaluate(() => {
    const element = document.querySelector('.monaco-hover:not(.hidden)');
    const contents = element?.querySelector('.hover-contents') ?? element;
    if (!element || !contents) return null;
    const style = getComputedStyle(contents);
    return { text: (element as HTMLElement).innerText, font: `${style.fontSize} ${style.fontFamily}` };
  });
  if (!hover) throw new Error('no hover is shown for the Chinese sample');
  const characters = hanCharacters(hover.text);
  if (characters.length < 4) throw new Error(`the Chinese hover shows too few Han characters to check: ${JSON.stringify(hover.text.slice(0, 200))}`);
  const withFont = await distinctRenderings(page, hover.font, characters);
  const withoutFont = await distinctRenderingsWithoutCjkFont(hover.font, characters);
  console.log(`Chinese hover glyphs in "${hover.font}": ${withFont} distinct renderings of ${characters.length} characters; without a CJK font: ${withoutFont}`);
  if (withoutFont >= characters.length / 2) throw new Error('the control rendering without a CJK font did not fall back to boxes: the hover glyph check cannot tell');
  if (withFont < characters.length) throw new Error(`the Chinese hover is drawn as boxes: ${withFont} distinct renderings of ${characters.length} characters`);
}

/** The hover of the selected annotation: asked for by the driver, else opened as a user does, with the mouse. */
async function openHover(page: Page): Promise<void> {
  const visible = async (): Promise<boolean> => (await page.locator('.monaco-hover:not(.hidden)').filter({ hasText: /\S/ }).count()) > 0;
  if (await visible()) return;
  const selected = page.locator('.part.editor .monaco-editor .selected-text').first();
  const box = await selected.boundingBox();
  if (!box) throw new Error('no annotation is selected for the hover');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let waited = 0; waited < 5000 && !(await visible()); waited += 250) await delay(250);
  if (!(await visible())) throw new Error('the hover did not open');
}

/**
 * The Chinese sample's Han characters, drawn in the editor's font in the workbench, must all look different
 * (glyphs); drawn the same way by a Chromium without any CJK font they collapse into boxes, which proves the
 * check would catch them.
 */
async function checkGlyphs(page: Page, file: string): Promise<void> {
  const characters = hanCharacters(fs.readFileSync(file, 'utf8'));
  const font = await editorFont(page);
  const withFont = await distinctRenderings(page, font, characters);
  const withoutFont = await distinctRenderingsWithoutCjkFont(font, characters);
  console.log(`Chinese glyphs in "${font}": ${withFont} distinct renderings of ${characters.length} characters; without a CJK font: ${withoutFont}`);
  if (withoutFont >= characters.length / 2) throw new Error('the control rendering without a CJK font did not fall back to boxes: the glyph check cannot tell');
  if (withFont < characters.length) throw new Error(`Chinese text is drawn as boxes: ${withFont} distinct renderings of ${characters.length} characters (is fonts-noto-cjk installed?)`);
}

main().then((code) => process.exit(code));
