import catalog from './catalog.generated.json' with { type: 'json' };
import commitments from './commitments.generated.json' with { type: 'json' };
import type { Catalog } from '../../pricing/catalog-schema.js';
import type { CommitmentBook } from '../../pricing/commitment-schema.js';
import type { ProviderPack } from '../types.js';
import { awsHardware } from './hardware.js';
import { infracostUsage } from './infracost-usage.js';
import { ingressManifests } from './ingress.js';

const ALB = 'Application Load Balancer';

export const aws = {
  id: 'aws',
  label: 'AWS',
  catalog: catalog as Catalog,
  commitments: commitments as CommitmentBook,
  hardware: awsHardware,
  // AWS has no formal pairs: these are the usual disaster-recovery partners in the same geography.
  pairedRegions: {
    'us-east-1': 'us-west-2',
    'us-east-2': 'us-west-2',
    'us-west-2': 'us-east-1',
    'eu-west-1': 'eu-central-1',
    'eu-central-1': 'eu-west-1',
    'ap-northeast-1': 'ap-southeast-1',
    'ap-southeast-1': 'ap-northeast-1',
    'ap-southeast-2': 'ap-southeast-1',
  },
  balancer: {
    'round-robin': {
      service: ALB,
      setting: 'target group attribute load_balancing.algorithm.type = round_robin (the default)',
      attributes: { 'load_balancing.algorithm.type': 'round_robin' },
    },
    'least-connections': {
      service: ALB,
      setting: 'target group attribute load_balancing.algorithm.type = least_outstanding_requests',
      attributes: { 'load_balancing.algorithm.type': 'least_outstanding_requests' },
    },
    'ip-hash': {
      service: ALB,
      setting:
        'ALB has no IP hash: target group attributes stickiness.enabled = true, stickiness.type = lb_cookie (or app_cookie)',
      attributes: {
        'stickiness.enabled': 'true',
        'stickiness.type': 'lb_cookie',
        'stickiness.lb_cookie.duration_seconds': '86400',
      },
    },
    weighted: {
      service: ALB,
      setting: 'listener rule forward action to weighted target groups (e.g. stable 95 / canary 5)',
      attributes: { 'load_balancing.algorithm.type': 'round_robin' },
    },
  },
  ingress: ingressManifests,
  infracostUsage,
  refresher: {
    endpoint: 'https://pricing.us-east-1.amazonaws.com',
    load: async () => (await import('./refresh.js')).refresh,
  },
} satisfies ProviderPack;
