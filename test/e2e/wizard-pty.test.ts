import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

/**
 * The real wizard (@inquirer/prompts) in a real pseudo-terminal: tmux runs the built binary, send-keys
 * types, capture-pane reads the screen. CI installs tmux (.ci/run); without it these tests fail, not skip.
 */
const bin = resolve('bin/capacity-plan.js');
let session = '';

function tmux(...args: string[]): string {
  return execFileSync('tmux', args, { encoding: 'utf8' });
}
const screen = () => tmux('capture-pane', '-p', '-J', '-t', session, '-S', '-500');

async function waitFor(pattern: RegExp, timeoutMs = 15_000): Promise<string> {
  const start = Date.now();
  for (;;) {
    const text = screen();
    if (pattern.test(text)) return text;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${pattern}; screen:\n${text}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function keys(...sequence: string[]): Promise<void> {
  for (const k of sequence) {
    tmux('send-keys', '-t', session, k);
    await new Promise((r) => setTimeout(r, 150));
  }
}

function start(cwd: string): void {
  if (spawnSync('tmux', ['-V']).status !== 0)
    throw new Error('tmux is not installed: apt-get install tmux (CI does this in .ci/run)');
  session = `cp-wizard-${process.pid}-${Date.now()}`;
  const command = `cd "${cwd}" && env -u CI NO_COLOR=1 "${process.execPath}" "${bin}"; echo "EXIT=$?"; sleep 30`;
  tmux('new-session', '-d', '-s', session, '-x', '160', '-y', '50', command);
}

afterEach(() => {
  if (session) spawnSync('tmux', ['kill-session', '-t', session]);
});

describe('the wizard in a pseudo-terminal', () => {
  it('is driven by keys to its plan, then saves the answers', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'capacity-plan-pty-'));
    start(cwd);
    await waitFor(/How many monthly active users\?/);
    await keys('lots', 'Enter');
    await waitFor(/expected a user count such as 50000, 250k or 1\.5M/);
    await keys('C-u', '250k', 'Enter');
    await waitFor(/Which traffic profile fits best\?/);
    await keys('Down', 'Enter');
    await waitFor(/keep state on the server/);
    await keys('Enter');
    await waitFor(/durations vary/);
    await keys('Enter');
    await waitFor(/different sizes/);
    await keys('Enter');
    await waitFor(/Availability target\?/);
    await keys('Down', 'Down', 'Enter');
    await waitFor(/Where should it be priced\?/);
    await keys('Enter');
    await waitFor(/Home region/);
    await keys('Enter');
    await waitFor(/Monthly user growth/);
    await keys('Enter');
    await waitFor(/Monthly budget/);
    await keys('Enter');
    await waitFor(/Commit to 1 or 3 years/);
    await keys('Down', 'Down', 'Enter');
    await waitFor(/CPU architecture/);
    await keys('Enter');
    await waitFor(/Cache engine\?/);
    await keys('Enter');
    await waitFor(/Save these answers/);
    await keys('Enter');
    await waitFor(/File name/);
    await keys('Enter');
    await waitFor(/Export it for other tools\?/);
    await keys('Enter');
    const text = await waitFor(/EXIT=\d+/);
    console.info(text.replace(/\n{3,}/g, '\n\n'));
    expect(text).toMatch(/capacity-plan — 250k monthly users · saas profile · AWS us-east-1/);
    expect(text).toMatch(/99\.95 % target \(met\)/);
    expect(text).toMatch(/wrote capacity-plan\.yaml/);
    expect(text).toMatch(/EXIT=0/);
    expect(readFileSync(join(cwd, 'capacity-plan.yaml'), 'utf8')).toMatch(
      /users: 250k\nprofile: saas\navailability: 99\.95[\s\S]*commitment: 3y/,
    );
  }, 60_000);

  it('Ctrl-C at a prompt: one line, exit 130, nothing written', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'capacity-plan-pty-'));
    start(cwd);
    await waitFor(/How many monthly active users\?/);
    await keys('50k', 'Enter');
    await waitFor(/Which traffic profile/);
    await keys('C-c');
    const text = await waitFor(/EXIT=\d+/);
    expect(text).toMatch(/capacity-plan: interrupted \(no file is left half-written\)/);
    expect(text).toMatch(/EXIT=130/);
    expect(existsSync(join(cwd, 'capacity-plan.yaml'))).toBe(false);
  }, 30_000);
});
