import { availabilityText } from '../core/percent-text.js';
import { formatUsers } from '../core/humane-number.js';
import type { PlanDocument } from '../core/plan-document.js';
import { gb, num, pct, providerLabel, usd } from './format.js';

/** One-line descriptions of each part of the design, shared by the table and markdown renderers. */
export function designRows(plan: PlanDocument): [string, string][] {
  const rows: [string, string][] = [
    ['Tier', `${plan.tier.id} — ${plan.tier.title} (${plan.tier.scaling})`],
    ['App servers', appServersText(plan)],
    ...regionRows(plan),
    ['Database', databaseText(plan)],
    [
      'Cache',
      plan.cache
        ? `${plan.cache.service} ${plan.cache.nodeType} × ${plan.cache.nodes}${perRegion(plan) ? ` in each of ${regionCount(plan)} regions` : ''} (${cacheShape(plan.cache)})`
        : 'none',
    ],
    ['CDN', plan.cdn ? `${plan.cdn.service} · ${pct(plan.cdn.offloadShare)} of bytes from the edge` : 'none'],
  ];
  if (plan.queue) rows.push(['Queue', plan.queue.service]);
  rows.push(
    [
      'Load balancing',
      plan.loadBalancing.strategy === 'none'
        ? 'none (one server)'
        : `${plan.loadBalancing.strategy}${plan.loadBalancing.configuration ? ` · ${plan.loadBalancing.configuration.provider.service}` : ''}`,
    ],
    [
      'Health check',
      `GET ${plan.healthCheck.path} every ${plan.healthCheck.intervalSeconds} s, ${plan.healthCheck.healthyStatus}/${plan.healthCheck.unhealthyStatus}, checks ${plan.healthCheck.checks.map((x: string) => x.split(' ')[0]).join(' and ')}`,
    ],
    [
      'Auto-scaling',
      plan.autoscaling ? autoscalingLine(plan.autoscaling, perRegion(plan)) : 'none (one server scales vertically)',
    ],
    [
      'Availability',
      `${availabilityText(plan.availability.estimated)} % estimated${plan.availability.target !== null ? ` for a ${plan.availability.target} % target (${plan.availability.meetsTarget ? 'met' : 'NOT met'})` : ''} · ${plan.availability.topology} · ~${num(plan.availability.downtimeMinutesPerMonth, 1)} min downtime/month`,
    ],
    [
      'Deployment',
      `${plan.deployment.strategy}${plan.deployment.extraMonthlyCost > 0 ? ` · +${usd(plan.deployment.extraMonthlyCost)}/month while deploying` : ' · no extra cost'}`,
    ],
  );
  return rows;
}

export function headline(plan: PlanDocument): string {
  const p = plan.cost.pricing;
  const where = perRegion(plan) ? plan.availability.regions.map((r) => r.code).join(' + ') : p.region;
  return `${formatUsers(plan.input.users)} monthly users · ${plan.input.profile} profile · ${providerLabel(p.provider)} ${where}`;
}

export function demandLine(plan: PlanDocument): string {
  const d = plan.demand;
  return `${allRegions(plan)}${num(d.dailyActiveUsers)} daily users · ${num(d.peakRps, 1)} req/s at peak (${num(d.averageRps, 1)} average) · ${gb(d.egressGbPerMonth)}/month sent · ${gb(d.storageGb)} stored`;
}

export function totalLine(plan: PlanDocument): string {
  const m = plan.cost.monthly;
  return `${usd(m.expected)}/month expected (low ${usd(m.low)}, high ${usd(m.high)})${perRegion(plan) ? `, all ${regionCount(plan)} regions together` : ''}`;
}

export function bandLine(plan: PlanDocument): string {
  const b = plan.cost.referenceBand;
  return `scaling guide's band for ${b.tier}: ${usd(b.low)}–${b.high === null ? '…' : usd(b.high)} (${b.comparison})`;
}

