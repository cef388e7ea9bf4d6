import { lstatSync, rmSync } from 'node:fs';
import type { Command } from 'commander';
import { isProvider, providerIds, providerList, providerPack, type Provider } from '../../providers/registry.js';
import { bundledCatalogs } from '../../pricing/bundled.js';
import { catalogSchema, type Catalog } from '../../pricing/catalog-schema.js';
import { describeCatalogProblem } from '../../pricing/catalog-problem.js';
import { applyRefresh, type RefreshedPrice } from '../../pricing/refresh/apply.js';
import { bigChanges, implausiblePrices } from '../../pricing/refresh/sanity.js';
import { refreshedOrWarn, refreshedPath, today } from '../catalogs.js';
import { EXIT, ExitError, usageError } from '../exit-error.js';
import type { Io } from '../io.js';
import { takeLock } from '../refresh-lock.js';
import { writeFileAtomic } from '../write-file.js';

interface UpdateOptions {
  region?: string;
  endpoint?: string;
  apiKey?: string;
  timeout?: string;
  maxTime?: string;
  maxSize?: string;
  allowRedirect?: boolean;
  acceptChanges?: boolean;
}

const seconds = (flag: string, text: string | undefined, fallback: number, max: number) => {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!/^\s*\d+(\.\d+)?\s*$/.test(text) || !(n > 0 && n <= max))
    throw usageError(`${flag}: expected a number of seconds above 0 and at most ${max}, not "${text.slice(0, 40)}"`);
  return n;
};

/** `pricing update <provider>`: the options that bound a refresh, and the action that runs one under a lock. */
export function addUpdate(pricing: Command, io: Io, global: () => { quiet: boolean }): void {
  pricing
    .command('update')
    .description(
      `refresh a provider's prices from its public price API; the result replaces the catalog in use only when it is whole and valid

Examples:
  $ capacity-plan pricing update aws
  $ capacity-plan pricing update aws --region eu-west-1
  $ capacity-plan pricing update azure --endpoint https://prices.example.internal
  $ GOOGLE_API_KEY=… capacity-plan pricing update gcp`,
    )
    .addHelpText(
      'after',
      `\nEvery request has an idle limit (--timeout) and a total one, the run a deadline (--max-time), every
answer a size limit before and after decompression (--max-size); Retry-After is capped at 60 s and said
on stderr; a redirect to another host needs --allow-redirect; a price outside its kind's plausible range
fails the update, and one that moves more than 10× from the catalog in use needs --accept-changes.
HTTPS_PROXY, HTTP_PROXY and NO_PROXY are honoured. Two updates of one provider never run at once.

Exit codes: 0 updated · 1 the download or the data failed (the previous catalog is kept) · 2 bad usage, or no GCP API key · 130 interrupted`,
    )
    .argument('<provider>', providerIds().join(' | '))
    .option('--region <code>', "the region to refresh (default: the catalog's home region)")
    .option('--endpoint <url>', "the API's base URL (mirrors, tests)")
    .option('--api-key <key>', 'GCP only: an API key for the Cloud Billing Catalog API (or GOOGLE_API_KEY)')
    .option('--timeout <seconds>', 'give up when no data arrives for this long (default: 60)')
    .option('--max-time <seconds>', 'give up when the whole update takes longer (default: 1800)')
    .option('--max-size <MB>', 'the largest answer accepted, after decompression (default: 8000)')
    .option('--allow-redirect', 'follow redirects to another host')
    .option('--accept-changes', 'accept prices that moved more than 10× from the catalog in use')
    .action((name: string, opts: UpdateOptions) => update(name, opts, io, global));
}

