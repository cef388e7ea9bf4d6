// Validates pricing/commitments/*.yaml against the commitment schema and writes each as a JSON module into
// its provider's folder (src/providers/<provider>/commitments.generated.json), as build-data.ts does for the
// catalogs: a broken commitment file fails the build instead of producing a wrong discount.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describeCatalogProblem } from '../src/pricing/catalog-problem.js';
import { commitmentBookSchema } from '../src/pricing/commitment-schema.js';

const dir = join('pricing', 'commitments');
for (const file of readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .sort()) {
  const result = commitmentBookSchema.safeParse(parse(readFileSync(join(dir, file), 'utf8')));
  if (!result.success) {
    console.error(`${dir}/${file}: ${describeCatalogProblem(result.error)}`);
    process.exit(1);
  }
  const folder = join('src', 'providers', result.data.provider);
  if (!existsSync(folder) || `${result.data.provider}.yaml` !== file) {
    console.error(`${dir}/${file}: no provider folder ${folder}, or the file is not named after its provider`);
    process.exit(1);
  }
  writeFileSync(join(folder, 'commitments.generated.json'), `${JSON.stringify(result.data)}\n`);
}
