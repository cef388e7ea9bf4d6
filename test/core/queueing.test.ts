import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  erlangB,
  erlangC,
  meanWait,
  responsePercentile,
  responseTail,
  serviceLevel,
  uslPeak,
  uslThroughput,
  waitPercentile,
} from '../../src/core/queueing.js';

describe('Erlang C against the published worked examples (../shared/reference/queueing.md)', () => {
  it('example 1: λ = 360 per 1,800 s, S = 240 s, c = 55 → P(wait) 0.23870093637801, mean wait 8.184 s, 84.59 % within 15 s', () => {
    const A = (360 / 1800) * 240;
    expect(A).toBe(48);
    expect(Math.abs(erlangC(55, A) - 0.23870093637801)).toBeLessThan(1e-6);
    expect(meanWait(55, A, 240)).toBeCloseTo(8.184, 3);
    expect(serviceLevel(55, A, 240, 15)).toBeCloseTo(0.8459, 4);
  });
  it('example 2: 100 calls per 30 min, S = 180 s, c = 14 → P(wait) 0.1741319, within 20 s 0.88835, mean wait 7.8359 s, occupancy 0.7142857', () => {
    const A = (100 / 1800) * 180;
    expect(Math.abs(erlangC(14, A) - 0.1741319)).toBeLessThan(1e-6);
    expect(serviceLevel(14, A, 180, 20)).toBeCloseTo(0.88835, 5);
    expect(meanWait(14, A, 180)).toBeCloseTo(7.8359, 4);
    expect(A / 14).toBeCloseTo(0.7142857, 7);
  });
  it('example 3: 2 links, 150 packets/s, S = 10 ms → C = 9/14', () => {
    expect(Math.abs(erlangC(2, 150 * 0.01) - 9 / 14)).toBeLessThan(1e-12);
  });
  it('the wait percentile agrees with the service level it inverts', () => {
    const t = waitPercentile(55, 48, 240, 0.9);
    expect(serviceLevel(55, 48, 240, t)).toBeCloseTo(0.9, 9);
    expect(waitPercentile(55, 48, 240, 0.5)).toBe(0); // C = 0.2387 ≤ 1 − 0.5: the median request does not wait
  });
  it('one server is M/M/1: P(T > t) = e^(−(1 − ρ)t/S) and p95 = S·ln 20 / (1 − ρ)', () => {
    for (const rho of [0.3, 0.7, 0.9]) {
      expect(responseTail(1, rho, 1, 2)).toBeCloseTo(Math.exp(-(1 - rho) * 2), 12);
      expect(responsePercentile(1, rho, 1, 0.95)).toBeCloseTo(Math.log(20) / (1 - rho), 6);
    }
  });
  it('the response tail falls from 1 and the percentile inverts it', () => {
    expect(responseTail(8, 5, 0.05, 0)).toBeCloseTo(1, 12);
    const p95 = responsePercentile(8, 5, 0.05, 0.95);
    expect(responseTail(8, 5, 0.05, p95)).toBeCloseTo(0.05, 7);
  });
  it('stays stable for thousands of servers', () => {
    const c = erlangC(5000, 4900);
    expect(c).toBeGreaterThan(0);
    expect(c).toBeLessThan(1);
    expect(erlangB(5000, 4900)).toBeGreaterThan(0);
  });
  it('a saturated system always waits', () => {
    expect(erlangC(4, 4)).toBe(1);
    expect(meanWait(4, 5, 1)).toBe(Number.POSITIVE_INFINITY);
  });
  it('rejects nonsense arguments', () => {
    expect(() => erlangC(0, 1)).toThrow(RangeError);
    expect(() => erlangC(2.5, 1)).toThrow(RangeError);
    expect(() => erlangC(2, -1)).toThrow(RangeError);
  });
  it('property: more servers never raise the wait probability', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), fc.double({ min: 0, max: 500, noNaN: true }), (c, a) => {
        expect(erlangC(c + 1, a)).toBeLessThanOrEqual(erlangC(c, a) + 1e-12);
      }),
      { numRuns: 500 },
    );
  });
});

describe('Universal Scalability Law (R package usl test data)', () => {
  it('α = β = 0.02: throughput at N = 1, 2, 4, 6, 8, 10 and the peak at N = 7', () => {
    const expected: [number, number][] = [
      [1, 1],
      [2, 1.8868],
      [4, 3.0769],
      [6, 3.5294],
      [8, 3.5398],
      [10, 3.3557],
    ];
    for (const [n, x] of expected) expect(uslThroughput(n, 0.02, 0.02)).toBeCloseTo(x, 4);
    expect(Math.round(uslPeak(0.02, 0.02))).toBe(7);
  });
});
