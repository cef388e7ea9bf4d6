// Streams a generated AWS EC2 offer file in the real format (AWS's `"key" : value` layout, products of
// several families and variants, on-demand and Reserved terms) from 127.0.0.1 through the refreshers' HTTP
// client (openStream), and prints, as medians of interleaved runs: the time `node` needs just to read the
// file through that client, the time `pricing update aws`'s scanner needs on the same stream, their ratio,
// and the peak memory (max RSS) of each. Each reader runs in its own process so its peak RSS is its own.
// The file is generated deterministically once into the temp directory and reused.
//   node bench/aws-offer-stream.mjs [megabytes] [runs]      (default 500 MB, 10 runs)
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdtempSync, renameSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { build } from 'esbuild';

const megabytes = Number(process.argv[2] ?? 500);
const runs = Math.max(1, Number(process.argv[3] ?? 10));
const file = join(tmpdir(), `capacity-plan-aws-offer-v3-${megabytes}mb.json`);
const FAMILIES = ['m7i', 'c7i', 'r7i', 'm6i', 't3', 'm7g', 'x2idn', 'p5', 'c6g', 'r6i', 'i4i', 'g5'];
const SIZES = ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge', 'metal'];
const OS = ['Linux', 'Windows', 'RHEL', 'SUSE', 'Red Hat Enterprise Linux with HA', 'Ubuntu Pro'];
const TENANCY = ['Shared', 'Dedicated', 'Host'];
const CAPACITY = ['Used', 'UnusedCapacityReservation', 'AllocatedCapacityReservation'];
const SOFTWARE = ['NA', 'SQL Std', 'SQL Web', 'SQL Ent', 'SQL Std + Web'];
/** What `pricing update aws` prices: about 20 instance types (Linux, shared, on demand) and NAT / IP. */
const WANTED = new Set(['m7i', 'c7i', 'r7i'].flatMap((f) => SIZES.slice(0, 7).map((s) => `${f}.${s}`)));

/** JSON as AWS's Price List writes it: two-space indents, `"key" : value`, `{ }` for an empty object. */
function jackson(value, indent) {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) return value.length === 0 ? '[ ]' : `[ ${value.map((v) => jackson(v, inner)).join(', ')} ]`;
  const entries = Object.entries(value);
  if (entries.length === 0) return '{ }';
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)} : ${jackson(v, inner)}`).join(',\n')}\n${indent}}`;
}
const skuOf = (i) => `${(i * 2654435761) % 4294967291}`.padStart(10, '0').replace(/\d/g, (d) => 'ABCDEFGHJK'[d]) + 'X7';

const ZONES = [
  ['US East (N. Virginia)', 'us-east-1'],
  ['US East (Boston)', 'us-east-1-bos-1'],
  ['US East (Chicago)', 'us-east-1-chi-1'],
  ['US East (Dallas)', 'us-east-1-dfw-1'],
  ['US East (Miami)', 'us-east-1-mia-1'],
];
const OTHER = [
  ['Storage', 'EBS:VolumeUsage.gp3'],
  ['Data Transfer', 'USE1-DataTransfer-Out-Bytes'],
  ['Storage Snapshot', 'EBS:SnapshotUsage'],
  ['CPU Credits', 'CPUCredits:t3'],
];

