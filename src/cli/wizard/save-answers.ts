import { existsSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import { formatUsers } from '../../core/humane-number.js';
import type { RawInput } from '../../core/input.js';
import { SCHEMA_BASE_URL } from '../../export/types.js';
import { toYaml } from '../../yaml-emit/emit.js';
import type { Prompter } from './prompter.js';

/** "capacity-plan-2.yaml", "-3"…: the first name beside `name` that no file has yet. */
export function freeName(cwd: string, name: string): string {
  const ext = extname(name);
  const stem = name.slice(0, name.length - ext.length);
  for (let i = 2; ; i++) {
    const candidate = `${stem}-${i}${ext}`;
    if (!existsSync(resolve(cwd, candidate))) return candidate;
  }
}

/**
 * The file to save the answers in. An existing file is replaced only when the user says so; declining
 * offers another name (a free one by default) instead of dropping the answers; blank saves nothing.
 */
export async function askFileName(p: Prompter, cwd: string): Promise<string | null> {
  let name = (
    await p.input({
      message: 'File name',
      default: 'capacity-plan.yaml',
      validate: (v) => (v.trim() === '' ? 'a file name is needed' : true),
    })
  ).trim();
  for (;;) {
    if (!existsSync(resolve(cwd, name))) return name;
    if (await p.confirm({ message: `${name} exists. Replace it?`, default: false })) return name;
    name = (
      await p.input({
        message: `Save the answers under another name? (blank keeps ${basename(name)} as it is and saves nothing)`,
        default: freeName(cwd, name),
      })
    ).trim();
    if (name === '') return null;
  }
}

/** The plan-as-code file: a schema line editors validate against, how to run it again, then the answers. */
export function answersFile(raw: RawInput, users: number | string, name: string): string {
  return `# yaml-language-server: $schema=${SCHEMA_BASE_URL()}/input.schema.json\n# ${typeof users === 'string' ? users : formatUsers(users)} users — run it again with: capacity-plan plan --input ${name}\n${toYaml(raw)}`;
}
