/** Each client's server under IP hash: a 32-bit integer hash of the client's address, modulo the servers. */
export function clientMap(clients: number, servers: number): Int32Array {
  const map = new Int32Array(clients);
  for (let i = 0; i < clients; i++) {
    let h = Math.imul(i + 0x0a000001, 0x9e3779b1);
    h ^= h >>> 15;
    h = Math.imul(h, 0x85ebca77);
    h ^= h >>> 13;
    map[i] = (h >>> 0) % servers;
  }
  return map;
}

/** The cumulative share of requests of the first k clients when their rates follow Zipf's law. */
export function zipfCdf(clients: number, exponent: number): Float64Array {
  const cdf = new Float64Array(clients);
  let sum = 0;
  for (let i = 0; i < clients; i++) {
    sum += 1 / (i + 1) ** exponent;
    cdf[i] = sum;
  }
  for (let i = 0; i < clients; i++) cdf[i]! /= sum;
  cdf[clients - 1] = 1;
  return cdf;
}
