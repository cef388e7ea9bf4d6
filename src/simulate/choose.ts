import type { LoadLevels } from './load-levels.js';
import type { Rng } from './rng.js';

/** What the strategies other than least connections on identical servers read to pick a server. */
export interface Chooser {
  readonly n: number;
  readonly code: number;
  readonly inflight: Int32Array;
  readonly speeds: Float64Array;
  readonly current: Float64Array;
  readonly totalSpeed: number;
  readonly choices: Rng;
  readonly levels: LoadLevels | null;
  readonly clientServer: Int32Array | null;
  readonly clientCdf: Float64Array | null;
}

/**
 * The server for the next request; `from` is the rotating start (round robin's turn, least connections'
 * first server to look at, so ties go round the servers and none is favoured).
 */
export function chooseServer(k: Chooser, from: number): number {
  switch (k.code) {
    case 0:
      return from;
    case 1:
      return k.levels !== null ? k.levels.pick(from) : leastPerSpeed(k, from);
    case 2:
      return powerOfTwo(k);
    case 3:
      return ipHash(k);
    case 4:
      return weighted(k);
    default:
      return k.choices.below(k.n);
  }
}

/** Least connections when speeds differ: fewest in flight per unit of speed. */
function leastPerSpeed(k: Chooser, from: number): number {
  const { n, inflight, speeds } = k;
  let best = Number.POSITIVE_INFINITY;
  let s = 0;
  for (let j = 0; j < n; j++) {
    const i = from + j < n ? from + j : from + j - n;
    const load = inflight[i]! / speeds[i]!;
    if (load < best) {
      best = load;
      s = i;
    }
  }
  return s;
}

function powerOfTwo(k: Chooser): number {
  const { n, inflight, speeds, choices } = k;
  const a = choices.below(n);
  let b = n > 1 ? choices.below(n - 1) : 0;
  if (n > 1 && b >= a) b++;
  return n > 1 && inflight[b]! / speeds[b]! < inflight[a]! / speeds[a]! ? b : a;
}

/** A client drawn from the Zipf population, and the server its address hashes to. */
function ipHash(k: Chooser): number {
  const cdf = k.clientCdf!;
  const u = k.choices.next();
  let lo = 0;
  let hi = cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cdf[mid]! < u) lo = mid + 1;
    else hi = mid;
  }
  return k.clientServer![lo]!;
}

/** nginx's smooth weighted round robin: weights are the servers' speeds. */
function weighted(k: Chooser): number {
  const { n, current, speeds } = k;
  let best = Number.NEGATIVE_INFINITY;
  let s = 0;
  for (let i = 0; i < n; i++) {
    current[i]! += speeds[i]!;
    if (current[i]! > best) {
      best = current[i]!;
      s = i;
    }
  }
  current[s]! -= k.totalSpeed;
  return s;
}
