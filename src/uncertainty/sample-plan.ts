import { PlanInputError } from '../core/input-error.js';
import { inputSchema, type PlanInput } from '../core/input.js';
import { providerIds } from '../providers/registry.js';
import type { PlanDocument } from '../core/plan-document.js';
import { buildPlan, type Catalogs } from '../core/plan.js';
import type { TierId } from '../core/tiers.js';

/** What one sample of the plan keeps: enough to rank it, count its tier and design, and describe it. */
export interface SampleResult {
  monthlyCost: number;
  tier: TierId;
  instanceType: string;
  instances: { min: number; expected: number; max: number };
  design: string;
  peakRps: number;
  meetsTarget: boolean | null;
}

/** Turns a raw input into a validated one; the CLI passes one whose errors name the flag or file field. */
export type Validate = (raw: Record<string, unknown>) => PlanInput;

export const validateWithSchema: Validate = (raw) => inputSchema.parse(raw);

/** One design, named by what a person would build: tier, server type, topology and database deployment. */
export function designName(doc: PlanDocument): string {
  const a = doc.availability;
  const where =
    a.topology === 'multi-region'
      ? `${a.regions.length} regions`
      : a.topology === 'multi-az'
        ? `${a.zones} zones`
        : 'one server';
  return `${doc.tier.id} · ${doc.compute.instanceType} · ${where} · database ${doc.database.deployment}${doc.database.shards > 1 ? ` ×${doc.database.shards} shards` : ''}`;
}

/**
 * The planner as the Monte Carlo runs it: the same validation and the same buildPlan, without the growth
 * projection, the cost of nines or the balancer simulation, priced on the first provider only.
 */
export function samplePlanner(catalogs: Catalogs, validate: Validate) {
  return (raw: Record<string, unknown>): SampleResult => {
    const input = validate(raw);
    const provider = input.provider === 'all' ? providerIds()[0]! : input.provider;
    const doc = buildPlan({ ...input, provider, simulate: false }, catalogs, { projection: false, nines: false });
    return summarise(doc);
  };
}

export function summarise(doc: PlanDocument): SampleResult {
  const i = doc.compute.instances;
  return {
    monthlyCost: doc.cost.monthly.expected,
    tier: doc.tier.id,
    instanceType: doc.compute.instanceType,
    instances: { min: i.min, expected: i.expected, max: i.max },
    design: designName(doc),
    peakRps: doc.demand.peakRps,
    meetsTarget: doc.availability.meetsTarget,
  };
}

export const isPlannerRefusal = (error: unknown): boolean => error instanceof PlanInputError;

/** The monthly cost of a raw input, or null when the planner refuses it. */
export function costOrNull(planSample: (raw: Record<string, unknown>) => SampleResult) {
  return (raw: Record<string, unknown>): number | null => {
    try {
      return planSample(raw).monthlyCost;
    } catch (error) {
      if (isPlannerRefusal(error)) return null;
      throw error;
    }
  };
}
