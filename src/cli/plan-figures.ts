import type { PlanDocument } from '../core/plan-document.js';
import { PlanInputError } from '../core/input-error.js';

/** A monthly bill above this ($1 trillion, about ten times the world's yearly cloud spend) is not a plan. */
export const MAX_MONTHLY_COST = 1e12;
/** No figure of a sound plan comes near this; past it a sum has lost its meaning (or its precision). */
export const MAX_FIGURE = 1e15;

export interface BadFigure {
  path: string;
  value: number;
}

const limitFor = (path: string) => (/(^|\.)monthly(\.|$)/.test(path) ? MAX_MONTHLY_COST : MAX_FIGURE);

/** Every number of a document that is not finite or past `MAX_FIGURE`, and monthly costs past `MAX_MONTHLY_COST`, depth first. */
export function badFigures(document: unknown): BadFigure[] {
  const out: BadFigure[] = [];
  const stack: [unknown, string][] = [[document, '']];
  while (stack.length > 0) {
    const [value, path] = stack.pop()!;
    if (typeof value === 'number') {
      const limit = limitFor(path);
      if (!Number.isFinite(value) || Math.abs(value) > limit) out.push({ path, value });
    } else if (value !== null && typeof value === 'object') {
      const entries = Object.entries(value as Record<string, unknown>);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i]!;
        stack.push([child, path ? `${path}.${key}` : key]);
      }
    }
  }
  return out;
}

/** The input most likely behind a figure: by what the figure measures, preferring an input the user set. */
export function inputBehind(plan: PlanDocument, path: string): string {
  const overridden = new Set(plan.input?.overridden ?? []);
  const lineText = describeLine(plan, path);
  const candidates = /^projection/.test(path)
    ? ['growth', 'months', 'users']
    : /egress|cdn|transfer|bandwidth|nat|load.?balanc|lcu|cross|payload/i.test(lineText)
      ? ['payloadKb', 'requestsPerUser', 'peakFactor', 'users']
      : /storage|backup|snapshot/i.test(lineText)
        ? ['storagePerUserMb', 'users']
        : ['requestsPerUser', 'serviceTime', 'peakFactor', 'dauRatio', 'users'];
  return candidates.find((c) => overridden.has(c)) ?? 'users';
}

/** The figure's path, and for a total the line item that weighs most (a total says nothing of its cause). */
function describeLine(plan: PlanDocument, path: string): string {
  const lines = (plan.cost?.lineItems ?? []) as { component?: string; description?: string; monthly?: number }[];
  const item = /lineItems\.(\d+)/.exec(path);
  if (item) return `${path} ${lines[Number(item[1])]?.component ?? ''} ${lines[Number(item[1])]?.description ?? ''}`;
  if (!/monthly/.test(path)) return path;
  const weight = (m: number | undefined) => (typeof m === 'number' && !Number.isNaN(m) ? Math.abs(m) : -1);
  const biggest = lines.reduce<(typeof lines)[number] | undefined>(
    (best, line) => (best === undefined || weight(line.monthly) > weight(best.monthly) ? line : best),
    undefined,
  );
  return biggest ? `${biggest.component ?? ''} ${biggest.description ?? ''}` : path;
}

const show = (n: number) => (Number.isFinite(n) ? n.toPrecision(3) : String(n));

/** Exit 2 naming the input when any figure of the plan is non-finite or absurd; gates then never see one. */
export function checkPlanFigures(plan: PlanDocument): PlanDocument {
  const bad = badFigures(plan)[0];
  if (!bad) return plan;
  const monthly = /monthly/.test(bad.path);
  throw new PlanInputError(
    inputBehind(plan, bad.path),
    `the plan's ${bad.path} would be ${monthly ? '$' : ''}${show(bad.value)}${Number.isFinite(bad.value) ? `, past the planner's limit of ${show(limitFor(bad.path))}` : ''}: this input is out of the range the plan can stand behind`,
  );
}
