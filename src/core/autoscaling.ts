import type { ComputeSizing } from './compute.js';

export interface ScalingRule {
  metric: 'cpuPercent' | 'queueDepth' | 'p95LatencyMs';
  operator: '>' | '<';
  threshold: number;
  forMinutes: number | null;
}

export interface Autoscaling {
  minInstances: number;
  maxInstances: number;
  targetCpuPercent: number;
  scaleOut: { adjustment: number; when: ScalingRule[] };
  scaleIn: { adjustment: number; when: ScalingRule[] };
  cooldownSeconds: number;
  reasons: string[];
}

/** The seed's auto-scaling rules; null for a single server, which scales vertically. */
export function autoscaling(compute: ComputeSizing): Autoscaling | null {
  if (compute.max <= 1) return null;
  return {
    minInstances: compute.min,
    maxInstances: compute.max,
    targetCpuPercent: 60,
    scaleOut: {
      adjustment: 2,
      when: [
        { metric: 'cpuPercent', operator: '>', threshold: 70, forMinutes: 5 },
        { metric: 'queueDepth', operator: '>', threshold: 100, forMinutes: null },
        { metric: 'p95LatencyMs', operator: '>', threshold: 1000, forMinutes: null },
      ],
    },
    scaleIn: { adjustment: -1, when: [{ metric: 'cpuPercent', operator: '<', threshold: 30, forMinutes: 10 }] },
    cooldownSeconds: 300,
    reasons: [
      'Scale out by 2 when CPU is above 70 % for 5 minutes, the request queue is deeper than 100, or p95 response time passes 1 s',
      'Scale in by 1 when CPU is below 30 % for 10 minutes, never below the minimum: out fast, in slowly, to avoid flapping',
      `Target CPU 60 %; at least ${compute.min} servers always run (the scaling guide: minimum 2), at most ${compute.max}; 5-minute cooldown between actions`,
    ],
  };
}
