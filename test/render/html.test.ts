import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/render/html.js';
import { cli, planOf } from '../helpers.js';
import { inkPerBox, openBrowser, type Browser } from '../browser.js';

/** The HTML report opened in headless Chromium: it must draw, on its own, with no network and no errors. */
let browser: Browser;
beforeAll(async () => {
  browser = await openBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

const dir = mkdtempSync(join(tmpdir(), 'capacity-plan-html-'));
const FIGURES = ['#diagram', '#chart-components', '#chart-nines', '#chart-growth'];

async function open(html: string, name: string) {
  const file = join(dir, `${name}.html`);
  writeFileSync(file, html);
  const page = await browser.page();
  const problems: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`file://${file}`, { waitUntil: 'load' });
  return { page, problems, requests, file };
}

describe('--format html', () => {
  it('the 500k report with growth draws the diagram and every chart, with no network and no console error', async () => {
    const plan = planOf({ users: 500_000, growth: 10, months: 24 });
    const { page, problems, requests } = await open(renderHtml(plan), 'growth-500k');
    const boxes: { x: number; y: number; width: number; height: number }[] = [];
    for (const selector of FIGURES) {
      const box = await page.locator(selector).boundingBox();
      expect(box, selector).not.toBeNull();
      expect(box!.width * box!.height, selector).toBeGreaterThan(20_000);
      boxes.push(box!);
    }
    const shot = await page.screenshot({ fullPage: true, path: join(dir, 'growth-500k.png') });
    const ink = await inkPerBox(await browser.page(), shot, boxes);
    // Each figure's area is really drawn on: a good share of non-white pixels, not a blank box.
    FIGURES.forEach((selector, i) => {
      const area = boxes[i]!.width * boxes[i]!.height;
      expect(ink[i]! / area, selector).toBeGreaterThan(0.02);
    });
    expect(problems).toEqual([]);
    expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
  });

  it('a blank area reads as blank (the pixel check can fail)', async () => {
    const { page } = await open('<!doctype html><html><body style="background:#fff"></body></html>', 'blank');
    const shot = await page.screenshot();
    const [ink] = await inkPerBox(await browser.page(), shot, [{ x: 0, y: 0, width: 600, height: 400 }]);
    expect(ink).toBe(0);
  });

  it('the multi-region report draws one region box per region and says its totals cover all of them', async () => {
    const plan = planOf({ users: 2_000_000, regions: 'us-east-1=70,eu-west-1=30' });
    const html = renderHtml(plan);
    const { page, problems } = await open(html, 'regions-2m');
    const nodes = await page.locator('#diagram g.node').count();
    expect(nodes).toBeGreaterThanOrEqual(10);
    expect(await page.locator('#diagram text', { hasText: 'eu-west-1' }).count()).toBeGreaterThan(0);
    expect(html).toContain('all 2 regions together');
    expect(problems).toEqual([]);
  });

  it('the CLI writes one self-contained file with -o: no script, no link to anything outside', async () => {
    const file = join(dir, 'cli-report.html');
    const r = await cli(['plan', '--users', '500k', '--format', 'html', '-o', file]);
    expect(r.code).toBe(0);
    const html = readFileSync(file, 'utf8');
    expect(html).toBe(renderHtml(planOf({ users: 500_000 })));
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\((?!#)/i);
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?https?:/i);
    expect(html.match(/<svg/g)!.length).toBeGreaterThanOrEqual(3);
  });
});
