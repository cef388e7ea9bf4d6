import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { architectureSchema } from '../../src/export/architecture-schema.js';
import { exportFiles } from '../../src/export/index.js';
import { dns1123 } from '../../src/export/names.js';
import { quoteArg, serializeNginx } from '../../src/export/nginx-config.js';
import type { RawInput } from '../../src/core/input.js';
import { planOf } from '../helpers.js';
import { nginxTest } from './helpers.js';

const ctx = { name: 'shop', version: '0.0.0-test' };
const files = (target: Parameters<typeof exportFiles>[0], input: RawInput, name = 'shop') =>
  exportFiles(target, planOf(input), { ...ctx, name });
const CASES: [string, RawInput][] = [
  ['single server', { users: 5000 }],
  ['cached replicas', { users: 50_000 }],
  ['horizontal, least connections', { users: 500_000, profile: 'ecommerce' }],
  ['stateful (ip hash)', { users: 50_000, stateful: true }],
  ['distributed canary (weighted)', { users: 5_000_000 }],
  ['mixed hardware (weighted)', { users: 300_000, mixedHardware: true }],
  ['two regions', { users: 2_000_000, regions: 'us-east-1=60,eu-west-1=40' }],
];

describe('architecture YAML', () => {
  const validate = new Ajv2020({ strict: false }).compile(z.toJSONSchema(architectureSchema));
  it.each(CASES)('%s validates against `capacity-plan schema architecture`', (_, input) => {
    const [file] = files('architecture', input);
    expect(file!.content.split('\n')[0]).toMatch(
      /^# yaml-language-server: \$schema=\.\/node_modules\/capacity-plan\/schemas\/architecture\.schema\.json$/,
    );
    const doc = parse(file!.content);
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(doc).toMatchObject({ apiVersion: 'capacity-plan/v1', kind: 'Architecture' });
  });
  it('carries every component: counts, instance types, balancer and algorithm, health check, auto-scaling, database, cache, CDN, deployment, availability and cost', () => {
    const doc = parse(files('architecture', { users: 500_000, profile: 'ecommerce' })[0]!.content);
    expect(doc.spec.regions[0].compute.instances).toEqual({
      min: 3,
      expected: expect.any(Number),
      max: expect.any(Number),
    });
    expect(doc.spec.regions[0].loadBalancer.algorithm).toBe('least-connections');
    expect(Object.keys(doc.spec)).toEqual(
      expect.arrayContaining([
        'healthCheck',
        'autoscaling',
        'database',
        'cache',
        'cdn',
        'deployment',
        'availability',
        'cost',
      ]),
    );
  });
});

// Kubernetes: test/export/kubernetes.test.ts (kubectl kustomize + kubernetes-models on every region).

describe('docker compose and nginx', () => {
  const spec = JSON.parse(readFileSync('test/fixtures/compose-spec.json', 'utf8'));
  const validate = new Ajv({ strict: false, validateSchema: false, validateFormats: false }).compile(spec);
  it.each(CASES)('%s: compose.yaml validates against the Compose Specification', (_, input) => {
    const compose = parse(files('compose', input).find((f) => f.path === 'compose.yaml')!.content);
    expect(validate(compose), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(Object.keys(compose.services)).toEqual(expect.arrayContaining(['app', 'balancer', 'db']));
  });
  it('the Compose check can fail: a service with a bad field is rejected', () => {
    expect(validate({ services: { app: { image: 'x', replicas: 'many', nonsense: true } } })).toBe(false);
  });
  it('a read replica when the plan has one; Redis when the plan has a cache; health checks on every service', () => {
    const compose = (input: RawInput) => parse(files('compose', input).find((f) => f.path === 'compose.yaml')!.content);
    const small = compose({ users: 5000 });
    const cached = compose({ users: 50_000 });
    const mid = compose({ users: 500_000 });
    expect(planOf({ users: 50_000 }).database.readReplicas).toBe(0);
    expect(planOf({ users: 500_000 }).database.readReplicas).toBeGreaterThan(0);
    expect(Object.keys(small.services).sort()).toEqual(['app', 'balancer', 'db']);
    expect(Object.keys(cached.services).sort()).toEqual(['app', 'balancer', 'cache', 'db']);
    expect(Object.keys(mid.services).sort()).toEqual(['app', 'balancer', 'cache', 'db', 'db-replica']);
    for (const s of Object.values(mid.services) as { healthcheck?: unknown }[]) expect(s.healthcheck).toBeDefined();
    expect(mid.services.app.environment.DATABASE_READ_URL).toMatch(/@db-replica:5432/);
  });
  it.each([
    [{ users: 50_000 }, null],
    [{ users: 50_000, profile: 'saas' }, 'least_conn;'],
    [{ users: 50_000, stateful: true }, 'ip_hash;'],
    [{ users: 5_000_000 }, 'server app:8080 weight=19'],
  ] as [RawInput, string | null][])("nginx.conf implements the plan's strategy (%j)", (input, directive) => {
    const conf = files('compose', input).find((f) => f.path === 'nginx.conf')!.content;
    const upstream = /upstream \w+ \{([^}]*)\}/.exec(conf)![1]!;
    if (directive) expect(upstream).toContain(directive);
    else expect(upstream).not.toMatch(/least_conn|ip_hash|weight=/);
  });
  it.each(CASES)('%s: `nginx -t` accepts nginx.conf as exported', (_, input) => {
    const out = files('compose', input);
    const compose = parse(out.find((f) => f.path === 'compose.yaml')!.content);
    const result = nginxTest(out.find((f) => f.path === 'nginx.conf')!.content, Object.keys(compose.services));
    expect(result.ok, result.output).toBe(true);
  });
  it('`nginx -t` can fail: a config with an unknown directive is rejected', () => {
    expect(nginxTest('events {}\nhttp { upstream a { bogus_directive; server app:8080; } }\n', ['app']).ok).toBe(false);
  });
});

