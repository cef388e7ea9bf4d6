// Validates pricing/*.yaml against the catalog schema and reads templates/, writing both as JSON modules
// the bundle and the tests import: a broken catalog fails the build instead of producing a wrong number,
// and the exporters' starting points ship inside the bundle.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { catalogSchema } from '../src/pricing/catalog-schema.js';
import { describeCatalogProblem } from '../src/pricing/catalog-problem.js';
import { withExtras } from './catalog-extras.js';

for (const file of readdirSync('pricing')
  .filter((f) => f.endsWith('.yaml'))
  .sort()) {
  const result = catalogSchema.safeParse(withExtras(parse(readFileSync(join('pricing', file), 'utf8')), file));
  if (!result.success) {
    console.error(`pricing/${file}: ${describeCatalogProblem(result.error)}`);
    process.exit(1);
  }
  // Each catalog goes into its provider's folder: a provider is one folder, one catalog, one registry line.
  const folder = join('src', 'providers', result.data.provider);
  if (!existsSync(folder)) {
    console.error(`pricing/${file}: no provider folder ${folder} for "${result.data.provider}"`);
    process.exit(1);
  }
  writeFileSync(join(folder, 'catalog.generated.json'), `${JSON.stringify(result.data)}\n`);
}

const templates: Record<string, unknown> = {};
const walk = (dir: string) => {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else
      templates[relative('templates', path)] = name.endsWith('.yaml')
        ? parse(readFileSync(path, 'utf8'))
        : readFileSync(path, 'utf8');
  }
};
walk('templates');
writeFileSync('src/export/templates.generated.json', `${JSON.stringify(templates)}\n`);

// Commitment products (pricing/commitments/*.yaml): compiled by their own step.
await import('./build-commitments.js');
