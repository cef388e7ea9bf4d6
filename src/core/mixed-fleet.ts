import type { CatalogItem } from '../pricing/catalog-schema.js';
import type { DesignContext, RegionStack } from './design-types.js';
import { fleetServers, largeServers, mixedServers } from './fleet-sizing.js';
import type { PriceBook } from './price-book.js';

/** --mixed-hardware: two instance sizes of one family, weighted by capacity. */
export interface MixedHardware {
  small: CatalogItem;
  large: CatalogItem;
  /** Balancer weight of each size (its capacity relative to the small one). */
  weights: { small: 1; large: 2 };
}

/**
 * The instance twice the plan's in the same slot family (general-4 → general-8; an Arm size's x86 sibling
 * where the provider sells no Arm size that large), or null when the catalog has none.
 */
export function largerSize(book: PriceBook, instance: CatalogItem): CatalogItem | null {
  const m = /^(?:arm-)?(.*-)(\d+)$/.exec(instance.shape ?? '');
  if (!m) return null;
  const [found] = book.computeTypes([`${m[1]}${Number(m[2]) * 2}`]);
  return found && (found.vcpus ?? 0) === 2 * (instance.vcpus ?? 0) ? found : null;
}

/** A region's fleet as mixed servers: the same capacity hour by hour, every other server twice the size. */
function mixStack(ctx: DesignContext, s: RegionStack, zones: number): RegionStack {
  const c = s.compute;
  const { demand, params, curve } = ctx;
  const minimum = Math.max(2, zones);
  const uniform =
    s.hourly ??
    curve.map((f) =>
      Math.min(
        c.atPeak,
        fleetServers(
          c.instance,
          {
            rps: demand.averageRps * s.share * f,
            serviceTimeMs: params.serviceTimeMs,
            latencyTargetMs: params.latencyTargetMs,
          },
          zones,
          c.min,
        ),
      ),
    );
  const hourly = uniform.map((n) => mixedServers(n, minimum));
  const atPeak = mixedServers(c.atPeak, minimum);
  const average = hourly.reduce((a, b) => a + b, 0) / hourly.length;
  const largeAverage = hourly.reduce((a, n) => a + largeServers(n), 0) / hourly.length;
  const capacityAtPeak = atPeak + largeServers(atPeak);
  return {
    ...s,
    compute: {
      ...c,
      atPeak,
      min: mixedServers(c.min, minimum),
      max: mixedServers(c.max, minimum),
      average,
      utilizationAtPeak: (c.utilizationAtPeak * c.atPeak) / capacityAtPeak,
    },
    largeAverage,
  };
}

/** Every region's fleet mixed, when --mixed-hardware asks and the catalog has the larger size; else as they were. */
export function mixStacks(
  ctx: DesignContext,
  stacks: RegionStack[],
  zones: number,
): { stacks: RegionStack[]; mixed: MixedHardware | null } {
  const small = stacks[0]!.compute.instance;
  if (!ctx.input.mixedHardware || zones < 2 || stacks[0]!.compute.max <= 1) return { stacks, mixed: null };
  const large = largerSize(ctx.book, small);
  if (!large) return { stacks, mixed: null };
  return {
    stacks: stacks.map((s) => mixStack(ctx, s, zones)),
    mixed: { small, large, weights: { small: 1, large: 2 } },
  };
}
