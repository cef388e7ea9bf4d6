import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { planFromRaw } from '../../src/core/plan.js';
import { bundledCatalogs } from '../../src/pricing/bundled.js';
import { providerIds, registerProvider, unregisterProvider } from '../../src/providers/registry.js';
import { cli } from '../helpers.js';
import { moon } from './moon-pack.js';

/** A provider is one folder, one catalog and one registry line: here, a test fixture and one call. */
describe('a fourth provider registered from test fixtures alone', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cp-moon-'));
  const env = { NO_COLOR: '1', XDG_DATA_HOME: dir };
  beforeAll(() => registerProvider(moon));
  afterAll(() => unregisterProvider('moon'));

  it('joins every provider list', async () => {
    expect(providerIds()).toEqual(['aws', 'gcp', 'azure', 'moon']);
    const list = await cli(['pricing', 'list', '--format', 'json'], { env });
    expect(JSON.parse(list.out).providers.map((p: { provider: string }) => p.provider)).toContain('moon');
    const schema = JSON.parse((await cli(['schema', 'input'], { env })).out);
    expect(schema.properties.provider.enum).toEqual(['aws', 'gcp', 'azure', 'moon', 'all']);
  });

  it('plans and prices on its own catalog, with its own balancer settings and paired region', () => {
    const plan = planFromRaw({ users: 500_000, provider: 'moon', availability: 99.99 }, bundledCatalogs());
    expect(plan.cost.pricing).toMatchObject({ provider: 'moon', region: 'mare-1' });
    expect(plan.cost.lineItems.every((l) => l.itemId.startsWith('lunar-') || l.kind === 'deployment')).toBe(true);
    expect(plan.loadBalancing.configuration?.provider.service).toBe('Lunar Load Balancer');
    expect(plan.availability.regions.map((r) => r.code)).toEqual(['mare-1', 'mare-2']);
    expect(plan.cost.monthly.expected).toBeGreaterThan(0);
  });

  it('is priced beside the others with --provider all', async () => {
    const r = await cli(['plan', '--users', '50k', '--provider', 'all', '--format', 'json'], { env });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).providers.map((p: { provider: string }) => p.provider)).toEqual([
      'aws',
      'gcp',
      'azure',
      'moon',
    ]);
  });

  it('exports every target', async () => {
    const out = join(dir, 'export');
    const r = await cli(['export', 'all', '--users', '500k', '--provider', 'moon', '-o', out], { env });
    expect(r.code, r.err).toBe(0);
    const arch = parse(readFileSync(join(out, 'architecture.yaml'), 'utf8'));
    expect(arch.metadata.pricing.provider).toBe('moon');
    expect(readdirSync(join(out, 'kubernetes')).length).toBeGreaterThan(3);
  });

  it('diffs two plans on it', async () => {
    writeFileSync(join(dir, 'a.yaml'), 'users: 50k\nprovider: moon\n');
    writeFileSync(join(dir, 'b.yaml'), 'users: 500k\nprovider: moon\n');
    const r = await cli(['diff', 'a.yaml', 'b.yaml', '--format', 'json'], { env, cwd: dir });
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out).cost.delta).toBeGreaterThan(0);
  });

  it('refreshes its prices from its own API through the shared refresher command', async () => {
    const server = createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(req.url === '/v1/prices.json' ? JSON.stringify({ 'mare-1': { 'lunar-m7i-large': 0.123 } }) : '{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const r = await cli(['pricing', 'update', 'moon', '--endpoint', endpoint], { env });
      expect(r.code, r.err).toBe(0);
      const show = JSON.parse((await cli(['pricing', 'show', 'moon', '--format', 'json'], { env })).out);
      expect(show.items.find((i: { id: string }) => i.id === 'lunar-m7i-large')).toMatchObject({
        price: 0.123,
        confidence: 'V',
      });
    } finally {
      server.close();
    }
  });
});
