import { Command } from 'commander';
import { planChecked } from '../plan-checked.js';
import { VERSION } from '../../version.js';
import { loadCatalogs, today } from '../catalogs.js';
import { collectInput } from '../collect-input.js';
import { usageError } from '../exit-error.js';
import type { Io } from '../io.js';
import { addPlanOptions } from '../plan-options.js';
import { writeFiles } from '../write-files.js';

const TARGETS = ['architecture', 'kubernetes', 'compose', 'infracost-usage', 'all'] as const;

export function exportCommand(io: Io, global: () => { color: boolean; quiet: boolean }): Command {
  const command = new Command('export')
    .description(
      `write the plan as files other tools accept: architecture YAML, Kubernetes manifests, docker compose + nginx, an Infracost usage file

Examples:
  $ capacity-plan export architecture --users 50000 -o infra/
  $ capacity-plan export kubernetes --users 500k --availability 99.95 -o k8s/
  $ capacity-plan export compose --input capacity-plan.yaml -o local/
  $ capacity-plan export all --users 1.5M --name shop -o infra/ --force
  $ capacity-plan export all --users 50k --dry-run`,
    )
    .argument('<target>', `one of ${TARGETS.join(', ')}`)
    .option('--dry-run', 'list the files that would be written, write nothing')
    .addHelpText(
      'after',
      `\nFiles are written atomically; an existing file is only replaced with --force (and then nothing is
written unless every file can be). The paths written go to stderr.

Exit codes: 0 ok · 1 unexpected failure · 2 bad usage, bad input or an existing file · 3 budget gate failed`,
    );
  addPlanOptions(command).action(async (target: string) => {
    if (!(TARGETS as readonly string[]).includes(target))
      throw usageError(`unknown export target "${target}": expected one of ${TARGETS.join(', ')}`);
    const opts = command.opts<{
      output?: string;
      force?: boolean;
      dryRun?: boolean;
      format?: string;
      json?: boolean;
    }>();
    if (opts.format !== undefined || opts.json)
      throw usageError('--format does not apply to export: each target has its own file format');
    const input = await collectInput(command, io.cwd, io.env);
    const plan = await planChecked(input, loadCatalogs(io.env, io.stderr), { today: today(io.env) });
    const { exportFiles } = await import('../../export/index.js');
    const files = exportFiles(target as (typeof TARGETS)[number], plan, { name: input.name, version: VERSION });
    const dir = opts.output ?? '.';
    if (opts.dryRun) {
      for (const f of files) io.stdout.write(`${dir.replace(/\/+$/, '')}/${f.path}\n`);
      return;
    }
    const written = writeFiles(dir, files, { force: opts.force === true, cwd: io.cwd });
    if (!global().quiet) for (const path of written) io.stderr.write(`wrote ${path}\n`);
  });
  return command;
}
