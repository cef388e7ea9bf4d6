// Every export deploys the cache engine the plan priced: Valkey where it is the cheaper (the default on
// ElastiCache) or asked for, Redis OSS where asked — in the CloudFormation template, the architecture file
// and the compose stack.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { RawInput } from '../../src/core/input.js';
import { exportFiles } from '../../src/export/index.js';
import { planOf } from '../helpers.js';
import { cloudFormationProblems } from './cloudformation-spec.js';

const files = (input: RawInput) => {
  const all = exportFiles('all', planOf(input), { name: 'shop', version: '0.0.0-test' });
  const read = (path: string) => parse(all.find((f) => f.path === path)!.content, { version: '1.1' });
  return {
    template: read('cloudformation/template.yaml'),
    architecture: read('architecture.yaml'),
    compose: read('compose/compose.yaml'),
  };
};

describe('the exported cache engine is the plan’s', () => {
  it('Valkey (the cheaper on ElastiCache): valkey in the template, the architecture file and compose', () => {
    const input = { users: 500_000 };
    expect(planOf(input).cache!.engine).toBe('valkey');
    const { template, architecture, compose } = files(input);
    expect(template.Resources.Cache.Properties).toMatchObject({ Engine: 'valkey', EngineVersion: '8.0' });
    expect(cloudFormationProblems(template)).toEqual([]);
    expect(architecture.spec.cache.engine).toBe('valkey');
    expect(compose.services.cache.image).toBe('valkey/valkey:8-alpine');
    expect(compose.services.cache.command[0]).toBe('valkey-server');
    expect(compose.services.cache.healthcheck.test).toEqual(['CMD', 'valkey-cli', 'ping']);
  });

  it('Redis OSS when asked: redis everywhere', () => {
    const { template, architecture, compose } = files({ users: 500_000, cacheEngine: 'redis' });
    expect(template.Resources.Cache.Properties.Engine).toBe('redis');
    expect(template.Resources.Cache.Properties.EngineVersion).toBeUndefined();
    expect(architecture.spec.cache.engine).toBe('redis');
    expect(compose.services.cache.image).toBe('redis:7-alpine');
    expect(compose.services.cache.command[0]).toBe('redis-server');
  });

  it('a clustered Valkey cache takes Valkey’s cluster-mode parameter group', () => {
    const { template } = files({ users: 60_000_000 });
    const cache = template.Resources.Cache.Properties;
    expect(cache.Engine).toBe('valkey');
    expect(cache.NumNodeGroups).toBeGreaterThan(1);
    expect(cache.CacheParameterGroupName).toBe('default.valkey8.cluster.on');
  });
});
