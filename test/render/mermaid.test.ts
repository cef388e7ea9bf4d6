import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RawInput } from '../../src/core/input.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { renderMermaid } from '../../src/render/mermaid.js';
import { cli, planOf } from '../helpers.js';
import { openBrowser, type Browser } from '../browser.js';

/**
 * The diagrams are checked by Mermaid's own parser and renderer: mermaid's browser bundle loaded into
 * headless Chromium (mermaid needs a DOM), never by a regular expression.
 */
const bundle = join(dirname(createRequire(import.meta.url).resolve('mermaid/package.json')), 'dist/mermaid.min.js');

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await openBrowser();
  page = await browser.page();
  await page.setContent('<!doctype html><html><body></body></html>');
  await page.addScriptTag({ path: bundle });
  await page.evaluate('mermaid.initialize({ startOnLoad: false, securityLevel: "strict" })');
}, 60_000);
afterAll(async () => browser?.close());

/** mermaid.parse, then mermaid.render: the diagram type and the drawn SVG's node labels, or the parse error. */
async function mermaidCheck(text: string): Promise<{ type?: string; error?: string; labels?: string[] }> {
  const code = `(async (text) => {
    try {
      const parsed = await mermaid.parse(text);
      const { svg } = await mermaid.render('d' + Math.floor(Math.random() * 1e9), text);
      const doc = new DOMParser().parseFromString(svg, 'text/html');
      const labels = [...doc.querySelectorAll('g.node')].map((n) => n.textContent.trim());
      return { type: parsed.diagramType, labels };
    } catch (e) { return { error: String(e.message || e) }; }
  })(${JSON.stringify(text)})`;
  return (await page.evaluate(code)) as { type?: string; error?: string; labels?: string[] };
}

const PLANS: Record<string, RawInput> = {
  '5k (one server)': { users: 5000 },
  '50k': { users: 50_000 },
  '500k': { users: 500_000 },
  '5M (shards, queue)': { users: 5_000_000 },
  '2M in two regions': { users: 2_000_000, regions: 'us-east-1=70,eu-west-1=30' },
  '2M, data residency': { users: 2_000_000, regions: 'us-east-1=70,eu-west-1=30', dataResidency: true },
  '500k on Azure, 99.99': { users: 500_000, provider: 'azure', availability: 99.99 },
};

describe('--format mermaid, read by mermaid itself', () => {
  for (const [name, input] of Object.entries(PLANS)) {
    it(`${name}: parses as a flowchart and draws every part of the stack`, async () => {
      const plan = planOf(input);
      const r = await mermaidCheck(renderMermaid(plan));
      expect(r.error).toBeUndefined();
      expect(r.type).toBe('flowchart-v2');
      const labels = r.labels!.join('\n');
      expect(labels).toContain('monthly users');
      expect(labels).toContain('App servers');
      expect(labels).toContain(plan.database.service);
      if (plan.cache) expect(labels).toContain(plan.cache.nodeType);
      if (plan.queue) expect(labels).toContain(plan.queue.service);
      if (plan.loadBalancing.strategy !== 'none') expect(labels).toContain(`strategy: ${plan.loadBalancing.strategy}`);
      const servers = plan.availability.regions.map((x) => `${x.instances.expected} × ${plan.compute.instanceType}`);
      for (const s of servers) expect(labels).toContain(s);
    });
  }
  it('a broken diagram is rejected by the same check (the check can fail)', async () => {
    const r = await mermaidCheck('flowchart TD\n  a["unclosed --> b');
    expect(r.error).toMatch(/Parse error|Expecting/);
  });
  it('the markdown format embeds the same diagram in a ```mermaid block', async () => {
    const plan = planOf({ users: 500_000 });
    const block = /```mermaid\n([\s\S]*?)```/.exec(renderMarkdown(plan))?.[1];
    expect(block).toBe(renderMermaid(plan));
    expect((await mermaidCheck(block!)).type).toBe('flowchart-v2');
  });
  it('the CLI prints it alone with --format mermaid', async () => {
    const r = await cli(['plan', '--users', '500k', '--format', 'mermaid']);
    expect(r.code).toBe(0);
    expect(r.out).toBe(renderMermaid(planOf({ users: 500_000 })));
  });
});
