import { aws } from './aws/index.js';
import { azure } from './azure/index.js';
import { gcp } from './gcp/index.js';
import type { ProviderPack } from './types.js';

/** The providers that ship with the tool: one line each, every slot checked by the compiler. */
export const BUILTIN_PROVIDERS = { aws, gcp, azure } satisfies Record<string, ProviderPack>;
export type BuiltinProvider = keyof typeof BUILTIN_PROVIDERS;
/** A provider's id: a built-in one, or one registered at run time (a plugin, a test fixture). */
export type Provider = string;

const packs = new Map<string, ProviderPack>(Object.entries(BUILTIN_PROVIDERS));

/** Adds a provider pack: every provider list, enum and schema check reads this registry. */
export function registerProvider(pack: ProviderPack): void {
  if (!/^[a-z][a-z0-9-]*$/.test(pack.id) || pack.id === 'all') throw new Error(`not a provider id: "${pack.id}"`);
  if (pack.catalog.provider !== pack.id)
    throw new Error(`the ${pack.id} pack's catalog is for ${pack.catalog.provider}`);
  packs.set(pack.id, pack);
}

/** Removes a provider registered at run time (built-in ones stay). */
export function unregisterProvider(id: string): void {
  if (!(id in BUILTIN_PROVIDERS)) packs.delete(id);
}

export const providerIds = (): string[] => [...packs.keys()];
export const isProvider = (id: string): boolean => packs.has(id);

export function providerPack(id: string): ProviderPack {
  const pack = packs.get(id);
  if (!pack) throw new Error(`unknown provider ${id}`);
  return pack;
}

/** "aws, gcp or azure": the registered providers in words, for messages. */
export function providerList(extra: readonly string[] = []): string {
  const all = [...providerIds(), ...extra];
  return all.length < 2 ? all.join('') : `${all.slice(0, -1).join(', ')} or ${all.at(-1)}`;
}
