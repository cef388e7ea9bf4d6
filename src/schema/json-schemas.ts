import * as z from 'zod';
import { inputSchema } from '../core/input.js';
import { planSchema } from '../core/plan-schema.js';
import { architectureSchema } from '../export/architecture-schema.js';
import { providerEnums } from '../providers/provider-field.js';
import { DISTRIBUTIONS } from '../uncertainty/distribution.js';
import { RANGE_FIELDS } from '../uncertainty/range-fields.js';

import type { SchemaKind } from './kinds.js';

export { SCHEMA_KINDS, type SchemaKind } from './kinds.js';

/** Numbers a person may write as "250k", "1.5M" or "50,000" in an input file. */
const HUMANE = '^\\s*[+-]?(?:\\d{1,3}(?:[,_]\\d{3})+|\\d+)?(?:\\.\\d+)?(?:[eE][+-]?\\d+)?\\s*[kKmMbB]?\\s*$';
const REGION_LIST = '^\\s*[a-z0-9-]+\\s*=\\s*\\d+(?:\\.\\d+)?(?:\\s*,\\s*[a-z0-9-]+\\s*=\\s*\\d+(?:\\.\\d+)?)*\\s*$';

type JsonSchema = Record<string, unknown> & { properties?: Record<string, JsonSchema> };

/** A range as text: "40k..80k", "20..80 uniform" (src/uncertainty/range.ts reads it; any letter case). */
const RANGE_TEXT = '^\\s*\\S+?\\s*(?:\\.\\.|\u2026)\\s*\\S+?(?:\\s+[A-Za-z-]+)?\\s*$';

/**
 * What a ranged field also takes (plan, export and diff plan it over the range): "low..high [distribution]",
 * or {low, high, distribution}, each end a number or its text form.
 */
function rangeForms(): JsonSchema[] {
  const end = { anyOf: [{ type: 'number' }, { type: 'string', pattern: HUMANE }] };
  const distribution = { type: 'string', enum: [...DISTRIBUTIONS, 'log-normal'] };
  return [
    { type: 'string', pattern: RANGE_TEXT },
    {
      type: 'object',
      properties: { low: end, high: end, distribution },
      required: ['low', 'high'],
      additionalProperties: false,
    },
  ];
}

/** The Monte Carlo's own keys in an input file: how many samples, and the seed (same seed, same plan). */
const MONTE_CARLO: Record<string, JsonSchema> = {
  samples: {
    description: 'Samples drawn over the ranges (default 1,000)',
    anyOf: [
      { type: 'integer', minimum: 10, maximum: 100_000 },
      { type: 'string', pattern: HUMANE },
    ],
  },
  seed: {
    description: 'Seed of the sampling (default 1): the same seed gives the same plan',
    type: 'integer',
    minimum: 0,
    maximum: 2 ** 32 - 1,
  },
};

/** The input file's schema: what the zod schema accepts, including the text forms it turns into numbers. */
function inputJsonSchema(): JsonSchema {
  const schema = z.toJSONSchema(inputSchema, {
    io: 'input',
    unrepresentable: 'any',
    override: providerEnums,
  }) as JsonSchema;
  for (const [key, property] of Object.entries(schema.properties ?? {})) {
    if (property.type === 'number' || property.type === 'integer') {
      const { default: fallback, description, ...number } = property;
      schema.properties![key] = {
        ...(description ? { description } : {}),
        ...(fallback !== undefined ? { default: fallback } : {}),
        anyOf: [number, { type: 'string', pattern: HUMANE }],
      };
    }
  }
  for (const key of Object.keys(RANGE_FIELDS)) {
    const property = schema.properties![key];
    if (property?.anyOf) property.anyOf = [...(property.anyOf as JsonSchema[]), ...rangeForms()];
  }
  Object.assign(schema.properties!, MONTE_CARLO);
  const regions = schema.properties!.regions!;
  schema.properties!.regions = {
    description:
      'Users split across regions: "us-east-1=60,eu-west-1=40", a map {us-east-1: 60}, or a list of {region, share}; shares add up to 100',
    anyOf: [
      regions,
      { type: 'string', pattern: REGION_LIST },
      { type: 'object', additionalProperties: { type: 'number', exclusiveMinimum: 0, maximum: 100 } },
    ],
  };
  return schema;
}

export function jsonSchema(kind: SchemaKind, version: string): JsonSchema {
  const base =
    kind === 'input'
      ? inputJsonSchema()
      : (z.toJSONSchema(kind === 'plan' ? planSchema : architectureSchema, { override: providerEnums }) as JsonSchema);
  const titles: Record<SchemaKind, string> = {
    input: 'capacity-plan input file (capacity-plan.yaml)',
    plan: 'capacity-plan plan document (schemaVersion 1)',
    architecture: 'capacity-plan architecture (capacity-plan/v1 Architecture)',
  };
  const { $schema, ...rest } = base;
  return {
    $schema,
    $id: `https://unpkg.com/capacity-plan@${version}/schemas/${kind}.schema.json`,
    title: titles[kind],
    ...rest,
  };
}
