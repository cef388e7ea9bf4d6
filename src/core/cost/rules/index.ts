import type { CostRule, CostRuleGroup } from '../rule.js';
import type { DatabaseFacts } from '../types.js';
import { loadBalancerCapacityRule, loadBalancerRule } from './balancer.js';
import { cacheRule } from './cache.js';
import { cdnBaseRule, cdnRequestsRule, cdnTransferRule } from './cdn.js';
import { computeLargeRule, computeRule, deploymentRule } from './compute.js';
import { databaseRules } from './database.js';
import { crossRegionRule, crossZoneRule, egressRule, natDataRule, natGatewayRule, publicIpRule } from './network.js';
import { dnsHealthCheckRule, objectStorageReplicaRule, objectStorageReplicationRule } from './region-replication.js';
import {
  dnsQueriesRule,
  dnsZoneRule,
  logsRule,
  metricsRule,
  objectStorageRule,
  queueBaseRule,
  queueRule,
} from './services.js';

/**
 * Every line of the bill, in the order the bill lists them. A new line is one rule here (and the catalog
 * rows it prices); renderers, diff and exporters read lines by their kind and id.
 */
export const COST_RULES: readonly (CostRule | CostRuleGroup<DatabaseFacts>)[] = [
  computeRule,
  computeLargeRule,
  loadBalancerRule,
  loadBalancerCapacityRule,
  databaseRules,
  cacheRule,
  cdnBaseRule,
  cdnTransferRule,
  cdnRequestsRule,
  egressRule,
  natGatewayRule,
  natDataRule,
  crossZoneRule,
  crossRegionRule,
  dnsZoneRule,
  dnsQueriesRule,
  dnsHealthCheckRule,
  publicIpRule,
  objectStorageRule,
  objectStorageReplicaRule,
  objectStorageReplicationRule,
  metricsRule,
  logsRule,
  queueBaseRule,
  queueRule,
  deploymentRule,
];

/** Every rule's kind, groups flattened: what the rule-coverage test walks. */
export const COST_RULE_KINDS: readonly string[] = COST_RULES.flatMap((r) =>
  'rules' in r ? r.rules.map((x) => x.kind) : [r.kind],
);
