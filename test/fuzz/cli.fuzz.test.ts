import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';
import { envVars, inputFile, otherArgv, planArgv } from './arbitraries.js';

/** Cases per property: 2,000 in all per `npm test`; `npm run fuzz` sets FUZZ_RUNS for a longer run. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 0);
const runs = (share: number) => (RUNS > 0 ? Math.round(RUNS * share) : Math.round(2000 * share));
/** No single case may take longer than this (a hang, an unbounded loop). */
const CASE_MS = 3000;

const dir = mkdtempSync(join(tmpdir(), 'cp-fuzz-'));
writeFileSync(join(dir, 'a.yaml'), 'users: 5000\nsimulate: false\n');
writeFileSync(join(dir, 'b.yaml'), 'users: 50000\nsimulate: false\n');
const baseEnv = { NO_COLOR: '1', XDG_DATA_HOME: join(dir, 'data') };

/** The contract every run keeps: exit 0, 2 or 3; for 2 and 3, nothing on stdout and one line on stderr with our prefix. */
async function holds(argv: string[], env: Record<string, string> = {}) {
  const start = performance.now();
  const r = await cli(argv, { env: { ...baseEnv, ...env }, cwd: dir });
  const ms = performance.now() - start;
  const context = `${JSON.stringify(argv)} ${JSON.stringify(env)} → ${r.code}\n${r.err}`;
  expect([0, 2, 3], context).toContain(r.code);
  expect(ms, `${context} took ${Math.round(ms)} ms`).toBeLessThan(CASE_MS);
  if (r.code === 0) return;
  const lines = r.err.split('\n').filter((l) => l !== '');
  expect(lines, context).toHaveLength(1);
  expect(lines[0], context).toMatch(/^capacity-plan: \S/);
  expect(r.err.endsWith('\n'), context).toBe(true);
  // A usage error or a failed gate prints nothing else (with -o a gate still writes the file it judged).
  expect(r.out, context).toBe('');
}

describe('fuzzing the CLI in process: every run ends in 0, 2 or 3, and a failure is one line', () => {
  it('plan command lines (numbers at every boundary, unicode, typos)', async () => {
    await fc.assert(
      fc.asyncProperty(planArgv, (argv) => holds(argv)),
      { numRuns: runs(0.35) },
    );
  });

  it('other commands: unknown commands before options, diff gates, pricing, export --dry-run, schema', async () => {
    await fc.assert(
      fc.asyncProperty(otherArgv, (argv) => holds(argv)),
      { numRuns: runs(0.2) },
    );
  });

  it('the environment (CAPACITY_PLAN_*, SOURCE_DATE_EPOCH)', async () => {
    await fc.assert(
      fc.asyncProperty(envVars, (env) =>
        holds(['plan', '--no-simulate', ...(env.CAPACITY_PLAN_USERS ? [] : ['--users', '5k'])], env),
      ),
      {
        numRuns: runs(0.25),
      },
    );
  });

  it('input files (duplicates, aliases, nesting, __proto__, unicode, JSON)', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(inputFile, async (text) => {
        const name = `in-${n++}.yaml`;
        writeFileSync(join(dir, name), text);
        await holds(['plan', '--input', name, '--no-simulate']);
      }),
      { numRuns: runs(0.2) },
    );
  });
});
