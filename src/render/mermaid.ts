import type { PlanDocument } from '../core/plan-document.js';
import { architectureGraph, type ArchNode } from './architecture-graph.js';

/** Text inside a quoted Mermaid label: quotes and angle brackets as entities, lines joined with <br/>. */
const label = (lines: string[]) =>
  lines.map((l) => l.replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;')).join('<br/>');

const SHAPES: Record<ArchNode['shape'], [string, string]> = {
  users: ['(["', '"])'],
  box: ['["', '"]'],
  database: ['[("', '")]'],
  cache: ['{{"', '"}}'],
  queue: ['>"', '"]'],
};

const node = (n: ArchNode, indent: string) =>
  `${indent}${n.id}${SHAPES[n.shape][0]}${label(n.lines)}${SHAPES[n.shape][1]}`;

/** The planned stack as a Mermaid flowchart (GitHub draws it in comments): each region a subgraph. */
export function renderMermaid(plan: PlanDocument): string {
  const g = architectureGraph(plan);
  const out = ['flowchart TD'];
  for (const n of g.nodes.filter((x) => x.region === null)) out.push(node(n, '  '));
  for (const r of g.regions) {
    out.push(`  subgraph ${`region_${r.code.replace(/[^A-Za-z0-9]/g, '_')}`}["${label([r.label])}"]`);
    for (const n of g.nodes.filter((x) => x.region === r.code)) out.push(node(n, '    '));
    out.push('  end');
  }
  for (const e of g.edges) out.push(`  ${e.from} -->${e.label ? `|"${label([e.label])}"|` : ''} ${e.to}`);
  return `${out.join('\n')}\n`;
}
