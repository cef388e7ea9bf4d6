import { Command, Option } from 'commander';
import type { PlanDocument } from '../../core/plan-document.js';
import { EXPORT_TARGETS, TARGET_PROVIDERS } from '../../export/targets.js';
import { cloudFormationOverLimits } from '../../export/cloudformation-limits.js';
import { VERSION } from '../../version.js';
import { today } from '../catalogs.js';
import { planOrRangePlan } from '../plan-or-range.js';
import { usageError } from '../exit-error.js';
import { budgetGate } from '../gates.js';
import type { Io } from '../io.js';
import { addPlanOptions } from '../plan-options.js';
import { writeFiles } from '../write-files.js';
import { checkOutputFolder, createFolders } from './export-output.js';

/** What export asks of the planner: only the parts its files show (the design, fleet and bill). */
export const EXPORT_PLAN = (io: Pick<Io, 'env'>) => ({ today: today(io.env), nines: false, projection: false });

/** The plan options without the two export does not take: its formats are the targets' own. */
function addExportOptions(command: Command): Command {
  addPlanOptions(command);
  for (const option of command.options) {
    if (option.long === '--format' || option.long === '--json') option.hideHelp();
    if (option.long === '--output') {
      option.description = 'the folder to write into (default: the current folder); see "Output folder" below';
      option.flags = '-o, --output <folder>';
    }
  }
  return command
    .addOption(new Option('--mkdir', "create -o's missing parent folders too"))
    .addOption(new Option('--dry-run', 'list the files that would be written, write nothing'));
}

/** Which design of a plan over ranges the files hold. */
function rangeNote(plan: PlanDocument): string {
  const u = plan.uncertainty!;
  return `ranges: exporting the recommended design, the p${u.recommendation.percentile} scenario of ${u.samples} seeded samples (seed ${u.seed}); \`plan\` shows the spread\n`;
}

export function exportCommand(io: Io, global: () => { color: boolean; quiet: boolean }): Command {
  const command = new Command('export')
    .description(
      `write the plan as files other tools accept: architecture YAML, Kubernetes manifests, docker compose + nginx, an Infracost usage file, a CloudFormation template (AWS plans)

Examples:
  $ capacity-plan export architecture --users 50000 -o infra/
  $ capacity-plan export kubernetes --users 500k --availability 99.95 -o k8s/
  $ capacity-plan export compose --input capacity-plan.yaml -o local/
  $ capacity-plan export cloudformation --users 500k --deploy canary -o cfn/
  $ capacity-plan export all --users 1.5M --name shop -o infra/deploy --mkdir --force
  $ capacity-plan export all --users 50k --dry-run`,
    )
    .argument('<target>', `one of ${EXPORT_TARGETS.join(', ')}`)
    .addHelpText(
      'after',
      `
Output folder: -o names the folder the files go into, for every target. An existing file at that path,
or a path ending like a file name (.yaml, .json, …) that is not a folder, is exit 2. The folder is
created when its parent exists; deeper missing folders only with --mkdir.

Files are written atomically; an existing file is only replaced with --force (and then nothing is
written unless every file can be; a file that already holds the same bytes is left as it is, listed as
unchanged). The paths written go to stderr. cloudformation supports AWS plans; \`all\` leaves it out for a
GCP or Azure plan and says so on stderr.

Exit codes: 0 ok · 1 unexpected failure · 2 bad usage, bad input or an existing file · 3 budget gate\nfailed (--max-monthly-cost: then nothing is written)`,
    );
  addExportOptions(command).action(async (target: string) => {
    if (!(EXPORT_TARGETS as readonly string[]).includes(target))
      throw usageError(`unknown export target "${target}": expected one of ${EXPORT_TARGETS.join(', ')}`);
    const opts = command.opts<{
      output?: string;
      force?: boolean;
      dryRun?: boolean;
      mkdir?: boolean;
      format?: string;
      json?: boolean;
    }>();
    if (opts.format !== undefined || opts.json)
      throw usageError('--format does not apply to export: each target has its own file format');
    // No exported file shows the balancer simulation (it backs the plan's text, not its choices), the cost of
    // each extra nine or the growth projection: none is worked out here. The files are the same bytes as from
    // the whole plan (test/export/export-plan-parts.test.ts). An input with ranges exports the recommended
    // design of the plan over them, as `plan` shows it.
    const { plan, input, ranged } = await planOrRangePlan(command, io, EXPORT_PLAN(io), { simulate: false });
    if (ranged && !global().quiet) io.stderr.write(rangeNote(plan));
    // Over budget, nothing is handed on: no file written, nothing listed, one line and exit 3 (as plan gates).
    const overBudget = budgetGate(plan, input.maxMonthlyCost, command, io.env);
    if (overBudget) throw overBudget;
    const { exportFiles, skippedTargets } = await import('../../export/index.js');
    const chosen = target as (typeof EXPORT_TARGETS)[number];
    const provider = plan.cost.pricing.provider;
    const supported = chosen === 'all' ? null : (TARGET_PROVIDERS[chosen] ?? null);
    if (supported && !supported.includes(provider))
      throw usageError(
        `export ${target} supports ${supported.join(', ')} plans only; this plan is on ${provider} (--provider ${supported[0]})`,
      );
    const dir = opts.output ?? '.';
    const folders = checkOutputFolder(dir, { cwd: io.cwd, mkdir: opts.mkdir === true });
    const files = exportFiles(chosen, plan, { name: input.name, version: VERSION });
    if (chosen === 'all')
      for (const skipped of skippedTargets(plan))
        io.stderr.write(
          `skipped ${skipped}: it supports ${TARGET_PROVIDERS[skipped]!.join(', ')} plans, this one is on ${provider}\n`,
        );
    const over = cloudFormationOverLimits(files);
    if (over.length > 0) io.stderr.write(over.map((line) => `capacity-plan: ${line}\n`).join(''));
    if (opts.dryRun) {
      io.stdout.write(files.map((f) => `${dir.replace(/\/+$/, '')}/${f.path}\n`).join(''));
      return;
    }
    createFolders(folders);
    const written = writeFiles(dir, files, { force: opts.force === true, cwd: io.cwd });
    // One write for all the lines (a write each is a system call each on a file or a pipe).
    if (!global().quiet && written.length > 0)
      io.stderr.write(written.map((w) => `${w.unchanged ? 'unchanged' : 'wrote'} ${w.path}\n`).join(''));
  });
  return command;
}
