import type { ComputeSizing } from './compute.js';
import { round } from './round.js';

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

/** The scaling guide's target for CPU target tracking, and its scale-in line. */
const SEED_TARGET_CPU = 60;
const SCALE_IN_CPU = 30;

/**
 * The CPU target tracking holds: the guide's 60 %, or lower where queueing sized the fleet (a zone lost, or
 * the p95 target) to run cooler than that at peak — tracking 60 % would scale it in at its own peak and
 * undo what it was sized for. Then the fleet's planned peak utilisation, to a tenth of a percent, kept
 * above the scale-in line (which would otherwise fire at the target itself).
 */
function targetCpu(
  compute: ComputeSizing,
  headroom: 'region failover' | null,
): { percent: number; why: string | null } {
  // Tracking holds the metric at the target, so the peak fleet stays as sized.
  const planned = round(compute.utilizationAtPeak * 100, 1);
  const queued = headroom !== null || compute.bound === 'zone failure' || compute.bound === 'latency';
  const tracked = Math.ceil((compute.atPeak * compute.utilizationAtPeak) / (SEED_TARGET_CPU / 100) - 1e-9);
  // Only where tracking 60 % would take the peak fleet below its size (the minimum may already hold it).
  if (!queued || planned >= SEED_TARGET_CPU || Math.max(tracked, compute.min) >= compute.atPeak)
    return { percent: SEED_TARGET_CPU, why: null };
  const sized =
    headroom === 'region failover'
      ? "to carry the other region's traffic the moment it fails (provisioned failover)"
      : compute.bound === 'zone failure'
        ? 'to meet the p95 target after losing a zone'
        : 'to meet the p95 target';
  const percent = Math.max(planned, SCALE_IN_CPU + 1);
  return {
    percent,
    why: `Target CPU ${percent} %, not the scaling guide's ${SEED_TARGET_CPU} %: the ${compute.atPeak} servers at peak run at ${planned} % because they are sized ${sized}; tracking ${SEED_TARGET_CPU} % would scale them in to ${tracked} at the busiest hour and lose that`,
  };
}

/**
 * The seed's auto-scaling rules; null for a single server, which scales vertically. `headroom`: the fleet is
 * held above its own traffic's needs for a reason queueing does not see (provisioned region failover).
 */
export function autoscaling(compute: ComputeSizing, headroom: 'region failover' | null = null): Autoscaling | null {
  if (compute.max <= 1) return null;
  const target = targetCpu(compute, headroom);
  return {
    minInstances: compute.min,
    maxInstances: compute.max,
    targetCpuPercent: target.percent,
    scaleOut: {
      adjustment: 2,
      when: [
        { metric: 'cpuPercent', operator: '>', threshold: 70, forMinutes: 5 },
        { metric: 'queueDepth', operator: '>', threshold: 100, forMinutes: null },
        { metric: 'p95LatencyMs', operator: '>', threshold: 1000, forMinutes: null },
      ],
    },
    scaleIn: {
      adjustment: -1,
      when: [{ metric: 'cpuPercent', operator: '<', threshold: SCALE_IN_CPU, forMinutes: 10 }],
    },
    cooldownSeconds: 300,
    reasons: [
      'Scale out by 2 when CPU is above 70 % for 5 minutes, the request queue is deeper than 100, or p95 response time passes 1 s',
      `Scale in by 1 when CPU is below ${SCALE_IN_CPU} % for 10 minutes, never below the minimum: out fast, in slowly, to avoid flapping`,
      `Target CPU ${target.percent} %; at least ${compute.min} servers always run (the scaling guide: minimum 2), at most ${compute.max}; 5-minute cooldown between actions`,
      ...(target.why ? [target.why] : []),
    ],
  };
}
