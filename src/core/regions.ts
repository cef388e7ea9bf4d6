import { pairedRegion } from '../providers/paired-region.js';
import { localRegion } from '../providers/region-locations.js';
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
  if (ctx.input.regions) {
    // Another provider's plan takes its own region nearest each one asked for (two that land on one region merge).
    const catalog = ctx.book.catalog;
    const shares = new Map<string, number>();
    for (const r of ctx.input.regions) {
      const code = localRegion(catalog, r.region) ?? ctx.book.region;
      shares.set(code, (shares.get(code) ?? 0) + r.share / 100);
    }
    return [...shares]
      .map(([code, share]) => ({ code, share }))
      .sort((a, b) => b.share - a.share || a.code.localeCompare(b.code));
  }
  const home = ctx.book.region;
  if (regions <= 1) return [{ code: home, share: 1 }];
  return [
    { code: home, share: 0.5 },
    { code: pairedRegion(ctx.book.catalog, home) ?? home, share: 0.5 },
  ];
}
