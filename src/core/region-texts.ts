import type { Design, DesignContext } from './design-types.js';
import { round } from './round.js';

/** Failover and RPO of the other regions' database copy, by the primary's deployment. */
function standbyText(ctx: DesignContext, d: Design): string {
  const db = d.database;
  if (db.deployment === 'aurora') {
    const svc = ctx.book.catalog.services.databaseHaPlus;
    return ctx.book.catalog.provider === 'aws'
      ? `${/^[AEIOU]/i.test(svc) ? 'an' : 'a'} ${svc} global database secondary cluster with the primary's readers (promotable): managed failover in about a minute, RPO typically under 1 s (storage-level replication)`
      : `a promotable ${svc} cross-region replica deployed like the primary: promoted in minutes, asynchronous — RPO is the replication lag, seconds at this write rate`;
  }
  const ha =
    db.deployment === 'multi-az' ? 'with a standby in another zone, like the primary' : 'single-zone, like the primary';
  const replicas =
    db.readReplicasPerShard > 0
      ? ` + ${db.readReplicasPerShard} read replica${db.readReplicasPerShard === 1 ? '' : 's'} per shard`
      : '';
  return `a promotable cross-region replica ${ha}${replicas}: promoted in minutes, asynchronous — RPO is the replication lag, seconds at this write rate`;
}

/** Each region's database role, in the regions' order. */
export function regionDatabaseRoles(ctx: DesignContext, d: Design): string[] {
  const residency = ctx.input.dataResidency;
  return d.regions.map((_, i) =>
    i === 0 ? 'primary' : residency ? "primary (this region's users' data stays here)" : 'read replica (promotable)',
  );
}

/** Active-active regions with one writer: where writes go, what the far region pays, and the write path on failover. */
export function writePathReasons(ctx: DesignContext, d: Design): string[] {
  if (d.regions.length < 2 || ctx.input.dataResidency) return [];
  const [home, ...rest] = d.regions;
  const writesPerSecond = ctx.demand.peakRps * (1 - ctx.params.readRatio);
  const far = rest.map((s) => `${s.code}'s ${round(writesPerSecond * s.share, 1)}/s`).join(', ');
  return [
    `Database in ${rest.map((s) => s.code).join(', ')}: ${standbyText(ctx, d)}`,
    `Writes go to a single writer in ${home!.code}: ${far} at peak cross regions, each paying one inter-region round trip (tens of ms between regions on one continent, 100 ms or more between continents); reads stay on each region's own replicas and cache`,
    `On failover of ${home!.code} the replica in ${rest[0]!.code} is promoted and becomes the writer; writes fail until it is (the RTO above), and writes not yet replicated are lost (the RPO)`,
  ];
}
