// The plan's YAML form (`plan --format yaml`) is written by our emitter (src/yaml-emit/): the bytes the `yaml`
// package's stringify (YAML 1.1, no line width, no aliases) wrote for it before, on every plan of a sweep —
// providers × sizes × profiles and flags, whole plans with the cost of nines and the growth projection, every
// provider side by side, data residency, the balancer simulation and plans over ranges — and it reads back
// as the JSON form does.
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { planFromRaw } from '../../src/core/plan.js';
import type { PlanDocument } from '../../src/core/plan-document.js';
import type { RawInput } from '../../src/core/input.js';
import { inputSchema } from '../../src/core/input.js';
import { bundledCatalogs } from '../../src/pricing/bundled.js';
import { renderYaml } from '../../src/render/yaml.js';
import { extractRanges } from '../../src/uncertainty/extract.js';
import { planWithRanges } from '../../src/uncertainty/range-plan.js';
import { exportSweep, TWO_REGIONS } from '../export/sweep.js';

const yamlPackage = (value: unknown) =>
  stringify(value, { version: '1.1', lineWidth: 0, aliasDuplicateObjects: false });

function check(plan: PlanDocument): void {
  const ours = renderYaml(plan);
  expect(ours).toBe(yamlPackage(plan));
  expect(parse(ours, { version: '1.1' })).toEqual(JSON.parse(JSON.stringify(plan)));
}

const catalogs = bundledCatalogs();
const today = '2026-11-01';

describe('the plan’s YAML form against the `yaml` package', () => {
  it('byte-identical on every plan of the sweep, and reads back as the JSON form', () => {
    const inputs: RawInput[] = [...exportSweep()];
    for (const provider of ['aws', 'gcp', 'azure'])
      inputs.push(
        { provider, users: 2_000_000, regions: TWO_REGIONS[provider]!, dataResidency: true, simulate: false },
        { provider, users: 40_000, availability: 99.999, growth: 25, months: 60, simulate: false },
      );
    inputs.push({ provider: 'all', users: 300_000, availability: 99.95, simulate: false });
    inputs.push({ users: 500_000 }, { users: 3_000, profile: 'api', requestDurations: 'variable' });
    for (const input of inputs) check(planFromRaw(input, catalogs, { today }));
    expect(inputs.length).toBeGreaterThan(180);
  }, 180_000);

  it('byte-identical on plans over ranges (the uncertainty section)', async () => {
    for (const raw of [
      { users: '40k..80k', samples: 40, seed: 7, simulate: false },
      { users: '1M..3M', peakFactor: '2..5', availability: 99.95, samples: 30, provider: 'gcp', simulate: false },
    ]) {
      const { plan } = await planWithRanges(extractRanges(raw), catalogs, {
        today,
        validate: (r) => inputSchema.parse(r),
      });
      expect(plan.uncertainty).toBeTruthy();
      check(plan);
    }
  }, 60_000);
});
