import { groupDigits } from '../../core/group-digits.js';
import { planFromRaw, STALE_AFTER_DAYS } from '../../core/plan.js';
import { PROFILE_NAMES } from '../../core/profiles.js';
import type { Catalog } from '../../pricing/catalog-schema.js';
import type { Provider } from '../../providers/registry.js';

/** The default plans `pricing verify` prices on every provider: these users × every profile, default flags. */
export const DEFAULT_PLAN_USERS = [50_000, 500_000, 5_000_000] as const;

/** A recalled (U) price a default plan uses: where, and its largest share of one such plan's bill. */
export interface RecalledUse {
  itemId: string;
  region: string;
  share: number;
  monthly: number;
  users: number;
  profile: string;
}

export interface GateFinding {
  /** Days old, when over STALE_AFTER_DAYS. */
  staleDays: number | null;
  recalled: RecalledUse[];
  /** The default plan with the largest share of its bill on U prices. */
  worst: { users: number; profile: string; share: number; bill: number } | null;
}

const ageDays = (date: string, now: string) => Math.floor((Date.parse(now) - Date.parse(date)) / 86_400_000);

/**
 * What CI should not ship on: a catalog older than the staleness limit, or a default plan (50k, 500k and
 * 5M users, every profile, default flags) priced partly on recalled prices. Each U item is reported once,
 * with the plan where it weighs most.
 */
export function gateFindings(provider: Provider, catalog: Catalog, today: string): GateFinding {
  const age = ageDays(catalog.date, today);
  const byItem = new Map<string, RecalledUse>();
  let worst: GateFinding['worst'] = null;
  for (const users of DEFAULT_PLAN_USERS)
    for (const profile of PROFILE_NAMES) {
      // The simulation, the cost of each nine and the projection do not change the bill: left out to keep verify quick.
      const doc = planFromRaw(
        { users, profile, provider, simulate: false },
        { [provider]: catalog },
        { nines: false, projection: false },
      );
      const bill = doc.cost.lineItems.reduce((sum, l) => sum + l.monthly, 0);
      if (bill <= 0) continue;
      const region = doc.cost.pricing.region;
      const unsure = new Map<string, number>();
      for (const l of doc.cost.lineItems)
        if (l.confidence === 'U') unsure.set(l.itemId, (unsure.get(l.itemId) ?? 0) + l.monthly);
      const total = [...unsure.values()].reduce((a, b) => a + b, 0);
      if (total > 0 && (worst === null || total / bill > worst.share))
        worst = { users, profile, share: total / bill, bill };
      for (const [itemId, monthly] of unsure) {
        const key = `${region} ${itemId}`;
        const share = monthly / bill;
        if ((byItem.get(key)?.share ?? -1) < share) byItem.set(key, { itemId, region, share, monthly, users, profile });
      }
    }
  return {
    staleDays: age > STALE_AFTER_DAYS ? age : null,
    recalled: [...byItem.values()].sort((a, b) => b.share - a.share || a.itemId.localeCompare(b.itemId)),
    worst,
  };
}

const pct = (share: number) => `${(share * 100).toFixed(1)} %`;
const usersText = (n: number) => (n >= 1e6 ? `${n / 1e6}M` : `${n / 1e3}k`);

/**
 * What `pricing verify` says of a provider that fails the gate, as one line's part (null when it passes):
 * the catalog's age when stale, then each recalled item a default plan uses, with its region and its
 * largest share of a default plan's bill.
 */
export function gateSummary(provider: Provider, catalog: Catalog, f: GateFinding): string | null {
  const parts: string[] = [];
  if (f.staleDays !== null)
    parts.push(
      `its catalog is ${f.staleDays} days old (prices of ${catalog.date}, over ${STALE_AFTER_DAYS}: run \`capacity-plan pricing update ${provider}\`)`,
    );
  if (f.worst)
    parts.push(
      `default plans use ${f.recalled.length} recalled (U) price${f.recalled.length === 1 ? '' : 's'}, up to ${pct(f.worst.share)} of the bill at ${usersText(f.worst.users)} users, ${f.worst.profile}: ${f.recalled
        .map(
          (r) =>
            `${r.region} ${r.itemId} ${pct(r.share)} ($${groupDigits(Math.round(r.monthly))}/month at ${usersText(r.users)} users, ${r.profile})`,
        )
        .join(', ')}`,
    );
  return parts.length > 0 ? `${provider}: ${parts.join('; ')}` : null;
}
