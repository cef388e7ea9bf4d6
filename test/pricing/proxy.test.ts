import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';
import { awsRoutes, json } from './fixtures.js';

const closers: (() => void)[] = [];
afterEach(() => closers.splice(0).forEach((close) => close()));
const env = () => ({ NO_COLOR: '1', XDG_DATA_HOME: mkdtempSync(join(tmpdir(), 'cp-proxy-')) });

/**
 * A forward proxy on 127.0.0.1: CONNECT tunnels and absolute-form GETs. It records each request line and
 * the local port of every connection it opens to a server, so a test can tell that every connection the
 * price server saw came through it.
 */
async function proxy() {
  const seen: string[] = [];
  const upstreamPorts = new Set<number>();
  const open = (port: number, host: string, then: (s: Socket) => void) => {
    const upstream = connect(port, host, () => {
      upstreamPorts.add(upstream.localPort!);
      then(upstream);
    });
    return upstream;
  };
  const server = createHttpServer((req: IncomingMessage, res: ServerResponse) => {
    seen.push(`GET ${req.url}`);
    const target = new URL(req.url!);
    const upstream = open(Number(target.port), target.hostname, (u) => {
      u.write(`GET ${target.pathname}${target.search} HTTP/1.1\r\nhost: ${target.host}\r\nconnection: close\r\n\r\n`);
      u.pipe(res.socket!);
    });
    upstream.on('error', () => res.destroy());
  });
  server.on('connect', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    seen.push(`CONNECT ${req.url}`);
    const [host, port] = req.url!.split(':');
    const upstream = open(Number(port), host!, (u) => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      u.write(head);
      u.pipe(socket).pipe(u);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  closers.push(() => {
    server.closeAllConnections();
    server.close();
  });
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, seen, upstreamPorts };
}

type Routes = (req: IncomingMessage, res: ServerResponse, url: URL) => boolean | void;
/** A price server (http, or https with a throwaway certificate) that records each connection's remote port. */
async function priceServer(routes: Routes, tls?: { key: string; cert: string }) {
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (routes(req, res, url) === false && !res.headersSent) res.writeHead(404).end('not found');
  };
  const server = tls ? createHttpsServer(tls, handler) : createHttpServer(handler);
  const peers: number[] = [];
  server.on(tls ? 'secureConnection' : 'connection', (s: Socket) => peers.push(s.remotePort!));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  closers.push(() => {
    server.closeAllConnections();
    server.close();
  });
  const port = (server.address() as { port: number }).port;
  return { url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`, host: `127.0.0.1:${port}`, peers };
}

/** Minimal answers in each API's real shape: enough for one price per provider. */
const ROUTES: Record<string, Routes> = {
  aws: awsRoutes(),
  gcp: (_req, res, url) => {
    const sku = (description: string, price: number) => ({
      description,
      category: { resourceFamily: 'Compute', resourceGroup: 'CPU', usageType: 'OnDemand' },
      serviceRegions: ['us-central1'],
      pricingInfo: [{ pricingExpression: { usageUnit: 'h', tieredRates: [{ startUsageAmount: 0, unitPrice: { currencyCode: 'USD', units: '0', nanos: Math.round(price * 1e9) } }] } }],
    });
    if (!url.pathname.endsWith('/skus')) return false;
    const skus = url.pathname.includes('6F81-5844-456A')
      ? [sku('E2 Instance Core running in Americas', 0.022), sku('E2 Instance Ram running in Americas', 0.003)]
      : [];
    return void json(res, { skus });
  },
  azure: (_req, res, url) => {
    if (url.pathname !== '/api/retail/prices') return false;
    const filter = url.searchParams.get('$filter') ?? '';
    const items = filter.includes("armSkuName eq 'Standard_D2s_v5'")
      ? [{ currencyCode: 'USD', retailPrice: 0.099, unitPrice: 0.099, armRegionName: 'eastus', armSkuName: 'Standard_D2s_v5', skuName: 'D2s v5', meterName: 'D2s v5', productName: 'Virtual Machines Dsv5 Series', serviceName: 'Virtual Machines', unitOfMeasure: '1 Hour', type: 'Consumption' }]
      : [];
    return void json(res, { Items: items, NextPageLink: null });
  },
};
const update = (provider: string, endpoint: string, e: Record<string, string>) =>
  cli(['pricing', 'update', provider, '--endpoint', endpoint, '--api-key', 'k', '-q'], { env: e });

describe('pricing update through a proxy (undici EnvHttpProxyAgent)', () => {
  it.each(['aws', 'gcp', 'azure'])('%s: HTTP_PROXY carries every connection to the price API; NO_PROXY=127.0.0.1 bypasses it', async (provider) => {
    const s = await priceServer(ROUTES[provider]!);
    const p = await proxy();
    const r = await update(provider, s.url, { ...env(), HTTP_PROXY: p.url });
    expect(r.code, r.err).toBe(0);
    expect(p.seen.length).toBeGreaterThan(0);
    expect(p.seen.every((line) => line.includes(s.host))).toBe(true);
    // Every connection the price server accepted was one the proxy opened.
    expect(s.peers.length).toBeGreaterThan(0);
    expect(s.peers.every((port) => p.upstreamPorts.has(port))).toBe(true);

    const before = { seen: p.seen.length, peers: s.peers.length };
    const direct = await update(provider, s.url, { ...env(), HTTP_PROXY: p.url, NO_PROXY: '127.0.0.1' });
    expect(direct.code, direct.err).toBe(0);
    expect(p.seen.length).toBe(before.seen);
    expect(s.peers.length).toBeGreaterThan(before.peers);
    expect(s.peers.slice(before.peers).some((port) => p.upstreamPorts.has(port))).toBe(false);
  });

  it('HTTPS_PROXY tunnels an https price API with CONNECT (lower-case https_proxy too); a dead proxy fails, naming no secret', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cp-tls-'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
    const tls = { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
    const s = await priceServer(ROUTES.azure!, tls);
    const p = await proxy();
    // The throwaway certificate is trusted for this test only.
    const previous = process.env.NODE_TLS_REJECT_UNAUTHORIZED;
    process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
    try {
      for (const name of ['HTTPS_PROXY', 'https_proxy']) {
        const r = await update('azure', s.url, { ...env(), [name]: p.url });
        expect(r.code, r.err).toBe(0);
      }
      expect(p.seen.length).toBeGreaterThan(0);
      expect(p.seen.every((line) => line === `CONNECT ${s.host}`)).toBe(true);
      expect(s.peers.every((port) => p.upstreamPorts.has(port))).toBe(true);
      const dead = await update('azure', s.url, { ...env(), HTTPS_PROXY: 'http://user:secret@127.0.0.1:9' });
      expect(dead.code).toBe(1);
      expect(dead.err).toMatch(/pricing update azure failed, the previous catalog is unchanged/);
      expect(dead.err).not.toContain('secret');
    } finally {
      if (previous === undefined) delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
      else process.env.NODE_TLS_REJECT_UNAUTHORIZED = previous;
    }
  });
});
