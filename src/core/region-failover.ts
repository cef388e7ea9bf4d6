import { MINUTES_PER_MONTH } from './availability.js';
import { availabilityText } from './percent-text.js';
import type { DesignContext, RegionStack } from './design-types.js';
import { fleetServers, sizeFleet } from './fleet-sizing.js';
import { groupDigits } from './group-digits.js';
import { identity } from './identity-key.js';
import { round } from './round.js';
import { writerLoss, writerText, type WriterLoss } from './writer-loss.js';

/**
 * DNS failover: the provider's health checks poll every 30 s and mark a region down after 3 failures, then
 * resolvers keep the old answer for the record's 60 s TTL (Route 53, Traffic Manager and Cloud DNS defaults).
 */
export const DNS_FAILOVER_SECONDS = 30 * 3 + 60;
/** The auto-scaling rules: the queue-depth rule fires on the next 1-minute metric, +2 servers a step, 5-minute cooldown. */
export const SCALE_OUT = { detectSeconds: 60, step: 2, cooldownSeconds: 300 } as const;
/** An instance launched by auto-scaling: boot, start the app, pass the balancer's health checks (assumed; measure yours). */
export const INSTANCE_READY_SECONDS = 180;

export type FailoverMode = 'provisioned' | 'auto-scaling';

/** What one region needs to carry when the largest other region is lost. */
export interface RegionNeed {
  code: string;
  /** Servers running at the daily peak in normal operation. */
  has: number;
  /** Servers it needs at peak for its own share and the lost region's, at the p95 target. */
  needs: number;
  /** Minutes auto-scaling takes to add the difference (0 when it has them). */
  scaleOutMinutes: number;
}

/** One way to survive a region loss, with the downtime it counts. */
export interface FailoverVariant {
  mode: FailoverMode;
  stacks: RegionStack[];
  regions: RegionNeed[];
  /** Minutes a month counted as downtime: DNS failover for the lost share, plus any scale-out shortfall. */
  countedMinutes: number;
  /** How they were counted, in words. */
  counting: string;
}

const minutes = (seconds: number) => seconds / 60;

/** Minutes auto-scaling needs to add `servers`: detect, then steps of +2 one cooldown apart, and the last ones boot. */
export function scaleOutMinutes(servers: number): number {
  if (servers <= 0) return 0;
  const steps = Math.ceil(servers / SCALE_OUT.step);
  return minutes(SCALE_OUT.detectSeconds + (steps - 1) * SCALE_OUT.cooldownSeconds + INSTANCE_READY_SECONDS);
}

/** The load a region carries when the largest other region fails over to it: its share and that one's. */
const failoverShare = (stacks: RegionStack[], i: number) =>
  stacks[i]!.share + Math.max(0, ...stacks.filter((_, j) => j !== i).map((s) => s.share));

function needs(ctx: DesignContext, stacks: RegionStack[]): RegionNeed[] {
  const { demand, params } = ctx;
  return stacks.map((s, i) => {
    const load = {
      rps: demand.peakRps * failoverShare(stacks, i),
      serviceTimeMs: params.serviceTimeMs,
      latencyTargetMs: params.latencyTargetMs,
    };
    // A region loss and a zone loss at once is a second fault: the survivor is sized for the p95 target only.
    const fleet = sizeFleet(s.compute.instance, load, 1, 1);
    const n = Math.max(fleet.needs.latency, s.compute.atPeak);
    return { code: s.code, has: s.compute.atPeak, needs: n, scaleOutMinutes: scaleOutMinutes(n - s.compute.atPeak) };
  });
}

/**
 * Minutes a month counted as downtime when each region fails once a month for its whole allowed downtime
 * (its SLA's worst case): the lost share until DNS moves it, and the share the survivor cannot carry yet
 * until auto-scaling has added the servers.
 */
