import { describe, expect, it } from 'vitest';
import { STATELESS_RULES } from '../../src/core/load-balancing.js';
import { HOURS_PER_MONTH } from '../../src/core/demand.js';
import { planOf } from '../helpers.js';

describe('seed: scaling timeline', () => {
  it.each([
    [1, 'single-server'],
    [9_999, 'single-server'],
    [10_000, 'cached-replicas'],
    [99_999, 'cached-replicas'],
    [100_000, 'horizontal'],
    [999_999, 'horizontal'],
    [1_000_000, 'distributed'],
    [50_000_000, 'distributed'],
  ])('%d monthly users is tier %s', (users, tier) => {
    expect(planOf({ users }).tier.id).toBe(tier);
  });

  it('under 10k users: one application server, one database, no load balancer', () => {
    const p = planOf({ users: 5000 });
    expect(p.compute.instances).toMatchObject({ min: 1, expected: 1, max: 1 });
    expect(p.database.readReplicas).toBe(0);
    expect(p.loadBalancing.strategy).toBe('none');
    expect(p.cache).toBeNull();
    expect(p.cdn).toBeNull();
  });

  it('10k–100k users: load balancer, Redis cache, database with read replicas, CDN for static assets', () => {
    const p = planOf({ users: 50_000 });
    expect(p.loadBalancing.strategy).not.toBe('none');
    expect(['redis', 'valkey']).toContain(p.cache?.engine); // Valkey speaks the Redis protocol, and is cheaper where sold
    // "Database with read replicas" is read scaling: the primary carries 50k users' reads at 2 %, so the plan
    // says so and adds replicas when the reads pass the line (the 5M plan below has them).
    expect(p.database.readReplicas).toBe(0);
    expect(p.database.reasons.join('\n')).toMatch(/"database with read replicas" is read scaling/);
    expect(planOf({ users: 5_000_000, database: 'multi-az' }).database.readReplicas).toBeGreaterThanOrEqual(2);
    expect(p.cdn).not.toBeNull();
    expect(p.compute.instances.expected).toBeGreaterThanOrEqual(2);
    expect(p.compute.instances.expected).toBeLessThanOrEqual(3);
  });

  it('100k–1M users: auto-scaled fleet, Redis primary + replicas, multiple read replicas, CDN, monitoring', () => {
    const p = planOf({ users: 500_000 });
    expect(p.autoscaling).not.toBeNull();
    expect(p.cache?.replicasPerShard).toBeGreaterThanOrEqual(1);
    // Aurora's replica is both the failover target and a reader; more come when the reads need them.
    expect(p.database.readReplicas).toBeGreaterThanOrEqual(1);
    expect(p.database.reasons.join('\n')).toMatch(/failover target|readers/);
    expect(p.cdn).not.toBeNull();
    expect(p.cost.lineItems.some((l) => l.component === 'monitoring')).toBe(true);
  });

  it('1M+ users: multiple availability zones, database sharding, message queues, distributed cache', () => {
    const p = planOf({ users: 5_000_000 });
    expect(p.availability.zones).toBeGreaterThanOrEqual(3);
    // Sharding is readiness until a limit needs it: one primary carries 5M users' writes; the plan names the
    // shard key and the users at which sharding becomes necessary, and shards past them.
    expect(p.database.shards).toBe(1);
    expect(p.database.sharding.key).toBe('user_id');
    const necessary = p.database.sharding.necessaryAtUsers!;
    expect(necessary).toBeGreaterThan(5_000_000);
    expect(planOf({ users: Math.ceil(necessary * 1.2) }).database.shards).toBeGreaterThanOrEqual(2);
    expect(p.queue).not.toBeNull();
    expect(p.cache?.shards).toBeGreaterThanOrEqual(2);
    expect(p.compute.instances.expected).toBeGreaterThanOrEqual(10);
  });

  it.each([
    [5_000, 50, 200],
    [50_000, 500, 1500],
    [500_000, 3000, 10_000],
    [5_000_000, 20_000, 100_000],
  ])('the default web-app profile at %d users lands inside the seed band $%d–$%d', (users, low, high) => {
    const p = planOf({ users });
    expect(p.cost.monthly.expected).toBeGreaterThanOrEqual(low);
    expect(p.cost.monthly.expected).toBeLessThanOrEqual(high);
    expect(p.cost.referenceBand).toMatchObject({ low, high, comparison: 'inside' });
  });
});

