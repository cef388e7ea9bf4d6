import type { PlanDocument } from '../core/plan-document.js';
import { exportArchitecture } from './architecture.js';
import { exportCloudFormation } from './cloudformation.js';
import { exportCompose } from './compose.js';
import { exportInfracostUsage } from './infracost-usage.js';
import { exportKubernetes } from './kubernetes.js';
import type { ExportContext, ExportFile } from './types.js';

import { targetSupports, type ExportTarget } from './targets.js';

export { EXPORT_TARGETS, type ExportTarget } from './targets.js';

interface Exporter {
  folder: string;
  run: (plan: PlanDocument, ctx: ExportContext) => ExportFile[];
}

const EXPORTERS: Record<Exclude<ExportTarget, 'all'>, Exporter> = {
  architecture: { folder: '', run: exportArchitecture },
  kubernetes: { folder: 'kubernetes', run: exportKubernetes },
  compose: { folder: 'compose', run: exportCompose },
  'infracost-usage': { folder: '', run: exportInfracostUsage },
  cloudformation: { folder: 'cloudformation', run: exportCloudFormation },
};

/** The targets `all` skips for this plan, because they do not support its provider. */
export function skippedTargets(plan: PlanDocument): Exclude<ExportTarget, 'all'>[] {
  return (Object.keys(EXPORTERS) as Exclude<ExportTarget, 'all'>[]).filter(
    (t) => !targetSupports(t, plan.cost.pricing.provider),
  );
}

/**
 * The files a target writes, as paths inside the output folder; `all` puts each tool's files in a folder
 * of its own and leaves out the targets the plan's provider cannot use (skippedTargets says which).
 */
export function exportFiles(target: ExportTarget, plan: PlanDocument, ctx: ExportContext): ExportFile[] {
  if (target !== 'all') return EXPORTERS[target].run(plan, ctx);
  const skipped = new Set<string>(skippedTargets(plan));
  return Object.entries(EXPORTERS)
    .filter(([name]) => !skipped.has(name))
    .flatMap(([, { folder, run }]) =>
      run(plan, ctx).map((f) => ({ ...f, path: folder ? `${folder}/${f.path}` : f.path })),
    );
}
