// A fleet larger than one load balancer takes as targets (AWS: 1,000 per ALB, an adjustable quota in the
// catalog's limits) is warned about, region by region; a fleet inside it is not.
import { describe, expect, it } from 'vitest';
import { planOf } from '../helpers.js';

const targetWarnings = (input: Parameters<typeof planOf>[0]) =>
  planOf({ simulate: false, ...input }).warnings.filter((w) => /load balancer takes/.test(w));

describe('servers past the balancer’s target quota', () => {
  it('50M SaaS users on AWS: the auto-scaling maximum is past 1,000 targets, and the plan says what to do', () => {
    const p = planOf({ users: 50_000_000, profile: 'saas', simulate: false });
    const max = p.compute.instances.max;
    expect(max).toBeGreaterThan(1000);
    expect(targetWarnings({ users: 50_000_000, profile: 'saas' })).toEqual([
      `us-east-1: ${max.toLocaleString('en-US')} servers at the auto-scaling maximum, and one load balancer takes 1,000 targets (the service quota "targets per ALB (adjustable)"): ask for it to be raised, or split the fleet across target groups behind more than one balancer`,
    ]);
  });
  it('500k users: no warning', () => {
    expect(targetWarnings({ users: 500_000 })).toEqual([]);
  });
});
