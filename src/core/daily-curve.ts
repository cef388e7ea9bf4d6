import { DAILY_CURVE_SHAPES, type DailyCurveName } from './profiles.js';

/**
 * The profile's 24-hour shape stretched so that its mean is 1 and its busiest hour equals the peak
 * factor: traffic in hour h is averageRps × curve[h]. Quiet hours never drop below 5 % of the average.
 */
export function dailyCurve(name: DailyCurveName, peakFactor: number): number[] {
  const shape = DAILY_CURVE_SHAPES[name];
  const mean = shape.reduce((a, b) => a + b, 0) / shape.length;
  const normalised = shape.map((v) => v / mean);
  const top = Math.max(...normalised);
  const stretch = top === 1 ? 0 : (peakFactor - 1) / (top - 1);
  return normalised.map((v) => Math.max(0.05, 1 + (v - 1) * stretch));
}