export function pricingLine(plan: PlanDocument): string {
  const p = plan.cost.pricing;
  const regions = plan.availability.regions.map((r) => r.code);
  // A split is billed region by region, each at its own list prices.
  const where =
    regions.length > 1 ? `${regions.join(' + ')} list prices, each region at its own,` : `${p.region} list prices`;
  return `${providerLabel(p.provider)} ${where} of ${p.date} (${p.catalog} catalog), ${plan.cost.hoursPerMonth} hours a month`;
}

/** "2.1 % of the bill on recalled (U) prices: front-door-transfer 1.9 %, …" or null when none is. */
export function recalledLine(plan: PlanDocument): string | null {
  const r = plan.cost.recalled;
  if (!r || r.items.length === 0) return null;
  return `${num(r.share * 100, 1)} % of the bill (${usd(r.monthly)}) on recalled prices (U), to check before relying on them:`;
}

/** The U-priced items, one per line: "front-door-transfer (cdn-transfer): $14,448, 25.9 %". */
export function recalledItems(plan: PlanDocument): string[] {
  return (plan.cost.recalled?.items ?? []).map(
    (i) => `${i.itemId} (${i.kind}): ${usd(i.monthly)}, ${num(i.share * 100, 1)} %`,
  );
}

function cacheShape(cache: NonNullable<PlanDocument['cache']>): string {
  const replicas = `${cache.replicasPerShard} replica${cache.replicasPerShard === 1 ? '' : 's'}`;
  if (cache.shards === 1) return cache.replicasPerShard === 0 ? 'a single node' : `primary + ${replicas}`;
  return `${cache.shards} shards, each primary + ${replicas}`;
}

/** The cost of each extra nine as rows: target, design change, estimate, monthly cost and the change against this plan. */
export function ninesRows(plan: PlanDocument): string[][] {
  return plan.availability.costOfNines.map((n) => [
    `${n.target} %`,
    n.change,
    `${availabilityText(n.estimated)} %`,
    usd(n.monthly),
    n.deltaMonthly === 0 ? '±$0' : `${n.deltaMonthly > 0 ? '+' : ''}${usd(n.deltaMonthly)}`,
  ]);
}

const regionCount = (plan: PlanDocument) => plan.availability.regions.length;

/** True when the plan spans regions, so every figure must say whether it is a total or per region. */
export const perRegion = (plan: PlanDocument) => regionCount(plan) > 1;

/** "All 2 regions: " before a figure that adds up every region, nothing for a one-region plan. */
export const allRegions = (plan: PlanDocument) => (perRegion(plan) ? `all ${regionCount(plan)} regions: ` : '');

/** One machine type: "m7g.large (2 vCPU, 8 GiB)". */
const machine = (m: { instanceType: string; vcpus: number; memoryGb: number }) =>
  `${m.instanceType} (${m.vcpus} vCPU, ${m.memoryGb} GiB)`;

/** The machines at peak: one type, or with --mixed-hardware each size and its count ("3 × m7g.large + 3 × m7g.xlarge"). */
function machinesText(c: PlanDocument['compute']): string {
  if (!c.sizes || c.sizes.length < 2) return `${c.instances.expected} × ${machine(c)}`;
  return `${c.instances.expected} servers: ${c.sizes.map((z) => `${z.instances.expected} × ${machine(z)}`).join(' + ')}`;
}

function appServersText(plan: PlanDocument): string {
  const c = plan.compute;
  const machines = machinesText(c);
  const load = `${pct(c.utilizationAtPeak)} CPU, p95 ${num(c.p95AtPeakMs)} ms of ${num(c.latencyTargetMs)} at peak`;
  if (c.instances.max <= 1) return `1 × ${machine(c)} · ${load}`;
  if (!perRegion(plan))
    return `${machines} at peak · auto-scaling ${c.instances.min}–${c.instances.max} · ${load} · set by ${c.boundBy}`;
  const largest = plan.availability.regions[0]!;
  return `${machines} at peak in total · auto-scaling ${c.instances.min}–${c.instances.max} in total · per region, in ${largest.code} (the primary region): ${load}, set by ${c.boundBy}`;
}

