import { DAILY_CURVE_NAMES } from '../../core/profiles.js';
import { DISTRIBUTIONS } from '../../simulate/distributions.js';
import { SIM_STRATEGIES } from '../../simulate/strategies.js';

/**
 * The simulate command's options as commander's flags and help lines, in the order `--help` lists them:
 * commander is given these (simulate.ts), and the light entry reads its command line by the same flags
 * (simulate-argv.ts), so the two cannot drift apart.
 */
export const SIMULATE_OPTIONS: readonly (readonly [flags: string, description: string])[] = [
  ['--servers <n>', 'servers behind the balancer (default: 8)'],
  ['--speeds <list>', 'relative speed of each server, e.g. 1,1,2,2 (sets --servers; weighted uses these as weights)'],
  ['--concurrency <k>', 'requests each server works on at once, e.g. its vCPUs (default: 1)'],
  ['--utilization <ρ>', 'offered load ÷ capacity, e.g. 0.7 (default: 0.7)'],
  ['--rps <r>', 'arrival rate in requests per second (instead of --utilization)'],
  ['--service-time <ms>', 'mean service time on a speed-1 server (default: 50)'],
  ['--distribution <name>', `service times: ${DISTRIBUTIONS.join(', ')} (default: exponential)`],
  ['--cv <x>', 'coefficient of variation for lognormal (default: 3)'],
  ['--strategy <name>', `all, or one of ${SIM_STRATEGIES.join(', ')} (default: all)`],
  ['--requests <n>', 'measured requests per strategy (default: 200000)'],
  ['--warmup <n>', 'requests simulated before measuring (default: 5 % of --requests)'],
  ['--seed <n>', 'random seed: the same seed gives the same results (default: 1)'],
  ['--clients <n>', 'distinct clients, for IP hash (default: 10000)'],
  ['--client-skew <s>', 'Zipf exponent of client traffic, 0 = all alike (default: 0.6)'],
  ['--curve <name>', `follow a daily traffic curve: ${DAILY_CURVE_NAMES.join(', ')}`],
  ['--peak-factor <x>', 'busiest hour ÷ average, with --curve (default: 3)'],
  ['--allow-unstable', 'run even when utilisation is 1 or more (queues then grow without bound)'],
  ['--format <format>', 'table or json (default: table)'],
  ['--json', 'same as --format json'],
  ['-o, --output <file>', 'write the output to a file (atomic; --force to replace)'],
  ['--force', 'replace an existing output file'],
];
