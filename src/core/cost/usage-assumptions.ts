/** Assumptions behind the usage-priced lines, stated in every plan and read by the exporters. */
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
  /** Multi-region: the share of stored files written or rewritten each month, the bytes object-storage replication sends. */
  objectShareWrittenPerMonth: 0.05,
  cdnRequestsPerOriginRequestCap: 5,
  ioPerWrite: 2,
  ioPerUncachedRead: 0.1,
} as const;
