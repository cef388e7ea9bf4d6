import generated from './templates.generated.json' with { type: 'json' };

/** templates/, read at build time (scripts/build-data.ts): the exporters' starting points, as data. */
const templates = generated as Record<string, unknown>;

export function template<T>(path: string): T {
  const value = templates[path];
  if (value === undefined) throw new Error(`missing template ${path}`);
  // Each exporter fills its own copy; the shared starting point stays untouched.
  return structuredClone(value) as T;
}
