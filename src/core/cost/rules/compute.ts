import { HOURS_PER_MONTH } from '../../demand.js';
import { round } from '../../round.js';
import type { CostRule } from '../rule.js';
import type { CostFacts, FleetSize } from '../types.js';

type Fleet = CostFacts['fleets'][number];
const large = (f: Fleet): Fleet => ({ code: f.code, share: f.share, min: 0, average: 0, max: 0, ...f.large });
const small = (f: Fleet): Fleet => {
  const l = large(f);
  return { code: f.code, share: f.share, min: f.min - l.min, average: f.average - l.average, max: f.max - l.max };
};

/** Server-hours of a fleet at the size being priced, and the part that runs all month (what a commitment covers). */
function serverHours(fleets: readonly Fleet[], size: FleetSize) {
  const hours = fleets.reduce((a, f) => a + f[size] * HOURS_PER_MONTH, 0);
  const alwaysOn = fleets.reduce((a, f) => a + Math.min(f.min, f[size]) * HOURS_PER_MONTH, 0);
  return { hours, alwaysOn };
}

/** The app servers at the fleet size being priced (with mixed hardware, the smaller size); the buying pass splits off commitments and spot. */
export const computeRule: CostRule = {
  kind: 'compute',
  component: 'compute',
  fleet: true,
  scope: 'each-region',
  applies: () => true,
  line({ facts }, _, size) {
    const { hours, alwaysOn } = serverHours(facts.fleets.map(facts.largeInstance ? small : (f) => f), size);
    const noun = `${facts.instance.id} app servers${facts.largeInstance ? ' (mixed hardware, weight 1)' : ''}`;
    return { item: facts.instance, quantity: hours, description: noun, buyable: { alwaysOn, spot: true, noun } };
  },
};

/** Mixed hardware: every other server is twice the size, weighted 2 by the balancer. */
export const computeLargeRule: CostRule = {
  kind: 'compute-large',
  component: 'compute',
  fleet: true,
  scope: 'each-region',
  applies: ({ facts }) => facts.largeInstance !== undefined,
  line({ facts }, _, size) {
    const item = facts.largeInstance!;
    const { hours, alwaysOn } = serverHours(facts.fleets.map(large), size);
    const noun = `${item.id} app servers (mixed hardware, weight 2)`;
    return { item, quantity: hours, description: noun, buyable: { alwaysOn, spot: true, noun } };
  },
};

/** The extra servers while a deploy runs (a second fleet for blue-green, canary servers). */
export const deploymentRule: CostRule = {
  kind: 'deployment',
  component: 'deployment',
  applies: ({ facts }) => facts.deploymentExtra > 0,
  line({ facts }) {
    const item = { ...facts.instance, unit: 'month' as const, price: round(facts.deploymentExtra) };
    return { item, quantity: 1, description: facts.deploymentLabel };
  },
};
