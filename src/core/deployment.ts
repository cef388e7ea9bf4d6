import type { PlanInput } from './input.js';
import { round } from './round.js';
import type { TierId } from './tiers.js';

export type DeployStrategy = 'blue-green' | 'rolling' | 'canary';

/** About one release per working day, when the user does not say. */
export const DEFAULT_DEPLOYS_PER_MONTH = 20;
const BLUE_GREEN_WINDOW_HOURS = 0.5;
const CANARY_WINDOW_HOURS = 2;
/** The share of traffic a canary release gets first, in percent: exporters and the balancer read it from the plan. */
export const CANARY_PERCENT = 5;
const CANARY_SHARE = CANARY_PERCENT / 100;

export interface Deployment {
  strategy: DeployStrategy;
  reasons: string[];
  deploysPerMonth: number;
  /** Extra servers running while a deploy is in progress. */
  extraServersWhileDeploying: number;
  windowMinutes: number;
  extraCostPerDeploy: number;
  extraMonthlyCost: number;
  /** Rolling only: servers replaced at a time. */
  batchSize: number | null;
  /** Canary only: the share of traffic the new version gets first, percent. */
  canaryPercent: number | null;
}

export function chooseDeployStrategy(
  requested: PlanInput['deploy'],
  tier: TierId,
  serversAtPeak: number,
): { strategy: DeployStrategy; reasons: string[] } {
  if (requested !== 'auto') {
    const reasons = [`--deploy ${requested}: chosen by you`];
    if (requested === 'rolling' && serversAtPeak < 3)
      reasons.push(
        `With ${serversAtPeak} server${serversAtPeak === 1 ? '' : 's'}, a rolling update takes ${serversAtPeak === 1 ? 'the only server' : 'half the capacity'} out at a time`,
      );
    return { strategy: requested, reasons };
  }
  if (serversAtPeak < 3) {
    return {
      strategy: 'blue-green',
      reasons: [
        `${serversAtPeak} server${serversAtPeak === 1 ? '' : 's'}: rolling would take ${serversAtPeak === 1 ? 'the only server' : 'half the capacity'} out of service, so deploy the new version beside the old and switch traffic at once`,
        'Zero downtime and instant rollback (switch back); the price is twice the app servers while a deploy runs',
      ],
    };
  }
  if (tier === 'distributed') {
    return {
      strategy: 'canary',
      reasons: [
        `${serversAtPeak} servers at the distributed tier's scale: send ${CANARY_PERCENT} % of traffic to the new version, watch errors and latency, then widen to 100 %`,
        'Catches a bad release while it touches few users; needs weighted routing and good monitoring, which this tier has',
      ],
    };
  }
  return {
    strategy: 'rolling',
    reasons: [
      `${serversAtPeak} servers: replace a few at a time while the rest keep serving — no extra infrastructure`,
      'Slower than blue-green, and old and new versions run side by side for a while: keep releases backward compatible',
    ],
  };
}

export function deployment(
  choice: { strategy: DeployStrategy; reasons: string[] },
  serversAtPeak: number,
  hourlyPerServer: number,
  deploysPerMonth = DEFAULT_DEPLOYS_PER_MONTH,
): Deployment {
  const { strategy } = choice;
  const extraServers =
    strategy === 'blue-green'
      ? serversAtPeak
      : strategy === 'canary'
        ? Math.max(1, Math.ceil(serversAtPeak * CANARY_SHARE))
        : 0;
  const windowHours =
    strategy === 'blue-green' ? BLUE_GREEN_WINDOW_HOURS : strategy === 'canary' ? CANARY_WINDOW_HOURS : 0;
  const extraCostPerDeploy = extraServers * windowHours * hourlyPerServer;
  const reasons = [...choice.reasons];
  if (strategy === 'blue-green')
    reasons.push(
      `Each deploy runs a second fleet of ${extraServers} for about ${BLUE_GREEN_WINDOW_HOURS * 60} minutes (2× app servers while deploying)`,
    );
  if (strategy === 'canary')
    reasons.push(
      `Each deploy adds ${extraServers} canary server${extraServers === 1 ? '' : 's'} for about ${CANARY_WINDOW_HOURS} hours while traffic steps ${CANARY_PERCENT} % → 25 % → 50 % → 100 %`,
    );
  return {
    strategy,
    reasons,
    deploysPerMonth,
    extraServersWhileDeploying: extraServers,
    windowMinutes: windowHours * 60,
    extraCostPerDeploy: round(extraCostPerDeploy),
    extraMonthlyCost: round(extraCostPerDeploy * deploysPerMonth),
    batchSize: strategy === 'rolling' ? Math.max(1, Math.floor(serversAtPeak * 0.2)) : null,
    canaryPercent: strategy === 'canary' ? CANARY_PERCENT : null,
  };
}
