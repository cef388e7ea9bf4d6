// The paths that write YAML load no YAML library: the exporters, the plan's YAML form and the wizard's saved
// answers, and every module they import (statically), never import the `yaml` package; they write with
// src/yaml-emit/. Only `--input` files are parsed with `yaml`.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every module a source file imports statically (type-only imports left out), followed to the end. */
function staticImports(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const source = readFileSync(file, 'utf8');
    for (const [, typeOnly, spec] of source.matchAll(/^(?:import|export)\s+(type\s+)?[^;]*?from\s+'([^']+)'/gms)) {
      if (typeOnly) continue;
      if (!spec!.startsWith('.')) packages.add(spec!);
      else if (!spec!.endsWith('.json')) visit(resolve(dirname(file), spec!.replace(/\.js$/, '.ts')));
    }
  };
  visit(resolve(entry));
  return { files, packages };
}

describe('the export path', () => {
  const { files, packages } = staticImports('src/export/index.ts');

  it('imports no YAML library', () => {
    expect(files.size).toBeGreaterThan(20);
    expect([...files].filter((f) => f.endsWith('/src/yaml-emit/emit.ts'))).toHaveLength(1);
    expect([...packages].filter((p) => p === 'yaml' || p.startsWith('yaml/'))).toEqual([]);
  });

  it('the check sees a yaml import where there is one (src/cli/parse-yaml-file.ts, which reads --input)', () => {
    const reader = staticImports('src/cli/parse-yaml-file.ts');
    expect(reader.packages.has('yaml')).toBe(true);
  });
});

describe('the plan’s YAML form and the wizard’s saved answers', () => {
  for (const entry of ['src/render/yaml.ts', 'src/cli/wizard/save-answers.ts'])
    it(`${entry} imports no YAML library, and writes with the emitter`, () => {
      const { files, packages } = staticImports(entry);
      expect([...files].filter((f) => f.endsWith('/src/yaml-emit/emit.ts'))).toHaveLength(1);
      expect([...packages].filter((p) => p === 'yaml' || p.startsWith('yaml/'))).toEqual([]);
    });
});
