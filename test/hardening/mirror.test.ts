import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { retryDelay } from '../../src/pricing/refresh/retry-after.js';
import { redact } from '../../src/pricing/refresh/redact.js';
import { cli } from '../helpers.js';
import { awsOffer, awsRoutes, EC2_PRODUCTS, json, serve } from '../pricing/fixtures.js';

const closers: (() => void)[] = [];
afterEach(() => closers.splice(0).forEach((close) => close()));
const env = () => ({ NO_COLOR: '1', XDG_DATA_HOME: mkdtempSync(join(tmpdir(), 'cp-mirror-')) });
const catalogFile = (e: { XDG_DATA_HOME: string }, p: string) =>
  join(e.XDG_DATA_HOME, 'capacity-plan', 'pricing', `${p}.json`);
async function start(routes: Parameters<typeof serve>[0]) {
  const s = await serve(routes);
  closers.push(() => {
    s.server.closeAllConnections();
    s.server.close();
  });
  return s;
}
const INDEX = '/offers/v1.0/aws/index.json';
/** The failure line of an update: exit 1, the previous catalog unchanged, one line naming the reason. */
function failed(r: { code: number; err: string }, reason: RegExp) {
  expect(r.code, r.err).toBe(1);
  const last = r.err.trim().split('\n').at(-1)!;
  expect(last).toMatch(/^capacity-plan: pricing update \w+ failed, the previous catalog is unchanged: /);
  expect(last).toMatch(reason);
}
const update = (e: Record<string, string>, url: string, ...more: string[]) =>
  cli(['pricing', 'update', 'aws', '--endpoint', url, '-q', ...more], { env: e });
const offerOf = (res: ServerResponse, products = EC2_PRODUCTS, offer = 'AmazonEC2') =>
  json(res, awsOffer(offer, products));

