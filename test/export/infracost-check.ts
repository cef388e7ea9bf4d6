import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

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
export function infracostProblems(usage: { resource_type_default_usage: object; resource_usage?: object }): string[] {
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
