import { round } from '../../round.js';
import type { CostRule } from '../rule.js';
import { tieredLine } from '../tiers.js';
import { USAGE_ASSUMPTIONS as A } from '../usage-assumptions.js';

export const cdnBaseRule: CostRule = {
  kind: 'cdn-base',
  component: 'cdn',
  applies: ({ facts, book }) => facts.cdn && book.has('cdn-base'),
  line: ({ book }) => ({
    item: book.item('cdn-base'),
    quantity: 1,
    description: () => `${book.catalog.services.cdn} base fee`,
  }),
};

/** The bytes the edge serves, at the CDN's volume tiers (the region's users' edge geography). */
export const cdnTransferRule: CostRule = {
  kind: 'cdn-transfer',
  component: 'cdn',
  scope: 'each-region',
  applies: ({ facts }) => facts.cdn,
  line(ctx) {
    const { demand, params, book } = ctx;
    const item = book.item('cdn-transfer');
    const gb = demand.egressGbPerMonth * params.cdnOffload;
    const share = Math.round(params.cdnOffload * 100);
    const where = item.variant ? ` to ${item.variant} clients` : '';
    const description = () =>
      `${book.catalog.services.cdn} transfer${where}: ${share} % of ${round(demand.egressGbPerMonth, 0)} GB served from the edge`;
    return tieredLine(item, gb, description, ctx.regionShare);
  },
};

/** Edge requests: assets the browser fetches from the edge for each request that reaches the origin. */
export const cdnRequestsRule: CostRule = {
  kind: 'cdn-requests',
  component: 'cdn',
  scope: 'each-region',
  applies: ({ facts }) => facts.cdn,
  line(ctx) {
    const { demand, params, book } = ctx;
    const item = book.item('cdn-requests');
    const perOrigin = Math.min(
      A.cdnRequestsPerOriginRequestCap,
      params.cdnOffload / Math.max(1e-9, 1 - params.cdnOffload),
    );
    const tenK = (demand.requestsPerMonth * perOrigin) / 1e4;
    const description = () =>
      `${book.catalog.services.cdn} requests: ${round(perOrigin, 2)} edge request${round(perOrigin, 2) === 1 ? '' : 's'} per origin request`;
    return tieredLine(item, tenK, description, ctx.regionShare);
  },
};