function counted(
  stacks: RegionStack[],
  regions: RegionNeed[],
  perRegion: number,
  withScaleOut: boolean,
  writer: WriterLoss,
): number {
  const outage = (1 - perRegion) * MINUTES_PER_MONTH;
  // The single writer's failure: every region's writes, until it is back (counted once, with the primary's loss).
  let total = writer.share * Math.min(writer.minutes, outage);
  stacks.forEach((lost, i) => {
    const dns = lost.share * Math.min(minutes(DNS_FAILOVER_SECONDS), outage);
    const short = withScaleOut
      ? Math.max(
          0,
          ...regions
            .filter((_, j) => j !== i)
            .map((r) => ((r.needs - r.has) / r.needs) * Math.min(r.scaleOutMinutes, outage)),
        )
      : 0;
    total += Math.min(outage, dns + short);
  });
  return total;
}

/** Each region's fleet hour by hour for its own share (with zone headroom) and, when provisioned, the failover load. */
function provisionedStack(ctx: DesignContext, stacks: RegionStack[], i: number, zones: number): RegionStack {
  const s = stacks[i]!;
  const { demand, params, curve } = ctx;
  const c = s.compute;
  if (c.max <= 1) return s;
  const at = (share: number, factor: number, z: number, min: number) =>
    fleetServers(
      c.instance,
      {
        rps: demand.averageRps * share * factor,
        serviceTimeMs: params.serviceTimeMs,
        latencyTargetMs: params.latencyTargetMs,
      },
      z,
      min,
    );
  const share = failoverShare(stacks, i);
  const hourly = curve.map((f) => Math.max(Math.min(c.atPeak, at(s.share, f, zones, c.min)), at(share, f, 1, 1)));
  const atPeak = Math.max(c.atPeak, ...hourly);
  const min = Math.max(c.min, Math.min(...hourly));
  const average = hourly.reduce((a, b) => a + b, 0) / hourly.length;
  const compute = {
    ...c,
    atPeak,
    min,
    average,
    max: Math.max(c.max, atPeak + 2),
    utilizationAtPeak: (c.utilizationAtPeak * c.atPeak) / atPeak,
  };
  return { ...s, compute, hourly };
}

/**
 * The two ways a region can take a lost region's traffic: provisioned (each region's fleet always carries
 * its share and the largest other region's, hour by hour) or auto-scaling (each region runs for its own
 * share and adds servers when the traffic arrives, that time counted as downtime).
 */
export function failoverVariants(
  ctx: DesignContext,
  stacks: RegionStack[],
  zones: number,
  perRegion: number,
): FailoverVariant[] {
  const { regions, provisioned, provisionedRegions } = headroom(ctx, stacks, zones);
  const writer = writerLoss(ctx, stacks);
  const writes = writerText(writer, stacks[0]!.database.deployment);
  const dnsText = `DNS failover (health checks every 30 s, 3 failures, 60 s TTL: ${minutes(DNS_FAILOVER_SECONDS)} min) for the lost region's share`;
  const outage = `each region failing once a month for its whole allowed downtime (${round((1 - perRegion) * MINUTES_PER_MONTH)} min at ${round(perRegion * 100)} %)`;
  const auto: FailoverVariant = {
    mode: 'auto-scaling',
    stacks,
    regions,
    countedMinutes: counted(stacks, regions, perRegion, true, writer),
    counting: `${dnsText}, plus the share the survivor cannot carry until auto-scaling adds its servers (${SCALE_OUT.detectSeconds} s to detect, +${SCALE_OUT.step} every ${SCALE_OUT.cooldownSeconds / 60} min, ${minutes(INSTANCE_READY_SECONDS)} min to boot), plus ${writes}, with ${outage}`,
  };
  const provisionedStacks = stacks.map((s, i) => {
    const fleet = provisioned[i];
    return fleet ? { ...s, compute: fleet.compute, hourly: fleet.hourly } : s;
  });
  const withProvisioned: FailoverVariant = {
    mode: 'provisioned',
    stacks: provisionedStacks,
    regions: provisionedRegions,
    countedMinutes: counted(stacks, regions, perRegion, false, writer),
    counting: `${dnsText} (the survivor already has the servers), plus ${writes}, with ${outage}`,
  };
  return [auto, withProvisioned];
}

/** A region's fleet when provisioned for failover: the sizing and its hours; null when it needs nothing more. */
export type ProvisionedFleet = { compute: RegionStack['compute']; hourly: number[] } | null;

