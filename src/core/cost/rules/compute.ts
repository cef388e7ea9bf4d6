import { HOURS_PER_MONTH } from '../../demand.js';
import { round } from '../../round.js';
import type { CostRule } from '../rule.js';

/** The app servers at the fleet size being priced; the buying pass splits off commitments and spot. */
export const computeRule: CostRule = {
  kind: 'compute',
  component: 'compute',
  fleet: true,
  applies: () => true,
  line({ facts }, _, size) {
    const hours = facts.fleets.reduce((a, f) => a + f[size] * HOURS_PER_MONTH, 0);
    const alwaysOn = facts.fleets.reduce((a, f) => a + Math.min(f.min, f[size]) * HOURS_PER_MONTH, 0);
    const noun = `${facts.instance.id} app servers`;
    return { item: facts.instance, quantity: hours, description: noun, buyable: { alwaysOn, spot: true, noun } };
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
