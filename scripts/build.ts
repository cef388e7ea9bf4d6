// Bundles the CLI into one file (plus lazily loaded chunks) so it starts fast, and builds the library
// entry with its dependencies left external.
import { build } from 'esbuild';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import pkg from '../package.json' with { type: 'json' };
import { jsonSchema, SCHEMA_KINDS } from '../src/schema/json-schemas.js';

rmSync('dist', { recursive: true, force: true });
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  logLevel: 'warning',
  legalComments: 'none',
} as const;
await build({
  ...common,
  entryPoints: { cli: 'src/cli/main.ts' },
  outdir: 'dist',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  minify: true,
  // Bundled CommonJS (cli-table3) calls require(): give the ESM bundle one.
  banner: {
    js: "import { createRequire as __cpCreateRequire } from 'node:module'; const require = __cpCreateRequire(import.meta.url);",
  },
});
await build({ ...common, entryPoints: { index: 'src/index.ts' }, outdir: 'dist', packages: 'external' });

// The JSON Schemas the yaml-language-server lines in written files point at, shipped in the package.
mkdirSync('schemas', { recursive: true });
for (const kind of SCHEMA_KINDS)
  writeFileSync(`schemas/${kind}.schema.json`, `${JSON.stringify(jsonSchema(kind, pkg.version), null, 2)}\n`);
