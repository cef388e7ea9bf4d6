import { describe, expect, it } from 'vitest';
import { cli, planOf } from '../helpers.js';

describe('capacity-plan simulate', () => {
  it('compares every strategy on the same traffic, as a table', async () => {
    const r = await cli(['simulate', '--servers', '8', '--requests', '20000']);
    expect(r.code).toBe(0);
    for (const s of ['round-robin', 'least-connections', 'power-of-two', 'ip-hash', 'weighted', 'random'])
      expect(r.out).toContain(s);
    expect(r.out).toMatch(/Theory for these servers: one shared queue \(M\/M\/8/);
  });
  it('JSON has {strategies: [{strategy, meanMs, p50Ms, p95Ms, p99Ms, maxQueue, shares[]}]}', async () => {
    const r = await cli([
      'simulate',
      '--servers',
      '4',
      '--requests',
      '10000',
      '--strategy',
      'least-connections',
      '--json',
    ]);
    const j = JSON.parse(r.out);
    expect(j.strategies).toHaveLength(1);
    expect(Object.keys(j.strategies[0])).toEqual(
      expect.arrayContaining(['strategy', 'meanMs', 'p50Ms', 'p95Ms', 'p99Ms', 'maxQueue', 'shares', 'imbalance']),
    );
    expect(j.strategies[0].shares).toHaveLength(4);
  });
  it('the same --seed gives byte-identical output', async () => {
    const args = [
      'simulate',
      '--servers',
      '6',
      '--requests',
      '10000',
      '--seed',
      '42',
      '--distribution',
      'lognormal',
      '--json',
    ];
    expect((await cli(args)).out).toBe((await cli(args)).out);
  });
  it('--speeds gives heterogeneous servers; weighted follows them', async () => {
    const j = JSON.parse(
      (await cli(['simulate', '--speeds', '1,1,2', '--strategy', 'weighted', '--requests', '20000', '--json'])).out,
    );
    expect(j.parameters.servers).toBe(3);
    expect(j.strategies[0].shares[2]).toBeCloseTo(0.5, 2);
  });
  it('--rps sets the rate instead of --utilization; --curve follows a daily curve', async () => {
    const j = JSON.parse(
      (
        await cli([
          'simulate',
          '--servers',
          '10',
          '--rps',
          '100',
          '--service-time',
          '50',
          '--requests',
          '10000',
          '--curve',
          'machine-steady',
          '--peak-factor',
          '1.5',
          '--json',
        ])
      ).out,
    );
    expect(j.parameters.utilization).toBeCloseTo(0.5, 6);
    expect(j.parameters.curve).toBe(true);
  });
  it.each([
    [['--servers', '0'], /--servers: must be at least 1/],
    [['--utilization', '1'], /--utilization: utilisation 1.000 is 1 or more/],
    [['--utilization', '1.5'], /queues grow without bound/],
    [['--service-time', '-5'], /--service-time: must be above 0/],
    [['--service-time', '0'], /--service-time/],
    [['--distribution', 'pareto'], /--distribution: expected one of exponential, lognormal, bimodal/],
    [['--strategy', 'fastest'], /--strategy: expected all or one of/],
    [['--requests', '10'], /--requests: must be at least 1000/],
    [['--speeds', '1,0,2'], /--speeds: every speed must be above 0/],
    [['--speeds', '1,x'], /--speeds/],
    [['--servers', '3', '--speeds', '1,2'], /--servers 3 and --speeds \(2 servers\) disagree/],
    [['--utilization', '0.5', '--rps', '10'], /give one/],
    [['--curve', 'consumer-evening', '--utilization', '0.5'], /at the busiest hour/],
  ])('bad parameters %j are exit 2 with the reason', async (args, message) => {
    const r = await cli(['simulate', ...args]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(message);
  });
  it('--allow-unstable runs an unstable fleet with a warning', async () => {
    const r = await cli([
      'simulate',
      '--servers',
      '2',
      '--utilization',
      '1.1',
      '--allow-unstable',
      '--requests',
      '5000',
      '--strategy',
      'round-robin',
    ]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/warning: utilisation 1.100 is unstable/);
  });
});

describe('the plan backs its balancer pick with a simulation', () => {
  it("least connections for variable durations, citing p99 against round robin on the plan's own fleet", () => {
    const p = planOf({ users: 300_000, profile: 'ecommerce' });
    expect(p.loadBalancing.strategy).toBe('least-connections');
    const sim = p.loadBalancing.simulation!;
    expect(sim.servers).toBe(p.compute.instances.expected);
    expect(sim.concurrency).toBe(p.compute.vcpus);
    expect(sim.results.map((r) => r.strategy)).toEqual(['least-connections', 'round-robin']);
    expect(p.loadBalancing.reasons.at(-1)).toMatch(
      /^Simulated on this fleet at peak .*least-connections p99 [\d.]+ ms vs [\d.]+ ms with round-robin/,
    );
  });
  it('--no-simulate skips it; a single server has nothing to simulate', async () => {
    expect(planOf({ users: 300_000, simulate: false }).loadBalancing.simulation).toBeNull();
    expect(planOf({ users: 3000 }).loadBalancing.simulation).toBeNull();
    const r = await cli(['plan', '--users', '300k', '--no-simulate', '--json']);
    expect(JSON.parse(r.out).loadBalancing.simulation).toBeNull();
  });
});
