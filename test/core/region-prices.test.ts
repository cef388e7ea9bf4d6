import { describe, expect, it } from 'vitest';
import { priceBook } from '../../src/core/price-book.js';
import { tieredPrice } from '../../src/core/cost/tiers.js';
import { bundledCatalogs } from '../../src/pricing/bundled.js';
import { cli, planOf } from '../helpers.js';

const catalogs = bundledCatalogs();
type Plan = ReturnType<typeof planOf>;
const line = (p: Plan, id: string) => p.cost.lineItems.find((l) => l.id === id);
const ids = (p: Plan) => p.cost.lineItems.map((l) => l.id);

describe('a split across regions is billed at each region’s own prices', () => {
  const split = planOf({ users: 500_000, provider: 'aws', regions: 'us-east-1=60,ap-northeast-1=40', simulate: false });

  it('each region’s servers, balancer, cache, NAT and egress are lines of their own at that region’s rate', () => {
    const tokyo = priceBook(catalogs.aws!, 'ap-northeast-1');
    const virginia = priceBook(catalogs.aws!, 'us-east-1');
    const type = split.compute.instanceType;
    expect(line(split, 'compute@ap-northeast-1:on-demand')?.unitPrice).toBe(tokyo.item('compute', type).price);
    expect(line(split, 'compute@us-east-1:on-demand')?.unitPrice).toBe(virginia.item('compute', type).price);
    expect(tokyo.item('compute', type).price).toBeGreaterThan(virginia.item('compute', type).price);
    for (const kind of ['load-balancer', 'cache', 'nat-gateway', 'egress', 'cdn-transfer', 'public-ip']) {
      for (const code of ['us-east-1', 'ap-northeast-1']) {
        const l = line(split, `${kind}@${code}`);
        expect(l, `${kind}@${code}`).toBeDefined();
        expect(l!.description.startsWith(`${code}: `)).toBe(true);
      }
    }
    expect(line(split, 'nat-gateway@ap-northeast-1')!.unitPrice).toBe(tokyo.item('nat-gateway').price);
    expect(ids(split)).not.toContain('compute:on-demand');
    expect(split.warnings.join(' ')).not.toMatch(/priced at .* list prices/);
  });

  it('the other region’s database and its copy of the files are at that region’s prices', () => {
    const tokyo = priceBook(catalogs.aws!, 'ap-northeast-1');
    const replica = split.cost.lineItems.find((l) => l.id.startsWith('database-region-replica@ap-northeast-1'))!;
    expect(replica.unitPrice).toBe(tokyo.item('database', replica.itemId, split.database.deployment).price);
    const files = line(split, 'object-storage-replica@ap-northeast-1')!;
    expect(files.unitPrice).toBe(tokyo.item('object-storage').price);
    expect(files.quantity).toBe(line(split, 'object-storage')!.quantity); // a whole copy, not a share
  });

  it('costs more than the same split priced at Virginia’s rates, and the regions’ lines add up to the bill', () => {
    const home = planOf({ users: 500_000, provider: 'aws', regions: 'us-east-1=60,us-west-2=40', simulate: false });
    expect(split.cost.monthly.expected).toBeGreaterThan(home.cost.monthly.expected);
    const sum = split.cost.lineItems.reduce((a, l) => a + l.monthly, 0);
    expect(Math.abs(sum - split.cost.monthly.expected)).toBeLessThan(0.05 * split.cost.lineItems.length);
  });

  it('volume tiers and free allowances apply once, to the whole volume, each region paying its share', () => {
    const gb = (p: Plan, id: string) => line(p, id)!.quantity;
    const a = line(split, 'egress@us-east-1')!;
    const b = line(split, 'egress@ap-northeast-1')!;
    const whole = gb(split, 'egress@us-east-1') + gb(split, 'egress@ap-northeast-1');
    const rates = (code: string) => priceBook(catalogs.aws!, code).item('egress');
    expect(a.monthly).toBeCloseTo(0.6 * tieredPrice(rates('us-east-1'), whole).monthly, 1);
    expect(b.monthly).toBeCloseTo(0.4 * tieredPrice(rates('ap-northeast-1'), whole).monthly, 1);
    expect(a.description).toMatch(/60 % of [\d,]+ GB billed at the tiers of the whole/);
  });

  it('one instance type every region of the split sells: Arm on GCP moves off T2A where Belgium has none', () => {
    expect(priceBook(catalogs.gcp!, 'europe-west1').has('compute', 't2a-standard-4')).toBe(false);
    const alone = planOf({ users: 200_000, provider: 'gcp', arch: 'arm', simulate: false });
    expect(alone.compute.instanceType).toMatch(/^t2a-/);
    const split2 = planOf({
      users: 200_000,
      provider: 'gcp',
      arch: 'arm',
      regions: 'us-central1=50,europe-west1=50',
      simulate: false,
    });
    expect(split2.compute.instanceType).not.toMatch(/^t2a-/);
    const belgium = priceBook(catalogs.gcp!, 'europe-west1');
    expect(belgium.has('compute', split2.compute.instanceType)).toBe(true);
  });

  it('another provider prices the split in its own regions nearest to each one asked for', () => {
    const all = planOf({ users: 500_000, provider: 'all', regions: 'eu-west-1=60,ap-southeast-1=40', simulate: false });
    const regions = Object.fromEntries(all.providers!.map((p) => [p.provider, p.region]));
    expect(regions).toEqual({ aws: 'eu-west-1', gcp: 'europe-west1', azure: 'northeurope' });
  });
});

describe('a region the catalog does not price', () => {
  it('another provider’s region code: priced at this catalog’s nearest region, and the plan says so', () => {
    const p = planOf({ users: 500_000, provider: 'gcp', regions: 'us-east-1=60,eu-west-1=40', simulate: false });
    expect(p.availability.regions.map((r) => r.code)).toEqual(['us-east1', 'europe-west1']);
    expect(p.warnings.join('\n')).toMatch(
      /eu-west-1 has no prices in the Google Cloud catalog: priced at europe-west1 \(Belgium\), the nearest region it prices/,
    );
  });

  it('a split keeps its regions: a code whose nearest region the split already uses takes the next nearest', () => {
    const p = planOf({ users: 500_000, provider: 'aws', regions: 'us-east-1=50,us-east-2=50', simulate: false });
    expect(p.availability.regions.map((r) => r.code)).toEqual(['us-east-1', 'us-west-2']);
    expect(p.warnings.join('\n')).toMatch(
      /us-east-2 has no prices in .* priced at us-west-2 .* that the split does not already use/,
    );
  });

  it('a real region the bundled catalog lacks (Ohio): priced at the nearest (N. Virginia), with the warning', () => {
    const p = planOf({ users: 50_000, region: 'us-east-2', simulate: false });
    expect(p.cost.pricing.region).toBe('us-east-1');
    expect(p.warnings.join('\n')).toMatch(/us-east-2 has no prices in the .* catalog: priced at us-east-1/);
  });
});

describe('a region the catalog does not price is an input error', () => {
  it('--regions with an unknown region: one line naming the flag, exit 2', async () => {
    const r = await cli(['plan', '--users', '500k', '--regions', 'us-east-1=60,mars-1=40', '--no-simulate']);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/--regions: no aws prices for region mars-1 \(the catalog has us-east-1, /);
  });

  it('--region outside the --regions split is an input error', async () => {
    const r = await cli([
      'plan',
      '--users',
      '500k',
      '--region',
      'eu-central-1',
      '--regions',
      'us-east-1=60,eu-west-1=40',
    ]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--region: eu-central-1 is not one of the --regions split/);
  });
});
