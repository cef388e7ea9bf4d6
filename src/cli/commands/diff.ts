import { Command } from 'commander';
import { inputSchema } from '../../core/input.js';
import type { PlanDocument } from '../../core/plan-schema.js';
import { loadCatalogs, today } from '../catalogs.js';
import { describeIssue, readInputFile } from '../collect-input.js';
import { MAX_PLAN_BYTES } from '../read-bounded-file.js';
import { usageError } from '../exit-error.js';
import { budgetFailure, gateLimit, increaseFailure } from '../gates.js';
import { planChecked } from '../plan-checked.js';
import { badFigures } from '../plan-figures.js';
import { colorEnabled, type Io } from '../io.js';
import { writeFileAtomic } from '../write-file.js';
import { PlanInputError } from '../../core/input-error.js';
import { extractRanges } from '../../uncertainty/extract.js';
import { RangeInputError } from '../../uncertainty/range.js';

/** A side of the diff: a plan document (JSON or YAML with schemaVersion) or an input file, planned now. */
async function load(file: string, io: Io): Promise<PlanDocument> {
  const raw = await readInputFile(file, io.cwd, MAX_PLAN_BYTES, file);
  if ('schemaVersion' in raw) {
    // The plan document's schema is built only when a plan document is read.
    const { planSchema } = await import('../../core/plan-schema.js');
    const parsed = planSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw usageError(
        `${file}: not a plan document of this version (${issue.path.join('.') || 'document'}: ${issue.message})`,
      );
    }
    const bad = badFigures(parsed.data)[0];
    if (bad) throw usageError(`${file}: ${bad.path} is ${bad.value}, not a figure a plan can hold`);
    return parsed.data;
  }
  const parse = (value: Record<string, unknown>) => {
    const parsed = inputSchema.safeParse(value);
    if (!parsed.success) throw usageError(describeIssue(parsed.error, new Map(), file, 'file'));
    return parsed.data;
  };
  try {
    // An input file with ranges is planned as `plan` plans it: the recommended design over the ranges.
    const x = extractRanges(raw);
    const catalogs = loadCatalogs(io.env, io.stderr);
    if (x.ranges.length === 0) return await planChecked(parse(x.base), catalogs, { today: today(io.env) });
    const { planWithRanges } = await import('../../uncertainty/range-plan.js');
    return (await planWithRanges(x, catalogs, { today: today(io.env), validate: parse })).plan;
  } catch (error) {
    if (error instanceof PlanInputError || error instanceof RangeInputError)
      throw usageError(`${file}: ${error.field}: ${error.message}`);
    throw error;
  }
}

export function diffCommand(io: Io, global: () => { color: boolean; quiet: boolean }): Command {
  const command = new Command('diff')
    .description(
      `compare two plans: what changed in the design, and in cost line by line

Examples:
  $ capacity-plan diff main.yaml capacity-plan.yaml
  $ capacity-plan diff base-plan.json head-plan.json --format markdown > comment.md
  $ capacity-plan diff main.yaml capacity-plan.yaml --max-increase 10 --max-monthly-cost 20000`,
    )
    .argument('<base>', 'input file (capacity-plan.yaml) or plan JSON/YAML (`plan --format json`)')
    .argument('<head>', 'the same, for the proposed change')
    .option('--format <format>', 'table, json or markdown (default: table)')
    .option('--json', 'same as --format json')
    .option('--max-increase <pct>', 'gate: exit 3 when the expected monthly cost rises by more than this percentage')
    .option('--max-monthly-cost <usd>', "gate: exit 3 when the head plan's expected monthly cost is higher")
    .option('-o, --output <file>', 'write the output to a file (atomic; --force to replace)')
    .option('--force', 'replace an existing output file')
    .addHelpText('after', '\nExit codes: 0 ok · 1 unexpected failure · 2 bad usage or a bad file · 3 a gate failed')
    .action(async (baseFile: string, headFile: string) => {
      const o = command.opts<{
        format?: string;
        json?: boolean;
        maxIncrease?: string;
        maxMonthlyCost?: string;
        output?: string;
        force?: boolean;
      }>();
      if (o.json && o.format && o.format !== 'json')
        throw usageError(`--json and --format ${o.format} disagree: pick one`);
      const format = o.json ? 'json' : (o.format ?? 'table');
      if (!['table', 'json', 'markdown'].includes(format))
        throw usageError(`--format: expected one of table, json, markdown, not "${format}"`);
      const maxIncrease = gateLimit('--max-increase', o.maxIncrease, -100, 1e6);
      const maxMonthly = gateLimit('--max-monthly-cost', o.maxMonthlyCost, 0, 1e12);
      // As plan: a budget of nothing is no budget (every plan costs something).
      if (maxMonthly === 0) throw usageError('--max-monthly-cost: must be greater than 0');
      const [base, head] = [await load(baseFile, io), await load(headFile, io)];
      const { diffPlans } = await import('../../core/plan-diff.js');
      const diff = diffPlans(base, head);
      const { renderDiffTable, renderDiffMarkdown } = await import('../../render/diff.js');
      const names = { base: baseFile, head: headFile };
      const text =
        format === 'json'
          ? `${JSON.stringify({ base: baseFile, head: headFile, ...diff }, null, 2)}\n`
          : format === 'markdown'
            ? renderDiffMarkdown(diff, names)
            : renderDiffTable(diff, {
                ...names,
                color: !o.output && global().color && colorEnabled(io.stdout, io.env, false),
              });
      const failure =
        (maxIncrease === undefined
          ? null
          : increaseFailure(base.cost.monthly.expected, head.cost.monthly.expected, maxIncrease)) ??
        (maxMonthly === undefined
          ? null
          : budgetFailure(head.cost.monthly.expected, maxMonthly, `${headFile} expects`, '--max-monthly-cost'));
      // A failed gate prints nothing on stdout (only its line on stderr); -o still writes the file, for a PR comment.
      if (o.output) writeFileAtomic(o.output, text, { force: o.force === true, cwd: io.cwd });
      else if (!failure) io.stdout.write(text);
      if (failure) throw failure;
    });
  return command;
}
