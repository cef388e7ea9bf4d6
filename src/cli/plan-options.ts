import { Option, type Command } from 'commander';
import { PROFILE_NAMES } from '../core/profiles.js';

/**
 * The plan options, once: this table makes the flags, their help, their environment variables and the
 * mapping from an input field back to the flag that set it (for error messages).
 */
export interface PlanOption {
  key: string;
  flags: string;
  description: string;
}

export const PLAN_OPTIONS: readonly PlanOption[] = [
  { key: 'name', flags: '--name <name>', description: 'project name, used in exported files (default: app)' },
  {
    key: 'users',
    flags: '--users <n>',
    description: 'monthly active users: 250000, 250k or 1.5M (required unless --input)',
  },
  {
    key: 'profile',
    flags: '--profile <name>',
    description: `traffic profile preset: ${PROFILE_NAMES.join(', ')} (default: web-app)`,
  },
  {
    key: 'dauRatio',
    flags: '--dau-ratio <share>',
    description: 'daily active users as a share of monthly users, e.g. 0.2',
  },
  { key: 'requestsPerUser', flags: '--requests-per-user <n>', description: 'requests per daily active user per day' },
  { key: 'peakFactor', flags: '--peak-factor <x>', description: 'busiest hour ÷ daily average' },
  { key: 'readRatio', flags: '--read-ratio <share>', description: 'share of requests that only read' },
  { key: 'serviceTime', flags: '--service-time <ms>', description: 'mean CPU time per request, ms' },
  { key: 'payloadKb', flags: '--payload-kb <kb>', description: 'average bytes sent per request, KB' },
  { key: 'storagePerUserMb', flags: '--storage-per-user-mb <mb>', description: 'stored data per monthly user, MB' },
  { key: 'latencyTarget', flags: '--latency-target <ms>', description: 'p95 response-time target, ms' },
  {
    key: 'availability',
    flags: '--availability <pct>',
    description: "availability target, e.g. 99.9, 99.95, 99.99 (default: none, the tier's own design)",
  },
  {
    key: 'provider',
    flags: '--provider <name>',
    description: 'where to price it: aws, gcp, azure or all (default: aws)',
  },
  { key: 'region', flags: '--region <code>', description: 'home region (default: us-east-1 / us-central1 / eastus)' },
  {
    key: 'regions',
    flags: '--regions <list>',
    description: 'users split across regions, e.g. us-east-1=60,eu-west-1=40',
  },
  {
    key: 'dataResidency',
    flags: '--data-residency',
    description:
      "each region keeps its users' data: its own primary database, GeoDNS routing, no cross-region failover",
  },
  {
    key: 'stateful',
    flags: '--stateful',
    description: 'the app still keeps state on the server (sessions in memory, local files)',
  },
  {
    key: 'requestDurations',
    flags: '--request-durations <kind>',
    description: 'similar or variable request durations (default: from the profile)',
  },
  {
    key: 'database',
    flags: '--database <option>',
    description:
      'pin the database option: single-az, multi-az, multi-az-cluster, aurora (the higher-SLA engine) or aurora-io-optimized (default any: the cheapest that qualifies)',
  },
  { key: 'mixedHardware', flags: '--mixed-hardware', description: 'servers of different sizes share the traffic' },
  {
    key: 'deploy',
    flags: '--deploy <strategy>',
    description: 'deployment strategy: auto, blue-green, rolling or canary (default: auto)',
  },
  {
    key: 'deploysPerMonth',
    flags: '--deploys-per-month <n>',
    description: 'releases a month, for the cost of deploying (default: 20)',
  },
  { key: 'growth', flags: '--growth <pct>', description: 'monthly user growth, percent' },
  { key: 'months', flags: '--months <n>', description: 'projection horizon with --growth (default: 12)' },
  {
    key: 'commitment',
    flags: '--commitment <term>',
    description:
      "on-demand, 1y or 3y: the provider's commitment products (savings plans, reservations, committed use) on the always-on servers, databases and caches",
  },
  {
    key: 'spot',
    flags: '--spot <share>',
    description: 'share of scale-out server-hours on spot, 0–1 (never the minimum fleet)',
  },
  {
    key: 'arch',
    flags: '--arch <arch>',
    description: 'app server CPU architecture: x86, arm or any (default: any, the cheapest that fits)',
  },
  {
    key: 'cacheEngine',
    flags: '--cache-engine <engine>',
    description: 'cache engine: redis, valkey or any (default: any, the cheapest the provider sells)',
  },
  { key: 'discount', flags: '--discount <pct>', description: 'negotiated discount on the whole bill, percent' },
  {
    key: 'simulate',
    flags: '--no-simulate',
    description: 'skip the short simulation that backs the load-balancing pick',
  },
  {
    key: 'maxMonthlyCost',
    flags: '--max-monthly-cost <usd>',
    description: 'budget gate: exit 3 when the expected monthly cost is higher',
  },
];

export function envName(key: string): string {
  return `CAPACITY_PLAN_${key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;
}

export function flagName(key: string): string {
  const option = PLAN_OPTIONS.find((o) => o.key === key);
  return option ? option.flags.split(' ')[0]! : `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/** Adds the plan options to a command. Choices are validated by the input schema, which names the flag. */
export function addPlanOptions(command: Command): Command {
  for (const o of PLAN_OPTIONS) {
    command.addOption(new Option(o.flags, o.description));
  }
  return command
    .addOption(
      new Option(
        '--input <file>',
        'plan-as-code YAML or JSON (capacity-plan.yaml, a regular file of at most 1 MB); flags and environment override it',
      ),
    )
    .addOption(
      new Option(
        '--format <format>',
        'output format: table, json, yaml, markdown, csv (the line items), mermaid (the architecture diagram) or html (one self-contained report) (default: table)',
      ),
    )
    .addOption(new Option('--json', 'same as --format json'))
    .addOption(new Option('-o, --output <file>', 'write the output to a file (atomic; --force to replace)'))
    .addOption(new Option('--force', 'replace an existing output file'));
}

/** `plan` only: how a plan over ranges is sampled (the keys `samples` and `seed` also work in the input file). */
export function addRangeOptions(command: Command): Command {
  return command
    .addOption(new Option('--samples <n>', 'with ranges (--users 40k..80k): Monte Carlo samples (default: 1000)'))
    .addOption(new Option('--seed <n>', 'with ranges: the random seed; same seed, same plan (default: 1)'));
}
