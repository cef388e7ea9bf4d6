// The network lines follow each provider's own shape: AWS runs a NAT gateway (and its Elastic IP) and an ALB
// node in each zone; Azure's Application Gateway has one frontend address and a NAT gateway per zone; Cloud NAT
// is one regional gateway billed $0.0014 per VM-hour up to 32 VMs (cloud.google.com/nat/pricing), and
// Google's load balancer has one address.
import { describe, expect, it } from 'vitest';
import { HOURS_PER_MONTH } from '../../src/core/demand.js';
import { planOf } from '../helpers.js';

const network = (provider: string, users: number) => {
  const plan = planOf({ users, provider });
  const nat = plan.cost.lineItems.find((l) => /NAT gateway|NAT: one regional gateway/.test(l.description))!;
  const ips = plan.cost.lineItems.find((l) => /public IPv4/.test(l.description))!;
  return { plan, nat, ips };
};

describe('NAT and public addresses by provider', () => {
  it('AWS: a NAT gateway and an address per zone, and an ALB node address per zone', () => {
    const { plan, nat, ips } = network('aws', 500_000);
    const zones = 3; // 500k users: the horizontal tier across three zones
    expect(plan.availability.topology).toBe('multi-az');
    expect(nat.quantity).toBe(zones * HOURS_PER_MONTH);
    expect(nat.monthly).toBeCloseTo(zones * HOURS_PER_MONTH * 0.045, 2);
    expect(ips.quantity).toBe(2 * zones * HOURS_PER_MONTH);
    expect(ips.description).toMatch(/balancer nodes and NAT gateways/);
  });

  it('Azure: one frontend address, and a NAT gateway with its address per zone', () => {
    const { plan, nat, ips } = network('azure', 500_000);
    const zones = 3; // 500k users: the horizontal tier across three zones
    expect(plan.availability.topology).toBe('multi-az');
    expect(nat.quantity).toBe(zones * HOURS_PER_MONTH);
    expect(ips.quantity).toBe((1 + zones) * HOURS_PER_MONTH);
    expect(ips.description).toMatch(/the balancer's frontend and NAT gateways/);
  });

  it('GCP: one regional Cloud NAT billed per server-hour below its cap, and two addresses', () => {
    const { plan, nat, ips } = network('gcp', 500_000);
    const servers = plan.compute.instances.average;
    expect(servers).toBeLessThan(32);
    // Hours at the capped rate, so the line's quantity × unit price is its month (as every line's is).
    expect(nat.quantity).toBeCloseTo((servers * HOURS_PER_MONTH) / 32, 1);
    expect(nat.quantity * nat.unitPrice).toBeCloseTo(nat.monthly, 2);
    expect(nat.monthly).toBeCloseTo(servers * HOURS_PER_MONTH * 0.0014, 1);
    expect(nat.description).toMatch(/one regional gateway .* \$0\.0014 per server-hour up to its \$0\.0448\/h cap/);
    expect(ips.quantity).toBe(2 * HOURS_PER_MONTH);
  });

  it('GCP: at 32 servers or more the gateway costs its capped hourly rate', () => {
    const { plan, nat } = network('gcp', 100_000_000);
    expect(plan.compute.instances.average).toBeGreaterThan(32);
    expect(nat.monthly).toBeCloseTo(HOURS_PER_MONTH * 0.0448, 2);
  });
});
