import type { CatalogItem } from '../../pricing/catalog-schema.js';
import { RefreshError } from '../../pricing/refresh/refresh-error.js';
import { decimalPrice } from '../../pricing/refresh/sanity.js';
import type { Band } from '../../pricing/refresh/tiers.js';
import type { AwsPriceDimension } from './offer-stream.js';

/** The Price List's units for each catalog unit, and how many of them one catalog unit holds. */
const UNITS: Record<string, { names: string[]; per: number }> = {
  hour: { names: ['Hrs', 'Hours', 'hours'], per: 1 },
  GB: { names: ['GB', 'Quantity'], per: 1 },
  'GB-month': { names: ['GB-Mo', 'GB-month'], per: 1 },
  'LCU-hour': { names: ['LCU-Hrs'], per: 1 },
  'million requests': { names: ['IOs', 'Requests', 'requests'], per: 1e6 },
  '10k requests': { names: ['Requests', 'requests'], per: 1e4 },
  'million queries': { names: ['Queries', 'queries'], per: 1e6 },
  'zone-month': { names: ['HostedZone', 'Hosted Zone', 'Zone'], per: 1 },
};

/** A range end as the Price List writes it ("Inf" for none), in the catalog's unit. */
function rangeEnd(text: string | undefined, per: number): number | null {
  if (text === undefined || text === 'Inf' || text === '') return null;
  const n = decimalPrice(text);
  return n === null ? null : n / per;
}

/**
 * The on-demand rates of a product in the catalog item's unit, one band per price dimension (a tiered
 * price has several, with beginRange/endRange in the Price List's unit; per-request prices are scaled to
 * the catalog's millions or ten-thousands). A price that is not a plain decimal is an error.
 */
export function awsBands(dimensions: readonly AwsPriceDimension[], item: CatalogItem): Band[] {
  const unit = UNITS[item.unit];
  if (!unit) return [];
  const usable = (Array.isArray(dimensions) ? dimensions : []).filter(
    (d) => typeof d?.unit === 'string' && unit.names.includes(d.unit) && d.pricePerUnit?.USD !== undefined,
  );
  return usable.map((d) => {
    const price = decimalPrice(d.pricePerUnit.USD);
    if (price === null)
      throw new RefreshError(
        `the price "${String(d.pricePerUnit.USD).slice(0, 30)}" of ${item.id} is not a decimal number`,
      );
    return {
      begin: (decimalPrice(d.beginRange ?? '0') ?? 0) / unit.per,
      end: rangeEnd(d.endRange, unit.per),
      price: Number((price * unit.per).toPrecision(12)),
    };
  });
}
