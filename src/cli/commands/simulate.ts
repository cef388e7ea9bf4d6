import { Command } from 'commander';
import { SIM_LIMITS } from '../../simulate/limits.js';
import type { Io } from '../io.js';
import { SIMULATE_OPTIONS } from './simulate-flags.js';
import { runSimulate } from './simulate-run.js';

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
    .action(() => runSimulate(command.opts(), io, global));
  return command;
}

function addSimulateOptions(command: Command): Command {
  for (const [flags, description] of SIMULATE_OPTIONS) command.option(flags, description);
  return command;
}
