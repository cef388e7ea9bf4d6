import { existsSync, lstatSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalogs } from '../core/plan.js';
import { providerIds, type Provider } from '../providers/registry.js';
import { bundledCatalogs } from '../pricing/bundled.js';
import { catalogSchema, type Catalog } from '../pricing/catalog-schema.js';
import { describeCatalogProblem } from '../pricing/catalog-problem.js';
import { EXIT, ExitError } from './exit-error.js';
import { catalogProblems } from './catalog-checks.js';
import { readBoundedFile } from './read-bounded-file.js';
import { oneLine } from './one-line.js';
import { todayFrom } from '../core/today.js';

/** Where `pricing update` keeps refreshed catalogs: $XDG_DATA_HOME/capacity-plan/pricing (default ~/.local/share/…). */
export function pricingDir(env: Record<string, string | undefined>): string {
  const base =
    env.XDG_DATA_HOME && env.XDG_DATA_HOME.trim() !== ''
      ? env.XDG_DATA_HOME
      : join(env.HOME ?? process.getBuiltinModule('node:os').homedir(), '.local', 'share');
  return join(base, 'capacity-plan', 'pricing');
}

export const refreshedPath = (env: Record<string, string | undefined>, provider: Provider) =>
  join(pricingDir(env), `${provider}.json`);

/** The largest refreshed catalog read (the real ones are a few hundred kilobytes). */
const MAX_CATALOG_BYTES = 64_000_000;

/**
 * A refreshed catalog, validated: null when there is none; a broken one (not a regular file, too large,
 * not JSON, not a catalog, or missing what a plan needs) is an error naming the file and the way out.
 */
export function readRefreshed(env: Record<string, string | undefined>, provider: Provider): Catalog | null {
  const path = refreshedPath(env, provider);
  if (!existsSync(path) && !isLink(path)) return null;
  const fix = `run \`capacity-plan pricing update ${provider}\` again, or delete it to use the bundled prices`;
  let data: unknown;
  try {
    data = JSON.parse(readBoundedFile(path, path, MAX_CATALOG_BYTES));
  } catch (error) {
    const why =
      error instanceof SyntaxError
        ? `is not valid JSON (${error.message})`
        : (error as Error).message.replace(`${path}: `, '');
    throw new ExitError(EXIT.failure, `${path} ${why}: ${fix}`);
  }
  const result = catalogSchema.safeParse(data);
  if (!result.success)
    throw new ExitError(
      EXIT.failure,
      `${path} is not a valid price catalog (${describeCatalogProblem(result.error)}): ${fix}`,
    );
  if (result.data.provider !== provider)
    throw new ExitError(EXIT.failure, `${path} holds ${result.data.provider} prices, not ${provider}: ${fix}`);
  const problems = catalogProblems(result.data, bundledCatalogs()[provider]);
  if (problems.length > 0)
    throw new ExitError(EXIT.failure, `${path} cannot price a plan (${problems.join('; ')}): ${fix}`);
  return result.data;
}

const isLink = (path: string) => {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
};

/** The refreshed catalog, or null with one warning when it is broken (the bundled one is then used). */
export function refreshedOrWarn(
  env: Record<string, string | undefined>,
  provider: Provider,
  warn: (line: string) => void,
): Catalog | null {
  try {
    return readRefreshed(env, provider);
  } catch (error) {
    warn(`capacity-plan: warning: ${oneLine((error as Error).message)}; using the bundled ${provider} prices\n`);
    return null;
  }
}

/**
 * The catalogs a plan is priced on: a refreshed one where `pricing update` made one, else the bundled
 * one. Each is read when first used, so a broken refreshed catalog of one provider is reported once (a
 * warning on `stderr`) and replaced by the bundled one for that provider only.
 */
export function loadCatalogs(
  env: Record<string, string | undefined>,
  stderr: { write(s: string): unknown } = process.stderr,
): Catalogs {
  const out: Catalogs = {};
  for (const provider of providerIds()) {
    let loaded: Catalog | undefined;
    Object.defineProperty(out, provider, {
      enumerable: true,
      get: () => (loaded ??= refreshedOrWarn(env, provider, (l) => stderr.write(l)) ?? bundledCatalogs()[provider]),
    });
  }
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
