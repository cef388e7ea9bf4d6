export interface HealthCheck {
  path: string;
  intervalSeconds: number;
  timeoutSeconds: number;
  healthyThreshold: number;
  unhealthyThreshold: number;
  checks: string[];
  healthyStatus: number;
  unhealthyStatus: number;
  reasons: string[];
}

/** The seed's /health endpoint: checks the database and the cache, answers 200 or 503, polled every 10 s. */
export function healthCheck(opts: { balancer: boolean; cache: boolean }): HealthCheck {
  const checks = opts.cache ? ['database (SELECT 1)', 'cache (PING)'] : ['database (SELECT 1)'];
  const unhealthyThreshold = 3;
  const intervalSeconds = 10;
  return {
    path: '/health',
    intervalSeconds,
    timeoutSeconds: 5,
    healthyThreshold: 2,
    unhealthyThreshold,
    checks,
    healthyStatus: 200,
    unhealthyStatus: 503,
    reasons: [
      `/health checks ${checks.join(' and ')} and answers 200 when they respond, 503 when one does not`,
      opts.balancer
        ? `The balancer polls it every ${intervalSeconds} s and removes a server after ${unhealthyThreshold} failures (${unhealthyThreshold * intervalSeconds} s); repeated failures should alert the operations team`
        : 'With no balancer, point an uptime monitor at it so a failure alerts the operations team',
    ],
  };
}