/** Product i: one of each instance variant (family × size × OS × tenancy × capacity × software × zone), with now and then another family. */
function product(i) {
  const sku = skuOf(i);
  let v = i;
  const digit = (n) => {
    const d = v % n;
    v = Math.floor(v / n);
    return d;
  };
  const [family, size, os, tenancy, capacity, software] = [FAMILIES, SIZES, OS, TENANCY, CAPACITY, SOFTWARE].map(
    (list) => list[digit(list.length)],
  );
  const [location, regionCode] = ZONES[digit(ZONES.length)];
  const common = { servicecode: 'AmazonEC2', location, locationType: 'AWS Region', regionCode };
  if (i % 50 === 7) {
    const [productFamily, usage] =
      i === 7
        ? ['NAT Gateway', 'USE1-NatGateway-Hours']
        : i === 57
          ? ['IP Address', 'USE1-PublicIPv4:InUseAddress']
          : OTHER[((i / 50) % OTHER.length) | 0];
    return [
      sku,
      {
        sku,
        productFamily,
        attributes: {
          ...common,
          group: productFamily,
          groupDescription: `${productFamily} charges`,
          usagetype: usage,
          operation: '',
          servicename: 'Amazon Elastic Compute Cloud',
        },
      },
    ];
  }
  const instanceType = `${family}.${size}`;
  const scale = SIZES.indexOf(size);
  const attributes = {
    ...common,
    instanceType,
    currentGeneration: 'Yes',
    instanceFamily: 'General purpose',
    vcpu: String(2 << scale),
    physicalProcessor: 'Intel Xeon Platinum 8488C',
    clockSpeed: '3.2 GHz',
    memory: `${8 << scale} GiB`,
    storage: 'EBS only',
    networkPerformance: 'Up to 12500 Megabit',
    processorArchitecture: '64-bit',
    tenancy,
    operatingSystem: os,
    licenseModel: 'No License required',
    usagetype: `USE1-BoxUsage:${instanceType}`,
    operation: 'RunInstances',
    availabilityzone: 'NA',
    capacitystatus: capacity,
    classicnetworkingsupport: 'false',
    dedicatedEbsThroughput: 'Up to 10000 Mbps',
    ecu: 'NA',
    enhancedNetworkingSupported: 'Yes',
    gpuMemory: 'NA',
    intelAvxAvailable: 'Yes',
    intelAvx2Available: 'Yes',
    intelTurboAvailable: 'Yes',
    marketoption: 'OnDemand',
    normalizationSizeFactor: String(1 << scale),
    preInstalledSw: software,
    // Now and then a string with quotes, braces and a backslash in it, as free text can have.
    processorFeatures:
      i % 5000 === 11 ? 'Intel AVX; "Turbo" {boost} \\ AVX512' : 'Intel AVX; Intel AVX2; Intel AVX512; Intel Turbo',
    servicename: 'Amazon Elastic Compute Cloud',
    vpcnetworkingsupport: 'true',
  };
  return [sku, { sku, productFamily: 'Compute Instance', attributes }];
}
const dimension = (rate, unit, usd, description) => ({
  [rate]: {
    rateCode: rate,
    description,
    beginRange: '0',
    endRange: 'Inf',
    unit,
    pricePerUnit: { USD: usd },
    appliesTo: [],
  },
});
function onDemand(i) {
  const sku = skuOf(i);
  const code = `${sku}.JRTCKXETXF`;
  const usd = (0.05 + (i % 1000) / 10000).toFixed(10);
  const term = {
    offerTermCode: 'JRTCKXETXF',
    sku,
    effectiveDate: '2026-10-01T00:00:00Z',
    priceDimensions: dimension(`${code}.6YS6EN2CT7`, 'Hrs', usd, `$${usd} per On Demand Linux Instance Hour`),
    termAttributes: {},
  };
  return [sku, { [code]: term }];
}
const LEASES = [
  ['4NA7Y494T4', '1yr', 'standard', 'Partial Upfront'],
  ['MZU6U2429S', '3yr', 'convertible', 'All Upfront'],
];
function reserved(i) {
  const sku = skuOf(i);
  return [
    sku,
    Object.fromEntries(
      LEASES.map(([code, length, offeringClass, option]) => [
        `${sku}.${code}`,
        {
          offerTermCode: code,
          sku,
          effectiveDate: '2026-10-01T00:00:00Z',
          priceDimensions: {
            ...dimension(`${sku}.${code}.2TG2D8R56U`, 'Quantity', String(300 + (i % 700)), 'Upfront Fee'),
            ...dimension(
              `${sku}.${code}.6YS6EN2CT7`,
              'Hrs',
              (0.02 + (i % 500) / 10000).toFixed(10),
              `Linux/UNIX (Amazon VPC), ${length} reserved`,
            ),
          },
          termAttributes: { LeaseContractLength: length, OfferingClass: offeringClass, PurchaseOption: option },
        },
      ]),
    ),
  ];
}

