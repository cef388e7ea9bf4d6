/** The process-only probe: answers 200 while the process can serve, touching no dependency. A failure restarts it. */
export interface LivenessCheck {
  path: string;
  checks: string[];
  intervalSeconds: number;
  timeoutSeconds: number;
  failureThreshold: number;
  initialDelaySeconds: number;
}

/** The dependency probe: takes a server out of rotation (never restarts it) while a check it needs fails. */
export interface ReadinessCheck {
  path: string;
  /** Dependencies whose failure makes the server unready (503). */
  checks: string[];
  /** Dependencies whose failure is reported as degraded (200 with the status in the body), never unready. */
  degradedBy: string[];
  intervalSeconds: number;
  timeoutSeconds: number;
  successThreshold: number;
  failureThreshold: number;
}

export interface HealthCheck {
  path: string;
  intervalSeconds: number;
  timeoutSeconds: number;
  healthyThreshold: number;
  unhealthyThreshold: number;
  checks: string[];
  healthyStatus: number;
  unhealthyStatus: number;
  liveness: LivenessCheck;
  readiness: ReadinessCheck;
  reasons: string[];
}

/**
 * The seed's /health endpoint, split in two: /livez for liveness (the process alone) and /health for
 * readiness (the database decides; a cache outage degrades, it does not take servers out), polled every 10 s.
 */
export function healthCheck(opts: { balancer: boolean; cache: boolean }): HealthCheck {
  const database = 'database (SELECT 1)';
  const cache = 'cache (PING)';
  const checks = opts.cache ? [database, cache] : [database];
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
    liveness: {
      path: '/livez',
      checks: ['process (answers without touching a dependency)'],
      intervalSeconds,
      timeoutSeconds: 2,
      failureThreshold: unhealthyThreshold * 2,
      initialDelaySeconds: 10,
    },
    readiness: {
      path: '/health',
      checks: [database],
      degradedBy: opts.cache ? [cache] : [],
      intervalSeconds,
      timeoutSeconds: 5,
      successThreshold: 2,
      failureThreshold: unhealthyThreshold,
    },
    reasons: [
      `/health checks ${checks.join(' and ')} and answers 200 when the database responds, 503 when it does not`,
      opts.balancer
        ? `The balancer polls it every ${intervalSeconds} s and removes a server after ${unhealthyThreshold} failures (${unhealthyThreshold * intervalSeconds} s); repeated failures should alert the operations team`
        : 'With no balancer, point an uptime monitor at it so a failure alerts the operations team',
      `Liveness is a separate /livez that checks only the process, so a dependency blip takes servers out of rotation instead of restarting them${opts.cache ? '; a cache outage answers 200 marked degraded, since the app still serves from the database' : ''}`,
    ],
  };
}
