import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simulateStrategy } from '../../src/simulate/simulate.js';
import { REFERENCE_CASES, REFERENCE_STRATEGIES } from './reference-cases.js';

const recorded = JSON.parse(readFileSync(new URL('./reference-results.json', import.meta.url), 'utf8')) as Record<
  string,
  Record<string, unknown>
>;

describe('the simulator gives, bit for bit, the figures recorded before it was made faster', () => {
  for (const [name, options] of Object.entries(REFERENCE_CASES)) {
    it(name, () => {
      for (const strategy of REFERENCE_STRATEGIES)
        expect(simulateStrategy(strategy, options), strategy).toStrictEqual(recorded[name]![strategy]);
    });
  }
});
