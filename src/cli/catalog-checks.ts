import type { Catalog } from '../pricing/catalog-schema.js';
import { itemKey } from '../pricing/refresh/apply.js';
import { implausiblePrices } from '../pricing/refresh/sanity.js';

/**
 * What `plan` needs of a catalog that the schema alone does not say: at least one region, each with
 * compute and database prices, every item the bundled catalog's home region prices present in the home
 * region, and every price within its kind's plausible range. Empty when the catalog is usable.
 */
export function catalogProblems(catalog: Catalog, bundled: Catalog | undefined): string[] {
  const regions = Object.entries(catalog.regions);
  if (regions.length === 0) return ['no regions'];
  const problems: string[] = [];
  for (const [code, entry] of regions) {
    if (!entry.items.some((i) => i.kind === 'compute')) problems.push(`${code} has no compute prices`);
    if (!entry.items.some((i) => i.kind === 'database')) problems.push(`${code} has no database prices`);
  }
  const home = Object.keys(bundled?.regions ?? {})[0];
  const have = new Set((catalog.regions[regions[0]![0]]?.items ?? []).map(itemKey));
  const missing = home ? bundled!.regions[home]!.items.filter((i) => !have.has(itemKey(i))) : [];
  if (missing.length > 0)
    problems.push(
      `${missing.length} item${missing.length === 1 ? '' : 's'} a plan prices ${missing.length === 1 ? 'is' : 'are'} missing (${missing
        .slice(0, 3)
        .map((i) => `${i.kind} ${i.id}`)
        .join(', ')}${missing.length > 3 ? ', …' : ''})`,
    );
  const implausible = implausiblePrices(catalog);
  if (implausible.length > 0)
    problems.push(`${implausible.length} implausible price${implausible.length === 1 ? '' : 's'}: ${implausible[0]}`);
  return problems;
}
