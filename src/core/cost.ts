import type { CatalogItem } from '../pricing/catalog-schema.js';
import type { CacheSizing } from './cache.js';
import { DATABASE_SHARE_OF_STORAGE, type DatabaseSizing } from './database.js';
import type { Demand } from './demand.js';
import { HOURS_PER_MONTH } from './demand.js';
import type { PlanInput } from './input.js';
import { tieredCost, type PriceBook } from './price-book.js';
import type { Parameters } from './resolve.js';
import { round } from './round.js';

export interface LineItem {
  component: string;
  description: string;
  quantity: number;
  unit: string;
  unitPrice: number;
  monthly: number;
  itemId: string;
  confidence: CatalogItem['confidence'];
}

export interface RegionFleet {
  code: string;
  min: number;
  average: number;
  max: number;
}

export interface CostFacts {
  instance: CatalogItem;
  fleets: RegionFleet[];
  appZones: number;
  balancer: boolean;
  /** The primary region's database, and per other region either its own primary (data residency) or a promotable replica. */
  databases: { code: string; sizing: DatabaseSizing; role: 'primary' | 'standby-region' }[];
  cache: CacheSizing | null;
  /** Data residency: no user data crosses regions. */
  dataResidency: boolean;
  cdn: boolean;
  privateNetworking: boolean;
  queue: boolean;
  deploymentExtra: number;
  deploymentLabel: string;
}

/** Assumptions behind the usage-priced lines, stated in every plan. */
export const USAGE_ASSUMPTIONS = {
  requestsPerConnection: 10,
  inboundShareOfEgress: 0.1,
  outboundKbPerRequestViaNat: 2,
  dataTierKbPerRequest: 8,
  dnsLookupsPerDailyUser: 20,
  logKbPerRequest: 0.3,
  metricsPerServer: 10,
  baseMetrics: 20,
  bytesPerWriteReplicated: 2,
  cdnRequestsPerOriginRequestCap: 5,
  ioPerWrite: 2,
  ioPerUncachedRead: 0.1,
} as const;

export interface CostBreakdown {
  lineItems: LineItem[];
  monthly: { low: number; expected: number; high: number };
  buying: { commitment: PlanInput['commitment']; spotShare: number; discountPercent: number; notes: string[] };
}

