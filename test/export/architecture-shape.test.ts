import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROFILE_NAMES } from '../../src/core/profiles.js';
import { architectureSchema } from '../../src/export/architecture-schema.js';
import { architectureDocument } from '../../src/export/architecture.js';
import { planOf } from '../helpers.js';

/**
 * The exporter builds architecture.yaml without re-checking it at run time: this is that check, over
 * generated plans on every provider, in one region and in two. Parsing must accept the document and give
 * it back unchanged, key order included (the file's bytes are the document's).
 */
const input = fc.record(
  {
    users: fc.integer({ min: 1, max: 50_000_000 }),
    profile: fc.constantFrom(...PROFILE_NAMES),
    provider: fc.constantFrom('aws', 'gcp', 'azure'),
    availability: fc.constantFrom(undefined, 99, 99.9, 99.95, 99.99, 99.999),
    stateful: fc.boolean(),
    mixedHardware: fc.boolean(),
    deploy: fc.constantFrom('auto', 'blue-green', 'rolling', 'canary'),
    commitment: fc.constantFrom('on-demand', '1y', '3y'),
    twoRegions: fc.boolean(),
    simulate: fc.constant(false),
  },
  { requiredKeys: ['users', 'profile', 'provider', 'twoRegions', 'simulate'] },
);
const SPLIT = {
  aws: 'us-east-1=60,eu-west-1=40',
  gcp: 'us-central1=60,europe-west1=40',
  azure: 'eastus=60,westeurope=40',
};

describe('architecture.yaml against its published schema', () => {
  it('every generated plan gives a document the schema accepts and returns unchanged', () => {
    fc.assert(
      fc.property(input, ({ twoRegions, ...rest }) => {
        const plan = planOf({ ...rest, ...(twoRegions ? { regions: SPLIT[rest.provider] } : {}) });
        const doc = architectureDocument(plan, { name: 'shop', version: '0.0.0-test' });
        const parsed = architectureSchema.safeParse(doc);
        expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
        expect(JSON.stringify(parsed.data)).toBe(JSON.stringify(doc));
      }),
      { numRuns: 120 },
    );
  });
  it('a document off the schema is caught (the check can fail)', () => {
    const doc = architectureDocument(planOf({ users: 500_000 }), { name: 'shop', version: '0.0.0-test' });
    expect(architectureSchema.safeParse({ ...doc, spec: { ...doc.spec, tier: 'huge' } }).success).toBe(false);
    expect(architectureSchema.safeParse({ ...doc, extra: 1 }).success).toBe(false);
  });
});
