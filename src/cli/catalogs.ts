import type { Catalogs } from '../core/plan.js';
import { bundledCatalogs } from '../pricing/bundled.js';

/** The catalogs a plan is priced on. */
export function loadCatalogs(_env: Record<string, string | undefined>): Catalogs {
  return bundledCatalogs;
}
