// Runs inside a private network and mount namespace (see nginx-weights.test.ts): starts one HTTP server per
// replica address on port 8080, the real nginx with the exported nginx.conf as it is (listening on port 80),
// sends the requests one at a time and prints how many each replica answered, as JSON.
//   node nginx-weights-harness.mjs <dir with nginx.conf> <comma-separated replica IPs> <requests> <nginx binary>
import { spawn } from 'node:child_process';
import { createServer, get } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';

const [dir, ips, total, nginxBinary] = process.argv.slice(2);
const hits = {};
await Promise.all(
  ips.split(',').map(
    (ip) =>
      new Promise((resolve) => {
        hits[ip] = 0;
        createServer((_req, res) => {
          hits[ip]++;
          res.end('ok');
        }).listen(8080, ip, resolve);
      }),
  ),
);
const nginx = spawn(
  nginxBinary,
  [
    '-p',
    `${dir}/`,
    '-e',
    join(dir, 'error.log'),
    '-c',
    join(dir, 'nginx.conf'),
    '-g',
    `daemon off; pid ${join(dir, 'nginx.pid')};`,
  ],
  { stdio: 'inherit' },
);
const up = () =>
  new Promise((resolve) => {
    const socket = connect(80, '127.0.0.1', () => {
      socket.end();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
for (let i = 0; !(await up()); i++) {
  if (i > 100) throw new Error('nginx did not start');
  await new Promise((r) => setTimeout(r, 50));
}
const once = () =>
  new Promise((resolve, reject) => {
    get('http://127.0.0.1:80/', (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`status ${res.statusCode}`))));
    }).on('error', reject);
  });
for (let i = 0; i < Number(total); i++) await once();
nginx.kill('SIGTERM');
process.stdout.write(JSON.stringify(hits));
process.exit(0);