/** One row per region of a multi-region plan: its share of users, its role and its own fleet. */
function regionRows(plan: PlanDocument): [string, string][] {
  if (!perRegion(plan)) return [];
  const text = plan.availability.regions
    .map(
      (r) =>
        `${r.code}: ${num(r.share)} % of users, ${r.role}, database ${r.database}, ${r.instances.expected} server${r.instances.expected === 1 ? '' : 's'} at peak (auto-scaling ${r.instances.min}–${r.instances.max})`,
    )
    .join(' · ');
  return [['Regions', `per region — ${text}${plan.availability.routing ? ` · ${plan.availability.routing}` : ''}`]];
}

/**
 * The deployment in words the reader's provider shares: the option ids (single-az, aurora) are AWS's names
 * and read oddly on another provider ("Cloud SQL … aurora"); the higher-SLA engine is in the service's name.
 */
const DEPLOYMENT_WORDS: Record<PlanDocument['database']['deployment'], string> = {
  'single-az': ' in one zone',
  'multi-az': ' with a standby in another zone',
  'multi-az-cluster': ' with two readable standbys in other zones',
  aurora: '',
  'aurora-io-optimized': ' (I/O-Optimized)',
};

function databaseText(plan: PlanDocument): string {
  const db = plan.database;
  const shards = db.shards > 1 ? ` × ${db.shards} shards` : '';
  const each = db.shards > 1 && db.readReplicas > 0 ? `, ${db.readReplicasPerShard} per shard` : '';
  const replicas =
    db.readReplicas > 0 ? ` + ${db.readReplicas} read replica${db.readReplicas === 1 ? '' : 's'}${each}` : '';
  const where = perRegion(plan) ? ` in ${plan.availability.regions[0]!.code} (other regions: see Regions)` : '';
  return `${db.service} ${db.instanceType}${DEPLOYMENT_WORDS[db.deployment]}${shards}${replicas}${where} · ${num(db.storageGb)} GB of data${db.shards > 1 ? ' in total' : ''}`;
}

type Scaling = NonNullable<PlanDocument['autoscaling']>;

/** "+2 above 70 % for 5 min": the CPU rule of a scaling direction, as the plan sets it. */
function cpuRule(step: Scaling['scaleOut']): string {
  const cpu = step.when.find((w) => w.metric === 'cpuPercent');
  const sign = step.adjustment > 0 ? '+' : '';
  if (!cpu) return `${sign}${step.adjustment}`;
  const side = cpu.operator === '>' ? 'above' : 'below';
  return `${sign}${step.adjustment} ${side} ${cpu.threshold} %${cpu.forMinutes ? ` for ${cpu.forMinutes} min` : ''}`;
}

function autoscalingLine(a: Scaling, regions: boolean): string {
  const total = regions ? ' in total (each region scales on its own: see Regions)' : '';
  return `${a.minInstances}–${a.maxInstances} servers${total}, target CPU ${a.targetCpuPercent} %, ${cpuRule(a.scaleOut)}, ${cpuRule(a.scaleIn)}, cooldown ${a.cooldownSeconds / 60} min`;
}

/** "Why this design": each part's reasons under its title, in the order the design is read. */
export function reasonSections(plan: PlanDocument): [string, string[]][] {
  return [
    ['Tier', plan.tier.reasons],
    ['App servers', plan.compute.reasons],
    ['Database', plan.database.reasons],
    ['Cache', plan.cache?.reasons ?? []],
    ['Load balancing', plan.loadBalancing.reasons],
    ['Health check', plan.healthCheck.reasons],
    ['Auto-scaling', plan.autoscaling?.reasons ?? []],
    ['Availability', plan.availability.reasons],
    ['Deployment', plan.deployment.reasons],
    ['Assumptions', plan.assumptions],
  ];
}
