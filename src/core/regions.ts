import { pairedRegion } from '../providers/paired-region.js';
import { localSplit } from '../providers/region-locations.js';
import type { Demand } from './demand.js';
import type { DesignContext } from './design-types.js';

/** A region's part of the demand: every rate and volume scaled by its share of the users. */
export function scaleDemand(d: Demand, share: number): Demand {
  return {
    ...d,
    dailyActiveUsers: d.dailyActiveUsers * share,
    requestsPerDay: d.requestsPerDay * share,
    requestsPerMonth: d.requestsPerMonth * share,
    averageRps: d.averageRps * share,
    peakRps: d.peakRps * share,
    egressGbPerMonth: d.egressGbPerMonth * share,
    storageGb: d.storageGb * share,
    peakCpuDemand: d.peakCpuDemand * share,
  };
}

/** The regions a design spans and each one's share: the user's split, else the home region (and its pair). */
export function regionSplit(ctx: DesignContext, regions: number): { code: string; share: number }[] {
  // Another provider's plan (or a region the catalog lacks) takes the nearest region the split does not use.
  if (ctx.input.regions)
    return localSplit(ctx.book.catalog, ctx.input.regions, ctx.book.region).map(({ code, share }) => ({ code, share }));
  const home = ctx.book.region;
  if (regions <= 1) return [{ code: home, share: 1 }];
  return [
    { code: home, share: 0.5 },
    { code: pairedRegion(ctx.book.catalog, home) ?? home, share: 0.5 },
  ];
}