describe('seed: vertical vs horizontal', () => {
  it("start vertical: the single-server tier scales up, with the seed's pros and cons as reasons", () => {
    const p = planOf({ users: 5000 });
    expect(p.tier.scaling).toBe('vertical');
    expect(p.tier.reasons.join(' ')).toMatch(/Start vertical/);
    expect(p.tier.reasons.join(' ')).toMatch(/stateless/);
  });

  it('a bigger load on one server picks a bigger instance, not a second server', () => {
    const small = planOf({ users: 2000 });
    const busy = planOf({ users: 9000, serviceTime: 400, latencyTarget: 2000 });
    expect(busy.tier.id).toBe('single-server');
    expect(busy.compute.vcpus * busy.compute.utilizationAtPeak).toBeGreaterThan(
      small.compute.vcpus * small.compute.utilizationAtPeak,
    );
    expect(busy.compute.instanceType).not.toBe(small.compute.instanceType);
  });

  it('demand beyond the largest single server moves the design up, with a reason', () => {
    const p = planOf({ users: 9000, serviceTime: 3000, latencyTarget: 10_000 });
    expect(p.tier.id).not.toBe('single-server');
    expect(p.tier.reasons.join(' ')).toMatch(/Demand moves the design up/);
  });

  it("horizontal tiers scale out, with the seed's reasons", () => {
    const p = planOf({ users: 500_000 });
    expect(p.tier.scaling).toBe('horizontal');
    expect(p.tier.reasons.join(' ')).toMatch(/no single point of failure/);
  });
});

describe('seed: statelessness', () => {
  it('a --stateful app gets IP hash only as a migration aid, with the rules it breaks listed', () => {
    const p = planOf({ users: 50_000, stateful: true });
    expect(p.loadBalancing.strategy).toBe('ip-hash');
    expect(p.loadBalancing.reasons.join(' ')).toMatch(/migrat/);
    expect(p.loadBalancing.breaksStatelessRules).toEqual(STATELESS_RULES.slice(0, 3));
    expect(p.warnings.join(' ')).toMatch(/--stateful breaks the statelessness rules/);
  });

  it("the seed's five rules are all there", () => {
    expect(STATELESS_RULES).toHaveLength(5);
  });
});

describe('seed: load-balancing strategy', () => {
  it('one server needs no balancer', () => {
    expect(planOf({ users: 3000 }).loadBalancing.strategy).toBe('none');
  });
  it('identical servers and similar request durations pick round robin', () => {
    const p = planOf({ users: 50_000, profile: 'web-app' });
    expect(p.loadBalancing.strategy).toBe('round-robin');
    expect(p.loadBalancing.reasons[0]).toMatch(/web-app profile/);
  });
  it('variable request durations pick least connections, naming the input that decided', () => {
    const byProfile = planOf({ users: 50_000, profile: 'saas' });
    expect(byProfile.loadBalancing.strategy).toBe('least-connections');
    expect(byProfile.loadBalancing.reasons[0]).toMatch(/saas profile/);
    const byFlag = planOf({ users: 50_000, requestDurations: 'variable' });
    expect(byFlag.loadBalancing.strategy).toBe('least-connections');
    expect(byFlag.loadBalancing.reasons[0]).toMatch(/--request-durations/);
  });
  it('mixed hardware picks weighted', () => {
    expect(planOf({ users: 50_000, mixedHardware: true }).loadBalancing.strategy).toBe('weighted');
  });
  it('canary deployments pick weighted routing', () => {
    const p = planOf({ users: 500_000, deploy: 'canary' });
    expect(p.loadBalancing.strategy).toBe('weighted');
    expect(p.loadBalancing.reasons.join(' ')).toMatch(/canary/);
  });
  it('the strategy comes with its setting on the provider balancer, nginx and HAProxy', () => {
    const c = planOf({ users: 50_000, profile: 'saas' }).loadBalancing.configuration!;
    expect(c.provider.setting).toMatch(/least_outstanding_requests/);
    expect(c.nginx).toMatch(/least_conn/);
    expect(c.haproxy).toBe('balance leastconn');
  });
});

describe('seed: health checks', () => {
  it('/health checks the database and the cache, answers 200 or 503, polled every 10 s', () => {
    const h = planOf({ users: 50_000 }).healthCheck;
    expect(h).toMatchObject({ path: '/health', intervalSeconds: 10, healthyStatus: 200, unhealthyStatus: 503 });
    expect(h.checks.join(' ')).toMatch(/database/);
    expect(h.checks.join(' ')).toMatch(/cache/);
    expect(h.timeoutSeconds).toBeLessThan(h.intervalSeconds);
  });
});