/** What the fleets need when a region is lost, and the provisioned fleets. */
export interface Headroom {
  regions: RegionNeed[];
  provisioned: ProvisionedFleet[];
  provisionedRegions: RegionNeed[];
}

/**
 * The headroom, remembered for the plan: it depends only on each region's fleet sizing (the same object
 * across the designs that share it), share and code, and the zones, not on the database or cache a design adds.
 */
function headroom(ctx: DesignContext, stacks: RegionStack[], zones: number): Headroom {
  const key = `${zones}|${stacks.map((s) => `${identity(s.compute)}@${s.share}@${s.code}`).join('|')}`;
  const known = ctx.failovers.get(key);
  if (known) return known;
  const provisionedStacks = stacks.map((_, i) => provisionedStack(ctx, stacks, i, zones));
  const found: Headroom = {
    regions: needs(ctx, stacks),
    provisioned: provisionedStacks.map((p, i) => (p === stacks[i] ? null : { compute: p.compute, hourly: p.hourly! })),
    provisionedRegions: needs(ctx, provisionedStacks),
  };
  ctx.failovers.set(key, found);
  return found;
}

/** The failover mode a multi-region design uses, the one it beat, and why. */
export interface FailoverChoice {
  chosen: FailoverVariant;
  estimated: number;
  monthly: number;
  alternative: { mode: FailoverMode; estimated: number; monthly: number; countedMinutes: number };
  reasons: string[];
}

/**
 * The cheaper variant that still meets the --availability target (without one, the cheaper: both ways of
 * failing over are far above the tier's floor); when neither meets it, the more available one.
 */
export function pickFailover(
  priced: { variant: FailoverVariant; estimated: number; monthly: number }[],
  target: number | undefined,
): FailoverChoice {
  const meets = (p: (typeof priced)[number]) => target === undefined || p.estimated >= target;
  const byCost = [...priced].sort((a, b) => a.monthly - b.monthly || b.estimated - a.estimated);
  const pick = byCost.find(meets) ?? [...priced].sort((a, b) => b.estimated - a.estimated)[0]!;
  const other = priced.find((p) => p !== pick)!;
  const pct = (x: number) => `${availabilityText(x * 100)} %`;
  const money = (x: number) => `$${groupDigits(Math.round(x))}`;
  const why = !meets(pick)
    ? `neither meets the target; ${pick.variant.mode} is the more available`
    : pick.monthly <= other.monthly
      ? `${pick.variant.mode} is the cheaper (${money(pick.monthly)} against ${money(other.monthly)}/month)${target !== undefined ? ` and meets ${target !== undefined ? 'the' : 'the same'} ${round(target * 100)} % ${target !== undefined ? 'target' : 'step of the cost-of-nines table'} (${pct(pick.estimated)})` : ''}`
      : `${other.variant.mode} is cheaper (${money(other.monthly)}) but reaches only ${pct(other.estimated)}, short of ${round((target ?? 0) * 100)} %${target !== undefined ? ', the target' : ', the highest nine the other reaches'}; ${pick.variant.mode} reaches ${pct(pick.estimated)} for ${money(pick.monthly)}`;
  const regions = pick.variant.regions
    .map(
      (r) =>
        `${r.code} needs ${r.needs} servers at peak for its share and the largest other region's, has ${r.has}${r.scaleOutMinutes > 0 ? ` (auto-scaling adds ${r.needs - r.has} in ${round(r.scaleOutMinutes)} min)` : ''}`,
    )
    .join('; ');
  return {
    chosen: pick.variant,
    estimated: pick.estimated,
    monthly: pick.monthly,
    alternative: {
      mode: other.variant.mode,
      estimated: other.estimated,
      monthly: other.monthly,
      countedMinutes: round(other.variant.countedMinutes),
    },
    reasons: [
      `Region failover ${pick.variant.mode}: ${why}`,
      `Failover headroom: ${regions}`,
      `Counted as downtime: ${round(pick.variant.countedMinutes)} min/month — ${pick.variant.counting}`,
    ],
  };
}
