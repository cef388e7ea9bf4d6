import { HOURS_PER_MONTH } from '../../demand.js';
import { round } from '../../round.js';
import type { CostRule } from '../rule.js';
import type { CostContext } from '../types.js';
import { tieredLine } from '../tiers.js';
import { USAGE_ASSUMPTIONS as A } from '../usage-assumptions.js';

/** Internet egress from the origin: what the CDN does not serve, at the provider's volume tiers. */
export const egressRule: CostRule = {
  kind: 'egress',
  component: 'network',
  scope: 'each-region',
  applies: () => true,
  line(ctx) {
    const { facts, demand, params, book } = ctx;
    const item = book.item('egress');
    const gb = demand.egressGbPerMonth - (facts.cdn ? demand.egressGbPerMonth * params.cdnOffload : 0);
    return tieredLine(item, gb, 'internet egress from the origin, at the volume tiers', ctx.regionShare);
  },
};

/** NAT gateways a region runs: one per app zone, or one regional gateway (Cloud NAT). */
const natGateways = (ctx: Pick<CostContext, 'facts' | 'book'>) =>
  ctx.book.network.nat.gateways === 'per-zone' ? ctx.facts.appZones : 1;

export const natGatewayRule: CostRule = {
  kind: 'nat-gateway',
  component: 'network',
  scope: 'each-region',
  applies: ({ facts }) => facts.privateNetworking,
  line({ facts, book }) {
    const regions = facts.fleets.length;
    const inRegions = regions > 1 ? ` in ${regions} regions` : '';
    const item = book.item('nat-gateway');
    const nat = book.network.nat;
    if (nat.gateways === 'regional') {
      // Billed per VM using it, up to the cap (the item's hourly price is the capped rate).
      const servers = facts.fleets.reduce((a, f) => a + f.average, 0);
      const billed = facts.fleets.reduce((a, f) => a + Math.min(f.average, nat.vmsAtCap), 0);
      const perVm = item.price / nat.vmsAtCap;
      // The quantity is in hours at the capped rate, so quantity × unit price is the month's bill.
      const hours = (billed * HOURS_PER_MONTH) / nat.vmsAtCap;
      const description = () =>
        `NAT: one regional gateway${inRegions} for ${round(servers, 1)} app servers on average (private addresses), billed $${round(perVm, 4)} per server-hour up to its $${item.price}/h cap (${nat.vmsAtCap} servers or more): ${round(hours, 2)} hours at the capped rate`;
      return { item, quantity: hours, description };
    }
    const description = () =>
      `NAT gateway in each of ${facts.appZones} zones${inRegions} (app servers in private subnets)`;
    return { item, quantity: facts.appZones * regions * HOURS_PER_MONTH, description };
  },
};

export const natDataRule: CostRule = {
  kind: 'nat-data',
  component: 'network',
  scope: 'each-region',
  applies: ({ facts }) => facts.privateNetworking,
  line({ demand, book }) {
    const gb = (demand.requestsPerMonth * A.outboundKbPerRequestViaNat) / 1e6;
    const description = () => `NAT processing: ${A.outboundKbPerRequestViaNat} KB per request to outside APIs`;
    return { item: book.item('nat-data'), quantity: gb, description };
  },
};

export const crossZoneRule: CostRule = {
  kind: 'cross-zone',
  component: 'network',
  scope: 'each-region',
  applies: ({ facts }) => facts.appZones >= 2,
  line({ facts, demand, book }) {
    const crossing = 1 - 1 / facts.appZones;
    const gb = (demand.requestsPerMonth * A.dataTierKbPerRequest * crossing) / 1e6;
    const description = () =>
      `cross-zone traffic between app servers and the data tier: ${A.dataTierKbPerRequest} KB per request, ${Math.round(crossing * 100)} % crossing zones`;
    return { item: book.item('cross-zone'), quantity: gb, description };
  },
};

export const crossRegionRule: CostRule = {
  kind: 'cross-region',
  component: 'network',
  applies: ({ facts }) => facts.fleets.length > 1 && !facts.dataResidency,
  line({ facts, demand, params, book }) {
    const others = facts.fleets.length - 1;
    const writes = demand.requestsPerMonth * (1 - params.readRatio);
    const gb = (writes * A.bytesPerWriteReplicated * others) / 1e6;
    const description = () =>
      `database replication to ${others} other region${others > 1 ? 's' : ''}: ${(writes / 1e6).toFixed(1)} million writes a month × ${A.bytesPerWriteReplicated} KB per row change (WAL); each region keeps its own cache`;
    return { item: book.item('cross-region'), quantity: gb, description };
  },
};

export const publicIpRule: CostRule = {
  kind: 'public-ip',
  component: 'network',
  scope: 'each-region',
  applies: ({ book }) => book.has('public-ip'),
  line({ facts, book }) {
    const regions = facts.fleets.length;
    const perZone = book.network.balancerIps === 'per-zone';
    const ips = (facts.balancer ? (perZone ? facts.appZones : 1) : 1) * regions;
    const nat = facts.privateNetworking ? natGateways({ facts, book }) * regions : 0;
    // Without private subnets and NAT (below the horizontal tier), balanced servers sit in public subnets:
    // each needs an address of its own for its outbound calls (outside APIs, updates).
    const servers = facts.balancer && !facts.privateNetworking ? facts.fleets.reduce((a, f) => a + f.average, 0) : 0;
    const n = ips + nat;
    const front = facts.balancer ? (perZone ? 'balancer nodes' : "the balancer's frontend") : 'the server';
    const holders = `${front}${nat === 0 ? '' : nat === regions ? ' and the NAT gateway' : ' and NAT gateways'}`;
    const own =
      servers > 0
        ? `, and one per app server (${round(servers, 1)} on average, in public subnets for their outbound calls)`
        : '';
    const description = () => `${n} public IPv4 address${n === 1 ? '' : 'es'} (${holders})${own}`;
    return { item: book.item('public-ip'), quantity: (n + servers) * HOURS_PER_MONTH, description };
  },
};
