import { downtimeMinutesPerMonth } from '../../core/availability.js';
import { inputSchema, PROVIDERS, type RawInput } from '../../core/input.js';
import { buildPlan, type Catalogs } from '../../core/plan.js';
import { PROFILES, PROFILE_NAMES, type ProfileName } from '../../core/profiles.js';
import { defaultRegion } from '../../core/price-book.js';
import { PlanInputError } from '../../core/input-error.js';
import { parseHumaneNumber } from '../../core/humane-number.js';
import { usageError } from '../exit-error.js';
import type { Io } from '../io.js';
import type { ExportFile } from '../../export/types.js';
import type { Prompter } from './prompter.js';
import { answersFile, askFileName } from './save-answers.js';
import { groupDigits } from '../../core/group-digits.js';

export interface WizardDeps {
  prompter: Prompter;
  io: Io;
  catalogs: Catalogs;
  today: string;
  /** Writes text files (atomically); replacing an existing file is asked first, never assumed. */
  writeFile(path: string, content: string): void;
  render(plan: ReturnType<typeof buildPlan>): Promise<string>;
  /** The files an export target writes for these answers. */
  exportFiles(target: string, raw: RawInput): Promise<ExportFile[]>;
  /** Which of these files already exist in the folder. */
  existing(dir: string, files: readonly ExportFile[]): string[];
  writeFiles(dir: string, files: readonly ExportFile[], force: boolean): string[];
}

/** The same zod schema as the flags and the file, one field at a time: the message is shown inline. */
function check(key: keyof typeof inputSchema.shape, optional = false) {
  return (value: string): true | string => {
    if (optional && value.trim() === '') return true;
    const result = inputSchema.shape[key].safeParse(value);
    return result.success ? true : (result.error.issues[0]?.message ?? 'not valid');
  };
}

/** "15%" and "15 %" read as 15: a growth rate is a percentage whether or not the sign is typed. */
const withoutPercent = (text: string) => text.trim().replace(/\s*%$/, '');

const AVAILABILITY_CHOICES = [null, 99.9, 99.95, 99.99, 99.999] as const;

