import { describe, expect, it } from 'vitest';
import type { RawInput } from '../src/core/input.js';
import { renderJson } from '../src/render/json.js';
import { renderTable } from '../src/render/table.js';
import { cli, planOf } from './helpers.js';

/** Whole plans for canonical inputs: any change to any number shows up in review as a diff of these files. */
const CANONICAL: Record<string, RawInput> = {
  'single-server-5k': { users: 5000 },
  'cached-replicas-50k': { users: 50_000 },
  'horizontal-500k': { users: 500_000 },
  'distributed-5m': { users: 5_000_000 },
  'saas-120k-99.95': { users: 120_000, profile: 'saas', availability: 99.95 },
  'stateful-50k': { users: 50_000, stateful: true },
  'multi-region-500k-99.99': { users: 500_000, availability: 99.99 },
  'growth-50k-20pct-24m': { users: 50_000, growth: 20, months: 24 },
  'bought-250k-1y-spot': { users: 250_000, commitment: '1y', spot: 0.5, discount: 5 },
  'regions-2m-70-30': { users: 2_000_000, regions: 'us-east-1=70,eu-west-1=30' },
  'residency-2m-70-30': { users: 2_000_000, regions: 'us-east-1=70,eu-west-1=30', dataResidency: true },
};

describe('golden plans', () => {
  for (const [name, input] of Object.entries(CANONICAL)) {
    it(`${name} (JSON)`, async () => {
      await expect(renderJson(planOf(input))).toMatchFileSnapshot(`golden/${name}.json`);
    });
  }
  it('horizontal-500k (table)', async () => {
    await expect(renderTable(planOf({ users: 500_000 }), { color: false, reasons: true })).toMatchFileSnapshot(
      'golden/horizontal-500k.txt',
    );
  });
  it('--help', async () => {
    await expect((await cli(['--help'])).out).toMatchFileSnapshot('golden/help.txt');
    await expect((await cli(['plan', '--help'])).out).toMatchFileSnapshot('golden/plan-help.txt');
  });
});
