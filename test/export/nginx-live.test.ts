import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as createTcpServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { balancerConfig, type NginxStrategy } from '../../src/export/nginx-config.js';
import { nginxBinary } from './helpers.js';

/**
 * The exporter's nginx.conf, built by the same function with the upstream pointing at tiny HTTP servers
 * on 127.0.0.1 instead of compose service names, run by the real nginx: each strategy must really happen.
 */

interface Backend {
  server: Server;
  port: number;
  hits: number;
}

const running: ChildProcess[] = [];
afterAll(() => {
  for (const p of running) p.kill('SIGTERM');
});

async function backends(delaysMs: number[]): Promise<Backend[]> {
  return Promise.all(
    delaysMs.map(
      (delay) =>
        new Promise<Backend>((resolve) => {
          const b: Backend = { server: undefined as unknown as Server, port: 0, hits: 0 };
          b.server = createServer((_req, res) => {
            b.hits++;
            setTimeout(() => res.end('ok'), delay);
          });
          b.server.listen(0, '127.0.0.1', () => {
            b.port = (b.server.address() as { port: number }).port;
            resolve(b);
          });
        }),
    ),
  );
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createTcpServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, nginx: ChildProcess, dir: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (nginx.exitCode !== null) throw new Error(`nginx exited: ${readFileSync(join(dir, 'error.log'), 'utf8')}`);
    const up = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (up) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('nginx did not start listening');
}

async function withNginx<T>(
  strategy: NginxStrategy,
  pool: Backend[],
  weights: number[] | undefined,
  body: (port: number) => Promise<T>,
): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'capacity-plan-nginx-'));
  const port = await freePort();
  const config = balancerConfig({
    upstream: 'app_backend',
    strategy,
    servers: pool.map((b, i) => ({ address: `127.0.0.1:${b.port}`, weight: weights?.[i] })),
    listen: `127.0.0.1:${port}`,
    healthPath: '/health',
  });
  writeFileSync(join(dir, 'nginx.conf'), config);
  const nginx = spawn(
    nginxBinary(),
    [
      '-p',
      `${dir}/`,
      '-e',
      join(dir, 'error.log'),
      '-c',
      join(dir, 'nginx.conf'),
      '-g',
      `daemon off; pid ${join(dir, 'nginx.pid')};`,
    ],
    { stdio: 'ignore' },
  );
  running.push(nginx);
  try {
    await waitForPort(port, nginx, dir);
    return await body(port);
  } finally {
    nginx.kill('SIGTERM');
    for (const b of pool) b.server.close();
  }
}

async function send(port: number, total: number, concurrency: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < total) {
      next++;
      const res = await fetch(`http://127.0.0.1:${port}/`);
      expect(res.status).toBe(200);
      await res.text();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

const shares = (pool: Backend[]) => {
  const total = pool.reduce((a, b) => a + b.hits, 0);
  return pool.map((b) => b.hits / total);
};

describe('the exported nginx balancer, running in front of local servers', () => {
  it('round robin spreads requests evenly', async () => {
    const pool = await backends([0, 0, 0]);
    await withNginx('round-robin', pool, undefined, (port) => send(port, 300, 1));
    console.info(`round robin, 300 requests: ${pool.map((b) => b.hits).join(' / ')}`);
    for (const s of shares(pool)) expect(s).toBeCloseTo(1 / 3, 1);
  });

  it('ip_hash keeps a client on one server', async () => {
    const pool = await backends([0, 0, 0]);
    await withNginx('ip-hash', pool, undefined, (port) => send(port, 150, 3));
    console.info(`ip_hash, 150 requests from 127.0.0.1: ${pool.map((b) => b.hits).join(' / ')}`);
    expect(Math.max(...pool.map((b) => b.hits))).toBe(150);
  });

  it('weights split traffic in proportion', async () => {
    const pool = await backends([0, 0]);
    await withNginx('weighted', pool, [3, 1], (port) => send(port, 400, 1));
    console.info(`weight=3 / weight=1, 400 requests: ${pool.map((b) => b.hits).join(' / ')}`);
    expect(shares(pool)[0]).toBeCloseTo(0.75, 1);
  });

  it('least connections avoids a server holding slow requests; round robin does not', async () => {
    const slow = 400;
    const lcPool = await backends([slow, 5, 5]);
    await withNginx('least-connections', lcPool, undefined, (port) => send(port, 120, 6));
    const rrPool = await backends([slow, 5, 5]);
    await withNginx('round-robin', rrPool, undefined, (port) => send(port, 120, 6));
    console.info(
      `slow server's share, 120 requests at concurrency 6: least_conn ${lcPool[0]!.hits}/120, round robin ${rrPool[0]!.hits}/120`,
    );
    expect(shares(lcPool)[0]).toBeLessThan(0.15);
    expect(shares(rrPool)[0]).toBeGreaterThan(0.3);
  });
});
