/**
 * Queueing formulas for M/M/c (../shared/reference/queueing.md). Notation: c servers, offered load
 * A = λS in erlangs, utilisation ρ = A/c. Every function is exact (no square-root staffing shortcut).
 */

/** Erlang B by the stable recursion B₀ = 1, Bₖ = A·Bₖ₋₁ / (k + A·Bₖ₋₁): no factorials, fine for thousands of servers. */
export function erlangB(servers: number, offeredLoad: number): number {
  checkArgs(servers, offeredLoad);
  let b = 1;
  for (let k = 1; k <= servers; k++) b = (offeredLoad * b) / (k + offeredLoad * b);
  return b;
}

/** Erlang C: the probability that a request waits. 1 when the system is saturated (A ≥ c). */
export function erlangC(servers: number, offeredLoad: number): number {
  checkArgs(servers, offeredLoad);
  if (offeredLoad >= servers) return 1;
  const b = erlangB(servers, offeredLoad);
  return (servers * b) / (servers - offeredLoad * (1 - b));
}

/** Mean wait in queue, in units of the mean service time S passed in. */
export function meanWait(servers: number, offeredLoad: number, serviceTime: number): number {
  if (offeredLoad >= servers) return Number.POSITIVE_INFINITY;
  return (erlangC(servers, offeredLoad) * serviceTime) / (servers - offeredLoad);
}

/** Share of requests that wait no longer than t: 1 − C·e^(−(c − A)t/S). */
export function serviceLevel(servers: number, offeredLoad: number, serviceTime: number, t: number): number {
  if (offeredLoad >= servers) return 0;
  return 1 - erlangC(servers, offeredLoad) * Math.exp((-(servers - offeredLoad) * t) / serviceTime);
}

/** The p-th percentile of the wait: S·ln(C / (1 − p)) / (c − A), or 0 when C ≤ 1 − p. */
export function waitPercentile(servers: number, offeredLoad: number, serviceTime: number, p: number): number {
  if (offeredLoad >= servers) return Number.POSITIVE_INFINITY;
  const c = erlangC(servers, offeredLoad);
  if (c <= 1 - p) return 0;
  return (serviceTime * Math.log(c / (1 - p))) / (servers - offeredLoad);
}

/**
 * P(T > t) for the response time (wait + service) of FCFS M/M/c with exponential service:
 * (1 − C)·e^(−μt) + C·(θ·e^(−μt) − μ·e^(−θt)) / (θ − μ), with μ = 1/S and θ = (c − A)/S.
 */
export function responseTail(servers: number, offeredLoad: number, serviceTime: number, t: number): number {
  if (offeredLoad >= servers) return 1;
  return tailOf(servers, offeredLoad, serviceTime)(t);
}

/** The response-time tail as a function of t, with Erlang C computed once (percentiles evaluate it many times). */
function tailOf(servers: number, offeredLoad: number, serviceTime: number): (t: number) => number {
  const c = erlangC(servers, offeredLoad);
  const mu = 1 / serviceTime;
  const theta = (servers - offeredLoad) / serviceTime;
  const equal = Math.abs(theta - mu) < 1e-12 * mu;
  return (t) => {
    const eMu = Math.exp(-mu * t);
    if (equal) return eMu * (1 + c * mu * t);
    return (1 - c) * eMu + (c * (theta * eMu - mu * Math.exp(-theta * t))) / (theta - mu);
  };
}

/** The p-th percentile of the response time, by bisection on responseTail. */
export function responsePercentile(servers: number, offeredLoad: number, serviceTime: number, p: number): number {
  if (offeredLoad >= servers) return Number.POSITIVE_INFINITY;
  const tail = tailOf(servers, offeredLoad, serviceTime);
  let lo = 0;
  let hi = serviceTime;
  while (tail(hi) > 1 - p) hi *= 2;
  for (let i = 0; i < 100 && hi - lo > serviceTime * 1e-9; i++) {
    const mid = (lo + hi) / 2;
    if (tail(mid) > 1 - p) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** Universal Scalability Law: X(N) = γN / (1 + α(N − 1) + βN(N − 1)). */
export function uslThroughput(n: number, alpha: number, beta: number, gamma = 1): number {
  return (gamma * n) / (1 + alpha * (n - 1) + beta * n * (n - 1));
}

/** Where USL throughput peaks: N* = √((1 − α) / β). */
export function uslPeak(alpha: number, beta: number): number {
  return Math.sqrt((1 - alpha) / beta);
}

function checkArgs(servers: number, offeredLoad: number): void {
  if (!Number.isInteger(servers) || servers < 1)
    throw new RangeError(`servers must be a whole number ≥ 1, not ${servers}`);
  if (!(offeredLoad >= 0) || !Number.isFinite(offeredLoad))
    throw new RangeError(`offered load must be a finite number ≥ 0, not ${offeredLoad}`);
}
