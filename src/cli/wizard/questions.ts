import { downtimeMinutesPerMonth } from '../../core/availability.js';
import { parseHumaneNumber } from '../../core/humane-number.js';
import { ARCH_CHOICES, CACHE_ENGINE_CHOICES, inputSchema, type Commitment, type RawInput } from '../../core/input.js';
import { homeRegion } from '../../pricing/home-region.js';
import { providerIds } from '../../providers/registry.js';
import { looksLikeRange, parseRange } from '../../uncertainty/range.js';
import type { Catalogs } from '../../core/plan.js';
import { PROFILES, PROFILE_NAMES, type ProfileName } from '../../core/profiles.js';
import type { Prompter } from './prompter.js';

/** The same zod schema as the flags and the file, one field at a time: the message is shown inline. */
function check(key: keyof typeof inputSchema.shape, optional = false) {
  return (value: string): true | string => {
    if (optional && value.trim() === '') return true;
    const result = inputSchema.shape[key].safeParse(value);
    return result.success ? true : (result.error.issues[0]?.message ?? 'not valid');
  };
}

/** A range answer ("40k..80k"): read as the flags read it, each end checked by the field's own rule. */
function rangeCheck(key: string, value: string): true | string {
  try {
    parseRange(key, value);
    return true;
  } catch (error) {
    return (error as Error).message;
  }
}

/** "15%" and "15 %" read as 15: a growth rate is a percentage whether or not the sign is typed. */
const withoutPercent = (text: string) => text.trim().replace(/\s*%$/, '');

const AVAILABILITY_CHOICES = [null, 99.9, 99.95, 99.99, 99.999] as const;

/** The wizard's questions in order, answered into the same raw input the flags and the file give. */
export async function askQuestions(p: Prompter, catalogs: Catalogs): Promise<RawInput> {
  const workload = await askWorkload(p);
  const where = await askWhereAndBudget(p, catalogs);
  const buying = await askBuying(p);
  return { ...workload, ...where, ...buying };
}

/** How the always-on part is bought, and the hardware: commitment term, CPU architecture, cache engine. */
async function askBuying(p: Prompter): Promise<Partial<RawInput>> {
  const commitment = await p.select<Commitment>({
    message: 'Commit to 1 or 3 years for the always-on servers, databases and caches (savings plans, reservations)?',
    default: 'on-demand',
    choices: [
      { name: 'No — everything on demand', value: 'on-demand' },
      { name: "1 year — each provider's 1-year commitment products", value: '1y' },
      { name: "3 years — each provider's 3-year commitment products", value: '3y' },
    ],
  });
  const arch = await p.select<(typeof ARCH_CHOICES)[number]>({
    message: 'CPU architecture of the app servers?',
    default: 'any',
    choices: [
      { name: 'Any — the cheapest that fits (Arm needs multi-arch container images)', value: 'any' },
      { name: 'x86 only', value: 'x86' },
      { name: 'Arm only (Graviton, Axion, Ampere)', value: 'arm' },
    ],
  });
  const cacheEngine = await p.select<(typeof CACHE_ENGINE_CHOICES)[number]>({
    message: 'Cache engine?',
    default: 'any',
    choices: [
      { name: 'Any — the cheapest the provider sells (Valkey speaks the Redis protocol)', value: 'any' },
      { name: 'Redis OSS', value: 'redis' },
      { name: 'Valkey', value: 'valkey' },
    ],
  });
  return {
    ...(commitment !== 'on-demand' ? { commitment } : {}),
    ...(arch !== 'any' ? { arch } : {}),
    ...(cacheEngine !== 'any' ? { cacheEngine } : {}),
  };
}

/** Users, traffic profile, state, request durations, hardware and the availability target. */
async function askWorkload(p: Prompter): Promise<RawInput> {
  const users = await p.input({
    message: 'How many monthly active users? A single value or a range (e.g. 50000, 250k, 1.5M or 40k..80k)',
    default: '50k',
    validate: (v) => (looksLikeRange(v) ? rangeCheck('users', v) : check('users')(v)),
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
  return {
    users,
    profile,
    ...(stateful ? { stateful } : {}),
    ...(durations !== PROFILES[profile].requestDurations ? { requestDurations: durations } : {}),
    ...(mixedHardware ? { mixedHardware } : {}),
    ...(availability !== null ? { availability } : {}),
  } as RawInput;
}

/** Provider and region, growth and the budget. */
async function askWhereAndBudget(p: Prompter, catalogs: Catalogs): Promise<Omit<RawInput, 'users'>> {
  const provider = await p.select({
    message: 'Where should it be priced?',
    default: 'aws',
    choices: [
      ...providerIds().map((name) => ({
        name,
        value: name,
        disabled: catalogs[name] ? (false as const) : 'no price catalog installed',
      })),
      {
        name: 'all — the same design on every installed provider',
        value: 'all' as const,
        disabled: providerIds().every((x) => catalogs[x]) ? (false as const) : "needs every provider's catalog",
      },
    ],
  });
  let region: string | undefined;
  if (provider !== 'all') {
    const catalog = catalogs[provider]!;
    region = await p.select({
      message: 'Home region',
      default: homeRegion(catalog),
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

  return {
    provider,
    ...(region && provider !== 'all' && region !== homeRegion(catalogs[provider]!) ? { region } : {}),
    ...(growth.trim() !== '' ? { growth: parseHumaneNumber(growth), months: parseHumaneNumber(months) } : {}),
    ...(budget.trim() !== '' ? { maxMonthlyCost: parseHumaneNumber(budget) } : {}),
  };
}