describe('Infracost usage file', () => {
  it("version 0.1 with Infracost's own keys carrying the plan's demand", () => {
    const plan = planOf({ users: 500_000 });
    const usage = parse(files('infracost-usage', { users: 500_000 })[0]!.content);
    expect(usage.version).toBe(0.1);
    const d = usage.resource_type_default_usage;
    expect(d.aws_lb).toEqual({
      new_connections: expect.any(Number),
      active_connections: expect.any(Number),
      processed_bytes_gb: expect.any(Number),
      rule_evaluations: expect.any(Number),
    });
    expect(d.aws_nat_gateway.monthly_data_processed_gb).toBeGreaterThan(0);
    expect(d.aws_cloudfront_distribution.monthly_data_transfer_to_internet_gb.us).toBeCloseTo(
      plan.demand.egressGbPerMonth * plan.cdn!.offloadShare,
      0,
    );
    expect(d.aws_cloudfront_distribution.monthly_https_requests.us).toBeGreaterThan(0);
    expect(d.aws_autoscaling_group.instances).toBe(Math.ceil(plan.compute.instances.average));
    const transfer =
      usage.resource_usage.aws_data_transfer_us_east_1 ?? usage.resource_usage['aws_data_transfer.us_east_1'];
    expect(transfer.monthly_outbound_internet_gb).toBeGreaterThan(0);
  });
  it('Aurora designs carry database storage and request rates for aws_rds_cluster', () => {
    const usage = parse(files('infracost-usage', { users: 500_000, availability: 99.95 })[0]!.content);
    expect(usage.resource_type_default_usage.aws_rds_cluster.storage_gb).toBeGreaterThan(0);
  });
});

describe('names and injection', () => {
  const evil = 'My "shop": prod\nkind: Secret\n{{ x }}';
  it('a name with a colon, a quote or a newline cannot break or inject into any file', () => {
    for (const f of files('all', { users: 500_000 }, evil)) {
      if (f.path.endsWith('.yaml') || f.path.endsWith('.yml')) {
        const docs = parseAllDocuments(f.content);
        expect(docs, f.path).toHaveLength(1);
        expect(docs[0]!.errors).toEqual([]);
        expect(docs[0]!.toJS().kind).not.toBe('Secret');
      }
    }
    const arch = parse(files('architecture', { users: 500_000 }, evil)[0]!.content);
    expect(arch.metadata.name).toBe(evil);
    const conf = files('compose', { users: 500_000 }, evil).find((f) => f.path === 'nginx.conf')!.content;
    // The name survives only as an identifier: no line of its own, no quote, no brace.
    expect(conf.split('\n').filter((l) => /^\s*kind\b/.test(l))).toEqual([]);
    expect(/upstream (\S+) \{/.exec(conf)![1]).toMatch(/^[A-Za-z0-9_]+$/);
    expect(nginxTest(conf, ['app']).ok).toBe(true);
  });
  it.each([
    ['My Shop', 'my-shop'],
    ['--', 'app'],
    ['9lives', 'app-9lives'],
    ['a'.repeat(80), 'a'.repeat(63)],
    ['Ünïcode Ñame', 'unicode-name'],
  ])('DNS-1123: %j → %j', (name, expected) => {
    expect(dns1123(name)).toBe(expected);
  });
  it('nginx arguments are quoted, and control characters are refused', () => {
    expect(quoteArg('app:8080')).toBe('app:8080');
    expect(quoteArg('a b;}')).toBe('"a b;}"');
    expect(quoteArg('say "hi"')).toBe('"say \\"hi\\""');
    expect(() => quoteArg('a\nb')).toThrow(/control characters/);
    expect(() => serializeNginx([{ name: 'evil; server' }])).toThrow(/not an nginx directive/);
  });
  it('same plan, same bytes', () => {
    expect(files('all', { users: 500_000 })).toEqual(files('all', { users: 500_000 }));
  });
});
