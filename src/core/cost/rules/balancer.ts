import { HOURS_PER_MONTH } from '../../demand.js';
import { round } from '../../round.js';
import type { CostRule } from '../rule.js';
import { USAGE_ASSUMPTIONS as A } from '../usage-assumptions.js';

export const loadBalancerRule: CostRule = {
  kind: 'load-balancer',
  component: 'load balancer',
  scope: 'each-region',
  applies: ({ facts }) => facts.balancer,
  line({ facts, book }) {
    const regions = facts.fleets.length;
    const description = () => `${book.catalog.services.loadBalancer}, ${regions} × 730 h`;
    return { item: book.item('load-balancer'), quantity: regions * HOURS_PER_MONTH, description };
  },
};

/** Balancer capacity: processed GB where the provider bills that, else capacity units (bytes or new connections). */
export const loadBalancerCapacityRule: CostRule = {
  kind: 'load-balancer-capacity',
  component: 'load balancer',
  scope: 'each-region',
  applies: ({ facts }) => facts.balancer,
  line({ facts, demand, params, book }) {
    const item = book.item('load-balancer-capacity');
    const originGb = demand.egressGbPerMonth * (facts.cdn ? 1 - params.cdnOffload : 1) * (1 + A.inboundShareOfEgress);
    if (item.unit === 'GB') {
      const inbound = Math.round(A.inboundShareOfEgress * 100);
      return {
        item,
        quantity: originGb,
        description: () => `data processed by the balancer: responses from the origin plus ${inbound} % for requests`,
      };
    }
    const byBytes = originGb / HOURS_PER_MONTH;
    const byConnections = demand.averageRps / A.requestsPerConnection / 25;
    const units = Math.max(byBytes, byConnections, facts.fleets.length * 0.1);
    const dominant = byBytes >= byConnections ? 'processed bytes' : 'new connections';
    return {
      item,
      quantity: units * HOURS_PER_MONTH,
      description: () => `capacity units: ${round(units, 2)} per hour on average (${dominant} dominate)`,
    };
  },
};
