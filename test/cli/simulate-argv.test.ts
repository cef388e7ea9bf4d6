import { describe, expect, it } from 'vitest';
import { simulateCommand } from '../../src/cli/commands/simulate.js';
import { readSimulateArgv } from '../../src/cli/simulate-argv.js';

const io = { stdout: { write: () => true }, stderr: { write: () => true }, env: {}, stdinIsTTY: false, cwd: '.' };

describe("the light entry reads simulate's command line as commander does, or hands it over", () => {
  it('knows every option commander is given, with or without a value, under the same name', () => {
    const command = simulateCommand(io, () => ({ color: false, quiet: false }));
    for (const option of command.options) {
      const name = option.attributeName();
      const word = option.long!;
      const read = option.required ? readSimulateArgv([word, 'x']) : readSimulateArgv([word]);
      expect(read?.options, word).toEqual({ [name]: option.required ? 'x' : true });
      if (option.short) expect(readSimulateArgv([option.short, 'x'])?.options).toEqual({ [name]: 'x' });
      // A flag that takes a value never takes the next flag as it; one that takes none never takes `=`.
      expect(readSimulateArgv(option.required ? [word] : [`${word}=x`]), word).toBeNull();
    }
  });

  it('reads values after `=`, the last of a repeated flag, and the global flags wherever they stand', () => {
    expect(readSimulateArgv(['--servers=4', '--seed', '7', '--seed', '9', '--output=', '-q', '--json'])).toEqual({
      options: { servers: '4', seed: '9', output: '', json: true },
      color: true,
      quiet: true,
      debug: false,
    });
    expect(readSimulateArgv(['--no-color', '--debug', '--no-input', '--quiet', '--seed=-1'])).toEqual({
      options: { seed: '-1' },
      color: false,
      quiet: true,
      debug: true,
    });
  });

  it.each([
    [['--help']],
    [['-h']],
    [['--version']],
    [['-v']],
    [['--srvers', '3']],
    [['--servers']],
    [['--seed', '-1']],
    [['--output', '-q']],
    [['-ofile']],
    [['-qo', 'file']],
    [['-o=file']],
    [['extra']],
    [['--servers', '3', 'extra']],
    [['--', '--json']],
    [['--json=yes']],
    [['--no-color=1']],
    [['--color']],
    [['--toString', 'x']],
    [['--constructor']],
  ])('hands %j to the full CLI', (words) => {
    expect(readSimulateArgv(words)).toBeNull();
  });
});
