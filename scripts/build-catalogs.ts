// Validates pricing/*.yaml against the catalog schema and writes them as one JSON module the bundle and
// the tests import, so a broken catalog fails the build instead of producing a wrong number.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { catalogSchema } from '../src/pricing/catalog-schema.js';
import { describeCatalogProblem } from '../src/pricing/catalog-problem.js';

const dir = 'pricing';
const catalogs: Record<string, unknown> = {};
for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
  const result = catalogSchema.safeParse(parse(readFileSync(join(dir, file), 'utf8')));
  if (!result.success) {
    console.error(`${join(dir, file)}: ${describeCatalogProblem(result.error)}`);
    process.exit(1);
  }
  catalogs[result.data.provider] = result.data;
}
writeFileSync('src/pricing/catalogs.generated.json', `${JSON.stringify(catalogs)}\n`);
