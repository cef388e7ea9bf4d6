import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** nginx from Debian's packages; CI installs it (.ci/run). A missing nginx fails the tests that need it rather than skipping them. */
export function nginxBinary(): string {
  for (const candidate of ['/usr/sbin/nginx', '/usr/bin/nginx']) {
    if (spawnSync(candidate, ['-v']).status === 0) return candidate;
  }
  throw new Error('nginx is not installed: apt-get install nginx-light (CI does this in .ci/run)');
}

/**
 * `nginx -t` on a config as exported, with its upstream host names (compose service names) resolving to
 * 127.0.0.1 through a private /etc/hosts in a mount namespace of its own: the file is tested unchanged.
 */
export function nginxTest(config: string, hosts: string[]): { ok: boolean; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'capacity-plan-nginx-t-'));
  writeFileSync(join(dir, 'nginx.conf'), config);
  writeFileSync(join(dir, 'hosts'), `127.0.0.1 localhost ${hosts.join(' ')}\n`);
  const nginx = nginxBinary();
  const script = `mount --bind "${dir}/hosts" /etc/hosts && exec "${nginx}" -t -q -p "${dir}/" -e "${dir}/error.log" -c "${dir}/nginx.conf" -g "pid ${dir}/nginx.pid;"`;
  const r = spawnSync('unshare', ['--mount', '--propagation', 'private', 'sh', '-c', script], { encoding: 'utf8' });
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}
