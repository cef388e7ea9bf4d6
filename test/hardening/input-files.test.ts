import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { firstDuplicateJsonKey } from '../../src/cli/json-duplicate-key.js';
import { cli } from '../helpers.js';

const fresh = () => mkdtempSync(join(tmpdir(), 'cp-inputs-'));
async function planFile(name: string, text: string | null, argv: string[] = []) {
  const dir = fresh();
  if (text !== null) writeFileSync(join(dir, name), text);
  const start = Date.now();
  const r = await cli(['plan', '--input', name, '--no-simulate', ...argv], { cwd: dir });
  return { ...r, ms: Date.now() - start, dir };
}
const one = (r: { code: number; err: string; out: string }) => {
  expect(r.code, r.err).toBe(2);
  expect(r.out).toBe('');
  expect(r.err.split('\n').filter(Boolean)).toHaveLength(1);
};

describe('input files', () => {
  it('over 1 MB is exit 2 before it is parsed', async () => {
    const r = await planFile('big.yaml', `users: 5000\n# ${'x'.repeat(1_100_000)}\n`);
    one(r);
    expect(r.err).toBe('capacity-plan: --input big.yaml: is 1.1 MB, over the 1 MB limit\n');
  });

  it('40,000 keys with one given twice at the end: found in one pass, not 19 s', async () => {
    const keys = Array.from({ length: 40_000 }, (_, i) => `k${i}: ${i}`).join('\n');
    const r = await planFile('keys.yaml', `users: 5000\n${keys}\nk7: again\n`);
    one(r);
    expect(r.err).toMatch(/keys\.yaml: line 40002: k7 is given twice/);
    expect(r.ms).toBeLessThan(8000);
    const json = JSON.stringify(Object.fromEntries(Array.from({ length: 40_000 }, (_, i) => [`k${i}`, i]))).replace(
      /}$/,
      ',"k7":1}',
    );
    const j = await planFile('keys.json', json);
    one(j);
    expect(j.err).toBe('capacity-plan: keys.json: k7 is given twice\n');
  });

  it('the JSON duplicate scan is per object, ignores strings and arrays', () => {
    expect(firstDuplicateJsonKey('{"a":1,"b":{"a":2},"a":3}')).toBe('a');
    expect(firstDuplicateJsonKey('{"x":["a","a"],"y":{"a":"a"}}')).toBeNull();
    expect(firstDuplicateJsonKey('[{"a":1},{"a":1}]')).toBeNull();
    expect(firstDuplicateJsonKey('{"q\\"":1,"q\\"":2}')).toBe('q"');
  });

  it('an alias bomb is exit 2 naming the aliases, not exit 1', async () => {
    const bomb = [
      'a: &a [x,x,x,x,x,x,x,x,x,x]',
      ...'bcdefg'.split('').map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcdefg'[i]}`).join(',')}]`),
      'users: 5',
    ].join('\n');
    const r = await planFile('bomb.yaml', bomb);
    one(r);
    expect(r.err).toMatch(/bomb\.yaml: too many aliases/);
  });

  it('__proto__ is an unknown field, not "given twice" and never a prototype', async () => {
    const r = await planFile('proto.yaml', '__proto__: {users: 5}\nusers: 5\n');
    one(r);
    expect(r.err).toMatch(/proto\.yaml: unknown field "__proto__"/);
    const j = await planFile('proto.json', '{"__proto__": {"users": 5}, "users": 5}');
    one(j);
    expect(j.err).toMatch(/unknown field "__proto__"/);
  });

  it('a FIFO is refused at once (it never blocks waiting for a writer), and so are devices', async () => {
    const dir = fresh();
    spawnSync('mkfifo', [join(dir, 'fifo')]);
    const start = Date.now();
    const r = await cli(['plan', '--input', 'fifo'], { cwd: dir });
    one(r);
    expect(r.err).toBe('capacity-plan: --input fifo: is a FIFO, not a regular file\n');
    expect(Date.now() - start).toBeLessThan(2000);
    const zero = await cli(['plan', '--input', '/dev/zero']);
    one(zero);
    expect(zero.err).toBe('capacity-plan: --input /dev/zero: is a device, not a regular file\n');
  });

  it('deep nesting and unknown keys are one short line', async () => {
    const deep = await planFile('deep.yaml', `users: 5\nx: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`);
    one(deep);
    const many = await planFile(
      'many.yaml',
      `users: 5\n${Array.from({ length: 5000 }, (_, i) => `z${i}: 1`).join('\n')}\n`,
    );
    one(many);
    expect(many.err).toBe(
      'capacity-plan: many.yaml: unknown field "z0", "z1", "z2" and 4997 more (the keys are the flag names in camelCase, e.g. users, dauRatio, availability)\n',
    );
  });

  it('a plan JSON given to diff is capped in size too (8 MB), refused before it is read', async () => {
    const dir = fresh();
    writeFileSync(join(dir, 'huge.json'), `{"schemaVersion": 1, "pad": "${'x'.repeat(9_000_000)}"}`);
    writeFileSync(join(dir, 'in.yaml'), 'users: 5000\nsimulate: false\n');
    const start = Date.now();
    const r = await cli(['diff', 'in.yaml', 'huge.json'], { cwd: dir });
    one(r);
    expect(r.err).toBe('capacity-plan: huge.json: is 9 MB, over the 8 MB limit\n');
    expect(Date.now() - start).toBeLessThan(5000);
  });
});
