import { dailyCurve } from '../../core/daily-curve.js';
import { SIM_STRATEGIES, type SimStrategy } from '../../simulate/strategies.js';
import { SIM_LIMITS, simulationEvents } from '../../simulate/limits.js';
import { colorEnabled, type Io } from '../io.js';
import { usageError } from '../exit-error.js';
import { writeFileAtomic } from '../write-file.js';
import { readSimulateFlags } from './simulate-options.js';

const FLAGS: Record<string, string> = {
  serviceTime: '--service-time',
  clientSkew: '--client-skew',
  peakFactor: '--peak-factor',
  allowUnstable: '--allow-unstable',
};

/**
 * The simulate command once its command line is read, whoever read it (commander in the full CLI, or the
 * light entry, simulate-main.ts): checks the flags (an ExitError, exit 2, names the first bad one), runs
 * the simulation and writes the table or JSON to stdout or to --output.
 */
export async function runSimulate(
  raw: Record<string, unknown>,
  io: Io,
  global: () => { color: boolean; quiet: boolean },
): Promise<void> {
  const o = readSimulateFlags(raw);
  if ('message' in o) throw usageError(`${FLAGS[o.key] ?? `--${o.key}`}: ${o.message}`);
  if (o.speeds && o.servers !== undefined && o.servers !== o.speeds.length)
    throw usageError(`--servers ${o.servers} and --speeds (${o.speeds.length} servers) disagree: give one`);
  if (o.utilization !== undefined && o.rps !== undefined)
    throw usageError('--utilization and --rps both set the arrival rate: give one');
  const speeds = o.speeds ?? Array<number>(o.servers ?? 8).fill(1);
  const capacity = (speeds.reduce((a, b) => a + b, 0) * o.concurrency) / (o.serviceTime / 1000);
  const arrivalRate = o.rps ?? (o.utilization ?? 0.7) * capacity;
  const rho = arrivalRate / capacity;
  const curve = o.curve ? dailyCurve(o.curve, o.peakFactor) : undefined;
  const peakRho = curve ? rho * Math.max(...curve) : rho;
  if (peakRho >= 1 && !o.allowUnstable) {
    throw usageError(
      `${o.rps !== undefined ? '--rps' : '--utilization'}: utilisation ${peakRho.toFixed(3)}${curve ? ' at the busiest hour' : ''} is 1 or more — arrivals outrun the servers and queues grow without bound, so no steady-state figures exist; lower it or pass --allow-unstable to watch it happen`,
    );
  }
  const strategies: SimStrategy[] = o.strategy === 'all' ? [...SIM_STRATEGIES] : [o.strategy];
  const warmup = o.warmup ?? Math.ceil(o.requests * 0.05);
  checkBudget(strategies, speeds, o.concurrency, o.requests, warmup);
  const { runSimulationAsync } = await import('../../simulate/run-async.js');
  const report = await runSimulationAsync({
    speeds,
    concurrency: o.concurrency,
    arrivalRate,
    serviceTimeMs: o.serviceTime,
    distribution: o.distribution,
    cv: o.cv,
    strategies,
    requests: o.requests,
    warmup,
    seed: o.seed,
    clients: o.clients,
    clientSkew: o.clientSkew,
    curve,
  });
  const format = o.json ? 'json' : o.format;
  const { renderSimulation, roundReport } = await import('../../render/simulation.js');
  const text =
    format === 'json'
      ? `${JSON.stringify(roundReport(report), null, 2)}\n`
      : renderSimulation(report, { color: !o.output && global().color && colorEnabled(io.stdout, io.env, false) });
  if (peakRho >= 1)
    io.stderr.write(
      `capacity-plan: warning: utilisation ${peakRho.toFixed(3)} is unstable — these figures grow with the run length and describe no steady state\n`,
    );
  if (o.output) {
    writeFileAtomic(o.output, text, { force: o.force === true, cwd: io.cwd });
    if (!global().quiet) io.stderr.write(`wrote ${o.output}\n`);
  } else io.stdout.write(text);
}

/** Past the limits a run would take too long or too much memory: exit 2 naming the flag that drives it. */
function checkBudget(
  strategies: SimStrategy[],
  speeds: number[],
  concurrency: number,
  requests: number,
  warmup: number,
) {
  const workers = speeds.length * concurrency;
  if (workers > SIM_LIMITS.workers)
    throw usageError(
      `--concurrency: ${speeds.length} servers × ${concurrency} = ${workers} workers is past the limit of ${SIM_LIMITS.workers}: lower --concurrency or --servers`,
    );
  const mixedSpeeds = speeds.some((x) => x !== speeds[0]);
  const events = simulationEvents(strategies, { servers: speeds.length, mixedSpeeds, requests, warmup });
  if (events > SIM_LIMITS.events)
    throw usageError(
      `--requests: this run is ${events.toExponential(2)} events, past the budget of 1e9 ((requests + warm-up) × strategies): lower --requests or --warmup, or pick one --strategy`,
    );
}
