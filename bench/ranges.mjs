// Plans over ranges: how long 1,000 Monte Carlo samples take, and where the time goes.
//   npm run build && node bench/ranges.mjs [samples]
// End to end it runs the built CLI (`plan --users 40k..80k --service-time 20..80`) against `node -e 0`;
// in process it loads the sources through tsx and times each stage: the draws, the input schema on every
// sample, buildPlan on every sample, the tornado, and the full plan of the recommended design.
import { spawnSync } from 'node:child_process';
import { tsImport } from 'tsx/esm/api';

const samples = Number(process.argv[2] ?? 1000);
const cli = [
  'bin/capacity-plan.js',
  'plan',
  '--users',
  '40k..80k',
  '--service-time',
  '20..80',
  '--samples',
  String(samples),
  '--format',
  'json',
];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = (fn) => {
  const start = process.hrtime.bigint();
  const value = fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
};
const spawnMs = (args) => time(() => spawnSync(process.execPath, args, { encoding: 'utf8' })).ms;

const nodeMs = median(Array.from({ length: 5 }, () => spawnMs(['-e', '0'])));
const singleMs = median(
  Array.from({ length: 3 }, () => spawnMs(['bin/capacity-plan.js', 'plan', '--users', '56k', '--format', 'json'])),
);
const rangeMs = median(Array.from({ length: 3 }, () => spawnMs(cli)));
console.log(`plans over ranges (node ${process.version}, ${samples} samples; median of 3 runs)`);
console.log(`  node -e 0                          ${nodeMs.toFixed(0).padStart(6)} ms`);
console.log(
  `  plan --users 56k (one plan)        ${singleMs.toFixed(0).padStart(6)} ms  (${(singleMs / nodeMs).toFixed(1)}× node)`,
);
console.log(
  `  plan --users 40k..80k --service-time 20..80   ${rangeMs.toFixed(0).padStart(6)} ms  (${(rangeMs / nodeMs).toFixed(1)}× node)`,
);

const src = (p) => tsImport(`../src/${p}`, import.meta.url);
const [
  { bundledCatalogs: catalogsOf },
  { inputSchema },
  { buildPlan },
  { extractRanges },
  { drawSamples },
  { planWithRanges },
] = await Promise.all(
  [
    'pricing/bundled.ts',
    'core/input.ts',
    'core/plan.ts',
    'uncertainty/extract.ts',
    'uncertainty/monte-carlo.ts',
    'uncertainty/range-plan.ts',
  ].map(src),
);
const bundledCatalogs = catalogsOf();
const x = extractRanges({ users: '40k..80k', serviceTime: '20..80', samples });
for (let i = 0; i < 2; i++) await planWithRanges(x, bundledCatalogs, {}); // warm up the JIT
const wholeStart = process.hrtime.bigint();
await planWithRanges(x, bundledCatalogs, {});
const whole = { ms: Number(process.hrtime.bigint() - wholeStart) / 1e6 };
const draws = time(() => drawSamples(x.ranges, samples, x.seed));
const raws = draws.value.map((d) => ({ ...x.base, ...d.values }));
const parse = time(() => raws.map((r) => inputSchema.parse(r)));
const plans = time(() =>
  parse.value.map((input) =>
    buildPlan({ ...input, simulate: false }, bundledCatalogs, { projection: false, nines: false }),
  ),
);
const full = time(() => buildPlan(inputSchema.parse({ users: 74_790, serviceTime: 45.56 }), bundledCatalogs, {}));
console.log(`in process, ${samples} samples (each stage timed on its own, after two warm-up runs):`);
console.log(`  draws (Latin hypercube)            ${draws.ms.toFixed(1).padStart(7)} ms`);
console.log(
  `  input schema on every sample       ${parse.ms.toFixed(1).padStart(7)} ms  (${((parse.ms / samples) * 1000).toFixed(0)} µs each)`,
);
console.log(
  `  buildPlan on every sample          ${plans.ms.toFixed(1).padStart(7)} ms  (${((plans.ms / samples) * 1000).toFixed(0)} µs each)`,
);
console.log(
  `  full plan of the recommended design ${full.ms.toFixed(1).padStart(6)} ms  (simulation and cost of nines on)`,
);
console.log(`  planWithRanges in all              ${whole.ms.toFixed(1).padStart(7)} ms`);
