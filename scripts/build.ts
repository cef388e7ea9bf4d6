// Bundles the CLI and the library entry, then prepares what makes the command start fast:
// - dist/cli.cjs: the whole CLI as one CommonJS bundle (bin/capacity-plan.js runs it with a code cache);
// - dist/cli.cjs.cache: V8's code cache for it, taken after one `plan` has run (so what a plan compiles
//   is already compiled at the next start);
// - dist/answers.json: `--version` and `--help` as the CLI prints them, answered by the bin before loading;
// - dist/cli.js (+ chunks): the same CLI as ES modules, for tools that import it;
// - dist/index.js: the library entry, its dependencies left external.
import { build, type Plugin } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pkg from '../package.json' with { type: 'json' };
import { jsonSchema, SCHEMA_KINDS } from '../src/schema/json-schemas.js';

rmSync('dist', { recursive: true, force: true });

// ── start-up (p-start): the build's fingerprint of its sources, __cpBuildId in the CLI bundles. The binary
// keeps balancer simulations in the user's cache folder under it (src/cli/evidence-cache.ts), so a build
// from changed sources never reads the figures of another.
const buildId = (() => {
  const hash = createHash('sha256').update(pkg.version);
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else hash.update(path).update(readFileSync(path));
    }
  };
  walk('src');
  return hash.digest('hex').slice(0, 16);
})();
const defineBuildId = { __cpBuildId: JSON.stringify(buildId) };
// ── end start-up block
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  legalComments: 'none',
} as const;
// Bundled CommonJS (cli-table3) calls require(): give the ESM bundle one.
const requireBanner = {
  js: "import { createRequire as __cpCreateRequire } from 'node:module'; const require = __cpCreateRequire(import.meta.url);",
};
await build({
  ...common,
  format: 'esm',
  entryPoints: { cli: 'src/cli/main.ts' },
  outdir: 'dist',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  minify: true,
  banner: requireBanner,
  define: defineBuildId,
});
await build({
  ...common,
  format: 'esm',
  entryPoints: { index: 'src/index.ts' },
  outdir: 'dist',
  packages: 'external',
});

/**
 * CommonJS has no top-level await: the entry's statements after its imports run in an async function
 * instead (what they await, and in what order, is unchanged).
 */
const entryWithoutTopLevelAwait: Plugin = {
  name: 'entry-without-top-level-await',
  setup(b) {
    b.onLoad({ filter: /src[\\/]cli[\\/]main\.ts$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const imports = source.match(/^(?:import\s[^;]*;\s*)*/)![0];
      return { contents: `${imports}\nvoid (async () => {\n${source.slice(imports.length)}\n})();\n`, loader: 'ts' };
    });
  },
};
/**
 * commander requires node:child_process at load time for the git-style subcommands this CLI never runs:
 * the bundle loads it on the first spawn instead (it costs every start-up a builtin module).
 */
const commanderWithoutEagerChildProcess: Plugin = {
  name: 'commander-without-eager-child-process',
  setup(b) {
    b.onLoad({ filter: /node_modules[\\/]commander[\\/]lib[\\/]command\.js$/ }, (args) => {
      const eager = "const childProcess = require('node:child_process');";
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes(eager)) throw new Error(`${args.path}: the require of node:child_process moved`);
      const lazy = "const childProcess = { spawn: (...a) => require('node:child_process').spawn(...a) };";
      return { contents: source.replace(eager, lazy), loader: 'js' };
    });
  },
};
/**
 * zod, loaded when first used rather than when a module that imports it loads: each of its exports reads
 * through to the real module, which the bundle initialises on the first read. A plain plan never reads
 * one (its input takes the fast path, src/schema/input-fast.ts; schemas are built on first use).
 */