describe('seed: auto-scaling', () => {
  it('the target is held under 60 % where queueing sized the fleet cooler (a zone lost): 60 % would scale it in at peak', () => {
    const p = planOf({ users: 500_000, profile: 'ecommerce' });
    expect(p.compute.boundBy).toBe('zone failure');
    const planned = Math.round(p.compute.utilizationAtPeak * 1000) / 10;
    expect(planned).toBeLessThan(60);
    expect(p.autoscaling!.targetCpuPercent).toBe(planned);
    // Tracking the target keeps the peak fleet: ⌈servers × utilisation ÷ target⌉ is the fleet itself.
    const held = Math.ceil((p.compute.instances.expected * p.compute.utilizationAtPeak) / (planned / 100) - 1e-9);
    expect(held).toBe(p.compute.instances.expected);
    expect(p.autoscaling!.reasons.join('\n')).toMatch(
      new RegExp(
        `Target CPU ${planned} %, not the scaling guide's 60 %: the ${p.compute.instances.expected} servers at peak run at ${planned} % .* tracking 60 % would scale them in to 7`,
      ),
    );
  });

  it('a single server has no auto-scaling', () => {
    expect(planOf({ users: 5000 }).autoscaling).toBeNull();
  });
  it('out at CPU > 70 % for 5 min, queue > 100 or p95 > 1 s; in at CPU < 30 % for 10 min; min 2; target 60 %; +2/−1; cooldown 5 min', () => {
    const a = planOf({ users: 500_000 }).autoscaling!;
    expect(a.minInstances).toBeGreaterThanOrEqual(2);
    expect(a.targetCpuPercent).toBe(60);
    expect(a.scaleOut.adjustment).toBe(2);
    expect(a.scaleIn.adjustment).toBe(-1);
    expect(a.cooldownSeconds).toBe(300);
    expect(a.scaleOut.when).toEqual([
      { metric: 'cpuPercent', operator: '>', threshold: 70, forMinutes: 5 },
      { metric: 'queueDepth', operator: '>', threshold: 100, forMinutes: null },
      { metric: 'p95LatencyMs', operator: '>', threshold: 1000, forMinutes: null },
    ]);
    expect(a.scaleIn.when).toEqual([{ metric: 'cpuPercent', operator: '<', threshold: 30, forMinutes: 10 }]);
  });
  it('peak utilisation stays at or below the 70 % scale-out line', () => {
    for (const users of [20_000, 300_000, 3_000_000])
      expect(planOf({ users }).compute.utilizationAtPeak).toBeLessThanOrEqual(0.7);
  });
});

describe('seed: deployment', () => {
  it('blue-green doubles the app servers for the deploy window, and says what that costs', () => {
    const p = planOf({ users: 50_000, deploy: 'blue-green', deploysPerMonth: 10 });
    expect(p.deployment.strategy).toBe('blue-green');
    expect(p.deployment.extraServersWhileDeploying).toBe(p.compute.instances.expected);
    const hourly = p.cost.lineItems.find((l) => l.component === 'compute')!.unitPrice;
    expect(p.deployment.extraMonthlyCost).toBeCloseTo(p.compute.instances.expected * hourly * 0.5 * 10, 2);
    expect(p.cost.lineItems.some((l) => l.component === 'deployment')).toBe(true);
  });
  it('rolling needs no extra infrastructure', () => {
    const p = planOf({ users: 500_000, deploy: 'rolling' });
    expect(p.deployment.extraMonthlyCost).toBe(0);
    expect(p.deployment.batchSize).toBeGreaterThanOrEqual(1);
  });
  it('canary sends 5 % first and widens', () => {
    const p = planOf({ users: 5_000_000 });
    expect(p.deployment.strategy).toBe('canary');
    expect(p.deployment.reasons.join(' ')).toMatch(/5 %/);
  });
  it('auto picks blue-green for one or two servers and rolling for a fleet', () => {
    expect(planOf({ users: 5000 }).deployment.strategy).toBe('blue-green');
    expect(planOf({ users: 500_000 }).deployment.strategy).toBe('rolling');
  });
});

