import { homeRegion } from '../../pricing/home-region.js';
import { Command } from 'commander';
import { isProvider, providerIds, providerList, type Provider } from '../../providers/registry.js';
import { STALE_AFTER_DAYS } from '../../core/plan.js';
import { bundledCatalogs } from '../../pricing/bundled.js';
import { catalogSchema, ITEM_UNITS, type Catalog } from '../../pricing/catalog-schema.js';
import { describeCatalogProblem } from '../../pricing/catalog-problem.js';
import { pricingDir, readRefreshed, refreshedOrWarn, refreshedPath, today } from '../catalogs.js';
import { catalogProblems } from '../catalog-checks.js';
import { addUpdate } from './pricing-update.js';
import { gateFindings, gateSummary } from './pricing-gate.js';
import { EXIT, ExitError, usageError } from '../exit-error.js';
import type { Io } from '../io.js';

const provider = (name: string): Provider => {
  if (!isProvider(name)) throw usageError(`unknown provider "${name}": expected ${providerList()}`);
  return name;
};
const ageDays = (date: string, now: string) => Math.floor((Date.parse(now) - Date.parse(date)) / 86_400_000);

/** The catalog in use for a provider and where it came from. */
function inUse(io: Io, p: Provider): { catalog: Catalog; origin: string } {
  const refreshed = refreshedOrWarn(io.env, p, (line) => void io.stderr.write(line));
  return refreshed
    ? { catalog: refreshed, origin: `refreshed ${refreshed.refreshed?.at ?? ''} (${refreshedPath(io.env, p)})` }
    : { catalog: bundledCatalogs()[p]!, origin: 'bundled' };
}

export function pricingCommand(io: Io, global: () => { quiet: boolean }): Command {
  const pricing = new Command('pricing').description(
    `the price catalogs: list them, show one, verify them, refresh them from the providers' public price APIs

Examples:
  $ capacity-plan pricing list
  $ capacity-plan pricing show gcp --format json
  $ capacity-plan pricing verify
  $ capacity-plan pricing update aws --region us-east-1
  $ GOOGLE_API_KEY=… capacity-plan pricing update gcp`,
  );
  pricing.addHelpText(
    'after',
    '\nExit codes: 0 ok · 1 a refresh or a catalog failed (the previous catalog is kept) · 2 bad usage, or a missing API key · 3 verify: a stale catalog, or a default plan on a recalled price',
  );

  addList(pricing, io);
  addShow(pricing, io);
  addVerify(pricing, io);
  addUpdate(pricing, io, global);
  return pricing;
}

function addList(pricing: Command, io: Io): void {
  pricing
    .command('list')
    .description(
      `providers, regions, the catalog in use (bundled or refreshed) and its date

Examples:
  $ capacity-plan pricing list
  $ capacity-plan pricing list --format json`,
    )
    .addHelpText('after', '\nExit codes: 0 ok · 1 a refreshed catalog is broken · 2 bad usage')
    .option('--format <format>', 'table or json (default: table)')
    .option('--json', 'same as --format json')
    .action((given: { format?: string; json?: boolean }) => {
      const opts = { format: given.json ? 'json' : given.format };
      const now = today(io.env);
      const rows = providerIds().map((p) => {
        const { catalog, origin } = inUse(io, p);
        const items = Object.values(catalog.regions).flatMap((r) => r.items);
        return {
          provider: p,
          name: catalog.name,
          regions: Object.keys(catalog.regions),
          catalog: origin,
          date: catalog.date,
          ageDays: ageDays(catalog.date, now),
          stale: ageDays(catalog.date, now) > STALE_AFTER_DAYS,
          prices: items.length,
          recalled: items.filter((i) => i.confidence === 'U').length,
        };
      });
      if (opts.format === 'json')
        return void io.stdout.write(`${JSON.stringify({ directory: pricingDir(io.env), providers: rows }, null, 2)}\n`);
      if (opts.format && opts.format !== 'table') throw usageError('--format: expected table or json');
      for (const r of rows) {
        io.stdout.write(
          `${r.provider.padEnd(6)} ${r.name.padEnd(22)} ${r.regions.join(', ').padEnd(14)} prices of ${r.date} (${r.ageDays} days${r.stale ? ', STALE' : ''}) · ${r.prices} prices, ${r.recalled} recalled (U) · ${r.catalog}\n`,
        );
      }
      io.stdout.write(
        `\nRefreshed catalogs live in ${pricingDir(io.env)}; \`capacity-plan pricing update <provider>\` makes one.\n`,
      );
    });
}