const zodOnFirstUse: Plugin = {
  name: 'zod-on-first-use',
  setup(b) {
    b.onResolve({ filter: /^zod$/ }, (args) =>
      args.importer.includes('node_modules') || args.pluginData === 'itself'
        ? undefined
        : { path: 'zod', namespace: 'zod-on-first-use' },
    );
    b.onResolve({ filter: /^zod-used$/ }, () => ({ path: 'zod-used', namespace: 'zod-on-first-use' }));
    b.onResolve({ filter: /^zod-itself$/ }, (args) =>
      b.resolve('zod', { kind: 'import-statement', resolveDir: args.resolveDir, pluginData: 'itself' }),
    );
    // Only the names the sources use (`z.string`…), re-exported statically so the rest of zod (its locales)
    // is left out of the bundle.
    const used = async () => {
      const exported = new Set(Object.keys(await import('zod')));
      const files = execFileSync('git', ['ls-files', 'src/*.ts', 'src/**/*.ts'], { encoding: 'utf8' }).split('\n');
      const names = new Set<string>();
      for (const file of files.filter(Boolean))
        for (const [, name] of readFileSync(file, 'utf8').matchAll(/\bz\.([A-Za-z_$][\w$]*)/g))
          if (exported.has(name!)) names.add(name!);
      return [...names].sort();
    };
    b.onLoad({ filter: /^zod-used$/, namespace: 'zod-on-first-use' }, async () => ({
      contents: `export { ${(await used()).join(', ')} } from 'zod-itself';`,
      loader: 'js',
      resolveDir: process.cwd(),
    }));
    b.onLoad({ filter: /^zod$/, namespace: 'zod-on-first-use' }, async () => ({
      contents: `let real;
const itself = () => (real ??= require('zod-used'));
for (const name of ${JSON.stringify(await used())})
  Object.defineProperty(exports, name, { get: () => itself()[name], enumerable: true });`,
      loader: 'js',
      resolveDir: process.cwd(),
    }));
  },
};
// ── start-up (p-start): the providers' bundled catalogs and commitment books out of the bundle, read when
// first used. Each pack's `catalog` and `commitments` become getters that parse dist/data/<provider>.<name>.json
// once (JSON.parse is quicker than compiling the same object as code), so a plan on AWS reads only AWS's
// catalog, and no command reads, compiles or keeps the other providers' (~0.8 MB of the bundle).
const PACK_DATA = ['catalog', 'commitments'] as const;
/**
 * Text V8 reads as one byte per character: a single non-ASCII character (a "×" in a catalog's words) makes
 * the whole string two bytes per character, twice the memory and a slower read and parse. JSON and
 * JavaScript both read \uXXXX escapes as the character.
 */
const asciiOnly = (text: string) =>
  text.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
const packDataOnFirstUse: Plugin = {
  name: 'pack-data-on-first-use',
  setup(b) {
    b.onLoad({ filter: /src[\\/]providers[\\/][a-z0-9-]+[\\/]index\.ts$/ }, (args) => {
      let source = readFileSync(args.path, 'utf8');
      const provider = args.path.split(/[\\/]/).at(-2)!;
      for (const name of PACK_DATA) {
        const json = `${name}.generated.json`;
        const imported = `import ${name} from './${json}' with { type: 'json' };`;
        const property = new RegExp(`^(\\s*)${name}: ${name} as (\\w+),$`, 'm');
        if (!source.includes(imported) || !property.test(source))
          throw new Error(`${args.path}: the ${name} import or property moved (scripts/build.ts reads it lazily)`);
        const file = `${provider}.${name}.json`;
        mkdirSync('dist/data', { recursive: true });
        writeFileSync(`dist/data/${file}`, asciiOnly(readFileSync(args.path.replace(/index\.ts$/, json), 'utf8')));
        source = source
          .replace(imported, `let ${name}Loaded: unknown;`)
          .replace(
            property,
            `$1get ${name}(): $2 {\n$1  return (${name}Loaded ??= __cpPackData(${JSON.stringify(file)})) as $2;\n$1},`,
          );
      }
      return { contents: source, loader: 'ts' };
    });
  },
};
/**
 * The bundle wraps itself in CommonJS's module function, so bin/capacity-plan.js compiles the file's text
 * as it is (Module.wrap would copy 1 MB of source into a second string, kept to the end: ~3 MB of peak
 * memory). Run by Node's own loader (a worker thread), the function is called with the loader's arguments;
 * run by the bin, with those it puts in globalThis.__cpModuleArgs for that one call.
 */
