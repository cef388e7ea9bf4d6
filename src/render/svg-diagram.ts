import type { PlanDocument } from '../core/plan-document.js';
import { architectureGraph, type ArchNode } from './architecture-graph.js';
import { wrap } from './layout.js';
import { esc, n, svgOpen, text } from './svg.js';

const BOX = 250;
const GAP = 24;
const LINE = 16;
const LAYER_GAP = 46;
const CHARS = 36;
const FILL: Record<ArchNode['shape'], string> = {
  users: '#e0e7ff',
  box: '#f1f5f9',
  database: '#dcfce7',
  cache: '#fef3c7',
  queue: '#fce7f3',
};

interface Placed {
  node: ArchNode;
  lines: string[];
  x: number;
  y: number;
  h: number;
}

/** The architecture as an SVG of boxes and arrows, drawn from the plan (no script, no external file). */
export function diagramSvg(plan: PlanDocument): string {
  const g = architectureGraph(plan);
  const sized = g.nodes.map((node) => {
    const lines = node.lines.flatMap((l) => wrap(l, CHARS));
    return { node, lines, h: lines.length * LINE + 16 };
  });
  const layers = [...new Set(g.nodes.map((x) => x.layer))].sort((a, b) => a - b);
  const bandCols = g.regions.map((r) =>
    Math.max(...layers.map((l) => g.nodes.filter((x) => x.region === r.code && x.layer === l).length), 1),
  );
  const bandWidths = bandCols.map((c) => c * (BOX + GAP) + GAP);
  const globalCols = Math.max(...layers.map((l) => g.nodes.filter((x) => x.region === null && x.layer === l).length));
  const width = Math.max(
    bandWidths.reduce((a, b) => a + b + GAP, GAP),
    globalCols * (BOX + GAP) + GAP,
  );
  const bandX = bandWidths.map((_, i) => GAP + bandWidths.slice(0, i).reduce((a, b) => a + b + GAP, 0));
  const placed = new Map<string, Placed>();
  let y = 10;
  let regionTop = 0;
  for (const layer of layers) {
    if (regionTop === 0 && layer >= 2) {
      y += 22;
      regionTop = y - 30;
    }
    const inLayer = sized.filter((s) => s.node.layer === layer);
    const height = Math.max(...inLayer.map((s) => s.h));
    const groups = [null, ...g.regions.map((r) => r.code)];
    groups.forEach((code, gi) => {
      const group = inLayer.filter((s) => s.node.region === code);
      const [from, span] = gi === 0 ? [0, width] : [bandX[gi - 1]!, bandWidths[gi - 1]!];
      const start = from + (span - (group.length * (BOX + GAP) - GAP)) / 2;
      group.forEach((s, i) => placed.set(s.node.id, { ...s, x: start + i * (BOX + GAP), y }));
    });
    y += height + LAYER_GAP;
  }
  const height = y - LAYER_GAP + 20;
  const out = [svgOpen(width, height, 'Architecture of the planned stack', 'diagram')];
  out.push(
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#475569"/></marker></defs>',
  );
  g.regions.forEach((r, i) => {
    out.push(
      `<rect x="${n(bandX[i]!)}" y="${n(regionTop)}" width="${n(bandWidths[i]!)}" height="${n(height - regionTop - 8)}" rx="8" fill="none" stroke="#64748b" stroke-dasharray="6 4"/>`,
      text(bandX[i]! + 10, regionTop + 18, r.label, 'font-weight="600" fill="#334155"'),
    );
  });
  for (const e of g.edges) {
    const a = placed.get(e.from)!;
    const b = placed.get(e.to)!;
    // Side by side (DNS then CDN): from the right edge to the left edge; else from the bottom to the top.
    const [x1, y1, x2, y2] =
      a.y === b.y ? [a.x + BOX, a.y + a.h / 2, b.x, b.y + b.h / 2] : [a.x + BOX / 2, a.y + a.h, b.x + BOX / 2, b.y];
    out.push(
      `<line x1="${n(x1)}" y1="${n(y1)}" x2="${n(x2)}" y2="${n(y2)}" stroke="#475569" stroke-width="1.5" marker-end="url(#arrow)"/>`,
    );
  }
  for (const p of placed.values()) out.push(box(p));
  out.push('</svg>');
  return out.join('');
}

function box(p: Placed): string {
  const rx = p.node.shape === 'users' ? p.h / 2 : p.node.shape === 'database' ? 14 : 6;
  const lines = p.lines.map((l, i) =>
    text(p.x + BOX / 2, p.y + 20 + i * LINE, l, `text-anchor="middle"${i === 0 ? ' font-weight="600"' : ''}`),
  );
  return `<g class="node" data-id="${esc(p.node.id)}"><rect x="${n(p.x)}" y="${n(p.y)}" width="${BOX}" height="${n(p.h)}" rx="${n(rx)}" fill="${FILL[p.node.shape]}" stroke="#334155"/>${lines.join('')}</g>`;
}
