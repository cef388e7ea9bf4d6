import type { Rng } from './rng.js';

export const DISTRIBUTIONS = ['exponential', 'lognormal', 'bimodal'] as const;
export type DistributionName = (typeof DISTRIBUTIONS)[number];

/** Share of slow requests and how much slower they are, for the seed's "some fast, some slow". */
export const BIMODAL = { slowShare: 0.1, slowFactor: 10 } as const;

export interface ServiceDistribution {
  name: DistributionName;
  mean: number;
  /** Coefficient of variation (standard deviation ÷ mean). */
  cv: number;
  sample(rng: Rng): number;
  /**
   * The same sampler as numbers, for the simulator's hot loop (no call through a closure): exponential
   * `-a·ln u`; lognormal `exp(a + b·z)`; bimodal `-(u < c ? b : a)·ln u′`. Absent for a hand-made sampler.
   */
  inline?: { kind: 0 | 1 | 2; a: number; b: number; c: number };
}

/** Service times with a given mean: exponential (CV 1), lognormal with a chosen CV, or bimodal fast/slow. */
export function serviceDistribution(name: DistributionName, mean: number, cv = 1): ServiceDistribution {
  switch (name) {
    case 'exponential':
      return {
        name,
        mean,
        cv: 1,
        sample: (rng) => -mean * Math.log(rng.next()),
        inline: { kind: 0, a: mean, b: 0, c: 0 },
      };
    case 'lognormal': {
      const sigma2 = Math.log(1 + cv * cv);
      const sigma = Math.sqrt(sigma2);
      const mu = Math.log(mean) - sigma2 / 2;
      return {
        name,
        mean,
        cv,
        sample: (rng) => Math.exp(mu + sigma * rng.normal()),
        inline: { kind: 1, a: mu, b: sigma, c: 0 },
      };
    }
    case 'bimodal': {
      // Each mode exponential; the fast mean chosen so the overall mean is `mean`.
      const { slowShare: p, slowFactor: f } = BIMODAL;
      const fast = mean / (1 - p + p * f);
      const slow = fast * f;
      const second = 2 * ((1 - p) * fast * fast + p * slow * slow);
      return {
        name,
        mean,
        cv: Math.sqrt(second - mean * mean) / mean,
        sample: (rng) => -(rng.next() < p ? slow : fast) * Math.log(rng.next()),
        inline: { kind: 2, a: fast, b: slow, c: p },
      };
    }
  }
}