async function update(name: string, opts: UpdateOptions, io: Io, global: () => { quiet: boolean }): Promise<void> {
  if (!isProvider(name)) throw usageError(`unknown provider "${name}": expected ${providerList()}`);
  const p: Provider = name;
  const { redact } = await import('../../pricing/refresh/redact.js');
  const idle = seconds('--timeout', opts.timeout, 60, 3600);
  const maxTime = seconds('--max-time', opts.maxTime, 1800, 86_400);
  const maxMb = seconds('--max-size', opts.maxSize, 8000, 100_000);
  if (opts.endpoint !== undefined && (!/^https?:\/\/[^\s]+$/.test(opts.endpoint) || !URL.canParse(opts.endpoint)))
    throw usageError(`--endpoint: expected an http(s) URL, not "${redact(opts.endpoint).slice(0, 80)}"`);
  const warn = (line: string) => void io.stderr.write(line);
  const base = refreshedOrWarn(io.env, p, warn) ?? bundledCatalogs()[p]!;
  const region = opts.region ?? Object.keys(base.regions)[0]!;
  if (!/^[a-z0-9-]{1,64}$/.test(region))
    throw usageError(`--region: expected a region code such as ${Object.keys(base.regions)[0]}`);
  const path = refreshedPath(io.env, p);
  const release = takeLock(path, p);
  const { RefreshError } = await import('../../pricing/refresh/refresh-error.js');
  try {
    const { beginSession, proxyDispatcher } = await import('../../pricing/refresh/session.js');
    beginSession({
      idleMs: idle * 1000,
      deadlineAt: Date.now() + maxTime * 1000,
      maxBytes: maxMb * 1e6,
      maxJsonBytes: Math.min(maxMb * 1e6, 256e6),
      allowRedirect: opts.allowRedirect === true,
      notice: (line) => void io.stderr.write(`capacity-plan: ${line}\n`),
      dispatcher: await proxyDispatcher(io.env),
    });
    const { endpoint, found, buying } = await fetchPrices(p, base, region, opts, io, idle * 1000, global().quiet);
    const next = checkedCatalog(p, base, region, found, {
      endpoint: redact(endpoint),
      buying,
      io,
      accept: opts.acceptChanges === true,
    });
    replaceOwnFile(path);
    writeFileAtomic(path, `${JSON.stringify(next, null, 2)}\n`, { force: true, cwd: io.cwd });
    io.stderr.write(
      `updated ${found.size} ${p} prices for ${region} (${next.refreshed!.kept} kept their previous source and date); catalog written to ${path}\n`,
    );
  } catch (error) {
    if (error instanceof RefreshError)
      throw new ExitError(
        error.exitCode,
        `pricing update ${p} failed, the previous catalog is unchanged: ${redact(error.message)}`,
      );
    throw error;
  } finally {
    release();
  }
}

/** The refreshed catalog is ours: a symlink or device left in its place is removed (never written through). */
function replaceOwnFile(path: string): void {
  const st = lstatSync(path, { throwIfNoEntry: false });
  if (st && !st.isFile() && !st.isDirectory()) rmSync(path, { force: true });
}

async function fetchPrices(
  p: Provider,
  base: Catalog,
  region: string,
  opts: UpdateOptions,
  io: Io,
  idleMs: number,
  quiet: boolean,
) {
  const { progressReporter } = await import('../../pricing/refresh/progress.js');
  const progress = progressReporter(io.stderr, quiet);
  // One signature for every provider's refresher: the pack names its API, its credential and its code.
  const { refresher } = providerPack(p);
  const endpoint = opts.endpoint ?? refresher.endpoint;
  const apiKey = opts.apiKey ?? (refresher.apiKeyEnv ? io.env[refresher.apiKeyEnv] : undefined);
  const refresh = await refresher.load();
  const { found, buying } = await refresh(base, { endpoint, region, idleMs, progress, apiKey });
  return { endpoint, found, buying };
}

/** The new catalog, only when every price is plausible for its kind and none moved over 10× unless accepted. */
function checkedCatalog(
  p: Provider,
  base: Catalog,
  region: string,
  found: Map<string, RefreshedPrice>,
  o: { endpoint: string; buying: Partial<Catalog['buyingOptions']>; io: Io; accept: boolean },
): Catalog {
  if (found.size === 0)
    throw new ExitError(
      EXIT.failure,
      `pricing update ${p} failed, the previous catalog is unchanged: the ${p} price API answered but no price in it matched the catalog: nothing to update`,
    );
  const next = applyRefresh(base, region, found, { today: today(o.io.env), endpoint: o.endpoint, buying: o.buying });
  const checked = catalogSchema.safeParse(next);
  const fail = (why: string) =>
    new ExitError(EXIT.failure, `pricing update ${p} failed, the previous catalog is unchanged: ${why}`);
  if (!checked.success) throw fail(`the refreshed catalog is not valid (${describeCatalogProblem(checked.error)})`);
  const bad = implausiblePrices(checked.data);
  if (bad.length > 0)
    throw fail(`${bad.length} implausible price${bad.length === 1 ? '' : 's'} (${bad.slice(0, 2).join('; ')})`);
  const moved = bigChanges(base, checked.data, region);
  if (moved.length > 0 && !o.accept)
    throw fail(
      `${moved.length} price${moved.length === 1 ? '' : 's'} moved more than 10× (${moved.slice(0, 3).join(', ')}): pass --accept-changes if that is right`,
    );
  return checked.data;
}