async function generate() {
  if (existsSync(file)) return;
  const partial = `${file}.${process.pid}.part`;
  const out = createWriteStream(partial);
  const write = async (s) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  // Each SKU takes about 4.75 kB: 2 kB of product, 0.8 kB of on-demand term, 1.95 kB of Reserved terms.
  const count = Math.round((megabytes * 1e6) / 4750);
  const section = async (name, entry, last) => {
    await write(`    ${JSON.stringify(name)} : {\n`);
    for (let i = 0; i < count; i++) {
      const [k, v] = entry(i);
      await write(`      ${JSON.stringify(k)} : ${jackson(v, '      ')}${i + 1 < count ? ',' : ''}\n`);
    }
    await write(`    }${last ? '' : ','}\n`);
  };
  await write(
    `{\n  "formatVersion" : "v1.0",\n  "disclaimer" : "This pricing list is for informational purposes only (generated for a benchmark).",\n  "offerCode" : "AmazonEC2",\n  "version" : "20261001000000",\n  "publicationDate" : "2026-10-01T00:00:00Z",\n  "products" : {\n`,
  );
  for (let i = 0; i < count; i++) {
    const [k, v] = product(i);
    await write(`    ${JSON.stringify(k)} : ${jackson(v, '    ')}${i + 1 < count ? ',' : ''}\n`);
  }
  await write(`  },\n  "terms" : {\n`);
  await section('OnDemand', onDemand, false);
  await section('Reserved', reserved, true);
  await write(`  }\n}\n`);
  out.end();
  await once(out, 'finish');
  renameSync(partial, file);
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

// The matcher is the shape of the refresher's EC2 one: region, family, a set of instance types, then the variant.
const reader = (mode) => `
import { openStream, scanAwsOffer } from ${JSON.stringify(join(work, 'offer.mjs'))};
const wanted = new Set(${JSON.stringify([...WANTED])});
const plain = { operatingSystem: 'Linux', tenancy: 'Shared', preInstalledSw: 'NA', licenseModel: 'No License required', capacitystatus: 'Used', marketoption: 'OnDemand' };
const match = (p) => {
  const a = p.attributes;
  if (a.regionCode !== 'us-east-1') return null;
  if (p.productFamily === 'Compute Instance' && wanted.has(a.instanceType ?? ''))
    return Object.entries(plain).every(([k, v]) => a[k] === v) ? a.instanceType : null;
  if (p.productFamily === 'NAT Gateway' && (a.usagetype ?? '').endsWith('NatGateway-Hours')) return 'nat-gateway';
  if (p.productFamily === 'IP Address' && (a.usagetype ?? '').endsWith('PublicIPv4:InUseAddress')) return 'public-ipv4';
  return null;
};
const start = performance.now();
const stream = await openStream(${JSON.stringify(url)}, { idleMs: 60_000 });
let result = {};
if (${JSON.stringify(mode)} === 'read') { let bytes = 0; for await (const chunk of stream) bytes += chunk.length; result = { bytes }; }
else {
  const scan = await scanAwsOffer(stream, match);
  const all = scan.byKey ? [...scan.byKey.values()].flat() : [];
  result = { products: scan.productsSeen, keys: scan.byKey?.size ?? scan.matched.size, matched: scan.matchedCount ?? scan.matched.size, priced: scan.byKey ? all.filter((m) => m.onDemand).length : scan.onDemand.size };
}
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
const stat = (mode, field) => median(results[mode].map((r) => r[field]));
const read = stat('read', 'seconds');
const scan = stat('scan', 'seconds');
const last = results.scan.at(-1);
const ok = scan / read < 2 && stat('scan', 'maxRssMb') < 150;
console.log(
  `AWS offer file over HTTP from 127.0.0.1: ${(size / 1e6).toFixed(0)} MB, ${last.products.toLocaleString('en-US')} products (${last.matched} matched on ${last.keys} keys, ${last.priced} priced), medians of ${runs} interleaved runs (node ${process.version})`,
);
const line = (label, mode) =>
  `  ${label.padEnd(24)} ${stat(mode, 'seconds').toFixed(2).padStart(6)} s (CPU ${stat(mode, 'cpu').toFixed(2)} s)   peak RSS ${stat(mode, 'maxRssMb').toFixed(0)} MB`;
console.log(line('read only (openStream)', 'read'));
console.log(
  `${line('scan (pricing update)', 'scan')}   ${(scan / read).toFixed(2)}× reading   target < 2× and < 150 MB: ${ok ? 'ok' : 'MISSED'}`,
);
