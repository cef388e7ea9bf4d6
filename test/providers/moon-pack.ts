import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { catalogSchema } from '../../src/pricing/catalog-schema.js';
import { itemKey } from '../../src/pricing/refresh/apply.js';
import { getJson, under } from '../../src/pricing/refresh/http.js';
import type { BalancedStrategy, ProviderPack } from '../../src/providers/types.js';

/** A fourth provider built from test fixtures alone: its catalog is a YAML file, its price API a JSON file. */
const catalog = catalogSchema.parse(
  parse(readFileSync(new URL('../fixtures/providers/moon.yaml', import.meta.url), 'utf8')),
);

const setting = (strategy: BalancedStrategy) => ({
  service: 'Lunar Load Balancer',
  setting: `algorithm = ${strategy}`,
  attributes: { algorithm: strategy },
});

export const moon: ProviderPack = {
  id: 'moon',
  label: 'Moon',
  catalog,
  pairedRegions: { 'mare-1': 'mare-2', 'mare-2': 'mare-1' },
  balancer: {
    'round-robin': setting('round-robin'),
    'least-connections': setting('least-connections'),
    'ip-hash': setting('ip-hash'),
    weighted: setting('weighted'),
  },
  // A plain Ingress on the Moon's own controller, one rule per backend Service.
  ingress: ({ name, labels, backends }) => [
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: {
        name,
        labels,
        annotations: { 'lunar.example/weights': backends.map((b) => `${b.service}=${b.percent}`).join(',') },
      },
      spec: {
        ingressClassName: 'lunar',
        rules: [
          {
            http: {
              paths: [
                {
                  path: '/',
                  pathType: 'Prefix',
                  backend: { service: { name: backends[0]!.service, port: { number: backends[0]!.port } } },
                },
              ],
            },
          },
        ],
      },
    },
  ],
  // Infracost prices no Moon resources: the file says so by carrying only the usage every provider has.
  infracostUsage: (plan) => ({
    version: 0.1,
    resource_type_default_usage: { moon_instance_group: { instances: Math.ceil(plan.compute.instances.average) } },
  }),
  refresher: {
    endpoint: 'https://prices.moon.invalid',
    // The Moon's price API: GET /v1/prices.json → { region: { itemId: price } }.
    load: async () => async (base, opts) => {
      const body = await getJson<Record<string, Record<string, number>>>(under(opts.endpoint, '/v1/prices.json'), {
        timeoutMs: opts.idleMs,
      });
      const found = new Map();
      for (const item of base.regions[opts.region]?.items ?? []) {
        const price = body[opts.region]?.[item.id];
        if (price !== undefined) found.set(itemKey(item), { price, source: `Moon price API (${opts.region})` });
      }
      return { found, buying: {} };
    },
  },
};
