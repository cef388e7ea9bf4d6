// When a target cannot be met the plan says what stands in the way: the failover time counted for a lost
// region where that alone is more than the target allows (three regions reach what two do), else the SLAs.
import { describe, expect, it } from 'vitest';
import { planOf } from '../helpers.js';

const reasons = (input: Parameters<typeof planOf>[0]) => planOf({ simulate: false, ...input }).availability;

describe('why a target cannot be met', () => {
  it('99.999 % across regions: the counted DNS failover, not the region count, and more regions do not help', () => {
    const three = reasons({ users: 500_000, regions: 'us-east-1=34,us-west-2=33,eu-west-1=33', availability: 99.999 });
    const two = reasons({ users: 500_000, regions: 'us-east-1=50,us-west-2=50', availability: 99.999 });
    expect(three.meetsTarget).toBe(false);
    expect(three.estimated).toBeCloseTo(two.estimated, 4);
    const text = JSON.stringify(planOf({ users: 500_000, regions: 'us-east-1=50,us-west-2=50', availability: 99.999 }));
    expect(text).toMatch(
      /Failover time is the limit: 2\.5\d* min\/month .* more than the 0\.44 min a month 99\.999 % allows/,
    );
    expect(text).not.toMatch(/going further needs more regions/);
  });

  it('with --data-residency no region backs another up: the SLAs are the ceiling', () => {
    const text = JSON.stringify(
      planOf({ users: 500_000, regions: 'us-east-1=50,eu-west-1=50', dataResidency: true, availability: 99.999 }),
    );
    expect(text).toMatch(/The published SLAs are the ceiling; with --data-residency regions cannot back each other up/);
  });
});
