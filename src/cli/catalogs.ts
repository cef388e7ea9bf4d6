import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Catalogs } from '../core/plan.js';
import type { Provider } from '../core/input.js';
import { bundledCatalogs } from '../pricing/bundled.js';
import { catalogSchema, type Catalog } from '../pricing/catalog-schema.js';
import { describeCatalogProblem } from '../pricing/catalog-problem.js';
import { EXIT, ExitError } from './exit-error.js';
import { todayFrom } from '../core/today.js';

/** Where `pricing update` keeps refreshed catalogs: $XDG_DATA_HOME/capacity-plan/pricing (default ~/.local/share/…). */
export function pricingDir(env: Record<string, string | undefined>): string {
  const base =
    env.XDG_DATA_HOME && env.XDG_DATA_HOME.trim() !== ''
      ? env.XDG_DATA_HOME
      : join(env.HOME ?? homedir(), '.local', 'share');
  return join(base, 'capacity-plan', 'pricing');
}

export const refreshedPath = (env: Record<string, string | undefined>, provider: Provider) =>
  join(pricingDir(env), `${provider}.json`);

/** A refreshed catalog, validated: a broken file is a clear error, never a wrong number. */
export function readRefreshed(env: Record<string, string | undefined>, provider: Provider): Catalog | null {
  const path = refreshedPath(env, provider);
  if (!existsSync(path)) return null;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ExitError(
      EXIT.failure,
      `${path} is not valid JSON (${(error as Error).message}): run \`capacity-plan pricing update ${provider}\` again, or delete it to use the bundled prices`,
    );
  }
  const result = catalogSchema.safeParse(data);
  if (!result.success)
    throw new ExitError(
      EXIT.failure,
      `${path} is not a valid price catalog (${describeCatalogProblem(result.error)}): run \`capacity-plan pricing update ${provider}\` again, or delete it to use the bundled prices`,
    );
  if (result.data.provider !== provider)
    throw new ExitError(EXIT.failure, `${path} holds ${result.data.provider} prices, not ${provider}`);
  return result.data;
}

/** The catalogs a plan is priced on: a refreshed one where `pricing update` made one, else the bundled one. */
export function loadCatalogs(env: Record<string, string | undefined>): Catalogs {
  const out: Catalogs = {};
  for (const provider of ['aws', 'gcp', 'azure'] as const)
    out[provider] = readRefreshed(env, provider) ?? bundledCatalogs[provider];
  return out;
}

/** Today, or the day SOURCE_DATE_EPOCH names: a value that is no date (past year 9999, negative, text) is exit 2. */
export function today(env: Record<string, string | undefined>): string {
  const text = env.SOURCE_DATE_EPOCH;
  if (text !== undefined && text !== '') {
    const epoch = Number(text);
    if (!/^\s*\d+\s*$/.test(text) || !(epoch <= MAX_EPOCH))
      throw new ExitError(
        EXIT.usage,
        `SOURCE_DATE_EPOCH: expected whole seconds since 1970 from 0 to ${MAX_EPOCH} (year 9999), not "${text.slice(0, 40)}"`,
      );
  }
  return todayFrom(env);
}
const MAX_EPOCH = 253_402_300_799;
