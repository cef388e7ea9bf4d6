// The pick's reason and the "Not chosen" list agree: the search keeps the tier's cache, so where the same
// design without it is cheaper (and still meets the goal), the pick says so instead of "no design is cheaper".
import { describe, expect, it } from 'vitest';
import { planOf } from '../helpers.js';

describe('the pick’s reason and the design without a cache', () => {
  it('250k users: the search is over designs with the cache, and the cheaper cacheless one is named', () => {
    const text = JSON.stringify(planOf({ users: 250_000, simulate: false }));
    const saved =
      /without the cache it would be \$([\d,]+) a month cheaper, weighed below among the designs not chosen/.exec(text);
    expect(text).toMatch(/No design with the tier's cache at least as available is cheaper/);
    expect(saved).not.toBeNull();
    expect(text).toContain(`no cache (sessions and every read in the database) — 99.93 %`);
    expect(text).toMatch(new RegExp(`\\$${saved![1]} a month cheaper: the database`));
  });
});
