import type { DatabaseOption } from './database-options.js';
import type { DesignContext, RegionStack } from './design-types.js';
import { round } from './round.js';

/**
 * Active-active regions with one writer: when the primary region's database fails, writes fail in every
 * region until it recovers — by its in-region failover where it has one (the providers' published typical
 * times: a Multi-AZ instance 60–120 s, a Multi-AZ DB cluster under 35 s, Aurora under 30 s), else by promoting
 * another region's replica, assumed 10 minutes (detect, decide, promote, repoint the writers).
 */
export const WRITER_RECOVERY_SECONDS: Record<DatabaseOption, number> = {
  'single-az': 600,
  'multi-az': 120,
  'multi-az-cluster': 35,
  aurora: 30,
  'aurora-io-optimized': 30,
};

/** What the single writer's failure costs: the share of requests that write, for how long. */
export interface WriterLoss {
  share: number;
  minutes: number;
}

export function writerLoss(ctx: DesignContext, stacks: RegionStack[]): WriterLoss {
  const seconds = WRITER_RECOVERY_SECONDS[stacks[0]!.database.deployment];
  return { share: 1 - ctx.params.readRatio, minutes: seconds / 60 };
}

export function writerText(writer: WriterLoss, deployment: DatabaseOption): string {
  const how = deployment === 'single-az' ? "another region's replica promoted" : 'its failover in the region';
  return `writes failing in every region while the primary region's database recovers (${round(writer.minutes)} min: ${how}; ${round(writer.share * 100)} % of requests write)`;
}
