import { describe, expect, it } from 'vitest';
import { extractRanges } from '../../src/uncertainty/extract.js';
import { looksLikeRange, parseRange, RangeInputError } from '../../src/uncertainty/range.js';
import { inverseNormal, quantile } from '../../src/uncertainty/distribution.js';

describe('the range parser', () => {
  it('reads "40k..80k" as a log-normal 90 % interval of users', () => {
    expect(parseRange('users', '40k..80k')).toEqual({
      field: 'users',
      low: 40_000,
      high: 80_000,
      distribution: 'lognormal',
      text: '40k..80k',
    });
  });
  it('takes humane numbers, decimals, an ellipsis and a distribution after the range', () => {
    expect(parseRange('serviceTime', '7.5…12.5')).toMatchObject({ low: 7.5, high: 12.5 });
    expect(parseRange('payloadKb', '30..150 uniform')).toMatchObject({ low: 30, high: 150, distribution: 'uniform' });
    expect(parseRange('users', '1.5M..3M')).toMatchObject({ low: 1_500_000, high: 3_000_000 });
  });
  it('reads a share as logit-normal, so samples stay between 0 and 1', () => {
    expect(parseRange('dauRatio', '0.1..0.4')).toMatchObject({ distribution: 'logit-normal', scale: 1 });
  });
  it('reads the file mapping {low, high, distribution}', () => {
    expect(parseRange('users', { low: '40k', high: 80000, distribution: 'normal' })).toMatchObject({
      low: 40_000,
      high: 80_000,
      distribution: 'normal',
    });
  });
  it('tells a range from a single value', () => {
    expect(looksLikeRange('40k..80k')).toBe(true);
    expect(looksLikeRange({ low: 1, high: 2 })).toBe(true);
    expect(looksLikeRange('40k')).toBe(false);
    expect(looksLikeRange(40_000)).toBe(false);
    expect(looksLikeRange('us-east-1=60,eu-west-1=40')).toBe(false);
  });
  it.each([
    ['users', '80k..40k', /low end \(80000\) must be below the high end/],
    ['users', 'lots..more', /not a range of two numbers/],
    ['availability', '99.9..99.99', /takes one value, not a range \(an availability target is a decision/],
    ['storagePerUserMb', '0..5', /log-normal range needs both ends above 0/],
    ['users', { low: 1, high: 2, shape: 'x' }, /not shape/],
    ['users', { low: 1, high: 2, distribution: 'weibull' }, /distribution: expected one of/],
  ])('refuses %s = %j naming the problem', (field, value, message) => {
    expect(() => parseRange(field, value)).toThrow(message);
    expect(() => parseRange(field, value)).toThrow(RangeInputError);
  });
  it("checks each end by the input schema's own rule for the field", () => {
    expect(() => extractRanges({ dauRatio: '0.1..1.5' })).toThrow(/the high end 1.5: must be a share between 0 and 1/);
    expect(() => extractRanges({ users: '0.5..10' })).toThrow(/the low end 0.5/);
  });
  it('takes samples and seed out of the raw input and puts each median in place of its range', () => {
    const x = extractRanges({ users: '40k..90k', samples: '500', seed: 7, profile: 'saas' });
    expect(x.samples).toBe(500);
    expect(x.seed).toBe(7);
    expect(x.base).toEqual({ users: 60_000, profile: 'saas' });
    expect(() => extractRanges({ users: '1..2', samples: 3 })).toThrow(/samples|whole number from 10/);
  });
});

describe('the distributions behind a range', () => {
  it('inverse normal matches published z values', () => {
    expect(inverseNormal(0.95)).toBeCloseTo(1.6448536, 6);
    expect(inverseNormal(0.9)).toBeCloseTo(1.2815516, 6);
    expect(inverseNormal(0.5)).toBeCloseTo(0, 9);
    expect(inverseNormal(0.001)).toBeCloseTo(-3.0902323, 5);
  });
  it.each(['lognormal', 'normal', 'uniform', 'logit-normal'] as const)(
    '%s puts low at p5 and high at p95',
    (distribution) => {
      const r = { low: 0.2, high: 0.6, distribution };
      expect(quantile(r, 0.05)).toBeCloseTo(0.2, 6);
      expect(quantile(r, 0.95)).toBeCloseTo(0.6, 6);
    },
  );
  it('a log-normal median is the geometric mean of the ends', () => {
    expect(quantile({ low: 40_000, high: 80_000, distribution: 'lognormal' }, 0.5)).toBeCloseTo(
      Math.sqrt(40_000 * 80_000),
      6,
    );
  });
});

describe('a range with three dots', () => {
  it('is refused with the way to write it, not read as a high end of ".80k" (800)', () => {
    expect(() => parseRange('users', '40k...80k')).toThrow(
      /"40k\.\.\.80k": write a range as low\.\.high, with two dots/,
    );
    expect(parseRange('users', '40k..80k')).toMatchObject({ low: 40_000, high: 80_000 });
  });
});

describe('text fields are never ranges', () => {
  it('a name written like a range is that name; a number field still is a range', () => {
    const x = extractRanges({ users: '40k..80k', name: 'shop..v2' });
    expect(x.base.name).toBe('shop..v2');
    expect(x.ranges.map((r) => r.field)).toEqual(['users']);
  });
});
