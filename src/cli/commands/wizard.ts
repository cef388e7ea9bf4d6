import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import type { PlanInput } from '../../core/input.js';
import type { PlanDocument } from '../../core/plan-document.js';
import { VERSION } from '../../version.js';
import { loadCatalogs, today } from '../catalogs.js';
import { EXIT, ExitError } from '../exit-error.js';
import { asciiOnly, colorEnabled, interactive, outputWidth, type Io } from '../io.js';
import { writeFileAtomic } from '../write-file.js';
import { writeFiles } from '../write-files.js';

export const NOT_INTERACTIVE =
  'the wizard needs a terminal to ask questions on (and CI unset, no --no-input); without one, run `capacity-plan plan --users <n>` — see `capacity-plan plan --help`';

export function wizardCommand(io: Io, global: () => { color: boolean; quiet: boolean; noInput: boolean }): Command {
  return new Command('wizard')
    .description(
      `ask a few questions, show the plan, offer to save capacity-plan.yaml and to export

Examples:
  $ capacity-plan            (the same, on an interactive terminal)
  $ capacity-plan wizard`,
    )
    .addHelpText(
      'after',
      '\nExit codes: 0 ok · 1 unexpected failure · 2 not an interactive terminal, or bad input · 130 interrupted (Ctrl-C)',
    )
    .action(() => startWizard(io, global()));
}

/** Runs the wizard, or exits 2 at once when nobody can answer: no terminal, CI set, or --no-input. */
export async function startWizard(io: Io, g: { color: boolean; noInput: boolean }): Promise<void> {
  if (!interactive(io, g.noInput)) throw new ExitError(EXIT.usage, NOT_INTERACTIVE);
  const [{ runWizard }, { renderTable }, { exportFiles }] = await Promise.all([
    import('../wizard/wizard.js'),
    import('../../render/table.js'),
    import('../../export/index.js'),
  ]);
  const prompter =
    io.prompter ??
    (await import('../wizard/inquirer-prompter.js')).inquirerPrompter({ input: process.stdin, output: process.stderr });
  const catalogs = loadCatalogs(io.env, io.stderr);
  // The plan the wizard showed: over ranges, the recommended design (the same bytes as planned for export).
  const filesFor = (target: string, plan: PlanDocument, input: PlanInput) =>
    exportFiles(target as Parameters<typeof exportFiles>[0], plan, { name: input.name, version: VERSION });

  try {
    await runWizard({
      prompter,
      io,
      catalogs,
      today: today(io.env),
      writeFile: (path, content) => writeFileAtomic(path, content, { force: true, cwd: io.cwd }),
      render: async (plan) =>
        renderTable(plan, {
          color: g.color && colorEnabled(io.stdout, io.env, false),
          reasons: false,
          width: outputWidth(io.stdout, io.env),
          ascii: asciiOnly(io.env),
        }),
      exportFiles: async (target, plan, input) => filesFor(target, plan, input),
      existing: (dir, files) => files.map((f) => join(dir, f.path)).filter((p) => existsSync(resolve(io.cwd, p))),
      writeFiles: (dir, files, force) => writeFiles(dir, files, { force, cwd: io.cwd }),
    });
  } catch (error) {
    // Ctrl-C inside a prompt: @inquirer/prompts rejects with ExitPromptError (matched by name, not class).
    if (error instanceof Error && error.name === 'ExitPromptError')
      throw new ExitError(EXIT.interrupted, 'interrupted (no file is left half-written)');
    throw error;
  }
}
