import { Command, CommanderError, Help } from 'commander';
import * as z from 'zod';
import { PlanInputError } from '../core/input-error.js';
import { VERSION } from '../version.js';
import { planCommand } from './commands/plan.js';
import { simulateCommand } from './commands/simulate.js';
import { exportCommand } from './commands/export.js';
import { schemaCommand } from './commands/schema.js';
import { pricingCommand } from './commands/pricing.js';
import { diffCommand } from './commands/diff.js';
import { calibrateCommand } from './commands/calibrate.js';
import { startWizard, wizardCommand } from './commands/wizard.js';
import { flagName } from './plan-options.js';
import { EXIT, ExitError } from './exit-error.js';
import { colorEnabled, type Io } from './io.js';
import { oneLine } from './one-line.js';
import { distance } from './edit-distance.js';

/** Help that keeps hand-laid-out examples as written, and lists each command by its first line. */
const HELP: Partial<Help> = {
  boxWrap(this: Help, str: string, width: number) {
    return /\n[^\S\r\n]/.test(str) ? str : Help.prototype.boxWrap.call(this, str, width);
  },
  subcommandDescription: (cmd: Command) => cmd.summary() || cmd.description().split('\n')[0]!,
};

/** The whole command line: parse argv, run one command, turn every failure into one line and an exit code. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const program = new Command('capacity-plan');
  let debug = argv.includes('--debug');
  const global = () => {
    const o = program.opts<{ color?: boolean; quiet?: boolean; debug?: boolean }>();
    return {
      color: o.color !== false && colorEnabled(io.stdout, io.env, false),
      quiet: o.quiet === true,
      noInput: (o as { input?: boolean }).input === false,
    };
  };
  program
    .description(
      `Turn users, traffic and an availability target into an architecture, a fleet,
a load-balancing strategy, auto-scaling rules and a monthly bill on real list
prices. On an interactive terminal, with no command, it asks.

Examples:
  $ capacity-plan plan --users 50000                  a plan for 50k monthly users, priced on AWS
  $ capacity-plan plan --users 1.5M --availability 99.99 --format json
  $ capacity-plan plan --input capacity-plan.yaml --format markdown --max-monthly-cost 5000
  $ capacity-plan export kubernetes --users 500k -o k8s/
  $ capacity-plan diff main.yaml capacity-plan.yaml --format markdown`,
    )
    .version(VERSION, '-v, --version', 'print the version')
    .option('--no-input', 'never prompt (fail instead when something is missing)')
    .option('--no-color', 'no colours (also NO_COLOR=1 or a non-terminal stdout)')
    .option('-q, --quiet', 'summary only: leave out the reasons and assumptions')
    .option('--debug', 'print stack traces of unexpected errors')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput(output(io))
    .addHelpText(
      'after',
      `\nExit codes: 0 ok · 1 unexpected failure · 2 bad usage or input · 3 a gate failed (budget) · 130 interrupted`,
    )
    .usage('[options] [command]')
    .argument('[command]')
    .argument('[topic]')
    .action(async (command: string | undefined, topic: string | undefined) => {
      if (command === 'help') return showHelp(program, topic);
      if (command !== undefined)
        throw new ExitError(
          EXIT.usage,
          unknownCommand(
            command,
            program.commands.map((c) => c.name()),
          ),
        );
      await startWizard(io, global());
    });
  program.addCommand(wizardCommand(io, global));
  program.addCommand(planCommand(io, global));
  program.addCommand(exportCommand(io, global));
  program.addCommand(simulateCommand(io, global));
  program.addCommand(diffCommand(io, global));
  program.addCommand(pricingCommand(io, global));
  program.addCommand(schemaCommand(io));
  program.addCommand(calibrateCommand(io, global));
  program.configureHelp(HELP);
  const configure = (command: Command) => {
    command.exitOverride().configureHelp(HELP).configureOutput(output(io));
    command.commands.forEach(configure);
  };
  program.commands.forEach(configure);

  try {
    checkCommand(argv, program);
    await program.parseAsync([...argv], { from: 'user' });
    debug = program.opts().debug === true;
    return EXIT.ok;
  } catch (error) {
    return report(error, io, debug);
  }
}

/** `capacity-plan help` and `capacity-plan help <command>`, as git and npm take them. */
function showHelp(program: Command, topic: string | undefined): void {
  const sub = topic === undefined ? undefined : program.commands.find((c) => c.name() === topic);
  const names = program.commands.map((c) => c.name());
  if (topic !== undefined && !sub) throw new ExitError(EXIT.usage, unknownCommand(topic, names));
  (sub ?? program).outputHelp();
}

function report(error: unknown, io: Io, debug: boolean): number {
  if (error instanceof CommanderError) {
    if (
      error.code === 'commander.helpDisplayed' ||
      error.code === 'commander.version' ||
      error.code === 'commander.help'
    )
      return EXIT.ok;
    // commander has already printed its message
    return EXIT.usage;
  }
  if (error instanceof ExitError) {
    io.stderr.write(`${PREFIX}${oneLine(error.message)}\n`);
    return error.exitCode;
  }
  if (error instanceof PlanInputError) {
    io.stderr.write(`${PREFIX}${flagName(error.field)}: ${oneLine(error.message)}\n`);
    return EXIT.usage;
  }
  if (error instanceof z.ZodError) {
    const issue = error.issues[0];
    io.stderr.write(
      `${PREFIX}${oneLine(issue ? `${issue.path.map(String).join('.')}: ${issue.message}` : 'invalid input')}\n`,
    );
    return EXIT.usage;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(
    `${PREFIX}unexpected error: ${oneLine(message.split('\n')[0]!)}${debug ? '' : ' (run with --debug for details)'}\n`,
  );
  if (debug && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
  return EXIT.failure;
}

const PREFIX = 'capacity-plan: ';

/** Where commander writes: help to stdout, its errors as one line with our prefix to stderr. */
const output = (io: Io) => ({
  writeOut: (s: string) => void io.stdout.write(s),
  writeErr: (s: string) => void io.stderr.write(s),
  outputError: (s: string, write: (s: string) => void) => write(errorLine(s)),
});

/** Commander's "error: unknown option '--usrs'\n(Did you mean --users?)" as one line with our prefix. */
function errorLine(text: string): string {
  return `${PREFIX}${oneLine(text.replace(/^error: /, ''))}\n`;
}

/** The global options take no value, so the first word is the command: an unknown one is named before its options are. */
function checkCommand(argv: readonly string[], program: Command): void {
  const typed = argv.find((a) => !a.startsWith('-'));
  const known = [...program.commands.map((c) => c.name()), 'help'];
  if (typed !== undefined && !known.includes(typed)) throw new ExitError(EXIT.usage, unknownCommand(typed, known));
}

function unknownCommand(typed: string, known: string[]): string {
  const near = known.filter((name) => distance(name, typed) <= Math.max(1, Math.floor(name.length / 3)));
  return `unknown command "${typed}"${near.length > 0 ? ` (did you mean ${near.join(' or ')}?)` : ''}: see \`capacity-plan --help\``;
}
