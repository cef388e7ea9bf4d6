import { describe, expect, it } from 'vitest';
import type { RawInput } from '../../src/core/input.js';
import { usd } from '../../src/render/format.js';
import { fitColumns, wrap } from '../../src/render/layout.js';
import { renderTable } from '../../src/render/table.js';
import { cli, planOf } from '../helpers.js';

const longest = (text: string) => Math.max(...text.split('\n').map((l) => l.length));

const PLANS: Record<string, RawInput> = {
  '50k': { users: 50_000 },
  '500k': { users: 500_000 },
  '5M': { users: 5_000_000 },
  '2M in two regions, growing': { users: 2_000_000, regions: 'us-east-1=70,eu-west-1=30', growth: 15, months: 36 },
  '250k on all three providers': { users: 250_000, provider: 'all' },
  // Seven-digit quantities and long node-type names: names with digits break after a hyphen to fit.
  '5B on GCP': { users: 5_000_000_000, provider: 'gcp' },
};

describe('table output fits the terminal', () => {
  for (const [name, input] of Object.entries(PLANS)) {
    for (const width of [80, 120]) {
      it(`${name} at ${width} columns, reasons included: no line is longer, no number is cut`, () => {
        const plan = planOf(input);
        const text = renderTable(plan, { color: false, reasons: true, width });
        expect(longest(text)).toBeLessThanOrEqual(width);
        // Every price and monthly figure of the bill appears whole on one line.
        for (const l of plan.cost.lineItems) {
          expect(text).toContain(usd(l.monthly, 2));
          expect(text).toContain(usd(l.unitPrice, l.unitPrice < 1 ? 4 : 2));
        }
        for (const reason of plan.compute.reasons) expect(text.replace(/\s+/g, ' ')).toContain(reason);
      });
    }
  }
  it('a wide terminal gets wide lines: the bill is one line per item at 200 columns', () => {
    const plan = planOf({ users: 500_000 });
    const text = renderTable(plan, { color: false, reasons: false, width: 200 });
    for (const l of plan.cost.lineItems)
      expect(text).toMatch(new RegExp(`${l.description.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    expect(longest(text)).toBeGreaterThan(120);
  });
  it('never narrower than 80 columns, even when the terminal says 40', () => {
    const text = renderTable(planOf({ users: 50_000 }), { color: false, reasons: true, width: 40 });
    expect(longest(text)).toBeLessThanOrEqual(80);
    expect(longest(text)).toBeGreaterThan(60);
  });
});

describe('wrapping', () => {
  it('breaks a hyphenated name with digits after a hyphen, never inside a number', () => {
    expect(wrap('memorystore-standard-300gb', 14)).toEqual(['memorystore-', 'standard-300gb']);
    expect(wrap('4,765,622.5 hour', 8)).toEqual(['4,765,622.5 hour']);
    expect(wrap('cache.r7g.16xlarge', 10)).toEqual(['cache.', 'r7g.16xlarge']); // not before a digit
    expect(wrap('Standard_D16s_v5', 12)).toEqual(['Standard_', 'D16s_v5']);
    expect(wrap('2026-11-29', 6)).toEqual(['2026-11-29']);
  });
  it('keeps a number with its unit and never splits a number', () => {
    expect(wrap('3 TB/month sent', 6)).toEqual(['3 TB/month', 'sent']);
    expect(wrap('the p95 is 150 ms and 22 % CPU with 1,234.5 GB', 12)).toEqual([
      'the p95 is',
      '150 ms and',
      '22 % CPU',
      'with',
      '1,234.5 GB',
    ]);
  });
  it('gives every column at least its longest word', () => {
    const widths = fitColumns(
      [
        ['component', 'what'],
        ['database', 'a rather long description of what is priced here'],
      ],
      30,
    );
    expect(widths[0]).toBeGreaterThanOrEqual('component'.length + 2);
    expect(widths.reduce((a, b) => a + b, 0) + 3).toBe(30);
  });
});

describe('the CLI passes the width on', () => {
  it('COLUMNS=80 on a pipe', async () => {
    const r = await cli(['plan', '--users', '500k'], { env: { NO_COLOR: '1', COLUMNS: '80' } });
    expect(r.code).toBe(0);
    expect(longest(r.out)).toBeLessThanOrEqual(80);
  });
  it("a terminal's own width wins over COLUMNS", async () => {
    let out = '';
    const { run } = await import('../../src/cli/run.js');
    const code = await run(['plan', '--users', '500k'], {
      stdout: { write: (s: string) => (out += s), isTTY: true, columns: 90 },
      stderr: { write: () => true, isTTY: false },
      env: { NO_COLOR: '1', COLUMNS: '200' },
      stdinIsTTY: false,
      cwd: process.cwd(),
    });
    expect(code).toBe(0);
    expect(longest(out)).toBeLessThanOrEqual(90);
    expect(longest(out)).toBeGreaterThan(85);
  });
  it('100 columns when piped with no COLUMNS', async () => {
    const r = await cli(['plan', '--users', '500k']);
    expect(longest(r.out)).toBeLessThanOrEqual(100);
    expect(longest(r.out)).toBeGreaterThan(90);
  });
});

describe('charts', () => {
  it('the table draws the cost by component and, with --growth, the cost curve with tier changes marked', async () => {
    const r = await cli(['plan', '--users', '50k', '--growth', '20', '--months', '24']);
    expect(r.out).toMatch(/Where the money goes/);
    expect(r.out).toMatch(/^ {2}compute +█+/m);
    expect(r.out).toMatch(/The monthly cost as users grow \(▲ a tier change\)/);
    expect(r.out).toMatch(/^ +▲ +▲/m);
    expect(r.out).toMatch(/▲ month 4: .* move to horizontal/);
  });
  it('TERM=dumb draws with plain ASCII: no box or block characters', async () => {
    const r = await cli(['plan', '--users', '50k', '--growth', '20', '--months', '24'], {
      env: { NO_COLOR: '1', TERM: 'dumb' },
    });
    expect(r.code).toBe(0);
    expect(r.out).not.toMatch(/[\u2500-\u259f]/);
    expect(r.out).toMatch(/^ {2}compute +#+/m);
    expect(r.out).toMatch(/^\+-+\+/m);
  });
});
