import { Command } from 'commander';
import { DAILY_CURVE_NAMES } from '../../core/profiles.js';
import { dailyCurve } from '../../core/daily-curve.js';
import { DISTRIBUTIONS } from '../../simulate/distributions.js';
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

export function simulateCommand(io: Io, global: () => { color: boolean; quiet: boolean }): Command {
  const command = addSimulateOptions(new Command('simulate'))
    .description(
      `compare load-balancing strategies on a simulated fleet (discrete-event simulation)

Examples:
  $ capacity-plan simulate --servers 10 --utilization 0.9
  $ capacity-plan simulate --servers 10 --utilization 0.7 --distribution lognormal --cv 3
  $ capacity-plan simulate --speeds 1,1,2,4 --strategy weighted --json
  $ capacity-plan simulate --servers 16 --concurrency 4 --rps 300 --service-time 50 --curve consumer-evening`,
    )
    .addHelpText(
      'after',
      `\nLimits: --servers ≤ ${SIM_LIMITS.servers}, --concurrency ≤ ${SIM_LIMITS.concurrency} and servers × concurrency ≤ ${SIM_LIMITS.workers}; --requests and --warmup ≤ 1e8; (requests + warm-up) × strategies ≤ 1e9 events (a request counts servers ÷ 32 times under weighted, and least connections on mixed speeds). Ctrl-C stops a run.
Exit codes: 0 ok · 1 unexpected failure · 2 bad parameters (including utilisation ≥ 1 without --allow-unstable)`,
    )
    .action(async () => {
      const o = readSimulateFlags(command.opts());
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
    });
  return command;
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

function addSimulateOptions(command: Command): Command {
  return command
    .option('--servers <n>', 'servers behind the balancer (default: 8)')
    .option(
      '--speeds <list>',
      'relative speed of each server, e.g. 1,1,2,2 (sets --servers; weighted uses these as weights)',
    )
    .option('--concurrency <k>', 'requests each server works on at once, e.g. its vCPUs (default: 1)')
    .option('--utilization <ρ>', 'offered load ÷ capacity, e.g. 0.7 (default: 0.7)')
    .option('--rps <r>', 'arrival rate in requests per second (instead of --utilization)')
    .option('--service-time <ms>', 'mean service time on a speed-1 server (default: 50)')
    .option('--distribution <name>', `service times: ${DISTRIBUTIONS.join(', ')} (default: exponential)`)
    .option('--cv <x>', 'coefficient of variation for lognormal (default: 3)')
    .option('--strategy <name>', `all, or one of ${SIM_STRATEGIES.join(', ')} (default: all)`)
    .option('--requests <n>', 'measured requests per strategy (default: 200000)')
    .option('--warmup <n>', 'requests simulated before measuring (default: 5 % of --requests)')
    .option('--seed <n>', 'random seed: the same seed gives the same results (default: 1)')
    .option('--clients <n>', 'distinct clients, for IP hash (default: 10000)')
    .option('--client-skew <s>', 'Zipf exponent of client traffic, 0 = all alike (default: 0.6)')
    .option('--curve <name>', `follow a daily traffic curve: ${DAILY_CURVE_NAMES.join(', ')}`)
    .option('--peak-factor <x>', 'busiest hour ÷ average, with --curve (default: 3)')
    .option('--allow-unstable', 'run even when utilisation is 1 or more (queues then grow without bound)')
    .option('--format <format>', 'table or json (default: table)')
    .option('--json', 'same as --format json')
    .option('-o, --output <file>', 'write the output to a file (atomic; --force to replace)')
    .option('--force', 'replace an existing output file');
}
