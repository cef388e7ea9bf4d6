import { USAGE_ASSUMPTIONS as A } from '../cost/usage-assumptions.js';
import { DATABASE_SHARE_OF_STORAGE } from '../database.js';
import { HOURS_PER_MONTH, type Demand } from '../demand.js';
import { DEFAULT_DEPLOYS_PER_MONTH } from '../deployment.js';
import type { PlanInput } from '../input.js';
import type { PlanDocument } from '../plan-document.js';
import type { Parameters } from '../resolve.js';
import { round } from '../round.js';

export function echoInput(input: PlanInput, p: Parameters): PlanDocument['input'] {
  return {
    name: input.name,
    users: input.users,
    profile: input.profile,
    provider: input.provider,
    availability: input.availability ?? null,
    stateful: input.stateful,
    parameters: {
      dauRatio: p.dauRatio,
      requestsPerUser: p.requestsPerUser,
      peakFactor: p.peakFactor,
      readRatio: p.readRatio,
      serviceTimeMs: p.serviceTimeMs,
      requestDurations: p.requestDurations,
      payloadKb: p.payloadKb,
      storagePerUserMb: p.storagePerUserMb,
      latencyTargetMs: p.latencyTargetMs,
      cdnOffload: p.cdnOffload,
      cacheHitRatio: p.cacheHitRatio,
      dbTimeMs: p.dbTimeMs,
      dailyCurve: p.dailyCurve,
    },
    overridden: p.overridden,
  };
}

export function demandSection(demand: Demand): PlanDocument['demand'] {
  return {
    dailyActiveUsers: round(demand.dailyActiveUsers, 0),
    requestsPerDay: round(demand.requestsPerDay, 0),
    averageRps: round(demand.averageRps, 2),
    peakRps: round(demand.peakRps, 2),
    egressGbPerMonth: round(demand.egressGbPerMonth, 1),
    storageGb: round(demand.storageGb, 1),
    peakCpuDemandVcpus: round(demand.peakCpuDemand, 3),
  };
}

export function assumptions(p: Parameters, input: PlanInput): string[] {
  return [
    'The scaling guide is the rule set this plan starts from: four tiers by monthly users (under 10k, 10k–100k, 100k–1M, 1M and up), each with a typical design and cost band, and rules for statelessness, load balancing, health checks, auto-scaling, regions and deployments (README: The scaling guide)',
    `A month is ${HOURS_PER_MONTH} hours (the convention of AWS's calculator and GCP's price mirror); prices are list prices in USD`,
    `Traffic profile ${input.profile}: ${Math.round(p.dauRatio * 100)} % of monthly users active on a day, ${p.requestsPerUser} requests each, peak hour ${p.peakFactor}× the average, ${p.serviceTimeMs} ms of CPU per request`,
    'Sizing treats service times as exponential (M/M/k per server); requests whose durations vary more than that need the headroom least-connections balancing gives',
    `Expected cost follows the ${p.dailyCurve} daily curve; low is the minimum fleet all month, high the maximum fleet all month`,
    `${A.requestsPerConnection} requests per connection to the balancer; ${A.outboundKbPerRequestViaNat} KB per request to outside APIs; ${A.dataTierKbPerRequest} KB per request between app and data tier; ${A.logKbPerRequest} KB of log per request`,
    `Storage: ${Math.round(DATABASE_SHARE_OF_STORAGE * 100)} % of each user's data is database rows, the rest files in object storage`,
    `Deploys: ${input.deploysPerMonth ?? DEFAULT_DEPLOYS_PER_MONTH} a month unless --deploys-per-month says otherwise`,
  ];
}
