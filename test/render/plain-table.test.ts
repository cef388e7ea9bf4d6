import Table from 'cli-table3';
import fc from 'fast-check';
import { createRequire } from 'node:module';
import { describe, expect, it, vi } from 'vitest';
import type { TableChars } from '../../src/render/plain-table.js';

// Every table the renderers draw without colour, recorded with what plainTable returned for it.
const drawn: { args: Parameters<typeof import('../../src/render/plain-table.js').plainTable>; out: string | null }[] =
  [];
vi.mock('../../src/render/plain-table.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/render/plain-table.js')>();
  return {
    ...original,
    plainTable: (...args: Parameters<typeof original.plainTable>) => {
      const out = original.plainTable(...args);
      drawn.push({ args, out });
      return out;
    },
  };
});

const { ASCII_CHARS: ASCII, COMPACT_CHARS: COMPACT, plainTable } = await import('../../src/render/plain-table.js');
const { renderTable } = await import('../../src/render/table.js');
const { planOf } = await import('../helpers.js');

// The width cli-table3 measures with: its own string-width.
const stringWidth = createRequire(createRequire(import.meta.url).resolve('cli-table3'))('string-width') as (
  s: string,
) => number;

/** cli-table3 drawing the same table with the same options (what fitTable did before). */
function cliTable(
  head: readonly string[],
  rows: readonly (readonly string[])[],
  widths: readonly number[],
  aligns: readonly ('left' | 'right')[],
  chars: TableChars,
) {
  const table = new Table({
    head: [...head],
    colWidths: [...widths],
    colAligns: [...aligns],
    style: { head: [], border: [] },
    chars,
  });
  for (const row of rows) table.push([...row]);
  return table.toString();
}

describe('tables drawn without cli-table3', () => {
  it('count every character they accept as one column, as cli-table3 does', () => {
    // The pattern is private: each character is tried as a one-character table.
    for (let code = 0x20; code <= 0xffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const c = String.fromCharCode(code);
      if (plainTable([c], [], [3], ['left'], COMPACT) !== null)
        expect([code.toString(16), stringWidth(c)]).toEqual([code.toString(16), 1]);
    }
  });

  const alphabet = fc.constantFrom(...'abcXYZ019 .,$%()-—×·–’±≤→│█'.split(''), '★', '中', '\t', '\u0301');
  const cell = fc.array(
    fc.array(alphabet, { maxLength: 12 }).map((cs) => cs.join('')),
    { minLength: 1, maxLength: 3 },
  );
  it('are cli-table3’s bytes wherever they draw, and draw every table of plain text that fits', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }).chain((n) =>
          fc.record({
            head: fc.array(cell, { minLength: n, maxLength: n }),
            rows: fc.array(fc.array(cell, { minLength: n, maxLength: n }), { maxLength: 4 }),
            extra: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: n, maxLength: n }),
            aligns: fc.array(fc.constantFrom('left' as const, 'right' as const), { minLength: n, maxLength: n }),
            ascii: fc.boolean(),
          }),
        ),
        ({ head, rows, extra, aligns, ascii }) => {
          const all = [head, ...rows];
          const widths = extra.map((e, x) => Math.max(...all.flatMap((r) => r[x]!.map((l) => l.length))) + 2 + e);
          const join = (r: string[][]) => r.map((lines) => lines.join('\n'));
          const chars = ascii ? ASCII : COMPACT;
          const ours = plainTable(join(head), rows.map(join), widths, aligns, chars);
          const plain = all.every((r) => r.every((lines) => lines.every((l) => !/[★中\t]|\u0301/.test(l))));
          if (plain) expect(ours).not.toBeNull();
          if (ours !== null) expect(ours).toBe(cliTable(join(head), rows.map(join), widths, aligns, chars));
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('draw every table of real plans, as cli-table3 would', () => {
    drawn.length = 0; // only the renderers' tables
    for (const provider of ['aws', 'gcp', 'azure'] as const)
      for (const users of [900, 60_000, 700_000, 9_000_000])
        for (const extra of [{}, { commitment: '3y' as const, spot: 0.3 }, { regions: 'us-east-1=60,eu-west-1=40' }])
          for (const ascii of [false, true]) {
            const doc = planOf({ users, provider, simulate: false, ...extra });
            renderTable(doc, { color: false, reasons: true, width: 100, ascii });
          }
    expect(drawn.length).toBeGreaterThan(100);
    for (const { args, out } of drawn) {
      expect(out).not.toBeNull();
      expect(out).toBe(cliTable(...args));
    }
  });
});
