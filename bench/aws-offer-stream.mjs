// Streams a generated AWS EC2 offer file of the real shape (decoy products included) from 127.0.0.1 through
// the refreshers' HTTP client (openStream), and prints, as medians of interleaved runs: the time `node`
// needs just to read the file through that client, the time `pricing update aws`'s scanner needs on the
// same stream, their ratio, and the peak memory of each. Each reader runs in its own process so its peak
// RSS is its own.
//   node bench/aws-offer-stream.mjs [megabytes] [runs]      (default 500 MB, 10 runs)
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { build } from 'esbuild';

const megabytes = Number(process.argv[2] ?? 500);
const runs = Math.max(1, Number(process.argv[3] ?? 10));
const file = join(tmpdir(), `capacity-plan-aws-offer-${megabytes}mb.json`);
const FAMILIES = ['m7i', 'c7i', 'r7i', 'm6i', 't3', 'm7g', 'x2idn', 'p5'];
const SIZES = ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge', 'metal'];
const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'ap-southeast-1', 'sa-east-1'];
const OS = ['Linux', 'Windows', 'RHEL', 'SUSE'];
const TENANCY = ['Shared', 'Dedicated', 'Host'];
const CAPACITY = ['Used', 'UnusedCapacityReservation', 'AllocatedCapacityReservation'];

function product(i) {
  const instanceType = `${FAMILIES[i % FAMILIES.length]}.${SIZES[(i >> 3) % SIZES.length]}`;
  const sku = `SKU${String(i).padStart(12, '0')}`;
  const attributes = {
    servicecode: 'AmazonEC2',
    location: 'US East (N. Virginia)',
    locationType: 'AWS Region',
    instanceType,
    currentGeneration: 'Yes',
    instanceFamily: 'General purpose',
    vcpu: '2',
    physicalProcessor: 'Intel Xeon Platinum 8488C',
    clockSpeed: '3.2 GHz',
    memory: '8 GiB',
    storage: 'EBS only',
    networkPerformance: 'Up to 12500 Megabit',
    processorArchitecture: '64-bit',
    tenancy: TENANCY[(i >> 6) % 3],
    operatingSystem: OS[(i >> 8) % 4],
    licenseModel: 'No License required',
    usagetype: `USE1-BoxUsage:${instanceType}`,
    operation: 'RunInstances',
    availabilityzone: 'NA',
    capacitystatus: CAPACITY[(i >> 10) % 3],
    classicnetworkingsupport: 'false',
    dedicatedEbsThroughput: 'Up to 10000 Mbps',
    ecu: 'NA',
    enhancedNetworkingSupported: 'Yes',
    gpuMemory: 'NA',
    intelAvxAvailable: 'Yes',
    intelAvx2Available: 'Yes',
    intelTurboAvailable: 'Yes',
    marketoption: 'OnDemand',
    normalizationSizeFactor: '4',
    preInstalledSw: i % 5 === 0 ? 'SQL Std' : 'NA',
    processorFeatures: 'Intel AVX; Intel AVX2; Intel AVX512; Intel Turbo',
    regionCode: REGIONS[(i >> 12) % REGIONS.length],
    servicename: 'Amazon Elastic Compute Cloud',
    vpcnetworkingsupport: 'true',
  };
  return [sku, { sku, productFamily: 'Compute Instance', attributes }];
}
function term(i) {
  const sku = `SKU${String(i).padStart(12, '0')}`;
  const code = `${sku}.JRTCKXETXF`;
  return [
    sku,
    {
      [code]: {
        offerTermCode: 'JRTCKXETXF',
        sku,
        effectiveDate: '2026-10-01T00:00:00Z',
        priceDimensions: {
          [`${code}.6YS6EN2CT7`]: {
            rateCode: `${code}.6YS6EN2CT7`,
            description: `$0.1008 per On Demand Linux ${sku} Instance Hour`,
            beginRange: '0',
            endRange: 'Inf',
            unit: 'Hrs',
            appliesTo: [],
            pricePerUnit: { USD: (0.05 + (i % 1000) / 10000).toFixed(10) },
          },
        },
        termAttributes: {},
      },
    },
  ];
}

