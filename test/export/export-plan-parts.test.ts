// export asks the planner only for what its files show (src/cli/commands/export.ts, EXPORT_PLAN): no cost of
// each extra nine, no growth projection. Over a sweep of plans, every file is the same bytes as from the
// whole plan, so leaving them out changes nothing a user gets.
import { describe, expect, it } from 'vitest';
import { EXPORT_PLAN } from '../../src/cli/commands/export.js';
import { planFromRaw } from '../../src/core/plan.js';
import { exportFiles } from '../../src/export/index.js';
import { bundledCatalogs } from '../../src/pricing/bundled.js';
import { exportSweep } from './sweep.js';

describe('export plans only the parts its files show', () => {
  it('leaves out the cost of nines and the projection', () => {
    const opts = EXPORT_PLAN({ env: { SOURCE_DATE_EPOCH: '1793491200' } });
    expect(opts).toEqual({ today: '2026-11-01', nines: false, projection: false });
  });

  it('every file of `export all` is the same bytes as from the whole plan, over a sweep', () => {
    const catalogs = bundledCatalogs();
    const opts = EXPORT_PLAN({ env: {} });
    let withNines = 0;
    let withProjection = 0;
    const inputs = exportSweep([5_000, 500_000, 5_000_000]);
    for (const input of inputs) {
      const whole = planFromRaw(input, catalogs, { today: opts.today });
      const parts = planFromRaw(input, catalogs, opts);
      if (whole.availability.costOfNines.length > 0) withNines++;
      if (whole.projection !== null) withProjection++;
      expect(parts.availability.costOfNines).toEqual([]);
      expect(parts.projection).toBeNull();
      const ctx = { name: 'shop', version: '0.0.0-test' };
      expect(exportFiles('all', parts, ctx)).toEqual(exportFiles('all', whole, ctx));
    }
    // The sweep has plans where the two differ: most have a cost-of-nines table, the --growth ones a projection.
    expect(withNines).toBeGreaterThan(inputs.length / 2);
    expect(withProjection).toBe(9);
  }, 120_000);
});
