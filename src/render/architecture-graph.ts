import { formatUsers } from '../core/humane-number.js';
import type { PlanDocument } from '../core/plan-document.js';
import { num, pct } from './format.js';

export type NodeShape = 'users' | 'box' | 'database' | 'cache' | 'queue';

export interface ArchNode {
  id: string;
  shape: NodeShape;
  /** Lines of the label, the first one the node's name. */
  lines: string[];
  /** Rows from the top: users 0, DNS and CDN 1, balancer 2, app servers 3, data 4. */
  layer: number;
  /** The region the node lives in, or null for what serves every region (users, DNS, CDN). */
  region: string | null;
}

export interface ArchEdge {
  from: string;
  to: string;
  label?: string;
}

export interface ArchRegion {
  code: string;
  label: string;
}

/** The planned stack as boxes and arrows: one model drawn both as Mermaid and as the HTML report's SVG. */
export interface ArchGraph {
  nodes: ArchNode[];
  edges: ArchEdge[];
  regions: ArchRegion[];
}

const idOf = (prefix: string, code: string) => `${prefix}_${code.replace(/[^A-Za-z0-9]/g, '_')}`;
const plural = (n: number, word: string) => `${num(n)} ${word}${n === 1 ? '' : 's'}`;

function dnsService(plan: PlanDocument): string | null {
  const line = plan.cost.lineItems.find((l) => l.component === 'dns');
  return line ? line.description.replace(/ (hosted zone|queries).*$/, '') : null;
}

function databaseLines(plan: PlanDocument): string[] {
  const db = plan.database;
  const ha = {
    'single-az': 'primary, one zone',
    'multi-az': 'primary + standby in another zone',
    'multi-az-cluster': 'writer + 2 readable standbys in 3 zones',
    aurora: 'writer, storage in 3 zones',
    'aurora-io-optimized': 'writer, storage in 3 zones (I/O-Optimized)',
  }[db.deployment];
  const lines = [`Database · ${db.service}`, `${db.instanceType}: ${ha}`];
  if (db.shards > 1) lines.push(`${db.shards} shards`);
  if (db.readReplicas > 0)
    lines.push(
      `${plural(db.readReplicas, 'read replica')}${db.shards > 1 ? ` (${db.readReplicasPerShard} per shard)` : ''}`,
    );
  return lines;
}

/** Builds the graph of the plan's stack: users → DNS/CDN → balancer → app servers → cache / database / queue. */
export function architectureGraph(plan: PlanDocument): ArchGraph {
  const a = plan.availability;
  const multi = a.regions.length > 1;
  const nodes: ArchNode[] = [];
  const edges: ArchEdge[] = [];
  nodes.push({
    id: 'users',
    shape: 'users',
    lines: [`${formatUsers(plan.input.users)} monthly users`, `${num(plan.demand.peakRps, 1)} requests/s at peak`],
    layer: 0,
    region: null,
  });
  const dns = dnsService(plan);
  nodes.push({
    id: 'dns',
    shape: 'box',
    lines: [dns ? `DNS · ${dns}` : 'DNS', ...(multi && a.routing ? [a.routing.replace(/ \(.*\)$/, '')] : [])],
    layer: 1,
    region: null,
  });
  edges.push({ from: 'users', to: 'dns' });
  let entry = 'dns';
  if (plan.cdn) {
    nodes.push({
      id: 'cdn',
      shape: 'box',
      lines: [`CDN · ${plan.cdn.service}`, `${pct(plan.cdn.offloadShare)} of bytes from the edge`],
      layer: 1,
      region: null,
    });
    edges.push({ from: 'dns', to: 'cdn' });
    entry = 'cdn';
  }
  const regions: ArchRegion[] = a.regions.map((r) => ({
    code: r.code,
    label: `${r.code} · ${r.role} region${multi ? ` · ${num(r.share)} % of users` : ''} · ${plural(a.zones, 'zone')}`,
  }));
  a.regions.forEach((r, i) => addRegion(plan, r, i === 0, nodes, edges, entry));
  return { nodes, edges, regions };
}

function addRegion(
  plan: PlanDocument,
  r: PlanDocument['availability']['regions'][number],
  primary: boolean,
  nodes: ArchNode[],
  edges: ArchEdge[],
  entry: string,
): void {
  const lb = plan.loadBalancing;
  const c = plan.compute;
  const app = idOf('app', r.code);
  if (lb.strategy !== 'none') {
    const balancer = idOf('lb', r.code);
    const service = lb.configuration?.provider.service ?? 'Load balancer';
    nodes.push({ id: balancer, shape: 'box', lines: [service, `strategy: ${lb.strategy}`], layer: 2, region: r.code });
    edges.push({ from: entry, to: balancer }, { from: balancer, to: app });
  } else {
    edges.push({ from: entry, to: app });
  }
  const fleet =
    r.instances.max > 1
      ? [`${r.instances.expected} × ${c.instanceType} at peak`, `auto-scaling ${r.instances.min}–${r.instances.max}`]
      : [`1 × ${c.instanceType}`];
  nodes.push({ id: app, shape: 'box', lines: ['App servers', ...fleet], layer: 3, region: r.code });
  if (plan.cache) {
    const cache = idOf('cache', r.code);
    nodes.push({
      id: cache,
      shape: 'cache',
      lines: [`Cache · ${plan.cache.service}`, `${plan.cache.nodeType} × ${plan.cache.nodes}`],
      layer: 4,
      region: r.code,
    });
    edges.push({ from: app, to: cache });
  }
  const db = idOf('db', r.code);
  const lines =
    primary || r.database === 'primary' ? databaseLines(plan) : [`Database · ${plan.database.service}`, r.database];
  nodes.push({ id: db, shape: 'database', lines, layer: 4, region: r.code });
  edges.push({ from: app, to: db });
  if (plan.queue) {
    const queue = idOf('queue', r.code);
    nodes.push({ id: queue, shape: 'queue', lines: [`Queue · ${plan.queue.service}`], layer: 4, region: r.code });
    edges.push({ from: app, to: queue });
  }
}
