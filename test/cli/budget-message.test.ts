import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';

describe('the budget gate says where the budget came from, with money grouped like the tables', () => {
  const cwd = mkdtempSync(join(tmpdir(), 'capacity-plan-budget-'));
  writeFileSync(join(cwd, 'capacity-plan.yaml'), 'users: 500k\nmaxMonthlyCost: 5000\n');
  it('from the input file', async () => {
    const r = await cli(['plan', '--input', 'capacity-plan.yaml', '-q'], { cwd });
    expect(r.code).toBe(3);
    expect(r.err).toMatch(
      /^capacity-plan: budget gate failed: the expected \$\d,\d{3}\.\d\d\/month is over the budget of \$5,000\.00 \(maxMonthlyCost in capacity-plan\.yaml\)\n$/,
    );
  });
  it('from the environment', async () => {
    const r = await cli(['plan', '--users', '500k', '-q'], {
      cwd,
      env: { NO_COLOR: '1', CAPACITY_PLAN_MAX_MONTHLY_COST: '1500' },
    });
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/over the budget of \$1,500\.00 \(CAPACITY_PLAN_MAX_MONTHLY_COST\)/);
  });
  it('from the flag, which wins over the file', async () => {
    const r = await cli(['plan', '--input', 'capacity-plan.yaml', '--max-monthly-cost', '2k', '-q'], { cwd });
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/over the budget of \$2,000\.00 \(--max-monthly-cost\)/);
  });
});

describe('export gates on the budget as plan does: over it, nothing is handed on', () => {
  const cwd = mkdtempSync(join(tmpdir(), 'capacity-plan-export-budget-'));
  it('exit 3 with the one line, and no file written', async () => {
    const r = await cli(['export', 'all', '--users', '500k', '-o', 'out', '--max-monthly-cost', '2k'], { cwd });
    expect(r.code).toBe(3);
    expect(r.err).toMatch(
      /^capacity-plan: budget gate failed: the expected \$\d,\d{3}\.\d\d\/month is over the budget of \$2,000\.00 \(--max-monthly-cost\)\n$/,
    );
    expect(existsSync(join(cwd, 'out'))).toBe(false);
  });
  it('a dry run lists nothing when the gate fails, and everything when it holds', async () => {
    const over = await cli(['export', 'all', '--users', '500k', '--dry-run'], {
      cwd,
      env: { NO_COLOR: '1', CAPACITY_PLAN_MAX_MONTHLY_COST: '1500' },
    });
    expect(over.code).toBe(3);
    expect(over.out).toBe('');
    expect(over.err).toMatch(/over the budget of \$1,500\.00 \(CAPACITY_PLAN_MAX_MONTHLY_COST\)/);
    const under = await cli(['export', 'all', '--users', '500k', '--dry-run', '--max-monthly-cost', '1M'], { cwd });
    expect(under.code).toBe(0);
    expect(under.out).toContain('architecture.yaml');
  });
});
