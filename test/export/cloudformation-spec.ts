import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gunzipSync } from 'node:zlib';

/**
 * A CloudFormation template checked against the resource specification AWS publishes for the CDK
 * (@aws-cdk/aws-service-spec, its db.json.gz): every resource type exists, every property is known and of
 * the declared type, required properties are present, and every Ref / Fn::GetAtt / ${} in Fn::Sub resolves
 * to a parameter, a resource, a pseudo parameter or one of the resource's attributes.
 */

interface SpecType {
  type: string;
  element?: SpecType;
  types?: SpecType[];
  reference?: { $ref: string };
}
interface SpecProperty {
  type: SpecType;
  required?: boolean;
  previousTypes?: SpecType[];
}
interface SpecEntity {
  cloudFormationType?: string;
  properties: Record<string, SpecProperty>;
  attributes?: Record<string, unknown>;
}

let cache: { resources: Map<string, SpecEntity>; types: Map<string, SpecEntity> } | null = null;
function spec() {
  if (cache) return cache;
  const path = createRequire(import.meta.url).resolve('@aws-cdk/aws-service-spec/db.json.gz');
  const db = JSON.parse(gunzipSync(readFileSync(path)).toString('utf8'));
  const resources = new Map<string, SpecEntity>();
  for (const r of Object.values(db.schema.resource.entities) as SpecEntity[]) resources.set(r.cloudFormationType!, r);
  const types = new Map<string, SpecEntity>();
  for (const [id, t] of Object.entries(db.schema.typeDefinition.entities) as [string, SpecEntity & { $id?: string }][])
    types.set(t.$id ?? id, t);
  cache = { resources, types };
  return cache;
}

const PSEUDO = new Set([
  'AWS::Region',
  'AWS::AccountId',
  'AWS::StackName',
  'AWS::StackId',
  'AWS::Partition',
  'AWS::URLSuffix',
  'AWS::NoValue',
]);
const INTRINSICS = new Set([
  'Ref',
  'Fn::GetAtt',
  'Fn::Sub',
  'Fn::Join',
  'Fn::Select',
  'Fn::If',
  'Fn::GetAZs',
  'Fn::Split',
  'Fn::Base64',
  'Fn::ImportValue',
]);

type Template = {
  Parameters?: Record<string, unknown>;
  Conditions?: Record<string, unknown>;
  Resources: Record<string, { Type: string; Properties?: Record<string, unknown>; DependsOn?: string | string[] }>;
  Outputs?: Record<string, { Value: unknown }>;
};

export function cloudFormationProblems(template: Template): string[] {
  const { resources: specs } = spec();
  const problems: string[] = [];
  const names = new Set([...Object.keys(template.Parameters ?? {}), ...Object.keys(template.Resources)]);
  const checkRefs = (value: unknown, where: string): void => {
    if (Array.isArray(value)) return value.forEach((v, i) => checkRefs(v, `${where}[${i}]`));
    if (value === null || typeof value !== 'object') return;
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'Ref' && typeof inner === 'string' && !names.has(inner) && !PSEUDO.has(inner))
        problems.push(`${where}: Ref ${inner} resolves to nothing`);
      if (key === 'Fn::GetAtt') {
        const [resource, attribute] = Array.isArray(inner) ? inner : String(inner).split(/\.(.*)/);
        const target = template.Resources[resource as string];
        if (!target) problems.push(`${where}: GetAtt ${resource} is not a resource`);
        else if (!(attribute in (specs.get(target.Type)?.attributes ?? {})))
          problems.push(`${where}: ${target.Type} has no attribute ${attribute}`);
      }
      if (key === 'Fn::Sub') {
        const text = Array.isArray(inner) ? inner[0] : inner;
        for (const m of String(text).matchAll(/\$\{([^}!]+)\}/g)) {
          const [name, attribute] = m[1]!.split(/\.(.*)/);
          if (attribute === undefined && !names.has(name!) && !PSEUDO.has(name!))
            problems.push(`${where}: \${${name}} resolves to nothing`);
          if (attribute !== undefined) checkRefs({ 'Fn::GetAtt': [name, attribute] }, where);
        }
      }
      checkRefs(inner, `${where}.${key}`);
    }
  };
  for (const [name, resource] of Object.entries(template.Resources)) {
    const entity = specs.get(resource.Type);
    if (!entity) {
      problems.push(`${name}: ${resource.Type} is not a CloudFormation resource type`);
      continue;
    }
    checkObject(entity, resource.Properties ?? {}, `${name} (${resource.Type})`, problems);
    for (const dep of [resource.DependsOn ?? []].flat())
      if (!template.Resources[dep]) problems.push(`${name}: DependsOn ${dep} is not a resource`);
    checkRefs(resource.Properties ?? {}, name);
  }
  for (const [name, output] of Object.entries(template.Outputs ?? {})) checkRefs(output.Value, `Outputs.${name}`);
  return problems;
}

function isIntrinsic(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && INTRINSICS.has(keys[0]!);
}

function checkObject(entity: SpecEntity, value: Record<string, unknown>, where: string, problems: string[]): void {
  for (const [key, prop] of Object.entries(entity.properties))
    if (prop.required && value[key] === undefined) problems.push(`${where}: required property ${key} is missing`);
  for (const [key, inner] of Object.entries(value)) {
    const prop = entity.properties[key];
    if (!prop) {
      problems.push(`${where}: unknown property ${key}`);
      continue;
    }
    const candidates = [prop.type, ...(prop.previousTypes ?? [])];
    const results = candidates.map((t) => typeProblems(t, inner, `${where}.${key}`));
    if (results.every((r) => r.length > 0)) problems.push(...results[0]!);
  }
}

function typeProblems(type: SpecType, value: unknown, where: string): string[] {
  if (isIntrinsic(value)) return [];
  const wrong = (expected: string) => [`${where}: expected ${expected}, got ${JSON.stringify(value)}`];
  switch (type.type) {
    case 'string':
    case 'date-time':
      return typeof value === 'string' ? [] : wrong('a string');
    case 'integer':
      return Number.isInteger(value) ? [] : wrong('an integer');
    case 'number':
      return typeof value === 'number' ? [] : wrong('a number');
    case 'boolean':
      return typeof value === 'boolean' ? [] : wrong('a boolean');
    case 'json':
      return value !== null && typeof value === 'object' ? [] : wrong('a JSON object');
    case 'tag':
      return value !== null && typeof value === 'object' && 'Key' in value && 'Value' in value ? [] : wrong('a tag');
    case 'array':
      if (!Array.isArray(value)) return wrong('a list');
      return value.flatMap((v, i) => typeProblems(type.element!, v, `${where}[${i}]`));
    case 'map':
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return wrong('a map');
      return Object.entries(value).flatMap(([k, v]) => typeProblems(type.element!, v, `${where}.${k}`));
    case 'union': {
      const results = type.types!.map((t) => typeProblems(t, value, where));
      return results.some((r) => r.length === 0) ? [] : results[0]!;
    }
    case 'ref': {
      const def = spec().types.get(type.reference!.$ref);
      if (!def) return [`${where}: unknown type ${type.reference!.$ref}`];
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return wrong('an object');
      const found: string[] = [];
      checkObject(def, value as Record<string, unknown>, where, found);
      return found;
    }
    default:
      return [`${where}: unsupported spec type ${type.type}`];
  }
}
