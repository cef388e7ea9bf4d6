import { describe, expect, it } from 'vitest';
import type { CatalogItem } from '../../src/pricing/catalog-schema.js';
import { aws } from '../../src/providers/aws/index.js';
import { azure } from '../../src/providers/azure/index.js';
import { gcp } from '../../src/providers/gcp/index.js';
import { cli, planOf } from '../helpers.js';

const item = (id: string, extra: Partial<CatalogItem> = {}) =>
  ({
    id,
    kind: 'compute',
    unit: 'hour',
    price: 1,
    source: 't',
    date: '2026-10-01',
    confidence: 'V',
    ...extra,
  }) as CatalogItem;
// The bundled catalogs carry Graviton and Valkey rows beside x86 and Redis OSS (the research's).
const plan = (extra: object) => planOf({ users: 500_000, ...extra });

describe('each provider pack says an item’s architecture and cache engine', () => {
  it.each([
    ['aws', 'm7g.large', 'arm'],
    ['aws', 'm7i.large', 'x86'],
    ['aws', 'db.r7g.large', 'arm'],
    ['aws', 'cache.t4g.medium', 'arm'],
    ['aws', 't3.medium', 'x86'],
    ['gcp', 'c4a-standard-4', 'arm'],
    ['gcp', 't2a-standard-2', 'arm'],
    ['gcp', 'e2-standard-4', 'x86'],
    ['azure', 'Standard_D4ps_v5', 'arm'],
    ['azure', 'Standard_E4pds_v6', 'arm'],
    ['azure', 'Standard_D4s_v5', 'x86'],
  ] as const)('%s %s is %s', (provider, id, arch) => {
    expect({ aws, gcp, azure }[provider].hardware!.architecture(item(id))).toBe(arch);
  });

  it('an `arch` field or the description wins over the name', () => {
    expect(aws.hardware!.architecture(item('m7i.large', { arch: 'arm64' } as Partial<CatalogItem>))).toBe('arm');
    expect(azure.hardware!.architecture(item('Standard_X', { description: 'Ampere Altra Arm-based' }))).toBe('arm');
    expect(aws.hardware!.cacheEngine(item('cache.r7g.large', { variant: 'valkey' }))).toBe('valkey');
    expect(gcp.hardware!.cacheEngine(item('memorystore-valkey-shared'))).toBe('valkey');
    expect(aws.hardware!.cacheEngine(item('cache.r7g.large'))).toBe('redis');
  });
});

describe('--arch', () => {
  it('any: the cheapest architecture that fits, with the reason and the Arm caveat', () => {
    const p = plan({});
    expect(p.compute.instanceType).toBe('m7g.xlarge');
    expect(p.compute.architecture).toBe('arm');
    const reasons = p.compute.reasons.join('\n');
    expect(reasons).toMatch(
      /Architecture: arm — m7g\.xlarge at \$0\.1632\/h is 19 % cheaper than the x86 m7i\.xlarge \(\$0\.2016\/h\), the cheapest that fits \(--arch any\)/,
    );
    expect(reasons).toMatch(/multi-arch build: docker buildx build --platform linux\/amd64,linux\/arm64/);
    expect(p.cost.lineItems[0]!.itemId).toBe('m7g.xlarge');
  });

  it('x86: the x86 machine, and what Arm would have cost', () => {
    const p = plan({ arch: 'x86' });
    expect(p.compute.instanceType).toBe('m7i.xlarge');
    expect(p.compute.architecture).toBe('x86');
    expect(p.compute.reasons.join('\n')).toMatch(
      /Architecture: x86 — m7i\.xlarge .* 23\.5 % dearer than the arm m7g\.xlarge .*as asked \(--arch x86\)/,
    );
    expect(p.cost.monthly.expected).toBeGreaterThan(plan({}).cost.monthly.expected);
  });

  it('arm where the catalog sells none of the size: x86 kept, and a warning names the flag', () => {
    const p = planOf({ users: 20_000_000, provider: 'azure', arch: 'arm', simulate: false });
    expect(p.compute.architecture).toBe('x86');
    expect(p.warnings.join('\n')).toMatch(/--arch arm: the Microsoft Azure catalog sells no arm compute of this size/);
  });

  it('arm on Google Cloud and Azure: their Arm series are the same sizes as the x86 ones (arm-general-N beside general-N)', () => {
    expect(planOf({ users: 500_000, provider: 'gcp', arch: 'arm', simulate: false }).compute.instanceType).toBe(
      't2a-standard-4',
    );
    const azure = planOf({ users: 500_000, provider: 'azure', simulate: false });
    expect(azure.compute.architecture).toBe('arm');
    expect(azure.compute.reasons.join('\n')).toMatch(/arm64 images|multi-arch|Arm/);
  });
});

describe('--cache-engine', () => {
  it('any: Valkey where it is cheaper (ElastiCache, 20 %), with the reason; its reserved node under --commitment', () => {
    const p = plan({ commitment: '3y' });
    expect(p.cache!.engine).toBe('valkey');
    expect(p.cache!.reasons.join('\n')).toMatch(
      /Engine: Valkey — cache\.r7g\.xlarge at .* is 20 % cheaper than Redis OSS .*Redis OSS 7\.2 protocol/,
    );
    const line = p.cost.lineItems.find((l) => l.id === 'cache:committed')!;
    expect(line.commitment!.source).toMatch(/\$0\.1679\/h against \$0\.3496 on demand in us-east-1/);
  });

  it('redis: Redis OSS as asked', () => {
    const p = plan({ cacheEngine: 'redis' });
    expect(p.cache!.engine).toBe('redis');
    expect(p.cache!.reasons.join('\n')).toMatch(
      /Engine: Redis OSS .* 25 % dearer than Valkey .*as asked \(--cache-engine redis\)/,
    );
  });

  it('valkey on Azure, which sells none: a warning, and Redis', () => {
    const p = planOf({ users: 500_000, provider: 'azure', cacheEngine: 'valkey' });
    expect(p.cache!.engine).toBe('redis');
    expect(p.warnings.join('\n')).toMatch(
      /--cache-engine valkey: Azure Cache for Redis sells no Valkey node of this size in eastus; Redis OSS kept/,
    );
  });
});

describe('--arch with --cache-engine: a cache sold on one architecture only', () => {
  it('x86 on AWS, whose cache nodes are all Graviton: the cache engine still picks (Valkey, cheaper), the node stays Arm', () => {
    const any = plan({});
    const x86 = plan({ arch: 'x86' });
    expect(x86.cache!.engine).toBe('valkey');
    expect(x86.cache!.nodeType).toBe(any.cache!.nodeType);
    expect(x86.cache!.reasons.join('\n')).toMatch(/Engine: Valkey .* the cheapest that fits \(--cache-engine any\)/);
    expect(plan({ arch: 'x86', cacheEngine: 'redis' }).cache!.engine).toBe('redis');
  });
});

describe('bad values exit 2 and name the flag', () => {
  it.each([
    [['--arch', 'mips'], /--arch: expected x86, arm or any/],
    [['--cache-engine', 'memcached'], /--cache-engine: expected redis, valkey or any/],
    [['--commitment', '5y'], /--commitment: expected on-demand, 1y or 3y/],
  ])('%s', async (flags, message) => {
    const r = await cli(['plan', '--users', '500k', ...flags]);
    expect(r.code).toBe(2);
    expect(r.err.trim()).toMatch(message);
    expect(r.err).not.toMatch(/\n\s+at /);
  });
});
