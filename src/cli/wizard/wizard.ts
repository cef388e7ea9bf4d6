import { inputSchema, type PlanInput, type RawInput } from '../../core/input.js';
import type { PlanDocument } from '../../core/plan-document.js';
import { buildPlan, type Catalogs } from '../../core/plan.js';
import { PlanInputError } from '../../core/input-error.js';
import { usageError } from '../exit-error.js';
import type { Io } from '../io.js';
import type { ExportFile } from '../../export/types.js';
import type { WrittenFile } from '../write-files.js';
import { EXPORT_TARGETS, TARGET_LABELS, targetSupports } from '../../export/targets.js';
import type { Prompter } from './prompter.js';
import { answersFile, askFileName } from './save-answers.js';
import { askQuestions } from './questions.js';
import { groupDigits } from '../../core/group-digits.js';
import { extractRanges } from '../../uncertainty/extract.js';
import { looksLikeRange } from '../../uncertainty/range.js';

export interface WizardDeps {
  prompter: Prompter;
  io: Io;
  catalogs: Catalogs;
  today: string;
  /** Writes text files (atomically); replacing an existing file is asked first, never assumed. */
  writeFile(path: string, content: string): void;
  render(plan: ReturnType<typeof buildPlan>): Promise<string>;
  /** The files an export target writes for the plan shown (over ranges: its recommended design). */
  exportFiles(target: string, plan: PlanDocument, input: PlanInput): Promise<ExportFile[]>;
  /** Which of these files already exist in the folder. */
  existing(dir: string, files: readonly ExportFile[]): string[];
  writeFiles(dir: string, files: readonly ExportFile[], force: boolean): WrittenFile[];
}

/** Asks for a plan's input, shows the plan, then offers to save the answers and export. Returns the answers. */
export async function runWizard(deps: WizardDeps): Promise<RawInput> {
  const { prompter: p, io } = deps;
  const say = (text: string) => io.stderr.write(`${text}\n`);
  say('capacity-plan — answer a few questions (Enter takes the default; Ctrl-C leaves without writing anything).\n');

  const raw = await askQuestions(p, deps.catalogs);
  const { plan, input } = await planAnswers(raw, deps);
  io.stdout.write(await deps.render(plan));
  if (input.maxMonthlyCost !== undefined && plan.cost.monthly.expected > input.maxMonthlyCost) {
    say(
      `\nNote: the expected $${groupDigits(Math.round(plan.cost.monthly.expected))}/month is over your $${groupDigits(input.maxMonthlyCost)} budget (\`plan\` exits 3 on this in CI).`,
    );
  }

  say('');
  if (await p.confirm({ message: 'Save these answers as a plan-as-code file?', default: true })) {
    const name = await askFileName(p, io.cwd);
    if (name === null) say('saved nothing: the existing file is as it was');
    else {
      deps.writeFile(name, answersFile(raw, looksLikeRange(String(raw.users)) ? String(raw.users) : input.users, name));
      say(`wrote ${name}`);
    }
  }
  await offerExport(deps, raw, plan, input);
  return raw;
}

/** Offers to export the plan for other tools; files already in the folder are replaced only when the user says so. */
async function offerExport(deps: WizardDeps, raw: RawInput, plan: PlanDocument, input: PlanInput): Promise<void> {
  const p = deps.prompter;
  const say = (text: string) => deps.io.stderr.write(`${text}\n`);
  const target = await p.select({
    message: 'Export it for other tools?',
    default: 'none',
    choices: [
      { name: 'No', value: 'none' },
      ...EXPORT_TARGETS.filter((t) => targetSupports(t, String(raw.provider ?? 'aws'))).map((t) => ({
        name: TARGET_LABELS[t],
        value: t,
      })),
    ],
  });
  if (target === 'none') return;
  const dir = (
    await p.input({
      message: 'Into which folder?',
      default: 'infra',
      validate: (v) => (v.trim() === '' ? 'a folder is needed' : true),
    })
  ).trim();
  const files = await deps.exportFiles(target, plan, input);
  const clashes = deps.existing(dir, files);
  const force =
    clashes.length > 0
      ? await p.confirm({
          message: `${clashes.length} file${clashes.length === 1 ? ' already exists' : 's already exist'} there (${clashes.slice(0, 3).join(', ')}${clashes.length > 3 ? ', …' : ''}). Replace ${clashes.length === 1 ? 'it' : 'them'}?`,
          default: false,
        })
      : false;
  if (clashes.length > 0 && !force) say('exported nothing: the existing files are as they were');
  else for (const w of deps.writeFiles(dir, files, force)) say(`${w.unchanged ? 'unchanged' : 'wrote'} ${w.path}`);
}

/** The plan for the answers: one plan, or the plan over ranges when the user count is a range. */
async function planAnswers(raw: RawInput, deps: WizardDeps) {
  try {
    const x = extractRanges(raw as Record<string, unknown>);
    if (x.ranges.length > 0) {
      const { planWithRanges } = await import('../../uncertainty/range-plan.js');
      return planWithRanges(x, deps.catalogs, {
        today: deps.today,
        pause: () => new Promise<void>((resolve) => setImmediate(resolve)),
      });
    }
    const input = inputSchema.parse(raw);
    return { plan: buildPlan(input, deps.catalogs, { today: deps.today }), input };
  } catch (error) {
    if (error instanceof PlanInputError) throw usageError(`${error.field}: ${error.message}`);
    throw error;
  }
}
