import type { CatalogItem } from '../../pricing/catalog-schema.js';
import { statedHardware } from '../../providers/hardware.js';
import { isProvider, providerPack } from '../../providers/registry.js';
import type { PlanInput } from '../input.js';
import type { PriceBook } from '../price-book.js';
import { chooseCommitment } from './commitment-choice.js';

/**
 * An always-on item's hourly price as the plan would buy it: on demand, or under the commitment product that
 * covers it. For choices between options that sell different commitments (Azure Cache Standard, which sells
 * no reservation, against Premium, which does): compare these, not list prices.
 */
export function asBoughtHourly(book: PriceBook, item: CatalogItem, commitment: PlanInput['commitment']): number {
  const pack = isProvider(book.catalog.provider) ? providerPack(book.catalog.provider) : undefined;
  if (commitment === 'on-demand' || !pack?.commitments) return item.price;
  const choice = chooseCommitment(pack.commitments, item, book.region, commitment, pack.hardware ?? statedHardware);
  return item.price * (1 - (choice?.discount ?? 0));
}
