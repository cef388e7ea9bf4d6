import { RefreshError } from './refresh-error.js';

/** A provider's product that fits a catalog item: its id (SKU, meter) and the attributes that describe it. */
export interface Candidate {
  id: string;
  attributes: Readonly<Record<string, unknown>>;
}

/** The attributes on which two candidates differ, as "name: a / b" (all of them when none differ). */
function differences(a: Candidate, b: Candidate): string {
  const names = [...new Set([...Object.keys(a.attributes), ...Object.keys(b.attributes)])].sort();
  const text = (v: unknown) => (v === undefined ? '(none)' : typeof v === 'string' ? v : JSON.stringify(v));
  const differ = names.filter((n) => text(a.attributes[n]) !== text(b.attributes[n]));
  if (differ.length === 0) return 'no attribute differs';
  return differ.map((n) => `${n} "${text(a.attributes[n])}" / "${text(b.attributes[n])}"`).join(', ');
}

/**
 * The one candidate for an item, or an error naming two that both fit it (their ids and the attributes
 * that tell them apart): taking the first in file order priced Aurora I/O-Optimized as Aurora Standard.
 */
export function onlyCandidate<C extends Candidate>(item: string, candidates: readonly C[], source: string): C | null {
  if (candidates.length <= 1) return candidates[0] ?? null;
  const [a, b] = candidates;
  throw new RefreshError(
    `${item}: ${candidates.length} products in ${source} fit it, ${a!.id} and ${b!.id}${candidates.length > 2 ? ' (and more)' : ''} (${differences(a!, b!)}): the matcher must tell them apart`,
  );
}