async function generate() {
  if (existsSync(file) && Math.abs(statSync(file).size / 1e6 - megabytes) < megabytes * 0.05) return;
  const out = createWriteStream(file);
  const write = async (s) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  const indent = (v) => JSON.stringify(v, null, 2).replace(/\n/g, '\n    ');
  // Each product and its term take about 2.2 KB pretty-printed.
  const count = Math.round((megabytes * 1e6) / 2200);
  await write(
    `{\n  "formatVersion" : "v1.0",\n  "disclaimer" : "generated for a benchmark",\n  "offerCode" : "AmazonEC2",\n  "version" : "20261001000000",\n  "publicationDate" : "2026-10-01T00:00:00Z",\n  "products" : {\n`,
  );
  for (let i = 0; i < count; i++) {
    const [k, v] = product(i);
    await write(`    ${JSON.stringify(k)} : ${indent(v)}${i + 1 < count ? ',' : ''}\n`);
  }
  await write(`  },\n  "terms" : {\n    "OnDemand" : {\n`);
  for (let i = 0; i < count; i++) {
    const [k, v] = term(i);
    await write(`    ${JSON.stringify(k)} : ${indent(v)}${i + 1 < count ? ',' : ''}\n`);
  }
  await write(`    }\n  }\n}\n`);
  out.end();
  await once(out, 'finish');
}

await generate();
const size = statSync(file).size;

// The HTTP client and the scanner, from the sources, in one small bundle the readers import.
const work = mkdtempSync(join(tmpdir(), 'capacity-plan-offer-bench-'));
await build({
  stdin: {
    contents: `export { openStream } from './src/pricing/refresh/stream.ts';
export { scanAwsOffer } from './src/providers/aws/offer-stream.ts';`,
    resolveDir: process.cwd(),
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'esm',
  outfile: join(work, 'offer.mjs'),
  // Bundled CommonJS (undici) calls require(): give the ESM bundle one, as scripts/build.ts does.
  banner: {
    js: "import { createRequire as __cpCreateRequire } from 'node:module'; const require = __cpCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
const server = createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': size });
  createReadStream(file, { highWaterMark: 1 << 16 }).pipe(res);
});
server.listen(0, '127.0.0.1');
await once(server, 'listening');
const url = `http://127.0.0.1:${server.address().port}/offer.json`;

const reader = (mode) => `
import { openStream, scanAwsOffer } from ${JSON.stringify(join(work, 'offer.mjs'))};
const match = (p) => p.productFamily === 'Compute Instance' && p.attributes.regionCode === 'us-east-1' && p.attributes.operatingSystem === 'Linux' && p.attributes.tenancy === 'Shared' && p.attributes.preInstalledSw === 'NA' && p.attributes.licenseModel === 'No License required' && p.attributes.capacitystatus === 'Used' && p.attributes.marketoption === 'OnDemand' && p.attributes.instanceType.startsWith('m7i.') ? p.attributes.instanceType : null;
const start = performance.now();
const stream = await openStream(${JSON.stringify(url)}, { idleMs: 60_000 });
let result = {};
if (${JSON.stringify(mode)} === 'read') { let bytes = 0; for await (const chunk of stream) bytes += chunk.length; result = { bytes }; }
else { const scan = await scanAwsOffer(stream, match); result = { products: scan.productsSeen, matched: scan.matched.size, priced: scan.onDemand.size }; }
const seconds = (performance.now() - start) / 1000;
const usage = process.resourceUsage();
console.log(JSON.stringify({ seconds, cpu: (usage.userCPUTime + usage.systemCPUTime) / 1e6, ...result, maxRssMb: usage.maxRSS / 1024 }));
`;
async function measure(mode) {
  const child = spawn(process.execPath, ['--input-type=module', '-e', reader(mode)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (c) => (out += c));
  child.stderr.on('data', (c) => (err += c));
  const [code] = await once(child, 'exit');
  if (code !== 0) throw new Error(err);
  if (process.env.BENCH_DEBUG) console.error(mode, out.trim());
  return JSON.parse(out);
}
const results = { read: [], scan: [] };
for (let i = 0; i < runs; i++) for (const mode of ['read', 'scan']) results[mode].push(await measure(mode));
server.close();
rmSync(work, { recursive: true, force: true });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const read = median(results.read.map((r) => r.seconds));
const scan = median(results.scan.map((r) => r.seconds));
const rss = (mode) => median(results[mode].map((r) => r.maxRssMb));
const last = results.scan.at(-1);
console.log(
  `AWS offer file over HTTP from 127.0.0.1: ${(size / 1e6).toFixed(0)} MB, ${last.products.toLocaleString('en-US')} products (${last.matched} matched, ${last.priced} priced), median of ${runs} runs (node ${process.version})`,
);
console.log(`  read only (openStream)   ${read.toFixed(2).padStart(6)} s   peak RSS ${rss('read').toFixed(0)} MB`);
console.log(
  `  scan (pricing update)    ${scan.toFixed(2).padStart(6)} s   peak RSS ${rss('scan').toFixed(0)} MB   ${(scan / read).toFixed(2)}× reading   target < 2× and < 150 MB ${scan / read < 2 && rss('scan') < 150 ? 'ok' : 'MISSED'}`,
);
