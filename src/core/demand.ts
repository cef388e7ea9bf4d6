import type { Parameters } from './resolve.js';

/** Hours in a billing month: the convention of AWS's calculator and GCP's price mirror (365 × 24 / 12). */
export const HOURS_PER_MONTH = 730;
export const DAYS_PER_MONTH = HOURS_PER_MONTH / 24;

export interface Demand {
  dailyActiveUsers: number;
  requestsPerDay: number;
  requestsPerMonth: number;
  averageRps: number;
  peakRps: number;
  /** Bytes sent to users each month, before any CDN takes its share, in GB (10^9 bytes). */
  egressGbPerMonth: number;
  /** Database and object storage, in GB. */
  storageGb: number;
  /** vCPU-seconds of application work per second at peak (offered load in erlangs). */
  peakCpuDemand: number;
}

export function computeDemand(p: Parameters): Demand {
  const dailyActiveUsers = p.users * p.dauRatio;
  const requestsPerDay = dailyActiveUsers * p.requestsPerUser;
  const averageRps = requestsPerDay / 86_400;
  const peakRps = averageRps * p.peakFactor;
  const requestsPerMonth = requestsPerDay * DAYS_PER_MONTH;
  return {
    dailyActiveUsers,
    requestsPerDay,
    requestsPerMonth,
    averageRps,
    peakRps,
    egressGbPerMonth: (requestsPerMonth * p.payloadKb) / 1e6,
    storageGb: (p.users * p.storagePerUserMb) / 1000,
    peakCpuDemand: (peakRps * p.serviceTimeMs) / 1000,
  };
}
