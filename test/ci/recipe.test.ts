import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/**
 * The README's GitHub Actions recipe, run as written: its shell steps, in order, in a git checkout of
 * fixture input files, with the built binary on PATH and no network. Only `gh` (GitHub's own CLI) is
 * replaced, by a script that records the comment it was asked to post.
 */
const WORKFLOW = resolve('docs/github-actions/capacity-plan.yml');
const FIXTURES = resolve('test/fixtures/ci');

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
}
const workflow = parse(readFileSync(WORKFLOW, 'utf8')) as {
  env: Record<string, string>;
  jobs: { plan: { steps: Step[] } };
};
const steps = workflow.jobs.plan.steps;
const step = (start: string) => steps.find((s) => s.name?.startsWith(start))!;

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const git = (cwd: string, ...args: string[]) => {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
};

/** A checkout whose base branch (origin/main) has base.yaml as capacity-plan.yaml and whose PR changes it to `head`. */
function checkout(head: string): { repo: string; bin: string } {
  const root = mkdtempSync(join(tmpdir(), 'capacity-plan-ci-'));
  dirs.push(root);
  const repo = join(root, 'repo');
  const bin = join(root, 'bin');
  spawnSync('mkdir', ['-p', repo, bin]);
  git(repo, 'init', '-q', '-b', 'main');
  copyFileSync(join(FIXTURES, 'base.yaml'), join(repo, 'capacity-plan.yaml'));
  git(repo, 'add', 'capacity-plan.yaml');
  git(repo, '-c', 'user.name=ci', '-c', 'user.email=ci@example.invalid', 'commit', '-qm', 'base');
  git(repo, 'update-ref', 'refs/remotes/origin/main', 'HEAD');
  copyFileSync(join(FIXTURES, head), join(repo, 'capacity-plan.yaml'));
  const tool = join(bin, 'capacity-plan');
  writeFileSync(tool, `#!/bin/sh\nexec "${process.execPath}" "${resolve('bin/capacity-plan.js')}" "$@"\n`);
  const gh = join(bin, 'gh');
  writeFileSync(gh, `#!/bin/sh\necho "$@" >> "${root}/gh-calls"\ncp comment.md "${root}/posted.md"\n`);
  chmodSync(tool, 0o755);
  chmodSync(gh, 0o755);
  return { repo, bin };
}

/** One `run:` step as GitHub runs it (bash -eo pipefail), with the workflow's and the step's environment. */
function runStep(s: Step, where: { repo: string; bin: string }): { code: number; err: string } {
  const expressions: Record<string, string> = {
    '${{ github.token }}': 'token-for-test',
    '${{ github.event.pull_request.number }}': '7',
  };
  const stepEnv = Object.fromEntries(Object.entries(s.env ?? {}).map(([k, v]) => [k, expressions[v] ?? v]));
  const script = join(where.repo, '..', 'step.sh');
  writeFileSync(script, s.run!);
  const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
    cwd: where.repo,
    encoding: 'utf8',
    env: {
      PATH: `${where.bin}:${process.env.PATH}`,
      HOME: process.env.HOME,
      GITHUB_BASE_REF: 'main',
      GITHUB_OUTPUT: join(where.repo, '..', 'github-output'),
      GITHUB_PATH: join(where.repo, '..', 'github-path'),
      ...workflow.env,
      ...stepEnv,
    },
  });
  return { code: r.status ?? -1, err: r.stderr };
}

function runRecipe(head: string) {
  const where = checkout(head);
  const plan = runStep(step('Plan and diff'), where);
  const comment = runStep(step('Post the comment'), where);
  const gates = runStep(step('Apply the gates'), where);
  const root = join(where.repo, '..');
  return {
    plan,
    comment,
    gates,
    posted: existsSync(join(root, 'posted.md')) ? readFileSync(join(root, 'posted.md'), 'utf8') : '',
    ghCalls: existsSync(join(root, 'gh-calls')) ? readFileSync(join(root, 'gh-calls'), 'utf8') : '',
  };
}

describe('the GitHub Actions recipe', () => {
  it('installs the tool from a tarball or the repository, with current actions, and comments before the gates', () => {
    expect(steps.some((s) => /^actions\/checkout@v[45]$/.test(s.uses ?? ''))).toBe(true);
    expect(steps.some((s) => s.uses === 'actions/setup-node@v4')).toBe(true);
    expect(step('Install').run).toMatch(/npm install --no-save .*"\$CAPACITY_PLAN_PACKAGE"/);
    expect(workflow.env.CAPACITY_PLAN_PACKAGE).toMatch(/\.tgz$/);
    expect(readFileSync(WORKFLOW, 'utf8')).not.toMatch(/npx --yes/);
    const names = steps.map((s) => s.name ?? s.uses);
    expect(names.indexOf(step('Post the comment').name)).toBeLessThan(names.indexOf(step('Apply the gates').name));
  });

  it('the README shows this very file', () => {
    expect(readFileSync('README.md', 'utf8')).toContain(readFileSync(WORKFLOW, 'utf8').trimEnd());
  });

  it('a passing pull request: the comment has the diff, the plan and both gates passed; exit 0', () => {
    const r = runRecipe('head-pass.yaml');
    expect(r.plan.code, r.plan.err).toBe(0);
    expect(r.ghCalls).toBe('pr comment 7 --body-file comment.md --edit-last\n');
    expect(r.posted).toMatch(/^#### Gates\n- ✅ budget: passed\n- ✅ cost increase/);
    expect(r.posted).toMatch(/### capacity-plan diff/);
    expect(r.posted).toMatch(/### capacity-plan: \$[\d,]+\/month expected/);
    expect(r.posted).toMatch(/```mermaid\nflowchart TD/);
    expect(r.gates.code).toBe(0);
  });

  it('a failing pull request: the comment is still posted, with the verdict of each gate; the check exits 3', () => {
    const r = runRecipe('head-fail.yaml');
    expect(r.plan.code, r.plan.err).toBe(0);
    expect(r.ghCalls).toContain('pr comment 7 --body-file comment.md');
    expect(r.posted).toMatch(
      /- ❌ budget: budget gate failed: the expected \$[\d,]+\.\d\d\/month is over the budget of \$10,000\.00 \(maxMonthlyCost in capacity-plan.yaml\)/,
    );
    expect(r.posted).toMatch(/- ❌ cost increase \(at most 20 %\): cost gate failed: the expected monthly cost rises/);
    expect(r.posted).toMatch(/### capacity-plan diff/);
    expect(r.gates.code).toBe(3);
    expect(r.gates.err).toMatch(/a gate failed/);
  });
});
