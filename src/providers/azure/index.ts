import catalog from './catalog.generated.json' with { type: 'json' };
import commitments from './commitments.generated.json' with { type: 'json' };
import type { Catalog } from '../../pricing/catalog-schema.js';
import type { CommitmentBook } from '../../pricing/commitment-schema.js';
import type { ProviderPack } from '../types.js';
import { azureCacheBilling } from './cache-billing.js';
import { azureHardware } from './hardware.js';
import { infracostUsage } from './infracost-usage.js';
import { ingressManifests } from './ingress.js';

export const azure = {
  id: 'azure',
  label: 'Azure',
  catalog: catalog as Catalog,
  commitments: commitments as CommitmentBook,
  hardware: azureHardware,
  // Azure's own region pairs (learn.microsoft.com: cross-region replication in Azure).
  pairedRegions: {
    eastus: 'westus',
    eastus2: 'centralus',
    westus2: 'westcentralus',
    westeurope: 'northeurope',
    northeurope: 'westeurope',
    germanywestcentral: 'germanynorth',
    japaneast: 'japanwest',
    southeastasia: 'eastasia',
  },
  cacheBilling: azureCacheBilling,
  // Application Gateway v2: one public frontend address; a NAT gateway (and its address) in each zone.
  network: { balancerIps: 'one', nat: { gateways: 'per-zone' } },
  balancer: {
    'round-robin': {
      service: 'Application Gateway',
      setting: 'default distribution (round robin across the backend pool)',
      attributes: {},
    },
    'least-connections': {
      service: 'Azure Front Door',
      setting: 'latency-based routing (Application Gateway has no least-connections mode)',
      attributes: {},
    },
    'ip-hash': {
      service: 'Azure Load Balancer',
      setting: 'loadDistribution = SourceIP (source-IP affinity)',
      attributes: { loadDistribution: 'SourceIP' },
    },
    weighted: {
      service: 'Azure Front Door',
      setting: 'origin group weights (e.g. 95 / 5)',
      attributes: {},
    },
  },
  ingress: ingressManifests,
  infracostUsage,
  refresher: {
    endpoint: 'https://prices.azure.com',
    load: async () => (await import('./refresh.js')).refresh,
  },
} satisfies ProviderPack;
