import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { csvField, renderCsv } from '../../src/render/csv.js';
import { cli, planOf } from '../helpers.js';

/** Python's csv module (RFC 4180 dialect "excel") reads what we write: a real reader, not our own. */
function pythonRows(csv: string): string[][] {
  const r = spawnSync(
    'python3',
    ['-c', 'import csv,io,json,sys; print(json.dumps(list(csv.reader(io.StringIO(sys.stdin.read(), newline="")))))'],
    { input: csv, encoding: 'utf8' },
  );
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as string[][];
}

describe('--format csv', () => {
  it('one row per line item under a header, read back field for field by a CSV reader', () => {
    const plan = planOf({ users: 500_000 });
    const rows = pythonRows(renderCsv(plan));
    expect(rows[0]).toEqual([
      'provider',
      'region',
      'component',
      'description',
      'quantity',
      'unit',
      'unit price (USD)',
      'monthly (USD)',
      'confidence',
    ]);
    expect(rows).toHaveLength(plan.cost.lineItems.length + 1);
    plan.cost.lineItems.forEach((l, i) => {
      expect(rows[i + 1]).toEqual([
        'aws',
        'us-east-1',
        l.component,
        l.description,
        String(l.quantity),
        l.unit,
        String(l.unitPrice),
        String(l.monthly),
        l.confidence,
      ]);
    });
    // Descriptions with commas are quoted, so every row still has nine fields.
    expect(plan.cost.lineItems.some((l) => l.description.includes(','))).toBe(true);
  });
  it('quotes commas, quotes and line breaks as RFC 4180 says, and ends lines with CRLF', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(pythonRows(`${['x', csvField('say "hi", twice')].join(',')}\r\n`)).toEqual([['x', 'say "hi", twice']]);
    expect(renderCsv(planOf({ users: 5000 }))).toMatch(/^[^\n]*\r\n[^\n]*\r\n/);
  });
  it('names the region of each line in a multi-region plan', () => {
    const plan = planOf({ users: 2_000_000, regions: 'us-east-1=70,eu-west-1=30', database: 'multi-az' });
    const rows = pythonRows(renderCsv(plan)).slice(1);
    const regions = new Set(rows.map((r) => r[1]));
    expect(regions).toEqual(new Set(['us-east-1', 'eu-west-1', 'all regions']));
    const cross = rows.find((r) => r[3]!.includes('cross-region replica'))!;
    expect(cross[1]).toBe('eu-west-1');
    // A line billed in each region starts with its region: it is that region's, not "all regions".
    for (const row of rows.filter((r) => /^(us-east-1|eu-west-1): /.test(r[3]!)))
      expect(row[1]).toBe(row[3]!.slice(0, row[3]!.indexOf(':')));
    expect(rows.filter((r) => r[2] === 'compute').map((r) => r[1])).toEqual(['us-east-1', 'eu-west-1']);
  });
  it('with --provider all, says on stderr that the rows are the first provider’s', async () => {
    const r = await cli(['plan', '--users', '50k', '--provider', 'all', '--format', 'csv']);
    expect(r.code).toBe(0);
    expect(
      new Set(
        pythonRows(r.out)
          .slice(1)
          .map((row) => row[0]),
      ),
    ).toEqual(new Set(['aws']));
    expect(r.err).toMatch(/^note: the CSV has aws's line items; the other providers' totals are in the table or JSON/);
  });
  it('the CLI prints it (exit 0) and the sum of the monthly column is the plan total', async () => {
    const r = await cli(['plan', '--users', '50k', '--format', 'csv']);
    expect(r.code).toBe(0);
    const plan = planOf({ users: 50_000 });
    const sum = pythonRows(r.out)
      .slice(1)
      .reduce((a, row) => a + Number(row[7]), 0);
    expect(sum).toBeCloseTo(plan.cost.monthly.expected, 1);
  });
});
