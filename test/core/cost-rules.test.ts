import { describe, expect, it } from 'vitest';
import type { RawInput } from '../../src/core/input.js';
import { COST_RULE_KINDS } from '../../src/core/cost/rules/index.js';
import { planOf } from '../helpers.js';

/** Every cost rule, with a fixture plan where it fires: adding a rule without a fixture fails here. */
const FIRES: Record<string, RawInput> = {
  compute: { users: 5000 },
  'compute-large': { users: 500_000, mixedHardware: true },
  'load-balancer': { users: 50_000 },
  'load-balancer-capacity': { users: 50_000 },
  'database-primary': { users: 5000 },
  'database-replicas': { users: 5_000_000, database: 'multi-az' },
  'database-storage': { users: 5000 },
  'database-io': { users: 500_000, availability: 99.95 },
  'database-region-replica': { users: 2_000_000, regions: 'us-east-1=70,eu-west-1=30' },
  'database-region-replica-storage': { users: 2_000_000, regions: 'us-east-1=70,eu-west-1=30' },
  'database-region-read-replicas': { users: 5_000_000, regions: 'us-east-1=70,eu-west-1=30', database: 'multi-az' },
  'database-region-io': { users: 500_000, availability: 99.99, database: 'aurora' },
  cache: { users: 50_000 },
  'cdn-base': { users: 50_000, provider: 'azure' },
  'cdn-transfer': { users: 50_000 },
  'cdn-requests': { users: 50_000 },
  egress: { users: 5000 },
  'nat-gateway': { users: 500_000 },
  'nat-data': { users: 500_000 },
  'cross-zone': { users: 50_000 },
  'cross-region': { users: 2_000_000, regions: 'us-east-1=70,eu-west-1=30' },
  'dns-zone': { users: 5000 },
  'dns-queries': { users: 5000 },
  'dns-health-check': { users: 500_000, availability: 99.99 },
  'public-ip': { users: 5000 },
  'object-storage': { users: 5000 },
  'object-storage-replica': { users: 500_000, availability: 99.99 },
  'object-storage-replication': { users: 500_000, availability: 99.99 },
  'monitoring-metrics': { users: 5000 },
  'monitoring-logs': { users: 5000 },
  queue: { users: 5_000_000 },
  'queue-base': { users: 5_000_000, provider: 'azure' },
  deployment: { users: 5000 },
};

describe('cost rules', () => {
  it('every rule has a fixture, and every fixture names a rule', () => {
    expect(Object.keys(FIRES).sort()).toEqual([...COST_RULE_KINDS].sort());
  });

  for (const kind of COST_RULE_KINDS) {
    it(`${kind} fires on its fixture plan with a stable id, a unit and a price`, () => {
      const plan = planOf({ ...FIRES[kind]!, simulate: false });
      const lines = plan.cost.lineItems.filter((l) => l.kind === kind);
      expect(lines.length, `${kind} did not fire`).toBeGreaterThan(0);
      for (const l of lines) {
        expect(l.id.startsWith(kind)).toBe(true);
        expect(l.quantity).toBeGreaterThan(0);
        expect(Number.isFinite(l.monthly)).toBe(true);
        expect(l.unit).not.toBe('');
      }
    });
  }

  it('line ids are unique within a plan', () => {
    for (const input of Object.values(FIRES)) {
      const ids = planOf({ ...input, simulate: false }).cost.lineItems.map((l) => l.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('the buying pass splits the app servers into committed, on-demand and spot lines', () => {
    const plan = planOf({ users: 250_000, commitment: '1y', spot: 0.5, discount: 5, simulate: false });
    const ids = plan.cost.lineItems.map((l) => l.id);
    expect(ids).toEqual(expect.arrayContaining(['compute:committed', 'compute:on-demand', 'compute:spot', 'discount']));
  });
});
