import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';
import { bundledCatalogs } from '../../src/pricing/bundled.js';
import { planFromRaw } from '../../src/core/plan.js';
import { PROFILE_NAMES } from '../../src/core/profiles.js';
import type { Catalog } from '../../src/pricing/catalog-schema.js';

const NOW = '2026-11-29';
const epoch = (date: string) => String(Date.parse(date) / 1000);

/** Refreshed catalogs for the three providers: the bundled ones, every price V and dated `date`, then `change`d. */
function installed(date: string, change: (p: string, c: Catalog) => void = () => undefined) {
  const env = { NO_COLOR: '1', XDG_DATA_HOME: mkdtempSync(join(tmpdir(), 'capacity-plan-gate-')), SOURCE_DATE_EPOCH: epoch(NOW) };
  const dir = join(env.XDG_DATA_HOME, 'capacity-plan', 'pricing');
  mkdirSync(dir, { recursive: true });
  for (const [p, bundled] of Object.entries(bundledCatalogs())) {
    const c = structuredClone(bundled!);
    c.date = date;
    for (const region of Object.values(c.regions)) for (const i of region.items) Object.assign(i, { date, confidence: 'V' });
    change(p, c);
    writeFileSync(join(dir, `${p}.json`), JSON.stringify(c));
  }
  return env;
}

describe('pricing verify as a CI gate (exit 3)', () => {
  it('fresh catalogs with no recalled price in any default plan: exit 0, no finding', async () => {
    const v = await cli(['pricing', 'verify'], { env: installed('2026-11-20') });
    expect(v.code, v.out + v.err).toBe(0);
    expect(v.err).toBe('');
    expect(v.out).toMatch(/^✓ aws refreshed .*0 recalled \(U\)$/m);
  });

  it('a U price a default plan uses: exit 3, naming the item, provider, region and its share of that plan’s bill', async () => {
    const env = installed('2026-11-20', (p, c) => {
      if (p === 'aws') c.regions['us-east-1']!.items.find((i) => i.id === 'application-load-balancer')!.confidence = 'U';
    });
    const v = await cli(['pricing', 'verify'], { env });
    // A failed gate, like every gate: nothing on stdout, one line on stderr saying why.
    expect(v.code).toBe(3);
    expect(v.out).toBe('');
    expect(v.err.trim().split('\n')).toHaveLength(1);
    expect(v.err).toMatch(/^capacity-plan: pricing verify: 1 provider not fit to ship: aws: /);
    // The share, worked out here from the default plans themselves: the balancer's largest share of a bill.
    const aws = JSON.parse(JSON.stringify(bundledCatalogs().aws)) as Catalog;
    let best = { share: 0, users: 0, profile: '' };
    for (const users of [50_000, 500_000, 5_000_000])
      for (const profile of PROFILE_NAMES) {
        const lines = planFromRaw({ users, profile, provider: 'aws' }, { aws }).cost.lineItems;
        const bill = lines.reduce((s, l) => s + l.monthly, 0);
        const share = lines.filter((l) => l.itemId === 'application-load-balancer').reduce((s, l) => s + l.monthly, 0) / bill;
        if (share > best.share) best = { share, users, profile };
      }
    expect(best.share).toBeGreaterThan(0);
    const users = best.users >= 1e6 ? `${best.users / 1e6}M` : `${best.users / 1e3}k`;
    const share = `${(best.share * 100).toFixed(1)} %`;
    expect(v.err).toContain(
      `aws: default plans use 1 recalled (U) price, up to ${share} of the bill at ${users} users, ${best.profile}: us-east-1 application-load-balancer ${share} ($`,
    );
    expect(v.err).toMatch(new RegExp(`/month at ${users} users, ${best.profile}\\)\n$`));
    expect(v.err).not.toMatch(/(gcp|azure):/);
  });

  it('a U price no default plan uses does not gate', async () => {
    const env = installed('2026-11-20', (p, c) => {
      if (p === 'aws') c.regions['us-east-1']!.items.find((i) => i.id === 'r7i.large')!.confidence = 'U';
    });
    expect((await cli(['pricing', 'verify'], { env })).code).toBe(0);
  });

  it('a catalog in use older than 90 days: exit 3, saying how old and how to refresh it', async () => {
    const env = installed('2026-11-20', (p, c) => {
      if (p !== 'gcp') return;
      c.date = '2026-08-20';
      for (const region of Object.values(c.regions)) for (const i of region.items) i.date = '2026-08-20';
    });
    const v = await cli(['pricing', 'verify'], { env });
    expect(v.code).toBe(3);
    expect(v.err).toMatch(
      /^capacity-plan: pricing verify: 1 provider not fit to ship: gcp: its catalog is 101 days old \(prices of 2026-08-20, over 90: run `capacity-plan pricing update gcp`\)\n$/,
    );
    // 90 days is still fresh.
    const edge = installed('2026-08-31');
    expect((await cli(['pricing', 'verify'], { env: edge })).code).toBe(0);
  });

  it('a broken catalog is still exit 1 (not 3), and bad usage exit 2', async () => {
    const env = installed('2026-11-20', (p, c) => {
      if (p === 'aws') (c.regions['us-east-1']!.items[0] as { price: number }).price = -1;
    });
    expect((await cli(['pricing', 'verify'], { env })).code).toBe(1);
    expect((await cli(['pricing', 'verify', '--no-such-flag'], { env })).code).toBe(2);
  });
});
