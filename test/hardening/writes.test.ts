import { spawnSync } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFailure } from '../../src/cli/write-error.js';
import { cli } from '../helpers.js';

const bin = resolve('bin/capacity-plan.js');
const fresh = () => mkdtempSync(join(tmpdir(), 'cp-writes-'));
const plan = (dir: string, ...more: string[]) => cli(['plan', '--users', '5k', '--no-simulate', ...more], { cwd: dir });
const leftovers = (dir: string) =>
  readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.tmp'));

describe('-o never replaces what is not a regular file', () => {
  it('/dev/null and /dev/full are written through, never renamed over (and /dev/full is exit 2, one line)', async () => {
    const dir = fresh();
    const before = statSync('/dev/null');
    const ok = await plan(dir, '-o', '/dev/null', '--force');
    expect(ok.code).toBe(0);
    const after = statSync('/dev/null');
    expect(after.isCharacterDevice()).toBe(true);
    expect(after.ino).toBe(before.ino);
    const full = await plan(dir, '-o', '/dev/full', '--force');
    expect(full.code).toBe(2);
    expect(full.err).toBe('capacity-plan: /dev/full: cannot write: no space left on the device (ENOSPC)\n');
    expect(statSync('/dev/full').isCharacterDevice()).toBe(true);
  });

  it('a FIFO and a folder are refused (exit 2), and nothing is left beside them', async () => {
    const dir = fresh();
    spawnSync('mkfifo', [join(dir, 'pipe')]);
    mkdirSync(join(dir, 'folder'));
    const fifo = await plan(dir, '-o', 'pipe', '--force');
    expect([fifo.code, fifo.err]).toEqual([
      2,
      'capacity-plan: pipe is a FIFO (named pipe): redirect the output into it instead (> fifo)\n',
    ]);
    expect(lstatSync(join(dir, 'pipe')).isFIFO()).toBe(true);
    const folder = await plan(dir, '-o', 'folder', '--force');
    expect([folder.code, folder.err]).toEqual([2, 'capacity-plan: folder is a folder, not a file\n']);
    expect(leftovers(dir)).toEqual([]);
  });

  it('a dangling symlink is not replaced without --force; with it, the link is kept and its target written', async () => {
    const dir = fresh();
    symlinkSync('target.txt', join(dir, 'link'));
    const r = await plan(dir, '-o', 'link');
    expect([r.code, r.err]).toEqual([
      2,
      'capacity-plan: link already exists (a symbolic link to a missing file): pass --force to replace it\n',
    ]);
    expect(existsSync(join(dir, 'target.txt'))).toBe(false);
    expect((await plan(dir, '-o', 'link', '--force')).code).toBe(0);
    expect(readlinkSync(join(dir, 'link'))).toBe('target.txt');
    expect(readFileSync(join(dir, 'target.txt'), 'utf8')).toMatch(/capacity-plan/);
  });

  it('a symlink to a regular file replaces the file it names, atomically, and keeps the link', async () => {
    const dir = fresh();
    writeFileSync(join(dir, 'real.txt'), 'old');
    symlinkSync('real.txt', join(dir, 'link'));
    expect((await plan(dir, '-o', 'link')).code).toBe(2);
    expect((await plan(dir, '-o', 'link', '--force')).code).toBe(0);
    expect(lstatSync(join(dir, 'link')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real.txt'), 'utf8')).toMatch(/capacity-plan/);
  });

  it('EEXIST, EISDIR and ENOTDIR are exit 2 with one line', async () => {
    const dir = fresh();
    writeFileSync(join(dir, 'plan.txt'), 'x');
    const exists = await plan(dir, '-o', 'plan.txt');
    expect([exists.code, exists.err]).toEqual([
      2,
      'capacity-plan: plan.txt already exists: pass --force to replace it\n',
    ]);
    const notdir = await plan(dir, '-o', 'plan.txt/inner.txt');
    expect(notdir.code).toBe(2);
    expect(notdir.err).toMatch(
      /^capacity-plan: plan\.txt\/inner\.txt: cannot write: a part of the path is a file, not a folder \(ENOTDIR\)\n$/,
    );
  });

  it('every write error code we name is exit 2 with one line (EACCES cannot be provoked as root, so it is mapped here)', () => {
    for (const code of ['EACCES', 'EPERM', 'ENOSPC', 'EISDIR', 'EEXIST', 'EPIPE', 'EROFS', 'ENOTDIR']) {
      const e = writeFailure('out.json', Object.assign(new Error('x'), { code })) as {
        exitCode: number;
        message: string;
      };
      expect(e.exitCode).toBe(2);
      expect(e.message).toMatch(new RegExp(`^out\\.json: cannot write: .* \\(${code}\\)$`));
    }
  });
});

describe('export is all or nothing, inside the real output folder', () => {
  it('when dir/compose is a file, nothing at all is written (not seven files and exit 1)', async () => {
    const dir = fresh();
    mkdirSync(join(dir, 'out'));
    writeFileSync(join(dir, 'out', 'compose'), 'in the way');
    const r = await cli(['export', 'all', '--users', '50k', '--no-simulate', '-o', 'out'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^capacity-plan: cannot write out\/compose\/.*: out\/compose is a file, not a folder\n$/);
    expect(readdirSync(join(dir, 'out'))).toEqual(['compose']);
    const forced = await cli(['export', 'all', '--users', '50k', '--no-simulate', '-o', 'out', '--force'], {
      cwd: dir,
    });
    expect(forced.code).toBe(2);
    expect(readdirSync(join(dir, 'out'))).toEqual(['compose']);
  });

  it('a symlink inside the output folder cannot lead --force outside it', async () => {
    const dir = fresh();
    const outside = fresh();
    mkdirSync(join(dir, 'out'));
    symlinkSync(outside, join(dir, 'out', 'kubernetes'));
    const r = await cli(['export', 'all', '--users', '50k', '--no-simulate', '-o', 'out', '--force'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /^capacity-plan: refusing to write out\/kubernetes\/.*: out\/kubernetes is a symbolic link leading outside out\n$/,
    );
    expect(readdirSync(outside)).toEqual([]);
    expect(readdirSync(join(dir, 'out'))).toEqual(['kubernetes']);
  });

  it('an output folder that is itself a symlink is resolved, and the files land in the real folder', async () => {
    const dir = fresh();
    mkdirSync(join(dir, 'real'));
    symlinkSync('real', join(dir, 'out'));
    const r = await cli(['export', 'compose', '--users', '50k', '--no-simulate', '-o', 'out'], { cwd: dir });
    expect(r.code, r.err).toBe(0);
    expect(readdirSync(join(dir, 'real')).length).toBeGreaterThan(0);
    expect(leftovers(dir)).toEqual([]);
  });
});

describe('stdout that fails (the built binary)', () => {
  it('plan > /dev/full is one line and exit 2, no source dump', () => {
    const r = spawnSync(`node ${bin} plan --users 5k --no-simulate > /dev/full`, {
      shell: '/bin/sh',
      encoding: 'utf8',
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('capacity-plan: cannot write to stdout: no space left on the device (ENOSPC)\n');
  });

  it('a reader that closes early (| true) is a quiet exit 0', () => {
    // `true` has closed the pipe long before the plan is written, so the write really meets EPIPE.
    const r = spawnSync(`node ${bin} plan --users 50k --no-simulate --json | true; echo "\${PIPESTATUS[0]}"`, {
      shell: '/bin/bash',
      encoding: 'utf8',
    });
    expect(r.stdout.trim()).toBe('0');
    expect(r.stderr).toBe('');
  });

  it('-o /dev/stdout writes into the process stdout (a pipe here), never replacing it', () => {
    const r = spawnSync(
      process.execPath,
      [bin, 'plan', '--users', '5k', '--no-simulate', '--json', '-o', '/dev/stdout', '--force'],
      {
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
      },
    );
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).schemaVersion).toBe(1);
    expect(r.stderr).toBe('wrote /dev/stdout\n');
  });

  it('-o into a pipe whose reader is gone is EPIPE: exit 2, one line', () => {
    const r = spawnSync(
      `node ${bin} plan --users 5k --no-simulate -o /dev/stdout --force | true; echo "\${PIPESTATUS[0]}"`,
      {
        shell: '/bin/bash',
        encoding: 'utf8',
      },
    );
    expect(r.stdout.trim()).toBe('2');
    expect(r.stderr).toBe('capacity-plan: /dev/stdout: cannot write: the reader closed the pipe (EPIPE)\n');
  });
});

describe('-o is checked before the plan is made', () => {
  it('an existing file without --force is refused before planning: the input error planning would raise never comes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'capacity-plan-early-'));
    writeFileSync(join(dir, 'plan.txt'), 'mine\n');
    // A p95 target under the service time's floor fails in the planner; the -o check answers first.
    const r = await plan(dir, '--service-time', '600', '--latency-target', '5', '-o', 'plan.txt');
    expect(r.code).toBe(2);
    expect(r.err).toBe('capacity-plan: plan.txt already exists: pass --force to replace it\n');
    expect(readFileSync(join(dir, 'plan.txt'), 'utf8')).toBe('mine\n');
  });
  it('a path where no file can be created is one line naming it, exit 2 (ENOENT)', async () => {
    expect(writeFailure('/proc/x', Object.assign(new Error('x'), { code: 'ENOENT' }))).toMatchObject({
      exitCode: 2,
      message: '/proc/x: cannot write: no such folder, or no file can be created there (ENOENT)',
    });
  });
});
