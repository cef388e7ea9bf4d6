// Inputs that only mean something beside another are said to do nothing when given alone, and a misspelt
// users key in an input file is named.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, planOf } from '../helpers.js';

describe('inputs without effect', () => {
  it('--months without --growth: no projection, and a warning saying why', () => {
    const p = planOf({ users: 50_000, months: 24, simulate: false });
    expect(p.projection).toBeNull();
    expect(p.warnings).toContain(
      '--months 24 without --growth: there is no growth to project, so no projection (add --growth <pct>)',
    );
    expect(planOf({ users: 50_000, months: 24, growth: 5, simulate: false }).warnings.join('\n')).not.toMatch(
      /without --growth/,
    );
  });
  it('--data-residency without a --regions split: a warning', () => {
    expect(planOf({ users: 50_000, dataResidency: true, simulate: false }).warnings.join('\n')).toMatch(
      /--data-residency without a --regions split: .* changes nothing/,
    );
    const split = planOf({
      users: 2_000_000,
      dataResidency: true,
      regions: 'us-east-1=60,eu-west-1=40',
      simulate: false,
    });
    expect(split.warnings.join('\n')).not.toMatch(/--data-residency without/);
  });
  it('an input file with "user" instead of "users" is told so', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'capacity-plan-user-key-'));
    writeFileSync(join(cwd, 'plan.yaml'), 'user: 50k\n');
    const r = await cli(['plan', '--input', 'plan.yaml'], { cwd });
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      'capacity-plan: plan.yaml: users is missing (the file has "user": did you mean users?) (or pass --users)\n',
    );
  });
});
