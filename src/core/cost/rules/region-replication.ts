import { DATABASE_SHARE_OF_STORAGE } from '../../database.js';
import type { CostRule } from '../rule.js';
import type { CostContext } from '../types.js';
import { USAGE_ASSUMPTIONS as A } from '../usage-assumptions.js';

/** Active-active regions that back each other up (not data residency, where each keeps its own users' data). */
const replicated = ({ facts }: CostContext) => facts.fleets.length > 1 && !facts.dataResidency;
const others = (ctx: CostContext) => ctx.facts.fleets.length - 1;
const filesGb = (ctx: CostContext) => ctx.demand.storageGb * (1 - DATABASE_SHARE_OF_STORAGE);
const regionsText = (n: number) => `${n} other region${n === 1 ? '' : 's'}`;

/** The replicated bucket's copy in each other region (S3 CRR destination, GCS dual-region, Azure GRS secondary), at its prices. */
export const objectStorageReplicaRule: CostRule = {
  kind: 'object-storage-replica',
  component: 'storage',
  scope: 'other-regions',
  applies: ({ facts }) => !facts.dataResidency,
  line(ctx) {
    const description = () => `${ctx.book.catalog.services.objectStorage}: the replicated copy of uploads and files`;
    return { item: ctx.book.item('object-storage'), quantity: filesGb(ctx), description };
  },
};

/** The bytes written to object storage each month, sent to each other region. */
export const objectStorageReplicationRule: CostRule = {
  kind: 'object-storage-replication',
  component: 'storage',
  applies: (ctx) => replicated(ctx) && ctx.book.has('object-storage-replication'),
  line(ctx) {
    const n = others(ctx);
    const gb = filesGb(ctx) * A.objectShareWrittenPerMonth * n;
    const item = ctx.book.item('object-storage-replication');
    const description = () =>
      `object-storage replication to ${regionsText(n)}: ${Math.round(A.objectShareWrittenPerMonth * 100)} % of the files written or rewritten a month`;
    return { item, quantity: gb, description };
  },
};

/** The global DNS router's health check of each region's endpoint: what moves users when a region fails. */
export const dnsHealthCheckRule: CostRule = {
  kind: 'dns-health-check',
  component: 'dns',
  applies: (ctx) => replicated(ctx) && ctx.book.has('dns-health-check'),
  line(ctx) {
    const item = ctx.book.item('dns-health-check');
    const n = ctx.facts.fleets.length;
    const description = () => `DNS failover health checks: 1 per region endpoint × ${n} regions`;
    return { item, quantity: n, description };
  },
};
