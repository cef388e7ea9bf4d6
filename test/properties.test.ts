import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PROFILE_NAMES } from '../src/core/profiles.js';
import { renderJson } from '../src/render/json.js';
import { renderYaml } from '../src/render/yaml.js';
import { cli, planOf } from './helpers.js';

const validInput = fc.record(
  {
    users: fc.integer({ min: 1, max: 200_000_000 }),
    profile: fc.constantFrom(...PROFILE_NAMES),
    availability: fc.constantFrom(undefined, 99, 99.5, 99.9, 99.95, 99.99, 99.999),
    stateful: fc.boolean(),
    mixedHardware: fc.boolean(),
    deploy: fc.constantFrom('auto', 'blue-green', 'rolling', 'canary'),
    commitment: fc.constantFrom('on-demand', '1y', '3y'),
    spot: fc.double({ min: 0, max: 1, noNaN: true }),
    discount: fc.double({ min: 0, max: 60, noNaN: true }),
    peakFactor: fc.double({ min: 1, max: 10, noNaN: true }),
    readRatio: fc.double({ min: 0, max: 1, noNaN: true }),
    // The balancer simulation only adds evidence to a reason; these properties are about the design and its cost.
    simulate: fc.constant(false),
  },
  { requiredKeys: ['users', 'profile', 'simulate'] },
);

describe('properties of the planner', () => {
  it('no schema-valid input makes the planner throw', () => {
    fc.assert(
      fc.property(validInput, (input) => {
        planOf(input);
      }),
      { numRuns: 300 },
    );
  });

  it('capacity at peak covers peak demand, at or below the 70 % line', () => {
    fc.assert(
      fc.property(validInput, (input) => {
        const p = planOf(input);
        // Mixed hardware: the fleet's vCPUs are those of its two sizes.
        const vcpus = p.compute.sizes
          ? p.compute.sizes.reduce((a, s) => a + s.instances.expected * s.vcpus, 0)
          : p.compute.instances.expected * p.compute.vcpus;
        const capacity = vcpus * 0.7;
        expect(capacity + 1e-9).toBeGreaterThanOrEqual(p.demand.peakCpuDemandVcpus - 1e-3);
        expect(p.compute.utilizationAtPeak).toBeLessThanOrEqual(0.7 + 1e-3);
        expect(p.compute.instances.min).toBeLessThanOrEqual(p.compute.instances.expected);
        expect(p.compute.instances.expected).toBeLessThanOrEqual(p.compute.instances.max);
      }),
      { numRuns: 300 },
    );
  });

  it('cost never falls when users grow, all else equal', () => {
    fc.assert(
      fc.property(validInput, fc.integer({ min: 1, max: 5_000_000 }), (input, more) => {
        const a = planOf(input);
        const b = planOf({ ...input, users: input.users + more });
        expect(b.cost.monthly.expected + 0.01).toBeGreaterThanOrEqual(a.cost.monthly.expected);
      }),
      { numRuns: 300 },
    );
  });

  it('the estimate never exceeds the region-level SLA inside one region', () => {
    fc.assert(
      fc.property(validInput, (input) => {
        const p = planOf(input);
        if (p.availability.topology !== 'multi-region') expect(p.availability.estimated).toBeLessThanOrEqual(99.99);
      }),
      { numRuns: 200 },
    );
  });

  it('a target that is met is really met by the estimate', () => {
    fc.assert(
      fc.property(validInput, (input) => {
        const p = planOf(input);
        if (p.availability.meetsTarget) expect(p.availability.estimated).toBeGreaterThanOrEqual(p.availability.target!);
      }),
      { numRuns: 200 },
    );
  });

  it('the YAML and JSON forms of a plan agree', () => {
    fc.assert(
      fc.property(validInput, (input) => {
        const p = planOf(input);
        expect(parse(renderYaml(p))).toEqual(JSON.parse(renderJson(p)));
      }),
      { numRuns: 100 },
    );
  });
});

describe('properties of the command line', () => {
  const flags = [
    '--users',
    '--availability',
    '--dau-ratio',
    '--peak-factor',
    '--spot',
    '--discount',
    '--months',
    '--growth',
    '--regions',
    '--provider',
    '--profile',
    '--format',
    '--service-time',
  ];
  it('every malformed value is exit 2 with one line and no stack trace', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...flags),
        fc.oneof(
          fc.string(),
          fc.constantFrom('-1', 'NaN', 'Infinity', '1e400', '0x10', '', ' ', '99.9999999', '1,2,3', '=', 'us-east-1='),
        ),
        async (flag, value) => {
          const args = flag === '--users' ? ['plan', '--users', value] : ['plan', '--users', '5000', flag, value];
          const r = await cli(args);
          if (r.code === 0) return; // some random strings are valid values (e.g. " 5" for --months)
          expect(r.code).toBe(2);
          expect(r.err).not.toMatch(/\n\s+at .+:\d+:\d+/);
          expect(r.out).toBe('');
        },
      ),
      { numRuns: 300 },
    );
  });
});
