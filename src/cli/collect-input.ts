import { resolve } from 'node:path';
import type { Command } from 'commander';
import type * as z from 'zod';
import { inputSchema, type PlanInput } from '../core/input.js';
import { plainInput } from '../schema/input-fast.js';
import { usageError } from './exit-error.js';
import { MAX_INPUT_BYTES, readBoundedFile } from './read-bounded-file.js';
import { envName, flagName, PLAN_OPTIONS } from './plan-options.js';

type Source = 'flag' | 'env' | 'file';

/** Defaults < input file < environment < flags, validated by the one input schema; errors name the flag, variable or file field. */
export async function collectInput(
  command: Command,
  cwd: string,
  env: Record<string, string | undefined>,
): Promise<PlanInput> {
  const raw = await collectRawInput(command, cwd, env);
  return validateRaw(raw, raw.merged);
}

export interface RawCollected {
  merged: Record<string, unknown>;
  sources: Map<string, Source>;
  file: string | undefined;
}

/** The merged raw input before validation (a plan over ranges takes its ranges out first). */
export async function collectRawInput(
  command: Command,
  cwd: string,
  env: Record<string, string | undefined>,
): Promise<RawCollected> {
  const options = command.opts<Record<string, unknown>>();
  const sources = new Map<string, Source>();
  let merged: Record<string, unknown> = {};
  const file = typeof options.input === 'string' ? options.input : undefined;
  if (file) {
    merged = await readInputFile(file, cwd);
    for (const key of Object.keys(merged)) sources.set(key, 'file');
  }
  for (const o of PLAN_OPTIONS) {
    const fromEnv = env[envName(o.key)];
    if (command.getOptionValueSource(o.key) === 'cli') {
      merged[o.key] = options[o.key];
      sources.set(o.key, 'flag');
    } else if (fromEnv !== undefined && fromEnv !== '') {
      merged[o.key] = fromEnv;
      sources.set(o.key, 'env');
    }
  }
  if (merged.users === undefined) {
    // A misspelt key ("user") is the likelier mistake than a missing one: name it.
    const near = Object.keys(merged).find((k) => /^users?$|^user_?count$|^mau$/i.test(k) && k !== 'users');
    throw usageError(
      file
        ? `${file}: users is missing${near ? ` (the file has "${near}": did you mean users?)` : ''} (or pass --users)`
        : 'missing --users <n> (monthly active users, e.g. --users 50000), or --input <file>',
    );
  }
  return { merged, sources, file };
}

/** Validates a raw input (the merged one, or a sample of it) by the one schema; errors name the flag or file field. */
export function validateRaw(from: RawCollected, raw: Record<string, unknown>): PlanInput {
  const plain = plainInput(raw);
  if (plain) return plain;
  const result = inputSchema.safeParse(raw);
  if (!result.success) throw usageError(describeIssue(result.error, from.sources, from.file));
  return result.data;
}

/** One line naming what is wrong and where it came from; fields with no recorded source are named as `fallback` names them. */
export function describeIssue(
  error: z.ZodError,
  sources: Map<string, Source>,
  file: string | undefined,
  fallback?: Source,
): string {
  const issue = error.issues[0]!;
  if (issue.code === 'unrecognized_keys') {
    const shown = issue.keys.slice(0, 3).map((k) => `"${k.length > 40 ? `${k.slice(0, 40)}…` : k}"`);
    const keys = `${shown.join(', ')}${issue.keys.length > 3 ? ` and ${issue.keys.length - 3} more` : ''}`;
    return `${file ?? 'input'}: unknown field ${keys} (the keys are the flag names in camelCase, e.g. users, dauRatio, availability)`;
  }
  const key = String(issue.path[0] ?? '');
  const rest = issue.path
    .slice(1)
    .map((part) => (typeof part === 'number' ? `entry ${part + 1}` : String(part)))
    .join(' ');
  const where = naming(key, sources.get(key) ?? fallback, file);
  return `${where}${rest ? ` (${rest})` : ''}: ${issue.message}`;
}

export function naming(key: string, source: Source | undefined, file: string | undefined): string {
  if (source === 'env') return envName(key);
  if (source === 'file') return `${file}: ${key}`;
  return flagName(key);
}

/** Reads a YAML (or JSON) file into an object with camelCase keys, or fails with one line naming the file. */
export async function readInputFile(
  file: string,
  cwd: string,
  maxBytes = MAX_INPUT_BYTES,
  shown = `--input ${file}`,
): Promise<Record<string, unknown>> {
  const text = readBoundedFile(resolve(cwd, file), shown, maxBytes);
  const { parseYamlFile } = await import('./parse-yaml-file.js');
  const data = parseYamlFile(text, file);
  if (data === null || data === undefined) return {};
  if (typeof data !== 'object' || Array.isArray(data))
    throw usageError(`${file}: expected a mapping of fields such as "users: 50000"`);
  const out: Record<string, unknown> = {};
  for (const [rawKey, value] of Object.entries(data as Record<string, unknown>)) {
    const key = rawKey.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    if (Object.hasOwn(out, key)) throw usageError(`${file}: ${rawKey} is given twice (as ${key} too)`);
    // An own property even for "__proto__", so it is reported as an unknown field, never taken as a prototype.
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}
