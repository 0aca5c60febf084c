// Checks on the screenshots: none is blank, and Chinese text shows glyphs, not the boxes a browser draws when no
// installed font has the characters. The glyph check renders each Han character of a line on a canvas in the
// editor's font, in the workbench page (every character should look different) and, as the control, in a second
// Chromium whose fontconfig lists no CJK font (every character becomes the same box).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { chromiumPath } from './prerequisites';

export interface ImageStats {
  width: number;
  height: number;
  /** Distinct colours among the sampled pixels. */
  colours: number;
  /** Standard deviation of the luminance, 0–255. */
  spread: number;
}

/** Size, colour count and luminance spread of a PNG, measured by the browser on a canvas. */
export async function imageStats(page: Page, file: string): Promise<ImageStats> {
  const data = `data:image/png;base64,${fs.readFileSync(file).toString('base64')}`;
  return page.evaluate(async (src: string) => {
    const image = new Image();
    image.src = src;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas');
    context.drawImage(image, 0, 0);
    const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
    const colours = new Set<number>();
    let sum = 0;
    let sumSquares = 0;
    let n = 0;
    for (let i = 0; i < pixels.length; i += 4 * 7) {
      colours.add((pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2]);
      const y = 0.2126 * pixels[i] + 0.7152 * pixels[i + 1] + 0.0722 * pixels[i + 2];
      sum += y;
      sumSquares += y * y;
      n++;
    }
    const mean = sum / n;
    return { width: canvas.width, height: canvas.height, colours: colours.size, spread: Math.sqrt(Math.max(0, sumSquares / n - mean * mean)) };
  }, data);
}

/** Throws unless the picture has content: some size, many colours, visible contrast. */
export function assertNotBlank(name: string, stats: ImageStats): void {
  if (stats.width < 100 || stats.height < 100 || stats.colours < 16 || stats.spread < 8) {
    throw new Error(`${name} looks blank: ${JSON.stringify(stats)}`);
  }
}

/**
 * How many distinct renderings the characters get, each drawn alone on a canvas in `font`. Real glyphs differ
 * from one another; the missing-glyph box is the same for every character.
 */
export async function distinctRenderings(page: Page, font: string, characters: string[]): Promise<number> {
  return page.evaluate(
    ({ font: f, characters: chars }) => {
      const canvas = document.createElement('canvas');
      canvas.width = 48;
      canvas.height = 48;
      const context = canvas.getContext('2d');
      if (!context) throw new Error('no 2D canvas');
      const seen = new Set<string>();
      for (const c of chars) {
        context.clearRect(0, 0, 48, 48);
        context.font = f;
        context.fillStyle = '#000';
        context.textBaseline = 'top';
        context.fillText(c, 4, 4);
        const pixels = context.getImageData(0, 0, 48, 48).data;
        let hash = 0;
        for (let i = 3; i < pixels.length; i += 4) hash = (Math.imul(hash, 31) + pixels[i]) | 0;
        seen.add(String(hash));
      }
      return seen.size;
    },
    { font, characters },
  );
}

/** The editor's font as a canvas font string, read from a rendered line of the workbench. */
export async function editorFont(page: Page): Promise<string> {
  return page.evaluate(() => {
    const line = document.querySelector('.part.editor .monaco-editor .view-line');
    if (!line) throw new Error('no editor line rendered');
    const style = getComputedStyle(line);
    return `${style.fontSize} ${style.fontFamily}`;
  });
}

/** The same rendering in a Chromium that sees only the DejaVu fonts (no CJK font): the control of the check. */
export async function distinctRenderingsWithoutCjkFont(font: string, characters: string[]): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-nocjk-'));
  try {
    const config = path.join(dir, 'fonts.conf');
    fs.writeFileSync(
      config,
      `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <dir>/usr/share/fonts/truetype/dejavu</dir>\n  <cachedir>${path.join(dir, 'cache')}</cachedir>\n</fontconfig>\n`,
    );
    const browser = await chromium.launch({
      executablePath: chromiumPath(),
      headless: true,
      env: { ...process.env, FONTCONFIG_FILE: config },
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
    });
    try {
      const page = await browser.newPage();
      await page.setContent('<!doctype html><meta charset="utf-8"><body></body>');
      return await distinctRenderings(page, font, characters);
    } finally {
      await browser.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Distinct Han characters of a text, at most `limit`. */
export function hanCharacters(text: string, limit = 12): string[] {
  return [...new Set([...text].filter((c) => /\p{Script=Han}/u.test(c)))].slice(0, limit);
}
