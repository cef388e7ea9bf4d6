import type { Catalog } from '../pricing/catalog-schema.js';
import { dailyCurve } from './daily-curve.js';
import { decide } from './decide/decide.js';
import type { Demand } from './demand.js';
import { buildDesign, type Design, type DesignContext } from './design.js';
import { newDesignMemo, type DesignMemo } from './design-types.js';
import { nearestOption } from './database-options.js';
import { chooseDesign, costOfNines, type AvailabilityChoice } from './design-search.js';
import { describe, type DesignBody } from './document/describe.js';
import type { PlanInput } from './input.js';
import type { ProviderPlan } from './plan-document.js';
import { hardwareBook } from './hardware-book.js';
import { priceBook } from './price-book.js';
import type { Parameters } from './resolve.js';
import { tierForUsers } from './tiers.js';
import { PlanInputError } from './input-error.js';
import { localRegion, localSplit } from '../providers/region-locations.js';
import { homeRegion } from '../pricing/home-region.js';

export interface PriceRequest {
  input: PlanInput;
  params: Parameters;
  demand: Demand;
  catalog: Catalog;
  /** The design the first provider chose, priced here as it is; null to choose one on this provider. */
  same: Design | null;
  /** Whether to add the cost of each extra nine (only the provider that chooses the design does). */
  nines: boolean;
  today: string | undefined;
}

export interface Priced {
  document: DesignBody;
  summary: ProviderPlan;
  design: Design;
}

/**
 * Every region of a `--regions` split is one the catalog prices, or a region of another provider the
 * catalog has a nearest region for (then priced there, and the plan says so); a split's largest region
 * is the home region, so --region must be one of them.
 */
function knownSplit(input: PlanInput, catalog: Catalog): void {
  const split = input.regions ?? [];
  if (input.region && split.length > 0 && !split.some((r) => r.region === input.region)) {
    const listed = split.map((r) => r.region).join(', ');
    throw new PlanInputError(
      'region',
      `${input.region} is not one of the --regions split (${listed}): the split's largest region is the home region`,
    );
  }
  for (const r of split) {
    if (localRegion(catalog, r.region)) continue;
    const known = Object.keys(catalog.regions).join(', ');
    throw new PlanInputError(
      'regions',
      `no ${catalog.provider} prices for region ${r.region} (the catalog has ${known})`,
    );
  }
}

/** A design context for one provider's catalog: the memo every phase (choice, nines) shares. */
export function designContext(
  req: Pick<PriceRequest, 'input' | 'params' | 'demand' | 'catalog' | 'same'>,
  memo: DesignMemo = newDesignMemo(),
): DesignContext {
  const { input, params, catalog } = req;
  if (!req.same) knownSplit(input, catalog);
  // The home region: a split's largest region (as the split maps it), else --region; a code the catalog
  // lacks, its nearest region.
  const home = input.regions ? localSplit(catalog, input.regions, homeRegion(catalog))[0]?.code : undefined;
  const wanted =
    input.region === undefined
      ? undefined
      : (localRegion(catalog, input.region) ?? (req.same ? undefined : input.region));
  const asked = home ?? wanted;
  const book = hardwareBook(priceBook(catalog, asked), input);
  const curve = dailyCurve(params.dailyCurve, params.peakFactor);
  return { input, params, demand: req.demand, curve, book, ...memo };
}

/**
 * The designs and sizings already priced for an input, kept for the next plans of the same input on the
 * same catalog (the last input per catalog: keeping more alive costs more in garbage collection than it
 * saves). A design depends on every input field, the availability target included: the target picks how
 * a second region takes over (provisioned or by auto-scaling) and names itself in the single server's move up.
 */
const memos = new WeakMap<Catalog, Map<string, DesignMemo>>();
const MEMOS_PER_CATALOG = 1;

function sharedMemo(input: PlanInput, catalog: Catalog): DesignMemo {
  const key = JSON.stringify(input);
  const known = memos.get(catalog) ?? new Map<string, DesignMemo>();
  memos.set(catalog, known);
  let memo = known.get(key);
  if (memo) {
    known.delete(key); // the most recent last
  } else {
    memo = newDesignMemo();
    if (known.size >= MEMOS_PER_CATALOG) known.delete(known.keys().next().value!);
  }
  known.set(key, memo);
  return memo;
}

/** Another provider's price for the design the first provider chose: same tier, same redundancy. */
function sameDesign(ctx: DesignContext, same: Design, target: number | undefined): AvailabilityChoice {
  const resilience = { ...same.resilience, databaseHa: nearestOption(ctx.book, same.resilience.databaseHa) };
  const design = buildDesign(ctx, same.tier, resilience);
  const met = target === undefined ? null : design.estimate.estimated >= target / 100;
  const reasons = [`The same design as on the first provider, priced on ${ctx.book.catalog.name}`];
  return { design, met, changes: [], reasons, alternatives: [] };
}

/** Phases on one provider: choose the design (or take the first provider's), price each extra nine, decide, describe. */
export function priceOn(req: PriceRequest): Priced {
  const ctx = designContext(req, req.same ? undefined : sharedMemo(req.input, req.catalog));
  const byUsers = tierForUsers(req.input.users);
  const target = req.input.availability;
  const choice = req.same ? sameDesign(ctx, req.same, target) : chooseDesign(ctx, byUsers.id, target);
  const design = choice.design;
  const nines = req.nines ? costOfNines(ctx, byUsers.id, design) : [];
  const decisions = decide(ctx, design, choice, req.today);
  const document = describe({ ctx, design, decisions, choice, nines, usersReason: byUsers.reason });
  const summary: ProviderPlan = {
    provider: req.catalog.provider,
    region: ctx.book.region,
    regions: design.regions.map((r) => r.code),
    date: req.catalog.date,
    instanceType: design.compute.instance.id,
    monthly: design.cost.monthly,
    cheapest: false,
  };
  return { document, design, summary };
}
