import type { SimulationRun } from './engine.js';

/**
 * The arrival times of requests `from` to `from + m` into k.arrivalTimes, the clock carried in k.reals[4].
 * The arrival stream is read by nothing else, so a block of it drawn ahead gives the same times, bit for
 * bit, as one draw per request: `t += −ln u ÷ rate`, the rate the curve's at that request if there is one.
 */
export function fillArrivals(k: SimulationRun, from: number, m: number): void {
  const out = k.arrivalTimes;
  const { curve, total, reals } = k;
  k.arrivals.fillUniform(out, m);
  const rateBase = reals[3]!;
  let t = reals[4]!;
  if (curve === null) {
    for (let i = 0; i < m; i++) out[i] = t += -Math.log(out[i]!) / rateBase;
  } else {
    const hours = curve.length;
    for (let i = 0; i < m; i++) {
      const rate = rateBase * curve[Math.floor(((from + i) * hours) / total)]!;
      out[i] = t += -Math.log(out[i]!) / rate;
    }
  }
  reals[4] = t;
}

/**
 * The next m service times on a speed-1 server into k.work (the server's speed divides them once it is
 * chosen). Like arrivals, the service stream has no other reader: drawn a block ahead, the same numbers.
 * Exponential `−a·ln u`; lognormal `exp(a + b·z)`; bimodal `−(u < c ? b : a)·ln u′` (see ServiceDistribution).
 */
export function fillServices(k: SimulationRun, m: number): void {
  const out = k.work;
  const { services, kind, reals } = k;
  const a = reals[0]!;
  const b = reals[1]!;
  const c = reals[2]!;
  if (kind === 0) {
    services.fillUniform(out, m);
    for (let i = 0; i < m; i++) out[i] = -a * Math.log(out[i]!);
  } else if (kind === 1) {
    for (let i = 0; i < m; i++) out[i] = Math.exp(a + b * services.normal());
  } else if (kind === 2) {
    for (let i = 0; i < m; i++) out[i] = -(services.next() < c ? b : a) * Math.log(services.next());
  } else {
    const sample = k.service.sample;
    for (let i = 0; i < m; i++) out[i] = sample(services);
  }
}