describe('hostile mirrors: bodies', () => {
  it('a gzip bomb (a 200 MB answer in a few hundred kB) stops at the expansion limit, and at --max-size', async () => {
    const bomb = gzipSync(Buffer.alloc(200_000_000, 32));
    const s = await start(
      awsRoutes(
        (offer, res) => offer === 'AmazonEC2' && (res.writeHead(200, { 'content-encoding': 'gzip' }).end(bomb), true),
      ),
    );
    const e = env();
    const start0 = Date.now();
    failed(await update(e, s.url), /the answer expands more than 200 times when decompressed/);
    failed(await update(e, s.url, '--max-size', '5'), /the answer, decompressed, is over the 5 MB limit/);
    expect(Date.now() - start0).toBeLessThan(15_000);
    expect(existsSync(catalogFile(e, 'aws'))).toBe(false);
  });

  it('a gzip bomb on a small JSON answer (index.json) stops too', async () => {
    const bomb = gzipSync(Buffer.alloc(100_000_000, 32));
    const s = await start(
      (_q, res, url) => url.pathname === INDEX && (res.writeHead(200, { 'content-encoding': 'gzip' }).end(bomb), true),
    );
    failed(
      await update(env(), s.url, '--max-size', '10'),
      /index\.json: the answer, decompressed, is over the 10 MB limit/,
    );
  });

  it('an endless body stops at --max-size', async () => {
    const chunk = Buffer.alloc(1 << 16, 32);
    const s = await start(
      awsRoutes((offer, res) => {
        if (offer !== 'AmazonEC2') return false;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"products": {');
        const pump = () => {
          while (!res.destroyed && res.write(chunk));
          if (!res.destroyed) res.once('drain', pump);
        };
        pump();
        return true;
      }),
    );
    failed(
      await update(env(), s.url, '--max-size', '20'),
      /the answer is over the 20 MB limit|decompressed, is over the 20 MB limit/,
    );
  });

  it('an unclosed object in the offer file is bounded by the scanner (4 M characters), not held until memory runs out', async () => {
    const chunk = Buffer.alloc(1 << 16, 120);
    const s = await start(
      awsRoutes((offer, res) => {
        if (offer !== 'AmazonEC2') return false;
        res.writeHead(200);
        res.write('{"products": {"X": {"sku": "');
        const pump = () => {
          while (!res.destroyed && res.write(chunk));
          if (!res.destroyed) res.once('drain', pump);
        };
        pump();
        return true;
      }),
    );
    failed(await update(env(), s.url), /holds an object over 4 MB/);
  });

  it('a slow drip (a byte every 200 ms) meets the total deadline, not just the idle one', async () => {
    const s = await start((_q, res, url) => {
      if (url.pathname !== INDEX) return false;
      res.writeHead(200);
      const t = setInterval(() => (res.destroyed ? clearInterval(t) : res.write(' ')), 200);
      closers.push(() => clearInterval(t));
      return true;
    });
    const t0 = Date.now();
    failed(await update(env(), s.url, '--timeout', '1'), /index\.json: not finished within 2 s/);
    expect(Date.now() - t0).toBeLessThan(5000);
    const s2 = await start(
      awsRoutes((offer, res) => {
        if (offer !== 'AmazonEC2') return false;
        res.writeHead(200);
        const t = setInterval(() => (res.destroyed ? clearInterval(t) : res.write(' ')), 200);
        closers.push(() => clearInterval(t));
        return true;
      }),
    );
    failed(
      await update(env(), s2.url, '--timeout', '1', '--max-time', '2'),
      /the run's time limit \(--max-time\) ran out/,
    );
  });
});

describe('hostile mirrors: retries and redirects', () => {
  it('Retry-After is capped at 60 s (seconds, dates, values past 2^31 ms) and never negative', () => {
    expect(retryDelay('99999', 0, 1000)).toEqual({ ms: 60_000, capped: true });
    expect(retryDelay('99999999999999999999', 0, 1000)).toEqual({ ms: 60_000, capped: true });
    expect(retryDelay('2', 0, 1000)).toEqual({ ms: 2000, capped: false });
    expect(retryDelay(new Date(Date.now() + 3_600_000).toUTCString(), 0, 1000).ms).toBe(60_000);
    expect(retryDelay('Thu, 01 Jan 1970 00:00:00 GMT', 0, 1000).ms).toBe(0);
    expect(retryDelay('soon', 3, 1000)).toEqual({ ms: 8000, capped: false });
    expect(retryDelay(null, 30, 1000).ms).toBe(60_000);
  });

  it('a wait is announced on stderr; Retry-After: 99999 is capped, and refused when it would pass --max-time', async () => {
    let calls = 0;
    const s = await start((_q, res, url) => {
      if (url.pathname === INDEX && calls++ === 0) return void res.writeHead(429, { 'retry-after': '1' }).end();
      return awsRoutes()(_q, res, url);
    });
    const ok = await update(env(), s.url);
    expect(ok.code, ok.err).toBe(0);
    expect(ok.err).toMatch(
      /^capacity-plan: http:\/\/127\.0\.0\.1:\d+\/offers\/v1\.0\/aws\/index\.json: HTTP 429, retrying in 1 s \(attempt 2 of 6\)$/m,
    );
    const slow = await start((_q, res) => void res.writeHead(429, { 'retry-after': '99999' }).end());
    const t0 = Date.now();
    failed(
      await update(env(), slow.url, '--max-time', '5'),
      /HTTP 429, and waiting 60 s would pass the run's time limit/,
    );
    expect(Date.now() - t0).toBeLessThan(3000);
  });

  it('a redirect to another host is refused unless --allow-redirect', async () => {
    const good = await start(awsRoutes());
    const other = good.url.replace('127.0.0.1', 'localhost');
    const s = await start((_q, res, url) => void res.writeHead(302, { location: `${other}${url.pathname}` }).end());
    failed(
      await update(env(), s.url),
      /redirected to another host \(http:\/\/localhost:\d+\): pass --allow-redirect to follow it/,
    );
    const e = env();
    const r = await update(e, s.url, '--allow-redirect');
    expect(r.code, r.err).toBe(0);
  });

  it('a redirect on the same host is followed; a redirect loop stops after 5', async () => {
    const s = await start((q, res, url) => {
      if (url.pathname.startsWith('/moved/')) return awsRoutes()(q, res, new URL(url.pathname.slice(6), url));
      if (url.pathname === INDEX) return void res.writeHead(301, { location: `/moved${INDEX}` }).end();
      return awsRoutes()(q, res, url);
    });
    expect((await update(env(), s.url)).code).toBe(0);
    const loop = await start((_q, res, url) => void res.writeHead(302, { location: url.pathname }).end());
    failed(await update(env(), loop.url), /more than 5 redirects \(a redirect loop\)/);
  });

  it('credentials in --endpoint (user:password@, key=) never appear in a message; they travel as a header', async () => {
    let auth = '';
    const s = await start((q, res) => {
      auth = String(q.headers.authorization ?? '');
      res.writeHead(500).end();
    });
    const r = await update(env(), s.url.replace('http://', 'http://admin:hunter2@'));
    failed(r, /HTTP 500/);
    expect(r.err).not.toContain('hunter2');
    expect(r.err).toContain('http://…@127.0.0.1');
    expect(auth).toBe(`Basic ${Buffer.from('admin:hunter2').toString('base64')}`);
    expect(redact('https://x.test/v1?key=AIzaSECRET&pageSize=5 and api_key=abc')).toBe(
      'https://x.test/v1?key=…&pageSize=5 and api_key=abc',
    );
    expect(redact('https://x.test/v1?pageSize=5&token=abc#f')).toBe('https://x.test/v1?pageSize=5&token=…#f');
  });
});

describe('hostile mirrors: prices', () => {
  const withPrice = (sku: string, price: string) => EC2_PRODUCTS.map((p) => (p.sku === sku ? { ...p, price } : p));
  const cases: [string, string, string, RegExp][] = [
    ['"0x10" for a server', 'M7IL', '0x10', /the price "0x10" of m7i\.large is not a decimal number/],
    ['1e9 written as an exponent', 'M7IL', '1e9', /the price "1e9" of m7i\.large is not a decimal number/],
    ['$0 for a server', 'M7IL', '0', /implausible price .*m7i\.large: \$0 per hour is outside \$0\.001–\$500/],
    [
      '$1,000,000,000 for a NAT gateway hour',
      'NATH',
      '1000000000',
      /implausible price .*nat-gateway: \$1000000000 per hour is outside/,
    ],
  ];
  it.each(cases)('%s fails the update', async (_, sku, price, reason) => {
    const s = await start(
      awsRoutes((offer, res) => offer === 'AmazonEC2' && (offerOf(res, withPrice(sku, price)), true)),
    );
    const e = env();
    failed(await update(e, s.url), reason);
    expect(existsSync(catalogFile(e, 'aws'))).toBe(false);
  });

  it('a price that moves more than 10× from the catalog in use needs --accept-changes', async () => {
    const s = await start(
      awsRoutes((offer, res) => offer === 'AmazonEC2' && (offerOf(res, withPrice('M7IL', '1.5')), true)),
    );
    const e = env();
    failed(
      await update(e, s.url),
      /1 price moved more than 10× \(m7i\.large \$0\.\d+ → \$1\.5\): pass --accept-changes if that is right/,
    );
    expect((await update(e, s.url, '--accept-changes')).code).toBe(0);
  });

  it('malformed Azure rows (null, a price in text) are exit 1 with one line, not "Cannot read properties of null"', async () => {
    for (const bad of [null, { currencyCode: 'USD', retailPrice: '0.1', armRegionName: 'eastus' }, 42]) {
      const s = await start((_q, res) => json(res, { Items: [bad], NextPageLink: null }));
      const r = await cli(['pricing', 'update', 'azure', '--endpoint', s.url, '-q'], { env: env() });
      failed(r, /row 1 of page 1 is malformed .*not the Azure Retail Prices API/);
    }
  });

  it('malformed GCP SKUs (null, nanos in text, units "0x10") are exit 1 with one line, not "toFixed is not a function"', async () => {
    const sku = (unitPrice: unknown) => ({
      description: 'E2 Instance Core running in Americas',
      category: { resourceFamily: 'Compute', resourceGroup: 'CPU', usageType: 'OnDemand' },
      serviceRegions: ['us-central1'],
      pricingInfo: [{ pricingExpression: { usageUnit: 'h', tieredRates: [{ startUsageAmount: 0, unitPrice }] } }],
    });
    const bodies: [unknown, RegExp][] = [
      [{ skus: [null] }, /SKU 1 of page 1 is malformed/],
      [{ skus: [sku({ currencyCode: 'USD', units: '0', nanos: '22000000' })] }, /has a malformed price/],
      [{ skus: [sku({ currencyCode: 'USD', units: '0x10', nanos: 0 })] }, /has a malformed price \(units "0x10"/],
      [{ skus: 'many' }, /no "skus" list/],
    ];
    for (const [body, reason] of bodies) {
      const s = await start((_q, res) => json(res, body));
      failed(
        await cli(['pricing', 'update', 'gcp', '--endpoint', s.url, '--api-key', 'k', '-q'], { env: env() }),
        reason,
      );
    }
  });
});

describe('catalogs on disk and concurrent updates', () => {
  it('two concurrent updates of one provider: the second refuses while the first runs, the first is whole', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const s = await start(
      awsRoutes((offer, res) => {
        if (offer !== 'AmazonEC2') return false;
        res.writeHead(200, { 'content-type': 'application/json' });
        void gate.then(() => res.end(JSON.stringify(awsOffer('AmazonEC2', EC2_PRODUCTS))));
        return true;
      }),
    );
    const e = env();
    const first = update(e, s.url);
    for (let i = 0; i < 500 && !existsSync(`${catalogFile(e, 'aws')}.lock`); i++)
      await new Promise((r) => setTimeout(r, 20));
    const second = await update(e, s.url);
    expect(second.code).toBe(1);
    expect(second.err).toMatch(/^capacity-plan: another `pricing update aws` is running \(pid \d+\)/);
    release();
    expect((await first).code).toBe(0);
    expect(existsSync(`${catalogFile(e, 'aws')}.lock`)).toBe(false);
    expect(JSON.parse(readFileSync(catalogFile(e, 'aws'), 'utf8')).refreshed.region).toBe('us-east-1');
  });

  it('a lock left by a process that is gone is taken over', async () => {
    const s = await start(awsRoutes());
    const e = env();
    mkdirSync(join(e.XDG_DATA_HOME, 'capacity-plan', 'pricing'), { recursive: true });
    writeFileSync(`${catalogFile(e, 'aws')}.lock`, '999999999\n');
    expect((await update(e, s.url)).code).toBe(0);
  });

  it('a corrupt refreshed aws.json: one warning and the bundled prices for aws only; gcp plans never see it; update recovers', async () => {
    const e = env();
    mkdirSync(join(e.XDG_DATA_HOME, 'capacity-plan', 'pricing'), { recursive: true });
    writeFileSync(catalogFile(e, 'aws'), '{"provider": "aws", "regions": {');
    const gcp = await cli(['plan', '--users', '50k', '--provider', 'gcp', '--no-simulate'], { env: e });
    expect([gcp.code, gcp.err]).toEqual([0, '']);
    const aws = await cli(['plan', '--users', '50k', '--no-simulate', '--json'], { env: e });
    expect(aws.code).toBe(0);
    expect(aws.err).toMatch(/^capacity-plan: warning: .*aws\.json is not valid JSON .*using the bundled aws prices\n$/);
    expect(JSON.parse(aws.out).cost.pricing.catalog).toBe('bundled');
    const s = await start(awsRoutes());
    const r = await update(e, s.url);
    expect(r.code, r.err).toBe(0);
    // Valid again (no ✗); the gate's exit 3 is for the bundled gcp/azure prices, stale and partly recalled.
    const verify = await cli(['pricing', 'verify'], { env: e });
    expect([verify.code, verify.out.includes('✗')]).toEqual([3, false]);
  });

  it('a refreshed catalog symlinked to /dev/zero is a warning at once, not a 16 GB read', async () => {
    const e = env();
    mkdirSync(join(e.XDG_DATA_HOME, 'capacity-plan', 'pricing'), { recursive: true });
    symlinkSync('/dev/zero', catalogFile(e, 'aws'));
    const t0 = Date.now();
    const r = await cli(['plan', '--users', '50k', '--no-simulate'], { env: e });
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^capacity-plan: warning: .*aws\.json is a device, not a regular file/);
    expect(Date.now() - t0).toBeLessThan(3000);
    // And an update puts a regular file in its place (never writing through the link into the device).
    const s = await start(awsRoutes());
    expect((await update(e, s.url)).code).toBe(0);
    expect(lstatSync(catalogFile(e, 'aws')).isFile()).toBe(true);
    expect((await cli(['plan', '--users', '50k', '--no-simulate'], { env: e })).err).toBe('');
  });

  it('verify fails a catalog a plan cannot use (no compute, no regions) and says what is missing', async () => {
    const e = env();
    mkdirSync(join(e.XDG_DATA_HOME, 'capacity-plan', 'pricing'), { recursive: true });
    const { bundledCatalogs } = await import('../../src/pricing/bundled.js');
    const noCompute = structuredClone(bundledCatalogs().aws!);
    for (const region of Object.values(noCompute.regions))
      region.items = region.items.filter((i) => i.kind !== 'compute');
    writeFileSync(catalogFile(e, 'aws'), JSON.stringify(noCompute));
    const v = await cli(['pricing', 'verify'], { env: e });
    expect(v.code).toBe(1);
    expect(v.out).toMatch(/✗ aws refreshed: .*cannot price a plan \(us-east-1 has no compute prices/);
    writeFileSync(catalogFile(e, 'aws'), JSON.stringify({ ...noCompute, regions: {} }));
    expect((await cli(['pricing', 'verify'], { env: e })).code).toBe(1);
  });
});

describe('proxies', () => {
  /** A forward proxy on 127.0.0.1: CONNECT tunnels and absolute-form GETs, counting both. */
  async function proxy() {
    const seen: string[] = [];
    const server = createHttpServer((req: IncomingMessage, res: ServerResponse) => {
      seen.push(`GET ${req.url}`);
      const target = new URL(req.url!);
      const upstream = connect(Number(target.port), target.hostname, () => {
        upstream.write(
          `GET ${target.pathname}${target.search} HTTP/1.1\r\nhost: ${target.host}\r\nconnection: close\r\n\r\n`,
        );
        upstream.pipe(res.socket!);
      });
    });
    server.on('connect', (req: IncomingMessage, socket, head) => {
      seen.push(`CONNECT ${req.url}`);
      const [host, port] = req.url!.split(':');
      const upstream = connect(Number(port), host, () => {
        socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(socket).pipe(upstream);
      });
      upstream.on('error', () => socket.destroy());
      socket.on('error', () => upstream.destroy());
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    closers.push(() => {
      server.closeAllConnections();
      server.close();
    });
    return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, seen };
  }

  it('HTTP_PROXY is honoured (undici EnvHttpProxyAgent), and NO_PROXY bypasses it', async () => {
    const s = await start(awsRoutes());
    const p = await proxy();
    const e = { ...env(), HTTP_PROXY: p.url };
    const r = await update(e, s.url);
    expect(r.code, r.err).toBe(0);
    expect(p.seen.length).toBeGreaterThan(0);
    expect(p.seen[0]).toContain(new URL(s.url).host);
    const before = p.seen.length;
    expect((await update({ ...env(), HTTP_PROXY: p.url, NO_PROXY: '127.0.0.1' }, s.url)).code).toBe(0);
    expect(p.seen.length).toBe(before);
  });
});