const selfWrapped = {
  banner: '(function (exports, require, module, __filename, __dirname) {',
  footer: `\n}).apply(...(typeof __cpModuleArgs === 'undefined' ? [this, arguments] : [__cpModuleArgs[0], __cpModuleArgs]));`,
};
/**
 * undici (0.4 MB; only `pricing update` loads it, by import()) is required from the package's dependencies
 * when first used rather than read with the bundle at every start: a module of the bundle that requires it.
 * (A bare external would stay an import(), which a vm.Script cannot run without a loader of its own.)
 */
const undiciFromDependencies: Plugin = {
  name: 'undici-from-dependencies',
  setup(b) {
    b.onResolve({ filter: /^undici$/ }, (args) =>
      args.namespace === 'undici-from-dependencies'
        ? { path: 'undici', external: true }
        : { path: 'undici', namespace: 'undici-from-dependencies' },
    );
    b.onLoad({ filter: /^undici$/, namespace: 'undici-from-dependencies' }, () => ({
      contents: "module.exports = require('undici');",
      loader: 'js',
    }));
  },
};
/**
 * cli-table3 measures every cell many times with string-width, which builds two regular expressions (ANSI
 * codes, emoji) on each call: ~100 ms of a table plan. Here it reads the width of printable ASCII text as
 * its length (what string-width gives for it: no escape, emoji or wide character is ASCII) and remembers
 * the width of any other text; the numbers, hence the table, are the same.
 */
const stringWidthRemembered: Plugin = {
  name: 'string-width-remembered',
  setup(b) {
    b.onResolve({ filter: /^string-width$/ }, (args) =>
      /node_modules[\\/]cli-table3[\\/]/.test(args.importer)
        ? { path: 'string-width', namespace: 'string-width-remembered', pluginData: args.resolveDir }
        : undefined,
    );
    b.onLoad({ filter: /^string-width$/, namespace: 'string-width-remembered' }, (args) => ({
      contents: `const measure = require('string-width');
const printable = /^[\\x20-\\x7e]*$/;
const widths = new Map();
module.exports = (text) => {
  if (typeof text !== 'string') return measure(text);
  if (printable.test(text)) return text.length;
  let width = widths.get(text);
  if (width === undefined) {
    if (widths.size >= 10000) widths.clear();
    widths.set(text, (width = measure(text)));
  }
  return width;
};
module.exports.default = module.exports;`,
      loader: 'js',
      resolveDir: args.pluginData as string,
    }));
  },
};
const packDataBanner =
  "var __cpPackData = (f) => JSON.parse(require('node:fs').readFileSync(require('node:path').join(__dirname, 'data', f), 'utf8'));";
// ── end start-up block
await build({
  ...common,
  format: 'cjs',
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/cli.cjs',
  minify: true,
  plugins: [
    entryWithoutTopLevelAwait,
    commanderWithoutEagerChildProcess,
    zodOnFirstUse,
    packDataOnFirstUse,
    undiciFromDependencies,
    stringWidthRemembered,
  ],
  // import.meta.url is the bundle's own file (a worker thread started from it runs the same file).
  define: { 'import.meta.url': '__cpImportMetaUrl', ...defineBuildId },
  banner: {
    js: `${selfWrapped.banner}'use strict';\nvar __cpImportMetaUrl = require('node:url').pathToFileURL(__filename).href;\n${packDataBanner}`,
  },
  footer: { js: selfWrapped.footer },
});

// The bundles must stay ASCII (see asciiOnly): esbuild escapes strings, not characters in a regular expression.
const mustBeAscii = (file: string) => {
  if (/[^\x00-\x7f]/.test(readFileSync(file, 'latin1')))
    throw new Error(`${file} has a non-ASCII character: write it as a \\u escape in the source`);
};
mustBeAscii('dist/cli.cjs');
const bin = (args: string[], env: Record<string, string> = {}) =>
  execFileSync(process.execPath, ['bin/capacity-plan.js', ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    // No simulation read from the user's cache: the code cache must hold what a simulation compiles.
    env: { ...process.env, NO_COLOR: '1', CAPACITY_PLAN_CACHE: 'off', ...env },
  });
