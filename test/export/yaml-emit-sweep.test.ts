// Every YAML document the exporters write, over a sweep of plans (providers × profiles × sizes × flags such
// as --regions, --mixed-hardware, --commitment, --availability, --stateful), is the bytes the `yaml` package
// wrote for it before the exporters had an emitter of their own: stringify with YAML 1.1, no line width, no
// aliases (what src/yaml-text.ts still does for the plan's YAML form), a comment above it where one is given.
import { Document, stringify } from 'yaml';
import { describe, expect, it, vi } from 'vitest';
import { exportFiles } from '../../src/export/index.js';
import type { RawInput } from '../../src/core/input.js';
import { PROFILE_NAMES } from '../../src/core/profiles.js';
import { planOf } from '../helpers.js';

const seen = vi.hoisted(() => ({ documents: 0, differences: [] as { ours: string; theirs: string }[] }));

/** What the exporters wrote with the `yaml` package. */
function yamlPackage(value: unknown, comment?: string): string {
  if (comment === undefined) return stringify(value, { version: '1.1', lineWidth: 0, aliasDuplicateObjects: false });
  const doc = new Document(value, { version: '1.1', aliasDuplicateObjects: false });
  doc.commentBefore = comment;
  return doc.toString({ lineWidth: 0 });
}

// Each document the exporters emit is also written by the `yaml` package, there and then (before anything
// else can change the value), and any difference kept.
vi.mock('../../src/yaml-emit/emit.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/yaml-emit/emit.js')>();
  return {
    ...real,
    toYaml(value: object, comment?: string) {
      const theirs = yamlPackage(value, comment);
      const ours = real.toYaml(value, comment);
      seen.documents++;
      if (ours !== theirs) seen.differences.push({ ours, theirs });
      return ours;
    },
  };
});

const REGIONS: Record<string, string> = {
  aws: 'us-east-1=60,eu-west-1=40',
  gcp: 'us-central1=60,europe-west1=40',
  azure: 'eastus=60,westeurope=40',
};
const SIZES = [800, 5_000, 50_000, 500_000, 5_000_000];
const FLAGS: [string, (provider: string) => Partial<RawInput>][] = [
  ['defaults', () => ({})],
  ['--regions', (p) => ({ regions: REGIONS[p]! })],
  ['--mixed-hardware', () => ({ mixedHardware: true })],
  ['--commitment 1y --spot 0.3', () => ({ commitment: '1y', spot: 0.3 })],
  ['--availability 99.99', () => ({ availability: 99.99 })],
  ['--stateful --deploy canary', () => ({ stateful: true, deploy: 'canary' })],
];
const NAMES = ['shop', `it's: a "shop" # 1\nyes`, 'on'];

function sweep(): RawInput[] {
  const inputs: RawInput[] = [];
  for (const provider of ['aws', 'gcp', 'azure'] as const)
    for (const users of SIZES) {
      for (const profile of PROFILE_NAMES) inputs.push({ provider, users, profile, simulate: false });
      for (const [, flags] of FLAGS.slice(1)) inputs.push({ provider, users, simulate: false, ...flags(provider) });
    }
  return inputs;
}

describe('the exporters’ YAML emitter against the `yaml` package', () => {
  it('the reference is the one src/yaml-text.ts uses (the plan’s YAML form)', async () => {
    const { toYaml } = await import('../../src/yaml-text.js');
    const doc = { a: ['yes', '2026-09-01', '0.1', 'x: y', 'multi\nline\n'], b: {}, c: [] };
    expect(toYaml(doc)).toBe(yamlPackage(doc));
  });

  it('byte-identical on every document of every export of the sweep', () => {
    const inputs = sweep();
    let files = 0;
    for (const [index, input] of inputs.entries()) {
      const name = NAMES[index % NAMES.length]!;
      files += exportFiles('all', planOf(input), { name, version: '0.0.0-test' }).length;
    }
    expect(inputs.length).toBe(3 * SIZES.length * (PROFILE_NAMES.length + FLAGS.length - 1));
    // Every plan writes at least architecture, Kubernetes (several), compose and the usage file.
    expect(seen.documents).toBeGreaterThan(inputs.length * 8);
    expect(files).toBeGreaterThan(inputs.length * 10);
    expect(seen.differences.slice(0, 3)).toEqual([]);
  }, 120_000);
});
