import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setEvidenceStore, type BalancerEvidence, type EvidenceStore } from '../core/balancer-evidence.js';

type Results = BalancerEvidence['results'];

/** The most simulations one cache file keeps (a few hundred bytes each); the oldest go first. */
const MAX_ENTRIES = 256;
const STRATEGIES = new Set(['round-robin', 'least-connections', 'ip-hash', 'weighted']);
const PREFIX = 'balancer-evidence-';
/**
 * Other builds' files kept beside this one's, the most recently written: two versions used in turn (a
 * global install and an `npx` of another) would otherwise delete each other's file and simulate on every run.
 */
const OTHER_BUILDS_KEPT = 3;

/**
 * Where the balancer simulations are kept between runs: $XDG_CACHE_HOME/capacity-plan (default
 * ~/.cache/capacity-plan); null when CAPACITY_PLAN_CACHE=off or there is no home folder.
 */
export function evidenceCacheDir(env: Record<string, string | undefined>): string | null {
  if (env.CAPACITY_PLAN_CACHE === 'off') return null;
  if (env.XDG_CACHE_HOME && env.XDG_CACHE_HOME.trim() !== '') return join(env.XDG_CACHE_HOME, 'capacity-plan');
  return env.HOME ? join(env.HOME, '.cache', 'capacity-plan') : null;
}

/**
 * A store of simulation results in one JSON file per build (`build` names the sources it was built from,
 * so a changed simulator never reads another build's figures). Read on the first lookup; what was added
 * is written once, at exit, through a temporary file renamed into place. Anything unreadable or not of
 * the expected shape is ignored (the simulation then runs); a cache that cannot be written is skipped.
 */
export function fileEvidenceStore(dir: string, build: string, onExit: (flush: () => void) => void): EvidenceStore {
  const file = join(dir, `${PREFIX}${build}.json`);
  let entries: Map<string, unknown> | null = null;
  let added = false;
  const load = () => (entries ??= readEntries(file));
  onExit(() => {
    if (added) writeEntries(dir, file, load());
  });
  return {
    get: (key) => validResults(load().get(key)),
    set: (key, results) => {
      const all = load();
      all.delete(key);
      all.set(key, results);
      while (all.size > MAX_ENTRIES) all.delete(all.keys().next().value!);
      added = true;
    },
  };
}

function readEntries(file: string): Map<string, unknown> {
  try {
    const data: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (data && typeof data === 'object' && !Array.isArray(data)) return new Map(Object.entries(data));
  } catch {
    // no cache yet, or one that cannot be read: simulate
  }
  return new Map();
}

function writeEntries(dir: string, file: string, entries: Map<string, unknown>): void {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dir, { recursive: true });
    for (const old of otherBuilds(dir, file).slice(OTHER_BUILDS_KEPT)) rmSync(old, { force: true });
    writeFileSync(temp, `${JSON.stringify(Object.fromEntries(entries))}\n`);
    renameSync(temp, file);
  } catch {
    rmSync(temp, { force: true });
  }
}

/** Other builds' cache files in the folder, the most recently written first. */
function otherBuilds(dir: string, file: string): string[] {
  const files: { path: string; written: number }[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (!name.startsWith(PREFIX) || !name.endsWith('.json') || path === file) continue;
    try {
      files.push({ path, written: statSync(path).mtimeMs });
    } catch {
      // gone meanwhile (another process tidied it)
    }
  }
  return files.sort((a, b) => b.written - a.written || (a.path < b.path ? -1 : 1)).map((f) => f.path);
}

/** Two results of the simulation's shape, rebuilt field by field (the document's bytes never depend on the file's order). */
function validResults(value: unknown): Results | undefined {
  if (!Array.isArray(value) || value.length !== 2) return undefined;
  const results: Results = [];
  for (const r of value as Record<string, unknown>[]) {
    if (!r || typeof r !== 'object' || !STRATEGIES.has(r.strategy as string)) return undefined;
    const figures = [r.meanMs, r.p95Ms, r.p99Ms, r.imbalance];
    if (!figures.every((x) => typeof x === 'number' && Number.isFinite(x) && x >= 0)) return undefined;
    results.push({
      strategy: r.strategy as Results[number]['strategy'],
      meanMs: r.meanMs as number,
      p95Ms: r.p95Ms as number,
      p99Ms: r.p99Ms as number,
      imbalance: r.imbalance as number,
    });
  }
  return results;
}

/** The build's fingerprint of its sources (scripts/build.ts defines it); absent when run from the sources. */
declare const __cpBuildId: string | undefined;

/** In a built binary, balancer simulations are remembered in the user's cache folder between runs. */
export function useEvidenceCache(env: Record<string, string | undefined>): void {
  const dir = evidenceCacheDir(env);
  if (typeof __cpBuildId !== 'string' || dir === null) return;
  setEvidenceStore(fileEvidenceStore(dir, __cpBuildId, (flush) => process.on('exit', flush)));
}
