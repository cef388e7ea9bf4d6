import type { RawInput } from '../../src/core/input.js';
import { PROFILE_NAMES } from '../../src/core/profiles.js';

/** A split over two regions each provider prices. */
export const TWO_REGIONS: Record<string, string> = {
  aws: 'us-east-1=60,eu-west-1=40',
  gcp: 'us-central1=60,europe-west1=40',
  azure: 'eastus=60,westeurope=40',
};
export const SWEEP_SIZES = [800, 5_000, 50_000, 500_000, 5_000_000];
/** The flags that change what the exporters write, beside the profile. */
export const SWEEP_FLAGS: [string, (provider: string) => Partial<RawInput>][] = [
  ['--regions', (p) => ({ regions: TWO_REGIONS[p]! })],
  ['--mixed-hardware', () => ({ mixedHardware: true })],
  ['--commitment 1y --spot 0.3', () => ({ commitment: '1y', spot: 0.3 })],
  ['--availability 99.99', () => ({ availability: 99.99 })],
  ['--availability 99.95 --growth 10', () => ({ availability: 99.95, growth: 10, months: 24 })],
  ['--stateful --deploy canary', () => ({ stateful: true, deploy: 'canary' })],
];

/** Plans over providers × sizes × (every profile, and the default profile with each of the flags). */
export function exportSweep(sizes = SWEEP_SIZES): RawInput[] {
  const inputs: RawInput[] = [];
  for (const provider of ['aws', 'gcp', 'azure'] as const)
    for (const users of sizes) {
      for (const profile of PROFILE_NAMES) inputs.push({ provider, users, profile, simulate: false });
      for (const [, flags] of SWEEP_FLAGS) inputs.push({ provider, users, simulate: false, ...flags(provider) });
    }
  return inputs;
}
