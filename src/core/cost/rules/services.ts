import { DATABASE_SHARE_OF_STORAGE } from '../../database.js';
import { HOURS_PER_MONTH } from '../../demand.js';
import type { CostContext } from '../types.js';
import type { CostRule } from '../rule.js';
import { tieredLine } from '../tiers.js';
import { USAGE_ASSUMPTIONS as A } from '../usage-assumptions.js';

export const dnsZoneRule: CostRule = {
  kind: 'dns-zone',
  component: 'dns',
  applies: () => true,
  line: ({ book }) => tieredLine(book.item('dns-zone'), 1, () => `${book.catalog.services.dns} hosted zone`),
};

/** A DNS price for queries answered by alias records to the provider's own balancer or CDN (Route 53: free). */
const aliasQueries = ({ book, facts }: CostContext) =>
  facts.balancer || facts.cdn
    ? book.items.find((i) => i.kind === 'dns-queries' && i.variant?.startsWith('alias'))
    : undefined;

export const dnsQueriesRule: CostRule = {
  kind: 'dns-queries',
  component: 'dns',
  applies: () => true,
  line(ctx) {
    const { demand, book, facts } = ctx;
    const millions = (demand.dailyActiveUsers * A.dnsLookupsPerDailyUser * (HOURS_PER_MONTH / 24)) / 1e6;
    const lookups = `${A.dnsLookupsPerDailyUser} lookups per daily user a day`;
    const alias = aliasQueries(ctx);
    if (alias) {
      const target = facts.cdn ? 'the CDN' : 'the load balancer';
      const description = () => `${book.catalog.services.dns} queries: ${lookups}, alias records to ${target}: free`;
      return tieredLine(alias, millions, description);
    }
    return tieredLine(book.item('dns-queries'), millions, () => `${book.catalog.services.dns} queries: ${lookups}`);
  },
};

export const objectStorageRule: CostRule = {
  kind: 'object-storage',
  component: 'storage',
  // With --data-residency each region keeps its own users' files; else they live in the primary region.
  scope: 'each-resident-region',
  applies: () => true,
  line({ demand, book }) {
    const gb = demand.storageGb * (1 - DATABASE_SHARE_OF_STORAGE);
    const description = () => `${book.catalog.services.objectStorage}: uploads and files (never on the server's disk)`;
    return tieredLine(book.item('object-storage'), gb, description);
  },
};

export const metricsRule: CostRule = {
  kind: 'monitoring-metrics',
  component: 'monitoring',
  applies: () => true,
  line({ facts, book }) {
    const servers = Math.ceil(facts.fleets.reduce((a, f) => a + f.average, 0));
    const metrics = A.baseMetrics + A.metricsPerServer * servers;
    const description = () =>
      `${book.catalog.services.monitoring}: ${A.baseMetrics} service metrics + ${A.metricsPerServer} per server`;
    return tieredLine(book.item('monitoring-metric'), metrics, description);
  },
};

export const logsRule: CostRule = {
  kind: 'monitoring-logs',
  component: 'monitoring',
  applies: () => true,
  line({ demand, book }) {
    const gb = (demand.requestsPerMonth * A.logKbPerRequest) / 1e6;
    const description = () =>
      `${book.catalog.services.monitoring} logs: ${A.logKbPerRequest} KB of access log per request`;
    return tieredLine(book.item('monitoring-logs'), gb, description);
  },
};

/** Bytes a throughput-billed queue (Pub/Sub) counts per message: each publish and delivery at its 1 KB minimum. */
const BYTES_PER_BILLED_REQUEST = 1000;
const TIB = 1024 ** 4;

/** The queue's operations: per request at the volume tiers, or (Pub/Sub) per TiB of publish and delivery. */
export const queueRule: CostRule = {
  kind: 'queue',
  component: 'queue',
  applies: ({ facts }) => facts.queue,
  line({ demand, params, book }) {
    const item = book.item('queue-requests');
    const writes = demand.requestsPerMonth * (1 - params.readRatio);
    const svc = book.catalog.services.queue;
    if (item.unit === 'TiB') {
      const tib = (writes * 2 * BYTES_PER_BILLED_REQUEST) / TIB;
      return tieredLine(item, tib, () => `${svc}: every write published and delivered once, each at the 1 KB minimum`);
    }
    const millions = (writes * 3) / 1e6;
    return tieredLine(item, millions, () => `${svc}: every write sent, received and deleted once (3 operations)`);
  },
};

/** A queue's monthly base charge where the provider has one (Service Bus Standard, operations included). */
export const queueBaseRule: CostRule = {
  kind: 'queue-base',
  component: 'queue',
  applies: ({ facts, book }) => facts.queue && book.has('queue-base'),
  line: ({ book }) => ({
    item: book.item('queue-base'),
    quantity: 1,
    description: () =>
      `${book.catalog.services.queue} base charge${book.item('queue-requests').freePerMonth ? `, ${book.item('queue-requests').freePerMonth} M operations included` : ''}`,
  }),
};
