// A spread of a positive quantity never reaches below zero: where the normal interval would (a few days of
// very different request counts), it is taken on the log scale, so a range written from it reads as a plan
// input (lognormal ranges need a positive low end).
import { describe, expect, it } from 'vitest';
import { spreadOf } from '../../src/calibrate/stats.js';

describe('spreadOf', () => {
  it('keeps the normal interval where it stays positive', () => {
    const e = spreadOf([10, 11, 12, 13], 'days');
    expect(e.low).toBeGreaterThan(0);
    expect(e.interval).toBe('90 % interval of the spread over 4 days');
    expect((e.low + e.high) / 2).toBeCloseTo(e.value, 10);
  });
  it('takes the log scale where the normal interval would go below zero', () => {
    const values = [0.05, 0.1, 0.9, 0.2];
    const e = spreadOf(values, 'days');
    expect(e.low).toBeGreaterThan(0);
    expect(e.low).toBeLessThan(Math.min(...values) * 1.5);
    expect(e.high).toBeGreaterThan(Math.max(...values) * 0.9);
    expect(e.interval).toBe('90 % interval of the spread over 4 days, on the log scale');
  });
});
