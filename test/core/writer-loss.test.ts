// Active-active regions with one writer: when the primary region's database fails, writes fail in every
// region until it is back — by its own in-region failover, or (one zone, no standby) by promoting another
// region's replica. That time, on the share of requests that write, counts against the estimate, so a 99.99 %
// target is no longer met by a single-zone database shared by both regions.
import { describe, expect, it } from 'vitest';
import { DNS_FAILOVER_SECONDS } from '../../src/core/region-failover.js';
import { WRITER_RECOVERY_SECONDS } from '../../src/core/writer-loss.js';
import { planOf } from '../helpers.js';

describe('the single writer of active-active regions', () => {
  it('250k users at 99.99 %: the design keeps a standby for its writer, and says what a writer failure costs', () => {
    const p = planOf({ users: 250_000, availability: 99.99, simulate: false });
    expect(p.availability.topology).toBe('multi-region');
    expect(p.database.deployment).not.toBe('single-az');
    expect(p.availability.meetsTarget).toBe(true);
    const writes = 1 - p.input.parameters.readRatio;
    const writer = (WRITER_RECOVERY_SECONDS[p.database.deployment] / 60) * writes;
    expect(p.availability.failover!.countedDowntimeMinutesPerMonth).toBeGreaterThanOrEqual(
      DNS_FAILOVER_SECONDS / 60 + writer - 0.01,
    );
  });

  it('a single-zone writer pinned across regions counts the promotion of the other region’s replica', () => {
    const p = planOf({ users: 250_000, availability: 99.99, database: 'single-az', simulate: false });
    const f = p.availability.failover!;
    expect(f.counting).toMatch(
      /writes failing in every region while the primary region's database recovers \(10 min: another region's replica promoted; 10 % of requests write\)/,
    );
    expect(f.countedDowntimeMinutesPerMonth).toBeGreaterThanOrEqual(2.5 + 10 * 0.1 - 0.01);
    expect(p.availability.meetsTarget).toBe(false);
  });
});