/** Every line of the monthly bill at 730 hours a month, with the fleet at its minimum, expected and maximum. */
export function costPlan(
  facts: CostFacts,
  demand: Demand,
  p: Parameters,
  input: PlanInput,
  book: PriceBook,
): CostBreakdown {
  const lines: LineItem[] = [];
  const add = (
    component: string,
    item: CatalogItem,
    quantity: number,
    description: string,
    monthly = quantity * item.price,
  ) => {
    if (quantity <= 0) return;
    lines.push({
      component,
      description,
      quantity: round(quantity, 2),
      unit: item.unit,
      unitPrice: item.price,
      monthly: round(monthly),
      itemId: item.id,
      confidence: item.confidence,
    });
  };
  const regions = facts.fleets.length;
  const opts = book.catalog.buyingOptions;
  const commitDiscount =
    input.commitment === '1y' ? opts.commitment1y.discount : input.commitment === '3y' ? opts.commitment3y.discount : 0;

  // App servers: the always-on minimum can be committed; only the part above it may be spot.
  const computeLines = (fleetSize: (f: RegionFleet) => number): LineItem[] => {
    const hours = facts.fleets.reduce((a, f) => a + fleetSize(f) * HOURS_PER_MONTH, 0);
    const baseHours = facts.fleets.reduce((a, f) => a + Math.min(f.min, fleetSize(f)) * HOURS_PER_MONTH, 0);
    const burstHours = hours - baseHours;
    const spotHours = burstHours * input.spot;
    const out: LineItem[] = [];
    const it = facts.instance;
    const push = (description: string, qty: number, unitPrice: number) => {
      if (qty <= 0) return;
      out.push({
        component: 'compute',
        description,
        quantity: round(qty, 2),
        unit: 'hour',
        unitPrice: round(unitPrice, 6),
        monthly: round(qty * unitPrice),
        itemId: it.id,
        confidence: it.confidence,
      });
    };
    if (commitDiscount > 0) {
      push(
        `${it.id} app servers, always-on minimum, ${input.commitment === '1y' ? opts.commitment1y.label : opts.commitment3y.label}`,
        baseHours,
        it.price * (1 - commitDiscount),
      );
      push(`${it.id} app servers above the minimum, on-demand`, burstHours - spotHours, it.price);
    } else {
      push(`${it.id} app servers, on-demand`, hours - spotHours, it.price);
    }
    push(
      `${it.id} app servers above the minimum on spot (${Math.round(input.spot * 100)} % of scale-out hours; ${opts.spot.label})`,
      spotHours,
      it.price * (1 - opts.spot.discount),
    );
    return out;
  };
  const expectedCompute = computeLines((f) => f.average);
  lines.push(...expectedCompute);

  if (facts.balancer) {
    const lb = book.item('load-balancer');
    add('load balancer', lb, regions * HOURS_PER_MONTH, `${book.catalog.services.loadBalancer}, ${regions} × 730 h`);
    const capacity = book.item('load-balancer-capacity');
    const originGb =
      demand.egressGbPerMonth * (facts.cdn ? 1 - p.cdnOffload : 1) * (1 + USAGE_ASSUMPTIONS.inboundShareOfEgress);
    if (capacity.unit === 'GB') {
      add(
        'load balancer',
        capacity,
        originGb,
        `data processed by the balancer: responses from the origin plus ${Math.round(USAGE_ASSUMPTIONS.inboundShareOfEgress * 100)} % for requests`,
      );
    } else {
      const byBytes = originGb / HOURS_PER_MONTH;
      const byConnections = demand.averageRps / USAGE_ASSUMPTIONS.requestsPerConnection / 25;
      const capacityUnits = Math.max(byBytes, byConnections, regions * 0.1);
      add(
        'load balancer',
        capacity,
        capacityUnits * HOURS_PER_MONTH,
        `capacity units: ${round(capacityUnits, 2)} per hour on average (${byBytes >= byConnections ? 'processed bytes' : 'new connections'} dominate)`,
      );
    }
  }

  const svc = book.catalog.services;
  for (const { code, sizing: db, role } of facts.databases) {
    const where = facts.databases.length > 1 ? ` in ${code}` : '';
    if (role === 'standby-region') {
      const replica = db.deployment === 'aurora' ? db.instance : book.item('database', db.instance.id, 'single-az');
      add(
        'database',
        replica,
        db.shards * HOURS_PER_MONTH,
        `${replica.id} promotable cross-region replica${db.shards > 1 ? ` × ${db.shards} shards` : ''}${where}`,
      );
      const storage =
        db.deployment === 'aurora' ? book.item('database-storage', undefined, 'aurora') : book.item('database-storage');
      add('database', storage, db.storageGbPerShard * db.shards, `storage of the cross-region replica${where}`);
      continue;
    }
    if (db.deployment === 'aurora') {
      const replicas = Math.max(1, db.readReplicasPerShard);
      add(
        'database',
        db.instance,
        db.shards * (1 + replicas) * HOURS_PER_MONTH,
        `${svc.databaseHaPlus} ${db.instance.id}: ${db.shards} writer${db.shards === 1 ? '' : 's'} + ${replicas} replica${replicas === 1 ? '' : 's'} each${where}`,
      );
      add(
        'database',
        book.item('database-storage', undefined, 'aurora'),
        db.storageGbPerShard * db.shards,
        `${svc.databaseHaPlus} storage (replicated across three zones, billed once)${where}`,
      );
      if (book.has('database-io', undefined, 'aurora')) {
        const share = facts.databases.length > 1 ? 1 / facts.databases.length : 1;
        const ios =
          (demand.requestsPerMonth *
            share *
            ((1 - p.readRatio) * USAGE_ASSUMPTIONS.ioPerWrite +
              p.readRatio * (1 - p.cacheHitRatio) * USAGE_ASSUMPTIONS.ioPerUncachedRead)) /
          1e6;
        add(
          'database',
          book.item('database-io', undefined, 'aurora'),
          ios,
          `${svc.databaseHaPlus} I/O: ${USAGE_ASSUMPTIONS.ioPerWrite} per write, ${USAGE_ASSUMPTIONS.ioPerUncachedRead} per read the cache misses (buffer-pool misses)${where}`,
        );
      }
      continue;
    }
    add(
      'database',
      db.instance,
      db.shards * HOURS_PER_MONTH,
      `${svc.database} ${db.instance.id} ${db.deployment === 'multi-az' ? 'Multi-AZ' : 'Single-AZ'} primary${db.shards > 1 ? ` × ${db.shards} shards` : ''}${where}`,
    );
    const replica = book.item('database', db.instance.id, 'single-az');
    add(
      'database',
      replica,
      db.shards * db.readReplicasPerShard * HOURS_PER_MONTH,
      `${replica.id} read replicas (${db.readReplicasPerShard} per ${db.shards > 1 ? 'shard' : 'primary'})${where}`,
    );
    const copies = db.shards * ((db.deployment === 'multi-az' ? 2 : 1) + db.readReplicasPerShard);
    add(
      'database',
      book.item('database-storage'),
      db.storageGbPerShard * copies,
      `storage: ${db.storageGbPerShard} GB on each of ${copies} copies (primary${db.deployment === 'multi-az' ? ', standby' : ''}${db.readReplicasPerShard > 0 ? ' and replicas' : ''})${where}`,
    );
  }

  if (facts.cache) {
    const c = facts.cache;
    // Tiers that bill a built-in replica (Azure Standard: 2 nodes) already pay for one replica per shard.
    const nodes = c.shards * Math.max(c.node.billedNodes ?? 1, 1 + c.replicasPerShard) * regions;
    add(
      'cache',
      c.node,
      nodes * HOURS_PER_MONTH,
      `${svc.cache} ${c.node.id}: ${c.shards} shard${c.shards === 1 ? '' : 's'} × (1 primary + ${c.replicasPerShard} replica${c.replicasPerShard === 1 ? '' : 's'})${regions > 1 ? ` in ${regions} regions` : ''}`,
    );
  }

  let originEgressGb = demand.egressGbPerMonth;
  if (facts.cdn && book.has('cdn-base')) add('cdn', book.item('cdn-base'), 1, `${svc.cdn} base fee`);
  if (facts.cdn) {
    const transfer = book.item('cdn-transfer');
    const cdnGb = demand.egressGbPerMonth * p.cdnOffload;
    originEgressGb -= cdnGb;
    add(
      'cdn',
      transfer,
      cdnGb,
      `${svc.cdn} transfer: ${Math.round(p.cdnOffload * 100)} % of ${round(demand.egressGbPerMonth, 0)} GB served from the edge`,
      tieredCost(transfer, cdnGb),
    );
    const requests = book.item('cdn-requests');
    const perOrigin = Math.min(
      USAGE_ASSUMPTIONS.cdnRequestsPerOriginRequestCap,
      p.cdnOffload / Math.max(1e-9, 1 - p.cdnOffload),
    );
    const tenK = (demand.requestsPerMonth * perOrigin) / 1e4;
    add(
      'cdn',
      requests,
      tenK,
      `${svc.cdn} requests: ${round(perOrigin, 2)} edge requests per origin request`,
      tieredCost(requests, tenK),
    );
  }
  const egress = book.item('egress');
  add(
    'network',
    egress,
    originEgressGb,
    `internet egress from the origin, tiered${egress.freePerMonth ? ` (first ${egress.freePerMonth} GB free)` : ''}`,
    tieredCost(egress, originEgressGb),
  );

  if (facts.privateNetworking) {
    const natHours = book.item('nat-gateway');
    add(
      'network',
      natHours,
      facts.appZones * regions * HOURS_PER_MONTH,
      `NAT gateway in each of ${facts.appZones} zones${regions > 1 ? ` in ${regions} regions` : ''} (app servers in private subnets)`,
    );
    const natData = book.item('nat-data');
    const natGb = (demand.requestsPerMonth * USAGE_ASSUMPTIONS.outboundKbPerRequestViaNat) / 1e6;
    add(
      'network',
      natData,
      natGb,
      `NAT processing: ${USAGE_ASSUMPTIONS.outboundKbPerRequestViaNat} KB per request to outside APIs`,
    );
  }
  if (facts.appZones >= 2) {
    const crossZone = book.item('cross-zone');
    const gb = (demand.requestsPerMonth * USAGE_ASSUMPTIONS.dataTierKbPerRequest * (1 - 1 / facts.appZones)) / 1e6;
    add(
      'network',
      crossZone,
      gb,
      `cross-zone traffic between app servers and the data tier: ${USAGE_ASSUMPTIONS.dataTierKbPerRequest} KB per request, ${Math.round((1 - 1 / facts.appZones) * 100)} % crossing zones`,
    );
  }
  if (regions > 1 && !facts.dataResidency) {
    const crossRegion = book.item('cross-region');
    const writes = demand.requestsPerMonth * (1 - p.readRatio);
    const gb = (writes * USAGE_ASSUMPTIONS.bytesPerWriteReplicated * (regions - 1)) / 1e6;
    add(
      'network',
      crossRegion,
      gb,
      `database and cache replication to ${regions - 1} other region${regions > 2 ? 's' : ''}: ${USAGE_ASSUMPTIONS.bytesPerWriteReplicated} KB per write`,
    );
  }
  add('dns', book.item('dns-zone'), 1, `${svc.dns} hosted zone`);
  const dnsQueries =
    (demand.dailyActiveUsers * USAGE_ASSUMPTIONS.dnsLookupsPerDailyUser * (HOURS_PER_MONTH / 24)) / 1e6;
  add(
    'dns',
    book.item('dns-queries'),
    dnsQueries,
    `${svc.dns} queries: ${USAGE_ASSUMPTIONS.dnsLookupsPerDailyUser} lookups per daily user a day`,
  );
  if (book.has('public-ip')) {
    const ips = facts.balancer ? facts.appZones * regions : 1;
    const nat = facts.privateNetworking ? facts.appZones * regions : 0;
    add(
      'network',
      book.item('public-ip'),
      (ips + nat) * HOURS_PER_MONTH,
      `${ips + nat} public IPv4 address${ips + nat === 1 ? '' : 'es'} (${facts.balancer ? 'balancer nodes' : 'the server'}${nat ? ' and NAT gateways' : ''})`,
    );
  }
  const objectGb = demand.storageGb * (1 - DATABASE_SHARE_OF_STORAGE);
  add(
    'storage',
    book.item('object-storage'),
    objectGb,
    `${svc.objectStorage}: uploads and files (never on the server's disk)`,
  );

  const fleetPeak = facts.fleets.reduce((a, f) => a + f.average, 0);
  const metrics = USAGE_ASSUMPTIONS.baseMetrics + USAGE_ASSUMPTIONS.metricsPerServer * Math.ceil(fleetPeak);
  add(
    'monitoring',
    book.item('monitoring-metric'),
    metrics,
    `${svc.monitoring}: ${USAGE_ASSUMPTIONS.baseMetrics} service metrics + ${USAGE_ASSUMPTIONS.metricsPerServer} per server`,
  );
  const logGb = (demand.requestsPerMonth * USAGE_ASSUMPTIONS.logKbPerRequest) / 1e6;
  add(
    'monitoring',
    book.item('monitoring-logs'),
    logGb,
    `${svc.monitoring} logs: ${USAGE_ASSUMPTIONS.logKbPerRequest} KB of access log per request`,
  );

  if (facts.queue) {
    const q = book.item('queue-requests');
    const millions = (demand.requestsPerMonth * (1 - p.readRatio) * 3) / 1e6;
    add(
      'queue',
      q,
      millions,
      `${svc.queue}: every write sent, received and deleted once (3 requests)`,
      tieredCost(q, millions),
    );
  }
  if (facts.deploymentExtra > 0) {
    lines.push({
      component: 'deployment',
      description: facts.deploymentLabel,
      quantity: 1,
      unit: 'month',
      unitPrice: round(facts.deploymentExtra),
      monthly: round(facts.deploymentExtra),
      itemId: facts.instance.id,
      confidence: facts.instance.confidence,
    });
  }

  const discount = input.discount / 100;
  if (discount > 0) {
    const subtotal = lines.reduce((a, l) => a + l.monthly, 0);
    lines.push({
      component: 'discount',
      description: `negotiated discount of ${input.discount} % on the whole bill (--discount)`,
      quantity: 1,
      unit: 'month',
      unitPrice: round(-subtotal * discount),
      monthly: round(-subtotal * discount),
      itemId: 'discount',
      confidence: 'V',
    });
  }

  const nonCompute = lines
    .filter((l) => l.component !== 'compute' && l.component !== 'discount')
    .reduce((a, l) => a + l.monthly, 0);
  const total = (compute: LineItem[]) =>
    round((compute.reduce((a, l) => a + l.monthly, 0) + nonCompute) * (1 - discount));
  const notes: string[] = [];
  if (commitDiscount > 0)
    notes.push(
      `${input.commitment} commitment on the always-on minimum fleet: ${Math.round(commitDiscount * 100)} % off (${input.commitment === '1y' ? opts.commitment1y.source : opts.commitment3y.source}, typical)`,
    );
  if (input.spot > 0)
    notes.push(
      `spot on ${Math.round(input.spot * 100)} % of the server-hours above the minimum: ${Math.round(opts.spot.discount * 100)} % off (typical); the minimum fleet is never spot`,
    );
  if (discount > 0) notes.push(`negotiated discount of ${input.discount} % applied to every line`);
  return {
    lineItems: lines,
    monthly: {
      low: total(computeLines((f) => f.min)),
      expected: total(expectedCompute),
      high: total(computeLines((f) => f.max)),
    },
    buying: { commitment: input.commitment, spotShare: input.spot, discountPercent: input.discount, notes },
  };
}
