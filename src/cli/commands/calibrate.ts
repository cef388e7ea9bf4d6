import { resolve } from 'node:path';
import { Command } from 'commander';
import * as z from 'zod';
import { lazySchema } from '../../schema/lazy-schema.js';
import { parseHumaneNumber } from '../../core/humane-number.js';
import { PROFILE_NAMES } from '../../core/profiles.js';
import { usageError } from '../exit-error.js';
import type { Io } from '../io.js';
import { writeFileAtomic } from '../write-file.js';

const num = (what: string, rule: (n: z.ZodNumber) => z.ZodNumber) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? parseHumaneNumber(v) : v),
    rule(z.number({ error: `expected ${what}` })),
  );

/** Built when calibrate runs, not at start-up. */
const optionsSchema = lazySchema(() =>
  z.strictObject({
    users: num('a user count such as 50000 or 250k', (n) => n.int('must be a whole number').min(1)).optional(),
    dau: num('daily active users', (n) => n.positive('must be above 0')).optional(),
    dauRatio: num('a share between 0 and 1', (n) => n.gt(0, 'must be above 0').max(1, 'must be at most 1')).optional(),
    profile: z.enum(PROFILE_NAMES, { error: `expected one of ${PROFILE_NAMES.join(', ')}` }).optional(),
    cpu: num('a CPU percentage such as 65', (n) =>
      n.gt(0, 'must be above 0').max(100, 'must be at most 100'),
    ).optional(),
    vcpus: num('a vCPU count', (n) => n.int('must be a whole number').min(1, 'must be at least 1')).optional(),
    servers: num('a server count', (n) => n.int('must be a whole number').min(1, 'must be at least 1')).optional(),
    format: z.enum(['yaml', 'json'], { error: 'expected yaml or json' }).default('yaml'),
    output: z.string().optional(),
    force: z.boolean().optional(),
  }),
);

const FLAG: Record<string, string> = { dauRatio: '--dau-ratio' };

export function calibrateCommand(io: Io, global: () => { quiet: boolean }): Command {
  return new Command('calibrate')
    .description(
      `fit profile numbers from a load-test summary, a traffic CSV or access logs; writes a plan-as-code input file

Examples:
  $ capacity-plan calibrate traffic.csv --users 250k > capacity-plan.yaml
  $ capacity-plan calibrate k6-summary.json --cpu 62 --vcpus 4 --servers 2
  $ capacity-plan calibrate k6-out.json cpu.csv --vcpus 4 access.log --format json
  $ capacity-plan plan --input capacity-plan.yaml`,
    )
    .argument(
      '<files...>',
      'k6 --summary-export JSON or --out json stream; traffic CSV (timestamp,count); CPU CSV (timestamp,cpu); access log',
    )
    .option('--users <n>', 'monthly active users (for requests per active user, and written into the file)')
    .option('--dau <n>', 'daily active users (else --users × the daily share)')
    .option('--dau-ratio <share>', "daily share of monthly users (default: the profile's)")
    .option('--profile <name>', `traffic profile the rest comes from: ${PROFILE_NAMES.join(', ')}`)
    .option('--cpu <percent>', 'CPU utilisation of the tested servers during the load test, 0–100 (or give a CPU CSV)')
    .option('--vcpus <n>', 'vCPUs of each tested server')
    .option('--servers <n>', 'servers that took the test load (default: 1)')
    .option('--format <format>', 'yaml (a plan-as-code input file, the default) or json (the fitted parameters)')
    .option('-o, --output <file>', 'write to a file (atomic; --force to replace)')
    .option('--force', 'replace an existing output file')
    .addHelpText('after', '\nExit codes: 0 ok · 1 unexpected failure · 2 a file or an option cannot be used')
    .action(async (files: string[], raw: Record<string, unknown>) => {
      const parsed = optionsSchema.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        const key = String(issue.path[0] ?? '');
        throw usageError(`${FLAG[key] ?? `--${key}`}: ${issue.message}`);
      }
      const o = parsed.data;
      const [{ readFileAs }, { calibrate }, { calibrationJson, calibrationYaml }, { CalibrationError }] =
        await Promise.all([
          import('../../calibrate/detect.js'),
          import('../../calibrate/fit.js'),
          import('../../calibrate/render.js'),
          import('../../calibrate/calibration-error.js'),
        ]);
      const opts = {
        users: o.users,
        dau: o.dau,
        dauRatio: o.dauRatio,
        profile: o.profile,
        cpuPercent: o.cpu,
        vcpus: o.vcpus,
        servers: o.servers,
      };
      let text: string;
      try {
        const readings = [];
        for (const file of files) readings.push(readFileAs(file, await readText(file, io.cwd)));
        const c = calibrate(readings, opts);
        text = o.format === 'json' ? calibrationJson(c) : calibrationYaml(c, opts);
      } catch (error) {
        if (error instanceof CalibrationError) throw usageError(`${error.file}: ${error.message}`);
        throw error;
      }
      if (o.output) {
        writeFileAtomic(o.output, text, { force: o.force === true, cwd: io.cwd });
        if (!global().quiet) io.stderr.write(`wrote ${o.output}\n`);
      } else io.stdout.write(text);
    });
}

async function readText(file: string, cwd: string): Promise<string> {
  try {
    return await process.getBuiltinModule('node:fs/promises').readFile(resolve(cwd, file), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw usageError(
      `${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : `cannot be read (${code ?? 'error'})`}`,
    );
  }
}
