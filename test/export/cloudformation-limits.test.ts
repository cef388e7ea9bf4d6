// CloudFormation's per-template quotas (500 resources, 200 outputs, 200 parameters, 1 MB from S3, 51,200
// bytes inline): an export past them says so on stderr rather than handing over a template that fails.
import { describe, expect, it } from 'vitest';
import { cloudFormationOverLimits } from '../../src/export/cloudformation-limits.js';
import { exportFiles } from '../../src/export/index.js';
import { cli, planOf } from '../helpers.js';

const section = (name: string, n: number) =>
  `${name}:\n${Array.from({ length: n }, (_, i) => `  K${i}:\n    Type: x\n`).join('')}`;

describe('CloudFormation template quotas', () => {
  it('counts each section and the size, and names what is over', () => {
    const big = {
      path: 'template.yaml',
      content: `AWSTemplateFormatVersion: "2010-09-09"\n${section('Parameters', 3)}${section('Resources', 501)}${section('Outputs', 200)}`,
    };
    expect(cloudFormationOverLimits([big])).toEqual([
      "warning: template.yaml has 501 resources (at most 500): CloudFormation will refuse it as one stack; split the fleet's resources into nested stacks or fewer shards",
    ]);
    const inline = { path: 'template.yaml', content: `${section('Resources', 10)}#${'x'.repeat(60_000)}\n` };
    expect(cloudFormationOverLimits([inline])[0]).toMatch(
      /^note: template\.yaml is 60,\d{3} bytes, more than the 51,200 CloudFormation takes inline/,
    );
  });
  it('the templates of ordinary plans fit, quietly', () => {
    for (const users of [5_000, 500_000, 5_000_000])
      expect(
        cloudFormationOverLimits(exportFiles('cloudformation', planOf({ users }), { name: 'a', version: 't' })),
      ).toEqual([]);
  });
  it('export says so on stderr for a plan past them', async () => {
    const r = await cli([
      'export',
      'cloudformation',
      '--users',
      '5B',
      '--profile',
      'saas',
      '--availability',
      '99.999',
      '--dry-run',
    ]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^capacity-plan: warning: template-us-east-1\.yaml has [\d,]+ resources \(at most 500\)/m);
  }, 60_000);
});
