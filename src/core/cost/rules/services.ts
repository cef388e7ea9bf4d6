import { DATABASE_SHARE_OF_STORAGE } from '../../database.js';
import { HOURS_PER_MONTH } from '../../demand.js';
import { tieredCost } from '../../price-book.js';
import type { CostRule } from '../rule.js';
import { USAGE_ASSUMPTIONS as A } from '../usage-assumptions.js';

export const dnsZoneRule: CostRule = {
  kind: 'dns-zone',
  component: 'dns',
  applies: () => true,
  line: ({ book }) => ({
    item: book.item('dns-zone'),
    quantity: 1,
    description: `${book.catalog.services.dns} hosted zone`,
  }),
};

export const dnsQueriesRule: CostRule = {
  kind: 'dns-queries',
  component: 'dns',
  applies: () => true,
  line({ demand, book }) {
    const millions = (demand.dailyActiveUsers * A.dnsLookupsPerDailyUser * (HOURS_PER_MONTH / 24)) / 1e6;
    const description = `${book.catalog.services.dns} queries: ${A.dnsLookupsPerDailyUser} lookups per daily user a day`;
    return { item: book.item('dns-queries'), quantity: millions, description };
  },
};

export const objectStorageRule: CostRule = {
  kind: 'object-storage',
  component: 'storage',
  applies: () => true,
  line({ demand, book }) {
    const gb = demand.storageGb * (1 - DATABASE_SHARE_OF_STORAGE);
    const description = `${book.catalog.services.objectStorage}: uploads and files (never on the server's disk)`;
    return { item: book.item('object-storage'), quantity: gb, description };
  },
};

export const metricsRule: CostRule = {
  kind: 'monitoring-metrics',
  component: 'monitoring',
  applies: () => true,
  line({ facts, book }) {
    const servers = Math.ceil(facts.fleets.reduce((a, f) => a + f.average, 0));
    const metrics = A.baseMetrics + A.metricsPerServer * servers;
    const description = `${book.catalog.services.monitoring}: ${A.baseMetrics} service metrics + ${A.metricsPerServer} per server`;
    return { item: book.item('monitoring-metric'), quantity: metrics, description };
  },
};

export const logsRule: CostRule = {
  kind: 'monitoring-logs',
  component: 'monitoring',
  applies: () => true,
  line({ demand, book }) {
    const gb = (demand.requestsPerMonth * A.logKbPerRequest) / 1e6;
    const description = `${book.catalog.services.monitoring} logs: ${A.logKbPerRequest} KB of access log per request`;
    return { item: book.item('monitoring-logs'), quantity: gb, description };
  },
};

export const queueRule: CostRule = {
  kind: 'queue',
  component: 'queue',
  applies: ({ facts }) => facts.queue,
  line({ demand, params, book }) {
    const item = book.item('queue-requests');
    const millions = (demand.requestsPerMonth * (1 - params.readRatio) * 3) / 1e6;
    const description = `${book.catalog.services.queue}: every write sent, received and deleted once (3 requests)`;
    return { item, quantity: millions, description, monthly: tieredCost(item, millions) };
  },
};
