import { styles } from './ansi.js';
import Table from 'cli-table3';
import { round } from '../core/round.js';
import type { SimulationReport } from '../simulate/run.js';
import { num, tableLook } from './format.js';

/** The report with figures rounded for output (the run itself is exact and seeded). */
export function roundReport(r: SimulationReport): SimulationReport {
  return {
    parameters: {
      ...r.parameters,
      arrivalRate: round(r.parameters.arrivalRate, 3),
      utilization: round(r.parameters.utilization, 4),
      cv: round(r.parameters.cv, 3),
    },
    strategies: r.strategies.map((s) => ({
      ...s,
      meanMs: round(s.meanMs, 2),
      p50Ms: round(s.p50Ms, 2),
      p95Ms: round(s.p95Ms, 2),
      p99Ms: round(s.p99Ms, 2),
      maxMs: round(s.maxMs, 2),
      shares: s.shares.map((x) => round(x, 4)),
      imbalance: round(s.imbalance, 3),
    })),
    theory: r.theory
      ? {
          sharedQueueMeanMs: round(r.theory.sharedQueueMeanMs, 2),
          randomDispatchMeanMs: round(r.theory.randomDispatchMeanMs, 2),
        }
      : null,
  };
}

export function renderSimulation(report: SimulationReport, opts: { color: boolean }): string {
  const c = styles(opts.color);
  const p = report.parameters;
  const out: string[] = [];
  out.push(
    c.bold(
      `${p.servers} servers${p.concurrency > 1 ? ` × ${p.concurrency} concurrent` : ''} at ${num(p.utilization * 100, 1)} % utilisation · ${num(p.arrivalRate, 1)} requests/s · ${p.distribution} service times, mean ${num(p.serviceTimeMs, 1)} ms (CV ${num(p.cv, 2)})`,
    ),
    c.dim(
      `${num(p.requests)} measured requests per strategy after ${num(p.warmup)} warm-up · seed ${p.seed}${p.curve ? ' · following a daily curve' : ''}${p.speeds.some((s) => s !== p.speeds[0]) ? ` · speeds ${p.speeds.join(', ')}` : ''}`,
    ),
    '',
  );
  const best = Math.min(...report.strategies.map((s) => s.p99Ms));
  const table = new Table({
    head: ['strategy', 'mean ms', 'p50 ms', 'p95 ms', 'p99 ms', 'longest queue', 'server shares', 'busiest ÷ fair'],
    colAligns: ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
    ...tableLook(opts.color),
  });
  for (const s of report.strategies) {
    const name = s.p99Ms === best ? c.green(`${s.strategy} ★`) : s.strategy;
    table.push([
      name,
      num(s.meanMs, 1),
      num(s.p50Ms, 1),
      num(s.p95Ms, 1),
      num(s.p99Ms, 1),
      num(s.maxQueue),
      shareText(s.shares),
      `${s.imbalance.toFixed(3)}×`,
    ]);
  }
  out.push(table.toString());
  if (report.theory) {
    out.push(
      c.dim(
        `Theory for these servers: one shared queue (M/M/${p.servers * p.concurrency}, the ideal) ${num(report.theory.sharedQueueMeanMs, 1)} ms mean; random dispatch (each server M/M/${p.concurrency}) ${num(report.theory.randomDispatchMeanMs, 1)} ms mean`,
      ),
    );
  }
  out.push(
    c.dim(
      "Server shares: each server's share of the requests (up to 6 servers; the range for more; every share is in --json).",
    ),
  );
  out.push(
    c.dim('★ lowest p99. IP hash spreads clients, not requests: a skewed client population loads some servers more.'),
  );
  return `${out.join('\n')}\n`;
}

function shareText(shares: readonly number[]): string {
  const pct = (x: number) => (x * 100).toFixed(1);
  if (shares.length <= 6) return `${shares.map(pct).join(' / ')} %`;
  return `${pct(Math.min(...shares))}–${pct(Math.max(...shares))} %`;
}
