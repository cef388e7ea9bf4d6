import { Command } from 'commander';
import type { PlanDocument } from '../../core/plan-document.js';
import { usageError } from '../exit-error.js';
import { budgetGate } from '../gates.js';
import { asciiOnly, colorEnabled, outputWidth, type Io } from '../io.js';
import { planOrRangePlan } from '../plan-or-range.js';
import { today } from '../catalogs.js';
import { addPlanOptions, addRangeOptions } from '../plan-options.js';
import { checkWritable, writeFileAtomic } from '../write-file.js';

export const FORMATS = ['table', 'json', 'yaml', 'markdown', 'csv', 'mermaid', 'html'] as const;
export type Format = (typeof FORMATS)[number];

export function planCommand(io: Io, global: () => { color: boolean; quiet: boolean }): Command {
  const command = new Command('plan')
    .description(
      `plan capacity without prompts: tier, fleet, balancer, auto-scaling, availability and monthly cost

Examples:
  $ capacity-plan plan --users 50000
  $ capacity-plan plan --users 1.5M --profile saas --availability 99.95 --format json
  $ capacity-plan plan --users 250k --provider all --commitment 1y --spot 0.5
  $ capacity-plan plan --input capacity-plan.yaml --format markdown --max-monthly-cost 5000
  $ capacity-plan plan --users 50k --growth 15 --months 24 -o plan.json --format json`,
    )
    .addHelpText(
      'after',
      `\nEvery option of the plan's input can also come from the environment as CAPACITY_PLAN_<NAME>
(CAPACITY_PLAN_PROVIDER=gcp): flags > environment > --input file > profile defaults. The output options
(--format, --output, --force, --input, --samples, --seed) are flags only: such a variable, or a misspelt
one, is warned about, not read.

Exit codes: 0 ok · 1 unexpected failure · 2 bad usage or input · 3 budget gate failed · 130 interrupted`,
    );
  addRangeOptions(addPlanOptions(command)).action(async () => {
    const format = chooseFormat(command.opts());
    const output: string | undefined = command.opts().output;
    if (output) checkWritable(output, { force: command.opts().force === true, cwd: io.cwd });
    const { plan, input } = await planOrRangePlan(command, io, { today: today(io.env) });
    const g = global();
    const text = await render(plan, format, {
      color: !output && g.color && colorEnabled(io.stdout, io.env, false),
      reasons: !g.quiet,
      width: output ? 100 : outputWidth(io.stdout, io.env),
      ascii: asciiOnly(io.env),
    });
    if (format === 'csv' && plan.providers && !g.quiet)
      io.stderr.write(
        `note: the CSV has ${plan.cost.pricing.provider}'s line items; the other providers' totals are in the table or JSON, their lines with --provider <name>\n`,
      );
    const failure = budgetGate(plan, input.maxMonthlyCost, command, io.env);
    // A failed gate prints nothing on stdout (only its line on stderr); -o still writes the file, for a PR comment.
    if (output) {
      writeFileAtomic(output, text, { force: command.opts().force === true, cwd: io.cwd });
      if (!g.quiet) io.stderr.write(`wrote ${output}\n`);
    } else if (!failure) {
      io.stdout.write(text);
    }
    if (failure) throw failure;
  });
  return command;
}

export function chooseFormat(opts: { format?: string; json?: boolean }): Format {
  if (opts.json) {
    if (opts.format && opts.format !== 'json')
      throw usageError(`--json and --format ${opts.format} disagree: pick one`);
    return 'json';
  }
  const format = opts.format ?? 'table';
  if (!(FORMATS as readonly string[]).includes(format))
    throw usageError(`--format: expected one of ${FORMATS.join(', ')}, not "${format}"`);
  return format as Format;
}

/** Each renderer is loaded only when its format is asked for, so JSON output never loads the table code. */
export async function render(
  plan: PlanDocument,
  format: Format,
  opts: { color: boolean; reasons: boolean; width: number; ascii: boolean },
): Promise<string> {
  switch (format) {
    case 'json':
      return (await import('../../render/json.js')).renderJson(plan);
    case 'yaml':
      return (await import('../../render/yaml.js')).renderYaml(plan);
    case 'markdown':
      return (await import('../../render/markdown.js')).renderMarkdown(plan);
    case 'table':
      return (await import('../../render/table.js')).renderTable(plan, opts);
    case 'csv':
      return (await import('../../render/csv.js')).renderCsv(plan);
    case 'mermaid':
      return (await import('../../render/mermaid.js')).renderMermaid(plan);
    case 'html':
      return (await import('../../render/html.js')).renderHtml(plan);
  }
}
