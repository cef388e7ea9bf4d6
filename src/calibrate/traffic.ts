import { parseCsv, parseTimestamp } from './csv.js';
import { mean, spreadOf, type Estimate } from './stats.js';
import { CalibrationError } from './calibration-error.js';

export interface TrafficFit {
  kind: 'traffic';
  file: string;
  points: number;
  stepSeconds: number;
  days: number;
  /** Requests per day, from whole days (or scaled from the span when there is no whole day). */
  requestsPerDay: Estimate;
  /** Busiest hour's rate over the day's average (the planner's peakFactor). */
  peakHourFactor: Estimate;
  /** Busiest minute's rate over the day's average (bursts inside the peak hour). */
  peakMinuteFactor: Estimate;
  /** Relative traffic in each UTC hour of the day, mean 1. */
  dailyCurve: number[];
  busiestHourUtc: number;
}

const TIME = /^(time|timestamp|date|datetime|ts|minute|period|start)/i;
const PER_SECOND = /(rps|per.?sec|rate)/i;

/** A requests time series: a timestamp column and a count per row (or a per-second rate when the header says so). */
export function readTraffic(file: string, text: string): TrafficFit {
  const rows = parseCsv(text);
  const header = rows[0] && Number.isNaN(parseTimestamp(rows[0][0] ?? '')) ? rows.shift()! : null;
  const timeCol = header
    ? Math.max(
        0,
        header.findIndex((h) => TIME.test(h)),
      )
    : 0;
  const valueCol = header ? header.findIndex((h, i) => i !== timeCol && h !== '') : 1;
  const perSecond = header ? PER_SECOND.test(header[valueCol] ?? '') : false;
  const points = rows
    .map((r) => ({ t: parseTimestamp(r[timeCol] ?? ''), v: Number(r[valueCol]) }))
    .filter((p) => Number.isFinite(p.t) && Number.isFinite(p.v) && p.v >= 0)
    .sort((a, b) => a.t - b.t);
  const gaps = points
    .slice(1)
    .map((p, i) => p.t - points[i]!.t)
    .filter((g) => g > 0)
    .sort((a, b) => a - b);
  // An hour of data at whatever resolution: 60 one-minute rows or 24 hourly ones (a day) both qualify.
  const step = gaps.length > 0 ? gaps[Math.floor(gaps.length / 2)]! / 1000 : 0;
  const covered = points.length < 2 ? 0 : (points.at(-1)!.t - points[0]!.t) / 1000 + step;
  if (points.length < 2 || covered < 3600)
    throw new CalibrationError(
      file,
      `a traffic series needs at least an hour of data (timestamp, count); found ${points.length} point${points.length === 1 ? '' : 's'} covering ${Math.round(covered / 60)} min`,
    );
  const rate = points.map((p) => ({ t: p.t, rps: perSecond ? p.v : p.v / step }));
  return fitDays(file, rate, step);
}

function fitDays(file: string, rate: { t: number; rps: number }[], step: number): TrafficFit {
  const byDay = new Map<string, { t: number; rps: number }[]>();
  for (const p of rate) {
    const day = new Date(p.t).toISOString().slice(0, 10);
    const list = byDay.get(day);
    if (list) list.push(p);
    else byDay.set(day, [p]);
  }
  const perDayPoints = 86_400 / step;
  const whole = [...byDay.values()].filter((d) => d.length >= 0.9 * perDayPoints);
  const days = whole.length > 0 ? whole : [rate];
  const dayStats = days.map((d) => {
    const average = mean(d.map((p) => p.rps));
    const hours = hourlyMeans(d);
    const busiestHour = Math.max(...hours.filter((h) => h !== null));
    const busiestMinute = Math.max(...minuteRates(d, step));
    return { requests: average * 86_400, hourFactor: busiestHour / average, minuteFactor: busiestMinute / average };
  });
  const what = whole.length > 0 ? 'whole days' : 'partial days';
  const hours = hourlyMeans(rate);
  const overall = mean(hours.filter((h): h is number => h !== null));
  const curve = hours.map((h) => Math.round(((h ?? overall) / overall) * 1000) / 1000);
  return {
    kind: 'traffic',
    file,
    points: rate.length,
    stepSeconds: step,
    days: whole.length,
    requestsPerDay: spreadOf(
      dayStats.map((d) => d.requests),
      what,
    ),
    peakHourFactor: spreadOf(
      dayStats.map((d) => d.hourFactor),
      what,
    ),
    peakMinuteFactor: spreadOf(
      dayStats.map((d) => d.minuteFactor),
      what,
    ),
    dailyCurve: curve,
    busiestHourUtc: curve.indexOf(Math.max(...curve)),
  };
}

/** Mean rate in each UTC hour of the day (null for an hour with no points). */
function hourlyMeans(points: readonly { t: number; rps: number }[]): (number | null)[] {
  const sum = new Array<number>(24).fill(0);
  const n = new Array<number>(24).fill(0);
  for (const p of points) {
    const h = new Date(p.t).getUTCHours();
    sum[h]! += p.rps;
    n[h]!++;
  }
  return sum.map((s, h) => (n[h]! > 0 ? s / n[h]! : null));
}

/** Rates per whole minute (points finer than a minute are averaged into their minute). */
function minuteRates(points: readonly { t: number; rps: number }[], step: number): number[] {
  if (step >= 60) return points.map((p) => p.rps);
  const m = new Map<number, number[]>();
  for (const p of points) {
    const k = Math.floor(p.t / 60_000);
    const list = m.get(k);
    if (list) list.push(p.rps);
    else m.set(k, [p.rps]);
  }
  return [...m.values()].map(mean);
}
