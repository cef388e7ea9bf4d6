import { SIMULATE_OPTIONS } from './commands/simulate-flags.js';

/** What the light entry read: simulate's options as commander's opts() gives them, and the global flags. */
export interface SimulateArgv {
  options: Record<string, unknown>;
  color: boolean;
  quiet: boolean;
  debug: boolean;
}

interface Flag {
  key: string;
  takesValue: boolean;
}

/** `--service-time` → serviceTime: commander's name for an option's value. */
const camel = (long: string) => long.replace(/^--/, '').replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** simulate's flags by spelling (`--servers`, `-o`, `--output`), read from the flags commander is given. */
const SIMULATE_FLAGS = new Map<string, Flag>();
for (const [flags] of SIMULATE_OPTIONS) {
  const [, short, long, value] = /^(?:(-\w), )?(--[\w-]+)( <[^>]+>)?$/.exec(flags)!;
  const flag = { key: camel(long!), takesValue: value !== undefined };
  SIMULATE_FLAGS.set(long!, flag);
  if (short) SIMULATE_FLAGS.set(short, flag);
}

/** The program's own options (src/cli/run.ts), which commander reads wherever they stand. */
const GLOBAL_FLAGS: Record<string, (a: SimulateArgv) => void> = {
  '--no-input': () => undefined,
  '--no-color': (a) => void (a.color = false),
  '-q': (a) => void (a.quiet = true),
  '--quiet': (a) => void (a.quiet = true),
  '--debug': (a) => void (a.debug = true),
};

/**
 * Reads the words after `simulate` the way the full CLI's commander does, for the command lines people
 * type: known flags, each value in the next word or after `=`. Anything else gives null, and the full CLI
 * takes the run with its own messages: --help and --version, an unknown flag (commander's error suggests
 * the nearest), a missing value, a value that starts with '-' (commander's reading of one depends on which
 * flags the program knows), a word that is no flag's value, `--`, and short flags run together (-ofile, -qo).
 */
export function readSimulateArgv(words: readonly string[]): SimulateArgv | null {
  const read: SimulateArgv = { options: {}, color: true, quiet: false, debug: false };
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const global = Object.hasOwn(GLOBAL_FLAGS, word) ? GLOBAL_FLAGS[word]! : undefined;
    if (global) {
      global(read);
      continue;
    }
    const equals = word.startsWith('--') ? word.indexOf('=') : -1;
    const flag = SIMULATE_FLAGS.get(equals > 0 ? word.slice(0, equals) : word);
    if (!flag || (equals > 0 && !flag.takesValue)) return null;
    if (!flag.takesValue) read.options[flag.key] = true;
    else if (equals > 0) read.options[flag.key] = word.slice(equals + 1);
    else {
      const value = words[++i];
      if (value === undefined || value.startsWith('-')) return null;
      read.options[flag.key] = value;
    }
  }
  return read;
}