/** Asks for a plan's input, shows the plan, then offers to save the answers and export. Returns the answers. */
export async function runWizard(deps: WizardDeps): Promise<RawInput> {
  const { prompter: p, io } = deps;
  const say = (text: string) => io.stderr.write(`${text}\n`);
  say('capacity-plan — answer a few questions (Enter takes the default; Ctrl-C leaves without writing anything).\n');

  const users = await p.input({
    message: 'How many monthly active users? (e.g. 50000, 250k, 1.5M)',
    default: '50k',
    validate: check('users'),
  });
  const profile = await p.select<ProfileName>({
    message: 'Which traffic profile fits best?',
    default: 'web-app',
    choices: PROFILE_NAMES.map((name) => {
      const pr = PROFILES[name];
      return {
        name: `${name.padEnd(10)} ${pr.description}`,
        value: name,
        description: `${Math.round(pr.dauRatio * 100)} % of users daily · ${pr.requestsPerUser} requests each · peak ${pr.peakFactor}× average · ${pr.serviceTimeMs} ms CPU per request · p95 target ${pr.latencyTargetMs} ms · ${pr.payloadKb} KB per response`,
      };
    }),
  });
  const stateful = await p.confirm({
    message: 'Does the app keep state on the server (sessions in memory, files on local disk)?',
    default: false,
  });
  const durations = await p.select({
    message: 'Do request durations vary a lot (some fast, some slow: reports, uploads, exports)?',
    default: PROFILES[profile].requestDurations,
    choices: [
      { name: 'Similar — most requests take about the same time', value: 'similar' as const },
      { name: 'Variable — some requests are much slower than others', value: 'variable' as const },
    ],
  });
  const mixedHardware = await p.confirm({
    message: 'Will servers of different sizes share the traffic?',
    default: false,
  });
  const availability = await p.select<number | null>({
    message: 'Availability target?',
    default: null,
    choices: AVAILABILITY_CHOICES.map((a) =>
      a === null
        ? { name: "None — plan the tier's own design and report its estimate", value: null }
        : { name: `${a} % — about ${downtimeMinutesPerMonth(a / 100)} minutes of downtime a month`, value: a },
    ),
  });
  const provider = await p.select({
    message: 'Where should it be priced?',
    default: 'aws' as const,
    choices: [
      ...PROVIDERS.map((name) => ({
        name,
        value: name as (typeof PROVIDERS)[number] | 'all',
        disabled: deps.catalogs[name] ? (false as const) : 'no price catalog installed',
      })),
      {
        name: 'all — the same design on every installed provider',
        value: 'all' as const,
        disabled: PROVIDERS.every((x) => deps.catalogs[x]) ? (false as const) : 'needs all three catalogs',
      },
    ],
  });
  let region: string | undefined;
  if (provider !== 'all') {
    const catalog = deps.catalogs[provider]!;
    region = await p.select({
      message: 'Home region',
      default: defaultRegion(catalog),
      choices: Object.entries(catalog.regions).map(([code, r]) => ({
        name: `${code.padEnd(16)} ${r.name}`,
        value: code,
      })),
    });
  }
  const growthText = await p.input({
    message: 'Monthly user growth in percent, e.g. 15 or 15% (blank for none)',
    default: '',
    validate: (v) => check('growth', true)(withoutPercent(v)),
  });
  const growth = withoutPercent(growthText);
  const months =
    growth.trim() !== ''
      ? await p.input({ message: 'Project how many months ahead?', default: '12', validate: check('months') })
      : '';
  const budget = await p.input({
    message: 'Monthly budget in USD, to gate on (blank for none)',
    default: '',
    validate: check('maxMonthlyCost', true),
  });

  const raw: RawInput = {
    users,
    profile,
    ...(stateful ? { stateful } : {}),
    ...(durations !== PROFILES[profile].requestDurations ? { requestDurations: durations } : {}),
    ...(mixedHardware ? { mixedHardware } : {}),
    ...(availability !== null ? { availability } : {}),
    provider,
    ...(region && provider !== 'all' && region !== defaultRegion(deps.catalogs[provider]!) ? { region } : {}),
    ...(growth.trim() !== '' ? { growth: parseHumaneNumber(growth), months: parseHumaneNumber(months) } : {}),
    ...(budget.trim() !== '' ? { maxMonthlyCost: parseHumaneNumber(budget) } : {}),
  };
  const input = inputSchema.parse(raw);
  let plan;
  try {
    plan = buildPlan(input, deps.catalogs, { today: deps.today });
  } catch (error) {
    if (error instanceof PlanInputError) throw usageError(`${error.field}: ${error.message}`);
    throw error;
  }
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
      deps.writeFile(name, answersFile(raw, input.users, name));
      say(`wrote ${name}`);
    }
  }
  const target = await p.select({
    message: 'Export it for other tools?',
    default: 'none',
    choices: [
      { name: 'No', value: 'none' },
      { name: 'Architecture YAML', value: 'architecture' },
      { name: 'Kubernetes manifests', value: 'kubernetes' },
      { name: 'docker compose + nginx', value: 'compose' },
      { name: 'Infracost usage file', value: 'infracost-usage' },
      { name: 'All of them', value: 'all' },
    ],
  });
  if (target !== 'none') {
    const dir = (
      await p.input({
        message: 'Into which folder?',
        default: 'infra',
        validate: (v) => (v.trim() === '' ? 'a folder is needed' : true),
      })
    ).trim();
    const files = await deps.exportFiles(target, raw);
    const clashes = deps.existing(dir, files);
    const force =
      clashes.length > 0
        ? await p.confirm({
            message: `${clashes.length} file${clashes.length === 1 ? '' : 's'} already exist there (${clashes.slice(0, 3).join(', ')}${clashes.length > 3 ? ', …' : ''}). Replace ${clashes.length === 1 ? 'it' : 'them'}?`,
            default: false,
          })
        : false;
    if (clashes.length > 0 && !force) say('exported nothing: the existing files are as they were');
    else for (const path of deps.writeFiles(dir, files, force)) say(`wrote ${path}`);
  }
  return raw;
}