function addShow(pricing: Command, io: Io): void {
  pricing
    .command('show')
    .description(
      `one provider's prices, each with its unit, source and confidence

Examples:
  $ capacity-plan pricing show aws
  $ capacity-plan pricing show azure --format json | jq '.items[] | select(.confidence == "U")'`,
    )
    .addHelpText('after', '\nExit codes: 0 ok · 1 a refreshed catalog is broken · 2 unknown provider or region')
    .argument('<provider>', providerIds().join(' | '))
    .option('--region <code>', 'a region of the catalog (default: its home region)')
    .option('--format <format>', 'table or json (default: table)')
    .option('--json', 'same as --format json')
    .action((name: string, given: { region?: string; format?: string; json?: boolean }) => {
      const opts = { ...given, format: given.json ? 'json' : given.format };
      const { catalog, origin } = inUse(io, provider(name));
      const region = opts.region ?? homeRegion(catalog);
      const entry = catalog.regions[region];
      if (!entry)
        throw usageError(
          `--region: no ${name} prices for ${region} (the catalog has ${Object.keys(catalog.regions).join(', ')})`,
        );
      const items = entry.items.map((i) => ({
        id: i.id,
        ...(i.variant ? { variant: i.variant } : {}),
        kind: i.kind,
        unit: i.unit,
        price: i.price,
        source: i.source,
        confidence: i.confidence,
        date: i.date,
      }));
      if (opts.format === 'json')
        return void io.stdout.write(
          `${JSON.stringify({ provider: catalog.provider, region, date: catalog.date, catalog: origin, items }, null, 2)}\n`,
        );
      if (opts.format && opts.format !== 'table') throw usageError('--format: expected table or json');
      io.stdout.write(
        `${catalog.name} ${region} — prices of ${catalog.date} (${origin}); USD; V verified · M several sources agree · U recalled\n\n`,
      );
      const label = (i: (typeof items)[number]) => `${i.id}${'variant' in i ? ` (${i.variant})` : ''}`;
      const width = Math.max(36, ...items.map((i) => label(i).length));
      for (const i of items)
        io.stdout.write(
          `${i.confidence}  ${label(i).padEnd(width)} ${i.kind.padEnd(22)} $${String(i.price).padEnd(10)} per ${i.unit.padEnd(16)} ${i.source}\n`,
        );
    });
}

function addVerify(pricing: Command, io: Io): void {
  pricing
    .command('verify')
    .description(
      `check every catalog: schema, what a plan needs (regions, compute, database, every priced item), plausible prices, units, stale dates, recalled prices

Examples:
  $ capacity-plan pricing verify`,
    )
    .addHelpText(
      'after',
      `\nExit codes: 0 every catalog valid, fresh, and no default plan on a recalled price · 1 a catalog is broken · 2 bad usage · 3 a catalog in use is over ${STALE_AFTER_DAYS} days old, or a default plan (50k, 500k, 5M users × every profile) uses a recalled (U) price`,
    )
    .action(() => {
      const now = today(io.env);
      let broken = 0;
      // The report is written only when no gate fails: a failed gate prints one line on stderr and nothing else.
      const out: string[] = [];
      for (const p of providerIds()) {
        const sources: [string, unknown][] = [['bundled', bundledCatalogs()[p]]];
        try {
          const refreshed = readRefreshed(io.env, p);
          if (refreshed) sources.push([`refreshed (${refreshedPath(io.env, p)})`, refreshed]);
        } catch (error) {
          broken++;
          out.push(`✗ ${p} refreshed: ${(error as Error).message}\n`);
        }
        for (const [label, data] of sources) {
          const result = catalogSchema.safeParse(data);
          if (!result.success) {
            broken++;
            out.push(`✗ ${p} ${label}: ${describeCatalogProblem(result.error)}\n`);
            continue;
          }
          const c = result.data;
          const items = Object.values(c.regions).flatMap((r) => r.items);
          const wrongUnits = items.filter((i) => !ITEM_UNITS[i.kind].includes(i.unit));
          const age = ageDays(c.date, now);
          const recalled = items.filter((i) => i.confidence === 'U').length;
          const problems = catalogProblems(c, bundledCatalogs()[p]);
          const bad = wrongUnits.length > 0 || problems.length > 0;
          if (bad) broken++;
          out.push(
            `${bad ? '✗' : age > STALE_AFTER_DAYS ? '!' : '✓'} ${p} ${label}: ${items.length} prices, schema valid; ${problems.length > 0 ? `cannot price a plan: ${problems.join('; ')}; ` : 'what a plan needs is there; '}${wrongUnits.length > 0 ? `wrong units: ${wrongUnits.map((i) => `${i.id} (${i.kind} in ${i.unit})`).join(', ')}` : 'units valid'}; prices of ${c.date} (${age} days${age > STALE_AFTER_DAYS ? `, older than ${STALE_AFTER_DAYS}: refresh with \`capacity-plan pricing update ${p}\`` : ''}); ${recalled} recalled (U)\n`,
          );
        }
      }
      if (broken > 0) {
        for (const line of out) io.stdout.write(line);
        throw new ExitError(EXIT.failure, `${broken} catalog problem${broken === 1 ? '' : 's'}`);
      }
      const gates = providerIds().flatMap((p) => {
        const { catalog } = inUse({ ...io, stderr: { write: () => true } }, p);
        const summary = gateSummary(p, catalog, gateFindings(p, catalog, now));
        return summary ? [summary] : [];
      });
      if (gates.length > 0)
        throw new ExitError(
          EXIT.gate,
          `pricing verify: ${gates.length} provider${gates.length === 1 ? '' : 's'} not fit to ship: ${gates.join(' · ')}`,
        );
      for (const line of out) io.stdout.write(line);
    });
}
