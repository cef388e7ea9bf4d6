import { SCALE_OUT_CPU } from './compute.js';
import type { DatabaseLoad, DatabaseSizing } from './database.js';
import {
  databaseOptionLabel,
  haPlusInstance,
  isHaPlus,
  maxReadReplicas,
  maxStorageGb,
  optionRule,
} from './database-options.js';
import type { Demand } from './demand.js';
import { groupDigits } from './group-digits.js';
import { formatUsers } from './humane-number.js';
import type { PriceBook } from './price-book.js';
import type { Parameters } from './resolve.js';
import { round } from './round.js';
import { SHARD_KEYS, usersWhenShardingIsNeeded } from './sharding.js';

interface ReasonFacts {
  sizing: DatabaseSizing;
  demand: Demand;
  p: Parameters;
  book: PriceBook;
  hasCache: boolean;
  readers: number;
  load: DatabaseLoad;
}

const pct = (x: number) => `${Math.round(x * 100)} %`;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function writeReason({ sizing: d, demand, p }: ReasonFacts): string {
  const line = Math.min(SCALE_OUT_CPU, d.instance.baselineCpu ?? 1);
  const split = d.shards > 1 ? `, split over ${d.shards} shards` : '';
  return `Writes at peak: ${round(demand.peakRps * (1 - p.readRatio), 1)}/s × ${p.dbTimeMs} ms = ${round(d.writeCpuDemand, 2)} vCPUs on the primary${split}; ${d.instance.id} keeps it at ${pct(d.utilizationAtPeak)} (under ${pct(line)})`;
}

function readReason(f: ReasonFacts): string {
  const { sizing: d, readers } = f;
  const perShard = d.shards > 1 ? ' per shard' : '';
  if (readers === 0) {
    const replicas = optionRule(f.book, d.deployment).replicasAreStandbys
      ? `; its ${plural(d.readReplicasPerShard, 'replica')} is the failover target`
      : '';
    return `The primary carries the reads as well (${round(d.readCpuDemand, 2)} vCPUs) under the line, so no read replica is needed${replicas}: the scaling guide's "database with read replicas" is read scaling, and replicas are added when reads pass the line`;
  }
  const standbys =
    d.readableStandbysPerShard > 0
      ? ` (the cluster's ${d.readableStandbysPerShard} readable standbys${d.readReplicasPerShard > 0 ? ` and ${plural(d.readReplicasPerShard, 'replica')}` : ''})`
      : '';
  return `${round(d.readCpuDemand, 2)} vCPUs of reads need ${plural(readers, 'reader')}${perShard}${standbys} at the scale-out line: the scaling guide's read replicas, sized by the reads`;
}

function shardReason({ sizing: d, book, load, p }: ReasonFacts): string {
  const { key, why } = SHARD_KEYS[p.profile];
  const services = book.catalog.services;
  const service = isHaPlus(d.deployment) ? services.databaseHaPlus : services.database;
  const max = { storageGb: maxStorageGb(book, d.deployment), replicas: maxReadReplicas(book, d.deployment) };
  if (d.shards > 1) {
    const limit =
      d.shardBound === 'storage'
        ? `${groupDigits(Math.round(load.totalStorageGb))} GB of rows is more than one ${service} instance holds (${groupDigits(max.storageGb)} GB)`
        : d.shardBound === 'read replicas'
          ? `${round(d.readCpuDemand, 2)} vCPUs of reads need more readers than one primary may have (${max.replicas} replicas of ${d.largest.id})`
          : `${round(d.writeCpuDemand, 2)} vCPUs of writes is more than the largest primary (${d.largest.id}) carries under the line`;
    return `Sharded by ${key} into ${d.shards} shards because ${limit}: ${why}`;
  }
  const usersAt = usersWhenShardingIsNeeded(p.users, d);
  const limit = d.headroom?.limit;
  const when =
    limit === 'storage'
      ? `its rows pass ${groupDigits(max.storageGb)} GB, the most one ${service} instance holds (${groupDigits(Math.round(load.totalStorageGb))} GB today)`
      : limit === 'read replicas'
        ? `its reads need more than the ${max.replicas} replicas one ${d.ceiling.id} primary may have`
        : `writes pass ${groupDigits(Math.round(d.maxWritesPerPrimary))}/s on ${d.ceiling.id}, the largest primary`;
  const at = usersAt === null ? 'no user count' : `about ${formatUsers(Number(usersAt.toPrecision(3)))} users`;
  return `One primary: the scaling guide's "database sharding" at 1M+ users is a readiness step, not a default — shard by ${key} (${why}) when ${when}, at ${at} with this traffic`;
}

export function databaseReasons(f: ReasonFacts): string[] {
  const { sizing: d, book, hasCache, p, load } = f;
  const reasons = [writeReason(f)];
  if (hasCache)
    reasons.push(
      `The cache answers ${pct(p.cacheHitRatio)} of reads, leaving ${round(load.readCpuDemand, 2)} vCPUs of reads for the database`,
    );
  reasons.push(readReason(f), shardReason(f));
  reasons.push(`${databaseOptionLabel(book, d.deployment)}: ${deploymentWhy(book, d.deployment)}`);
  reasons.push(
    `Storage ${groupDigits(d.storageGbPerShard)} GB${d.shards > 1 ? ' per shard' : ''}: ${pct(load.totalStorageGb / Math.max(1e-9, f.demand.storageGb))} of ${groupDigits(round(f.demand.storageGb, 1))} GB of user data is rows; files go to object storage, never the server's disk (statelessness: no local file storage)`,
  );
  return reasons;
}

const DEPLOYMENT_WHY: Record<DatabaseSizing['deployment'], string> = {
  'single-az': 'a zone failure or maintenance takes writes down until it is restored',
  'multi-az': 'a synchronous standby in another zone takes over automatically (it serves no reads)',
  'multi-az-cluster': 'two readable standbys in two other zones; either takes over in about 35 s and both serve reads',
  aurora: 'storage replicated six ways across three zones, billed once; a replica takes over in about 30 s',
  'aurora-io-optimized':
    'as Aurora Standard, with I/O included: cheaper once I/O passes about a quarter of the Aurora bill',
};

/** What a deployment option is on this provider: the HA-plus slot is Aurora unless the provider's pack says. */
function deploymentWhy(book: PriceBook, option: DatabaseSizing['deployment']): string {
  return (isHaPlus(option) ? haPlusInstance(book)?.why : undefined) ?? DEPLOYMENT_WHY[option];
}
