import catalog from './catalog.generated.json' with { type: 'json' };
import commitments from './commitments.generated.json' with { type: 'json' };
import type { Catalog } from '../../pricing/catalog-schema.js';
import type { CommitmentBook } from '../../pricing/commitment-schema.js';
import type { ProviderPack } from '../types.js';
import { memorystoreBilling } from './cache-billing.js';
import { gcpHardware } from './hardware.js';
import { infracostUsage } from './infracost-usage.js';
import { ingressManifests } from './ingress.js';

const BACKEND = 'Cloud Load Balancing (backend service)';

export const gcp = {
  id: 'gcp',
  label: 'GCP',
  catalog: catalog as Catalog,
  commitments: commitments as CommitmentBook,
  hardware: gcpHardware,
  pairedRegions: {
    'us-central1': 'us-east1',
    'us-east1': 'us-central1',
    'us-west1': 'us-central1',
    'europe-west1': 'europe-west3',
    'europe-west3': 'europe-west1',
    'asia-northeast1': 'asia-southeast1',
    'asia-southeast1': 'asia-northeast1',
    'australia-southeast1': 'asia-southeast1',
  },
  cacheBilling: memorystoreBilling,
  // cloud.google.com/nat/pricing: $0.0014 per VM-hour, capped at 32 VMs; one external address per gateway.
  network: { balancerIps: 'one', nat: { gateways: 'regional', vmsAtCap: 32 } },
  // docs.cloud.google.com/sql/docs/availability: regional (HA) instances fail over to the secondary zone with
  // the same IP address and no data loss; Enterprise Plus: 99.99 % SLA, under a second for planned operations.
  databaseHaPlusInstance: {
    why: 'a standby in another zone, written synchronously, takes over with the same IP address and no data loss (billed as a second instance); planned maintenance and scaling cost under a second of downtime, and the SLA is 99.99 %',
  },
  balancer: {
    'round-robin': {
      service: BACKEND,
      setting: 'localityLbPolicy = ROUND_ROBIN',
      attributes: { localityLbPolicy: 'ROUND_ROBIN' },
    },
    'least-connections': {
      service: BACKEND,
      setting: 'localityLbPolicy = LEAST_REQUEST',
      attributes: { localityLbPolicy: 'LEAST_REQUEST' },
    },
    'ip-hash': {
      service: BACKEND,
      setting: 'sessionAffinity = CLIENT_IP',
      attributes: { sessionAffinity: 'CLIENT_IP' },
    },
    weighted: {
      service: 'Cloud Load Balancing (URL map)',
      setting: 'weightedBackendServices traffic splitting by weight',
      attributes: { localityLbPolicy: 'ROUND_ROBIN' },
    },
  },
  ingress: ingressManifests,
  infracostUsage,
  refresher: {
    endpoint: 'https://cloudbilling.googleapis.com',
    apiKeyEnv: 'GOOGLE_API_KEY',
    load: async () => (await import('./refresh.js')).refresh,
  },
} satisfies ProviderPack;
