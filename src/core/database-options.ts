import { isProvider, providerPack } from '../providers/registry.js';
import type { PriceBook } from './price-book.js';

/**
 * The ways a provider sells a PostgreSQL primary. Each is a catalog variant; a provider offers the ones its
 * catalog prices. 'aurora' is the provider's higher-SLA engine (Aurora on AWS, Enterprise Plus on Google).
 */
export const DATABASE_OPTIONS = ['single-az', 'multi-az', 'multi-az-cluster', 'aurora', 'aurora-io-optimized'] as const;
export type DatabaseOption = (typeof DATABASE_OPTIONS)[number];

export interface DatabaseOptionRule {
  id: DatabaseOption;
  /** The SLA the provider publishes for it. */
  sla: 'database-single' | 'database-ha' | 'database-ha-plus';
  /** Standbys that also serve reads (a Multi-AZ DB cluster's two readers); they are not extra replicas. */
  readableStandbys: number;
  /** Replicas double as failover targets: high availability needs at least one (Aurora, Enterprise Plus). */
  replicasAreStandbys: boolean;
  /** Copies of the data billed as storage: the primary's and a synchronous standby's. */
  storedCopies: number;
  /** The catalog variant of its storage and I/O rows (undefined: the plain rows). */
  storageVariant: string | undefined;
  /** Aurora's architecture: one cluster volume billed once, shared by the writer and its replicas. */
  clusterVolume: boolean;
  /** The catalog variant its read replicas are billed at. */
  replicaVariant: string;
}

export const DATABASE_OPTION_RULES: Record<DatabaseOption, DatabaseOptionRule> = {
  'single-az': {
    id: 'single-az',
    sla: 'database-single',
    readableStandbys: 0,
    replicasAreStandbys: false,
    storedCopies: 1,
    storageVariant: undefined,
    clusterVolume: false,
    replicaVariant: 'single-az',
  },
  'multi-az': {
    id: 'multi-az',
    sla: 'database-ha',
    readableStandbys: 0,
    replicasAreStandbys: false,
    storedCopies: 2,
    storageVariant: undefined,
    clusterVolume: false,
    replicaVariant: 'single-az',
  },
  'multi-az-cluster': {
    id: 'multi-az-cluster',
    sla: 'database-ha',
    readableStandbys: 2,
    replicasAreStandbys: false,
    storedCopies: 3,
    storageVariant: undefined,
    clusterVolume: false,
    replicaVariant: 'single-az',
  },
  aurora: {
    id: 'aurora',
    sla: 'database-ha-plus',
    readableStandbys: 0,
    replicasAreStandbys: true,
    storedCopies: 1,
    storageVariant: 'aurora',
    clusterVolume: true,
    replicaVariant: 'aurora',
  },
  'aurora-io-optimized': {
    id: 'aurora-io-optimized',
    sla: 'database-ha-plus',
    readableStandbys: 0,
    replicasAreStandbys: true,
    storedCopies: 1,
    storageVariant: 'aurora-io-optimized',
    clusterVolume: true,
    replicaVariant: 'aurora-io-optimized',
  },
};

/** The options this provider's catalog prices in this region. */
export function offeredDatabaseOptions(book: PriceBook): DatabaseOption[] {
  return DATABASE_OPTIONS.filter((o) => book.has('database', undefined, o));
}

export const isHaPlus = (o: DatabaseOption) => o === 'aurora' || o === 'aurora-io-optimized';

/** The provider pack's word that its higher-SLA slot is an instance, not Aurora (undefined: it is Aurora). */
export function haPlusInstance(book: PriceBook): { why: string } | undefined {
  const provider = book.catalog.provider;
  return isProvider(provider) ? providerPack(provider).databaseHaPlusInstance : undefined;
}

/**
 * The higher-SLA slot run as an instance (Google's Enterprise Plus): its standby is in the instance's price,
 * its storage two plain copies, and read replicas extra zonal instances, as for a Multi-AZ instance.
 */
const asInstance = (rule: DatabaseOptionRule): DatabaseOptionRule => ({
  ...rule,
  replicasAreStandbys: false,
  storedCopies: 2,
  storageVariant: undefined,
  clusterVolume: false,
  replicaVariant: 'aurora-replica',
});
const INSTANCE_HA_PLUS = {
  aurora: asInstance(DATABASE_OPTION_RULES.aurora),
  'aurora-io-optimized': asInstance(DATABASE_OPTION_RULES['aurora-io-optimized']),
};

/** The option as this provider runs it: the higher-SLA slot is Aurora's architecture unless its pack says. */
export function optionRule(book: PriceBook, o: DatabaseOption): DatabaseOptionRule {
  return isHaPlus(o) && haPlusInstance(book) ? INSTANCE_HA_PLUS[o] : DATABASE_OPTION_RULES[o];
}

/** Aurora's architecture here (a cluster volume, replicas as standbys), not merely the higher-SLA slot. */
export const isClusterVolume = (book: PriceBook, o: DatabaseOption) => optionRule(book, o).clusterVolume;

/** Storage one primary may hold under this option (the engine's maximum), in GB. */
export function maxStorageGb(book: PriceBook, option: DatabaseOption): number {
  const variant = isHaPlus(option) ? 'aurora' : 'instance';
  return book.limit('database-max-storage', variant)?.value ?? Number.POSITIVE_INFINITY;
}

/** Read replicas one primary may have under this option. */
export function maxReadReplicas(book: PriceBook, option: DatabaseOption): number {
  return (
    book.limit('database-read-replicas', isHaPlus(option) ? 'aurora' : undefined)?.value ?? Number.POSITIVE_INFINITY
  );
}

/** What the option is called on this provider. */
export function databaseOptionLabel(book: PriceBook, o: DatabaseOption): string {
  const svc = book.catalog.services;
  switch (o) {
    case 'single-az':
      return `${svc.database}, one zone`;
    case 'multi-az':
      return `${svc.database} with a synchronous standby in another zone`;
    case 'multi-az-cluster':
      return `${svc.database} Multi-AZ DB cluster (a writer and two readable standbys in three zones)`;
    case 'aurora':
      return `${svc.databaseHaPlus}${book.has('database', undefined, 'aurora-io-optimized') ? ' (Standard: I/O billed per request)' : ''}`;
    case 'aurora-io-optimized':
      return `${svc.databaseHaPlus} I/O-Optimized (dearer instances and storage, no I/O charges)`;
  }
}

/** The option this provider sells closest to one another provider chose: the same, else the same SLA rank, else Multi-AZ. */
export function nearestOption(book: PriceBook, wanted: DatabaseOption): DatabaseOption {
  const offered = offeredDatabaseOptions(book);
  if (offered.includes(wanted)) return wanted;
  if (isHaPlus(wanted) && offered.includes('aurora')) return 'aurora';
  return offered.includes('multi-az') ? 'multi-az' : (offered[0] ?? 'single-az');
}
