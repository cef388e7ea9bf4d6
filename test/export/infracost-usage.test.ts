import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { RawInput } from '../../src/core/input.js';
import { exportFiles } from '../../src/export/index.js';
import { planOf } from '../helpers.js';

/** Infracost's own reference usage file (the sections for what we plan) and the types its Go code declares. */
const fixture = parse(readFileSync('test/fixtures/infracost-usage-reference.yml', 'utf8')) as {
  types: Record<string, Record<string, 'int' | 'float' | 'string'>>;
  reference: { resource_usage: Record<string, Record<string, unknown>> };
};

/** Dotted key paths of the leaves of a usage block: { standard: { storage_gb: 1 } } → standard.storage_gb. */
function leaves(block: Record<string, unknown>, prefix = ''): [string, unknown][] {
  return Object.entries(block).flatMap(([key, value]) =>
    value !== null && typeof value === 'object'
      ? leaves(value as Record<string, unknown>, `${prefix}${key}.`)
      : [[`${prefix}${key}`, value] as [string, unknown]],
  );
}

/** Every problem with a usage file against Infracost's reference: unknown resource, unknown key, wrong type. */
function problems(usage: { resource_type_default_usage: object; resource_usage?: object }): string[] {
  const found: string[] = [];
  const blocks = [
    ...Object.entries(usage.resource_type_default_usage),
    ...Object.entries(usage.resource_usage ?? {}).map(([name, block]) => [name.split('.')[0]!, block] as const),
  ] as [string, Record<string, unknown>][];
  for (const [type, block] of blocks) {
    const referenceEntry = Object.entries(fixture.reference.resource_usage).find(([k]) => k.startsWith(`${type}.`));
    if (!referenceEntry) {
      found.push(`${type}: not a resource in Infracost's reference usage file`);
      continue;
    }
    const known = new Set(leaves(referenceEntry[1]).map(([k]) => k));
    for (const [key, value] of leaves(block)) {
      if (!known.has(key)) found.push(`${type}.${key}: not a key of ${type} in the reference`);
      const declared = fixture.types[type]?.[key];
      if (!declared) found.push(`${type}.${key}: no declared type`);
      else if (declared === 'int' && !Number.isInteger(value)) found.push(`${type}.${key}: ${value} is not an integer`);
      else if (declared === 'float' && typeof value !== 'number')
        found.push(`${type}.${key}: ${value} is not a number`);
      else if (declared === 'string' && typeof value !== 'string') found.push(`${type}.${key}: ${value} is not text`);
    }
  }
  return found;
}

const usageOf = (input: RawInput) =>
  parse(exportFiles('infracost-usage', planOf(input), { name: 'shop', version: 't' })[0]!.content);

const CASES: RawInput[] = [
  { users: 5000 },
  { users: 50_000 },
  { users: 500_000, deploy: 'canary' },
  { users: 500_000, availability: 99.95 },
  { users: 5_000_000 },
  { users: 2_000_000, regions: 'us-east-1=60,eu-west-1=40' },
  { users: 250_000, commitment: '1y' },
];

describe("Infracost usage file, checked against Infracost's reference usage keys and declared types", () => {
  it.each(CASES.flatMap((c) => (['aws', 'gcp', 'azure'] as const).map((provider) => ({ ...c, provider }))))(
    '%j: every key is one Infracost reads, integers where it declares Int64',
    (input) => {
      const usage = usageOf(input);
      expect(usage.version).toBe(0.1);
      expect(Object.keys(usage.resource_type_default_usage).length).toBeGreaterThan(2);
      expect(problems(usage)).toEqual([]);
    },
  );
  it('the check can fail: a fraction in an integer key, an unknown key and an unknown resource are each caught', () => {
    expect(
      problems({
        resource_type_default_usage: {
          aws_autoscaling_group: { instances: 12.08 },
          aws_lb: { new_connection: 3 },
          aws_bogus: { x: 1 },
        },
      }),
    ).toEqual([
      'aws_autoscaling_group.instances: 12.08 is not an integer',
      'aws_lb.new_connection: not a key of aws_lb in the reference',
      'aws_lb.new_connection: no declared type',
      "aws_bogus: not a resource in Infracost's reference usage file",
    ]);
  });
  it('integers are rounded up: instances is the ceiling of the time-weighted average fleet', () => {
    const plan = planOf({ users: 500_000 });
    const usage = usageOf({ users: 500_000 });
    expect(usage.resource_type_default_usage.aws_autoscaling_group.instances).toBe(
      Math.ceil(plan.compute.instances.average),
    );
    expect(usage.resource_type_default_usage.aws_lb.new_connections).toBe(Math.ceil(plan.demand.averageRps / 10));
  });
});
