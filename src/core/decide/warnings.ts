import { localRegion, localSplit } from '../../providers/region-locations.js';
import { groupDigits } from '../group-digits.js';
import type { Design, DesignContext } from '../design.js';
import type { AvailabilityChoice } from '../design-search.js';
import { hardwareWarnings } from '../hardware-reasons.js';
import { tierRule } from '../tiers.js';

/** How old a catalog may be before every plan priced on it says so. */
export const STALE_AFTER_DAYS = 90;

export type BandComparison = 'below' | 'inside' | 'above';

/** Where the expected monthly cost sits against the seed's band for the tier. */
export function bandComparison(d: Design): BandComparison {
  const band = tierRule(d.tier).band;
  const expected = d.cost.monthly.expected;
  return expected < band.low ? 'below' : band.high !== null && expected > band.high ? 'above' : 'inside';
}

function recalledPrices(d: Design): string[] {
  const unsure = [...new Set(d.cost.lineItems.filter((l) => l.confidence === 'U').map((l) => l.itemId))].sort();
  if (unsure.length === 0) return [];
  const one = unsure.length === 1;
  return [
    `${unsure.length} price${one ? '' : 's'} in this plan ${one ? 'is' : 'are'} recalled, not verified (confidence U): ${unsure.join(', ')} — check them against the provider's price page before relying on them`,
  ];
}

function bandWarning(d: Design): string[] {
  const comparison = bandComparison(d);
  if (comparison === 'inside') return [];
  const rule = tierRule(d.tier);
  const { low, high } = rule.band;
  const range = `$${groupDigits(low)}–${high === null ? '…' : `$${groupDigits(high)}`}`;
  return [
    `The expected $${groupDigits(Math.round(d.cost.monthly.expected))}/month is ${comparison} the scaling guide's ${rule.title.toLowerCase()} band (${range}): the band is for typical traffic, this plan prices your profile`,
  ];
}

function staleCatalog(ctx: DesignContext, today: string | undefined): string[] {
  const catalog = ctx.book.catalog;
  const age = today ? Math.floor((Date.parse(today) - Date.parse(catalog.date)) / 86_400_000) : 0;
  if (age <= STALE_AFTER_DAYS) return [];
  return [
    `The ${catalog.name} prices are from ${catalog.date}, ${age} days old (over ${STALE_AFTER_DAYS}): refresh them with \`capacity-plan pricing update ${catalog.provider}\``,
  ];
}

/** Regions asked for that the catalog does not price (another provider's codes, or regions it lacks), and where each is priced. */
function nearestRegions({ input, book }: DesignContext): string[] {
  const catalog = book.catalog;
  const mapped: [string, string | null][] = input.regions
    ? localSplit(catalog, input.regions, book.region).flatMap((r) => r.asked.map((a): [string, string] => [a, r.code]))
    : input.region
      ? [[input.region, localRegion(catalog, input.region)]]
      : [];
  return mapped
    .filter(([asked, local]) => local !== null && asked !== local)
    .map(
      ([asked, local]) =>
        `${asked} has no prices in the ${catalog.name} catalog: priced at ${local} (${catalog.regions[local!]!.name}), the nearest region it prices${input.regions ? ' that the split does not already use' : ''}`,
    );
}

/**
 * A region whose fleet at its auto-scaling maximum is more servers than one balancer takes as targets
 * (the catalog's `alb-targets` limit, an adjustable quota): the plan says so, and what to do.
 */
function balancerTargets({ book }: DesignContext, d: Design): string[] {
  const limit = book.limit('alb-targets');
  if (!limit || !d.loadBalancing || d.loadBalancing.strategy === 'none') return [];
  return d.regions
    .filter((r) => r.compute.max > limit.value)
    .map(
      (r) =>
        `${r.code}: ${groupDigits(r.compute.max)} servers at the auto-scaling maximum, and one load balancer takes ${groupDigits(limit.value)} targets (the service quota "${limit.description}"): ask for it to be raised, or split the fleet across target groups behind more than one balancer`,
    );
}

/** Inputs that only mean something beside another, given without it: said, not silently dropped. */
function inputsWithoutEffect({ input }: DesignContext): string[] {
  const out: string[] = [];
  if (input.months !== undefined && input.growth === undefined)
    out.push(
      `--months ${input.months} without --growth: there is no growth to project, so no projection (add --growth <pct>)`,
    );
  if (input.dataResidency && (input.regions?.length ?? 0) < 2)
    out.push(
      '--data-residency without a --regions split: with one region every user’s data already stays there, so it changes nothing (add --regions a=60,b=40)',
    );
  return out;
}

/** What a reader of the plan must not miss: stale or recalled prices, an unmet target, rules the design breaks. */
export function planWarnings(ctx: DesignContext, d: Design, choice: AvailabilityChoice, today?: string): string[] {
  const { input, book } = ctx;
  const warnings = [...staleCatalog(ctx, today), ...recalledPrices(d)];
  warnings.push(...hardwareWarnings(book, [d.compute.instance, d.cache?.node ?? null]));
  if (choice.met === false) warnings.push(choice.reasons[0]!);
  if (input.stateful) {
    const broken = d.loadBalancing.breaksRules.map((r) => r.split(':')[0]).join('; ');
    warnings.push(
      `--stateful breaks the statelessness rules: ${broken}. Move sessions to Redis and files to object storage, then drop --stateful`,
    );
  }
  if (d.resilience.appZones < 2) {
    warnings.push('A single server is a single point of failure: an instance failure or upgrade is downtime');
  }
  warnings.push(...nearestRegions(ctx), ...balancerTargets(ctx, d), ...inputsWithoutEffect(ctx));
  return [...warnings, ...bandWarning(d)];
}