describe('seed: availability and geography', () => {
  it('an explicit target is met, naming the changes it took', () => {
    const p = planOf({ users: 50_000, availability: 99.95 });
    expect(p.availability.meetsTarget).toBe(true);
    expect(p.availability.estimated).toBeGreaterThanOrEqual(99.95);
    expect(p.availability.changes.length).toBeGreaterThan(0);
  });
  it('an availability target beyond one server moves the design up', () => {
    const p = planOf({ users: 5000, availability: 99.9 });
    expect(p.tier.id).toBe('cached-replicas');
    expect(p.tier.reasons.join(' ')).toMatch(/--availability 99.9/);
  });
  it('99.99 % needs a second region: primary database in one, a promotable replica in the other', () => {
    const p = planOf({ users: 500_000, availability: 99.99 });
    expect(p.availability.topology).toBe('multi-region');
    expect(p.availability.regions.map((r) => r.database)).toEqual(['primary', 'read replica (promotable)']);
    expect(p.availability.routing).toMatch(/latency/);
  });
  it('--regions puts the primary in the largest region', () => {
    const p = planOf({ users: 500_000, regions: 'eu-west-1=30,us-east-1=70' });
    expect(p.availability.regions[0]).toMatchObject({ code: 'us-east-1', role: 'primary', share: 70 });
    expect(p.availability.regions[1]).toMatchObject({ code: 'eu-west-1', role: 'secondary' });
  });
  it('every component carries its SLA and source', () => {
    for (const c of planOf({ users: 500_000 }).availability.components) {
      expect(c.sla).toBeGreaterThan(90);
      expect(c.source.length).toBeGreaterThan(3);
    }
  });
});

describe('cost', () => {
  it('a month is 730 hours', () => {
    expect(HOURS_PER_MONTH).toBe(730);
    const lb = planOf({ users: 50_000 }).cost.lineItems.find((l) => l.itemId === 'application-load-balancer')!;
    expect(lb.quantity).toBe(730);
  });
  it('line items add up to the expected total', () => {
    const p = planOf({ users: 500_000 });
    const sum = p.cost.lineItems.reduce((a, l) => a + l.monthly, 0);
    expect(p.cost.monthly.expected).toBeCloseTo(sum, 0);
  });
  it('low ≤ expected ≤ high', () => {
    const m = planOf({ users: 500_000 }).cost.monthly;
    expect(m.low).toBeLessThanOrEqual(m.expected);
    expect(m.expected).toBeLessThanOrEqual(m.high);
  });
  it('a commitment discounts only the always-on minimum; spot only what runs above it', () => {
    const base = planOf({ users: 500_000 });
    const committed = planOf({ users: 500_000, commitment: '1y' });
    const spot = planOf({ users: 500_000, spot: 1 });
    expect(committed.cost.monthly.expected).toBeLessThan(base.cost.monthly.expected);
    expect(spot.cost.monthly.expected).toBeLessThan(base.cost.monthly.expected);
    expect(spot.cost.monthly.low).toBe(base.cost.monthly.low);
  });
  it('a negotiated discount takes its share off the whole bill', () => {
    const base = planOf({ users: 500_000 });
    const discounted = planOf({ users: 500_000, discount: 10 });
    expect(discounted.cost.monthly.expected).toBeCloseTo(base.cost.monthly.expected * 0.9, 0);
  });
  it('recalled (U) prices are flagged in the plan', () => {
    // Azure's Cache for Redis Standard C5 is still recalled (research/prices/VERIFY.md); a 50k-user SaaS plan uses it.
    expect(planOf({ users: 50_000, provider: 'azure', profile: 'saas' }).warnings.join(' ')).toMatch(
      /confidence U\): C5-standard/,
    );
  });
});

describe('demand', () => {
  it('monthly users → daily users → requests per day → average and peak requests per second', () => {
    const p = planOf({
      users: 100_000,
      dauRatio: 0.2,
      requestsPerUser: 100,
      peakFactor: 3,
      payloadKb: 100,
      storagePerUserMb: 5,
    });
    expect(p.demand.dailyActiveUsers).toBe(20_000);
    expect(p.demand.requestsPerDay).toBe(2_000_000);
    expect(p.demand.averageRps).toBeCloseTo(2_000_000 / 86_400, 2);
    expect(p.demand.peakRps).toBeCloseTo((3 * 2_000_000) / 86_400, 2);
    expect(p.demand.egressGbPerMonth).toBeCloseTo((2_000_000 * (730 / 24) * 100) / 1e6, 0);
    expect(p.demand.storageGb).toBe(500);
  });
  it('a latency target that service time alone exceeds is refused, naming the field', () => {
    expect(() => planOf({ users: 1000, serviceTime: 600, latencyTarget: 500 })).toThrow(/cannot be met/);
  });
});
