import * as z from 'zod';
import { isProvider, providerIds, providerList } from './registry.js';

/** Each provider field made here, with the extra values it accepts, so JSON Schemas can list the enum. */
const fields = new WeakMap<z.ZodType, readonly string[]>();

/**
 * A provider id, checked against the registry when it is parsed (not when the schema is built), so a
 * provider registered later is accepted everywhere; `all` as well when asked for.
 */
export function providerField(opts: { all?: boolean } = {}): z.ZodString {
  const extra = opts.all ? ['all'] : [];
  const message = () => `expected ${providerList(extra)}`;
  const field = z.string({ error: message }).refine((v) => isProvider(v) || extra.includes(v), { error: message });
  fields.set(field, extra);
  return field;
}

/** A `z.toJSONSchema` override that writes the registered providers as the enum of every provider field. */
export function providerEnums(ctx: { zodSchema: unknown; jsonSchema: Record<string, unknown> }): void {
  const extra = fields.get(ctx.zodSchema as z.ZodType);
  if (extra) ctx.jsonSchema.enum = [...providerIds(), ...extra];
}
