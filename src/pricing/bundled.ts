import type { Catalogs } from '../core/plan.js';
import generated from './catalogs.generated.json' with { type: 'json' };
import type { Catalog } from './catalog-schema.js';

/** The catalogs shipped with the package, validated against the schema at build time (scripts/build-catalogs.ts). */
export const bundledCatalogs: Catalogs = generated as unknown as Record<string, Catalog>;
