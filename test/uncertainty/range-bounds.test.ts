// A sample of a ranged field is pulled inside the input schema's own bounds: the field's min and max in
// RANGE_FIELDS are the schema's, so a sample at either bound is a valid input and one just past it is not.
import { describe, expect, it } from 'vitest';
import { inputSchema } from '../../src/core/input.js';
import { clampToField, RANGE_FIELDS } from '../../src/uncertainty/range-fields.js';
import { cli } from '../helpers.js';

const valid = (field: string, value: number) => inputSchema.safeParse({ users: 1000, [field]: value }).success;

describe('ranged fields keep their samples inside the input schema', () => {
  for (const [name, field] of Object.entries(RANGE_FIELDS))
    it(`${name}: the clamped extremes are valid inputs, and the bounds are the schema's`, () => {
      const high = clampToField(field, 1e300);
      const low = clampToField(field, -1e300);
      expect(valid(name, high)).toBe(true);
      expect(valid(name, low)).toBe(true);
      // The schema's own bound: 1 % past the kept maximum is refused (the two lists agree; discount's bound
      // is exclusive, so its maximum sits just under 100).
      if (field.max !== undefined) expect(valid(name, field.max * 1.01 + 0.01)).toBe(false);
    });

  it('a range whose ends are valid never fails on a sample from its tail', async () => {
    for (const flags of [
      ['--users', '1M..5B'],
      ['--storage-per-user-mb', '1..500000'],
      ['--service-time', '1..60000', '--latency-target', '600000'],
      ['--requests-per-user', '1..1e6'],
    ]) {
      const r = await cli(['plan', '--users', '50k', ...flags, '--samples', '200', '--format', 'json', '-q']);
      expect(r.err.split('\n')[0], flags.join(' ')).not.toMatch(/must be at most/);
    }
  }, 60_000);
});
