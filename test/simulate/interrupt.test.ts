import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const bin = resolve('bin/capacity-plan.js');

beforeAll(() => {
  if (!existsSync('dist/cli.js')) throw new Error('build first: npm run build');
});

/** CPU seconds the process has used (Linux /proc), or null where /proc is missing. */
function cpuSeconds(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/**
 * Starts the built binary, waits until it has spent a second of CPU (well past start-up: it is simulating),
 * sends SIGINT and measures how long it takes to exit.
 */
async function interrupt(args: string[]): Promise<{ code: number | null; ms: number; stderr: string }> {
  const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  const started = Date.now();
  while (Date.now() - started < 15_000) {
    await new Promise((r) => setTimeout(r, 50));
    const cpu = cpuSeconds(child.pid!);
    if (cpu === null ? Date.now() - started > 3000 : cpu >= 1) break;
  }
  const sent = performance.now();
  child.kill('SIGINT');
  // A child that ignores the signal must not outlive the test.
  const stop = setTimeout(() => child.kill('SIGKILL'), 5000);
  const code = await exited;
  clearTimeout(stop);
  return { code, ms: performance.now() - sent, stderr };
}

describe('Ctrl-C stops a long simulation at once', () => {
  it.each([
    [
      'least connections, 16 servers, 1e8 requests',
      ['--servers', '16', '--strategy', 'least-connections', '--requests', '1e8'],
    ],
    [
      'weighted over 10,000 servers (each request visits all)',
      ['--speeds', `${'1,'.repeat(9999)}2`, '--strategy', 'weighted', '--requests', '3e6'],
    ],
    [
      '97 servers × 1024 workers',
      ['--servers', '97', '--concurrency', '1024', '--strategy', 'round-robin', '--requests', '1e8'],
    ],
  ])('%s: exit 130 within 200 ms, one line on stderr', async (_name, args) => {
    const r = await interrupt(['simulate', ...args]);
    expect(r.stderr.trim().split('\n')).toEqual(['capacity-plan: interrupted']);
    expect(r.code).toBe(130);
    expect(r.ms).toBeLessThan(200);
  });
});
