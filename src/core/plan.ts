import type { Catalog } from '../pricing/catalog-schema.js';
import { providerIds, type Provider } from '../providers/registry.js';
import { costFigures } from './cost-figures.js';
import { computeDemand } from './demand.js';
import { demandSection, echoInput } from './document/input-sections.js';
import { groupDigitsInWords } from './document/grouped-text.js';
import { bestPossibleP95Ms } from './fleet-sizing.js';
import { PlanInputError } from './input-error.js';
import { inputSchema, type PlanInput, type RawInput } from './input.js';
import { plainInput } from '../schema/input-fast.js';
import type { PlanDocument } from './plan-document.js';
import { priceOn } from './price-on.js';
import { projectGrowth } from './projection.js';
import { resolveParameters, type Parameters } from './resolve.js';
import { round } from './round.js';

export { STALE_AFTER_DAYS } from './decide/warnings.js';

export type Catalogs = Partial<Record<Provider, Catalog>>;

/** Turns a raw input (flags, file or wizard answers) into the plan document. Pure: same input and catalogs, same document. */
export function planFromRaw(raw: RawInput, catalogs: Catalogs, opts: PlanOptions = {}): PlanDocument {
  return buildPlan(plainInput(raw) ?? inputSchema.parse(raw), catalogs, opts);
}

export interface PlanOptions {
  projection?: boolean;
  nines?: boolean;
  /** Today's date (YYYY-MM-DD): a catalog older than 90 days then warns. Without it, plans do not depend on the date. */
  today?: string;
}

/** No fleet can beat the service time itself: a p95 target below S·ln 20 is an input error, not a plan. */
function checkLatencyFloor(params: Parameters): void {
  const floor = bestPossibleP95Ms(params.serviceTimeMs);
  if (params.latencyTargetMs > floor) return;
  throw new PlanInputError(
    params.overridden.includes('latencyTarget') ? 'latencyTarget' : 'serviceTime',
    `a p95 target of ${params.latencyTargetMs} ms cannot be met: with ${params.serviceTimeMs} ms of CPU per request, p95 is at least ${round(floor, 0)} ms even on idle servers (S·ln 20)`,
  );
}

function providersFor(input: PlanInput, catalogs: Catalogs): Provider[] {
  const providers = input.provider === 'all' ? providerIds() : [input.provider];
  for (const provider of providers) {
    if (!catalogs[provider]) throw new PlanInputError('provider', `no price catalog for ${provider} is installed`);
  }
  return providers;
}

/**
 * The plan in phases: demand; on the first provider the design search, the cost of each extra nine and the
 * decisions; the same design priced on every other provider; then the growth projection.
 */
export function buildPlan(input: PlanInput, catalogs: Catalogs, opts: PlanOptions = {}): PlanDocument {
  const params = resolveParameters(input);
  checkLatencyFloor(params);
  const providers = providersFor(input, catalogs);
  const demand = computeDemand(params);
  const common = { input, params, demand, today: opts.today };
  const home = priceOn({ ...common, catalog: catalogs[providers[0]!]!, same: null, nines: opts.nines !== false });
  const others = providers
    .slice(1)
    .map((provider) => priceOn({ ...common, catalog: catalogs[provider]!, same: home.design, nines: false }));
  const priced = [home, ...others];
  const cheapest = Math.min(...priced.map((p) => p.summary.monthly.expected));
  const side = priced.map((p) => ({ ...p.summary, cheapest: p.summary.monthly.expected === cheapest }));
  const plan: PlanDocument = {
    schemaVersion: 1,
    input: echoInput(input, params),
    demand: demandSection(demand),
    ...home.document,
    ...(providers.length > 1 ? { providers: side } : {}),
    projection: opts.projection === false ? null : projectGrowth(input, catalogs[providers[0]!]!),
  };
  // The figures people ask for beside the bill: per user, per 1,000 requests, 12 months and the horizon.
  plan.cost.figures = costFigures(plan);
  return groupDigitsInWords(plan);
}
