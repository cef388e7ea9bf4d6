import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's chromium, as .ci/run installs it: the tests need it and fail (never skip) without it. */
export const CHROMIUM = '/usr/bin/chromium';

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  page(): Promise<Page>;
  close(): Promise<void>;
}

/** Headless Chromium on a new, empty profile; nothing leaves the machine (every non-file request is refused). */
export async function openBrowser(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'capacity-plan-chromium-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: 1200, height: 900 },
  });
  await context.route(/^(?!file:|data:|about:)/, (route) => route.abort());
  return {
    page: () => context.newPage(),
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * How many pixels of each box of a PNG are not page white: the screenshot is decoded by the browser
 * itself (an <img> drawn on a canvas), so the test needs no image library.
 */
export async function inkPerBox(
  page: Page,
  png: Buffer,
  boxes: { x: number; y: number; width: number; height: number }[],
): Promise<number[]> {
  await page.setContent(`<img id="shot" src="data:image/png;base64,${png.toString('base64')}">`);
  const code = `(async () => {
    const img = document.getElementById('shot');
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth; canvas.height = img.naturalHeight;
    const ctx = canvas.getContext('2d');
    ctx.drawImage(img, 0, 0);
    return ${JSON.stringify(boxes)}.map((b) => {
      const data = ctx.getImageData(Math.round(b.x), Math.round(b.y), Math.max(1, Math.round(b.width)), Math.max(1, Math.round(b.height))).data;
      let ink = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i] < 235 || data[i + 1] < 235 || data[i + 2] < 235) ink++;
      return ink;
    });
  })()`;
  return (await page.evaluate(code)) as number[];
}