writeFileSync(
  'dist/answers.json',
  `${JSON.stringify({ version: bin(['--version']).trim(), help: bin(['--help']) })}\n`,
);
bin(['plan', '--users', '500k', '--format', 'json'], { CAPACITY_PLAN_WRITE_CODE_CACHE: 'dist/cli.cjs.cache' });
// ── start-up (p-start): export gets a code cache of its own run (the bin picks it by command), so what it
// compiles beyond a plan (the exporters, the YAML writer) is compiled too: ~40 ms of CPU less for export all.
const exportOut = mkdtempSync(join(tmpdir(), 'capacity-plan-build-'));
bin(['export', 'all', '--users', '500k', '-o', exportOut, '--force', '-q'], {
  CAPACITY_PLAN_WRITE_CODE_CACHE: 'dist/cli.cjs.export.cache',
});
rmSync(exportOut, { recursive: true, force: true });
// ── end start-up block

// ── simulate (h-sim2): dist/simulate.cjs, the light entry of `simulate` (src/cli/simulate-main.ts), which the
// bin runs for a command line that starts with `simulate`: the engine, its flags and its output, without
// commander, zod, the provider packs or the other commands. render/format.ts imports the provider registry
// for providerLabel, which simulate never calls: the packs are marked free of side effects here, so that the
// bundle leaves them out when nothing in it uses them. Its code cache, dist/simulate.cjs.cache, is taken after
// one table run of every strategy (the engine, every strategy's path and the table renderer compiled).
const providersOnlyWhereUsed: Plugin = {
  name: 'providers-only-where-used',
  setup(b) {
    b.onResolve({ filter: /providers[\\/]/ }, async (args) => {
      if (args.pluginData === 'itself') return undefined;
      const resolved = await b.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: 'itself',
      });
      return resolved.errors.length > 0 ? undefined : { path: resolved.path, sideEffects: false };
    });
  },
};
/**
 * cli-table3, loaded when the table is first drawn rather than when the renderer's module loads (the same
 * module gives the JSON its rounding): a --json run never loads it. A stand-in that constructs the real
 * one (`new Table(…)` is all render/simulation.ts asks of it).
 */
const tableLibrariesOnFirstUse: Plugin = {
  name: 'table-libraries-on-first-use',
  setup(b) {
    b.onResolve({ filter: /^cli-table3$/ }, (args) =>
      /src[\\/]render[\\/]/.test(args.importer) ? { path: args.path, namespace: 'on-first-use' } : undefined,
    );
    b.onResolve({ filter: /^cli-table3-itself$/ }, (args) =>
      b.resolve(args.path.replace(/-itself$/, ''), { kind: 'require-call', resolveDir: args.resolveDir }),
    );
    const stands: Record<string, string> = {
      'cli-table3': "module.exports = function Table(options) { return new (require('cli-table3-itself'))(options); };",
    };
    b.onLoad({ filter: /.*/, namespace: 'on-first-use' }, (args) => ({
      contents: stands[args.path],
      loader: 'js',
      resolveDir: join(process.cwd(), 'src', 'render'),
    }));
  },
};
await build({
  ...common,
  format: 'cjs',
  entryPoints: ['src/cli/simulate-main.ts'],
  outfile: 'dist/simulate.cjs',
  minify: true,
  plugins: [providersOnlyWhereUsed, tableLibrariesOnFirstUse, stringWidthRemembered],
  banner: { js: `${selfWrapped.banner}'use strict';` },
  footer: { js: selfWrapped.footer },
});
mustBeAscii('dist/simulate.cjs');
bin(['simulate', '--servers', '4', '--requests', '2000', '--strategy', 'all'], {
  CAPACITY_PLAN_WRITE_CODE_CACHE: 'dist/simulate.cjs.cache',
});
// ── end simulate block

// The JSON Schemas the yaml-language-server lines in written files point at, shipped in the package.
mkdirSync('schemas', { recursive: true });
for (const kind of SCHEMA_KINDS)
  writeFileSync(`schemas/${kind}.schema.json`, `${JSON.stringify(jsonSchema(kind, pkg.version), null, 2)}\n`);
