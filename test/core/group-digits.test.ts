import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupDigits, groupDigitsFixed } from '../../src/core/group-digits.js';

describe('grouping digits without ICU', () => {
  it('writes what toLocaleString("en-US") writes', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), fc.integer({ min: 0, max: 3 }), (n, digits) => {
        expect(groupDigits(n, digits)).toBe(
          n.toLocaleString('en-US', { maximumFractionDigits: digits }).replace(/^-0$/, '0'),
        );
        expect(groupDigitsFixed(n, digits)).toBe(
          n
            .toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
            .replace(/^-(0(\.0+)?)$/, '$1'),
        );
      }),
      { numRuns: 20_000 },
    );
  });
  it('writes whole numbers as toLocaleString("en-US") does, at any digits', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), fc.integer({ min: 0, max: 3 }), (n, digits) => {
        expect(groupDigits(n, digits)).toBe(n.toLocaleString('en-US', { maximumFractionDigits: digits }));
      }),
      { numRuns: 20_000 },
    );
    for (const n of [0, -0, 7, -7, 999, 1000, -1000, 999_999, 1_000_000, -123_456_789, 2 ** 53 - 1, -(2 ** 53 - 1)])
      expect(groupDigits(n)).toBe(n.toLocaleString('en-US').replace(/^-0$/, '0'));
  });
  it.each([
    [1234567.891, 2, '1,234,567.89'],
    [999.5, 0, '1,000'],
    [0.05, 1, '0.1'],
    [-1500, 0, '-1,500'],
  ])('%d with %d decimals is %s', (n, d, text) => {
    expect(groupDigits(n, d)).toBe(text);
  });
});

describe('rounding on the shortest decimal, as ICU does', () => {
  it.each([
    [-410948990681.8595, 3, '-410,948,990,681.86'],
    [0.8595, 3, '0.86'],
    [2.5, 0, '3'],
    [-2.5, 0, '-3'],
    [0.0000001, 2, '0'],
    [1e21, 0, '1,000,000,000,000,000,000,000'],
  ])('%d with %d decimals is %s', (n, d, text) => {
    expect(groupDigits(n, d)).toBe(text);
    expect(groupDigits(n, d)).toBe(n.toLocaleString('en-US', { maximumFractionDigits: d }));
  });
});
