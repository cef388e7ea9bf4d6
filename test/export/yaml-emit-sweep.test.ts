// Every YAML document the exporters write, over a sweep of plans (providers × profiles × sizes × flags such
// as --regions, --mixed-hardware, --commitment, --availability, --stateful), is the bytes the `yaml` package
// wrote for it before the exporters had an emitter of their own: stringify with YAML 1.1, no line width, no
// aliases, a comment above it where one is given. (test/render/plan-yaml-sweep.test.ts: the plan's YAML form.)
import { Document, stringify } from 'yaml';
import { describe, expect, it, vi } from 'vitest';
import { exportFiles } from '../../src/export/index.js';
import { PROFILE_NAMES } from '../../src/core/profiles.js';
import { planFromRaw } from '../../src/core/plan.js';
import { bundledCatalogs } from '../../src/pricing/bundled.js';
import { exportSweep, SWEEP_FLAGS, SWEEP_SIZES } from './sweep.js';

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

const NAMES = ['shop', `it's: a "shop" # 1\nyes`, 'on'];

describe('the exporters’ YAML emitter against the `yaml` package', () => {
  it('byte-identical on every document of every export of the sweep', () => {
    const inputs = exportSweep();
    const catalogs = bundledCatalogs();
    let files = 0;
    for (const [index, input] of inputs.entries()) {
      const name = NAMES[index % NAMES.length]!;
      // Planned as export plans (export-plan-parts.test.ts: the same files as from the whole plan).
      const plan = planFromRaw(input, catalogs, { nines: false, projection: false });
      files += exportFiles('all', plan, { name, version: '0.0.0-test' }).length;
    }
    expect(inputs.length).toBe(3 * SWEEP_SIZES.length * (PROFILE_NAMES.length + SWEEP_FLAGS.length));
    // Every plan writes at least architecture, Kubernetes (several), compose and the usage file.
    expect(seen.documents).toBeGreaterThan(inputs.length * 8);
    expect(files).toBeGreaterThan(inputs.length * 10);
    expect(seen.differences.slice(0, 3)).toEqual([]);
  }, 120_000);
});
