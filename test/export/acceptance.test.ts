import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { parse } from 'yaml';
import { architectureSchema } from '../../src/export/architecture-schema.js';
import { cli } from '../helpers.js';
import { cloudFormationProblems } from './cloudformation-spec.js';
import { nginxTest } from './helpers.js';
import { infracostProblems } from './infracost-check.js';
import { kustomize, modelProblem } from './kubernetes-check.js';

/**
 * `export all` as a user runs it, for 50k, 500k with a canary and 5M users, in one region and in two: every
 * file it writes passes the validator for its tool.
 *   architecture.yaml        → the architecture JSON Schema (ajv)
 *   kubernetes/              → `kubectl kustomize` on the folder or on each overlays/<region>, then kubernetes-models
 *   compose/compose.yaml     → the Compose Specification (ajv); compose/nginx.conf → `nginx -t`
 *   infracost-usage.yml      → Infracost's reference usage keys and declared types
 *   cloudformation/*.yaml    → the CloudFormation resource specification (@aws-cdk/aws-service-spec)
 */
const architecture = new Ajv2020({ strict: false }).compile(z.toJSONSchema(architectureSchema));
const composeSpec = new Ajv({ strict: false, validateSchema: false, validateFormats: false }).compile(
  JSON.parse(readFileSync('test/fixtures/compose-spec.json', 'utf8')),
);
const read = (d: string, f: string) => readFileSync(join(d, f), 'utf8');

const CASES = [['50k'], ['500k', '--deploy', 'canary'], ['5M']].flatMap((users) => [
  users,
  [...users, '--regions', 'us-east-1=60,eu-west-1=40'],
]);

describe('acceptance: `export all` passes every validator', () => {
  it.each(CASES.map((args) => [args.join(' '), args] as const))('export all --users %s', async (_, args) => {
    const d = mkdtempSync(join(tmpdir(), 'capacity-plan-acceptance-'));
    const r = await cli(['export', 'all', '--users', ...args, '-o', 'out'], { cwd: d });
    expect(r.code, r.err).toBe(0);
    const out = join(d, 'out');
    expect(architecture(parse(read(out, 'architecture.yaml'))), JSON.stringify(architecture.errors)).toBe(true);
    const compose = parse(read(out, 'compose/compose.yaml'));
    expect(composeSpec(compose), JSON.stringify(composeSpec.errors?.slice(0, 3))).toBe(true);
    const nginx = nginxTest(read(out, 'compose/nginx.conf'), Object.keys(compose.services));
    expect(nginx.ok, nginx.output).toBe(true);
    expect(infracostProblems(parse(read(out, 'infracost-usage.yml')))).toEqual([]);
    const templates = readdirSync(join(out, 'cloudformation'));
    expect(templates.length).toBe(args.includes('--regions') ? 2 : 1);
    for (const t of templates) expect(cloudFormationProblems(parse(read(out, `cloudformation/${t}`))), t).toEqual([]);
    const k8s = join(out, 'kubernetes');
    const dirs = existsSync(join(k8s, 'overlays'))
      ? readdirSync(join(k8s, 'overlays')).map((region) => join(k8s, 'overlays', region))
      : [k8s];
    expect(dirs).toHaveLength(args.includes('--regions') ? 2 : 1);
    for (const dir of dirs) {
      const built = kustomize(dir);
      expect(built.error).toBe('');
      expect(built.docs.length).toBeGreaterThan(3);
      for (const doc of built.docs) expect(await modelProblem(doc as never)).toBe('');
    }
  });
});
