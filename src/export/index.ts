import type { PlanDocument } from '../core/plan-document.js';
import { exportArchitecture } from './architecture.js';
import { exportCompose } from './compose.js';
import { exportInfracostUsage } from './infracost-usage.js';
import { exportKubernetes } from './kubernetes.js';
import type { ExportContext, ExportFile } from './types.js';

export const EXPORT_TARGETS = ['architecture', 'kubernetes', 'compose', 'infracost-usage', 'all'] as const;
export type ExportTarget = (typeof EXPORT_TARGETS)[number];

const EXPORTERS: Record<
  Exclude<ExportTarget, 'all'>,
  { folder: string; run: (plan: PlanDocument, ctx: ExportContext) => ExportFile[] }
> = {
  architecture: { folder: '', run: exportArchitecture },
  kubernetes: { folder: 'kubernetes', run: exportKubernetes },
  compose: { folder: 'compose', run: exportCompose },
  'infracost-usage': { folder: '', run: exportInfracostUsage },
};

/** The files a target writes, as paths inside the output folder; `all` puts each tool's files in a folder of its own. */
export function exportFiles(target: ExportTarget, plan: PlanDocument, ctx: ExportContext): ExportFile[] {
  if (target !== 'all') return EXPORTERS[target].run(plan, ctx);
  return Object.values(EXPORTERS).flatMap(({ folder, run }) =>
    run(plan, ctx).map((f) => ({ ...f, path: folder ? `${folder}/${f.path}` : f.path })),
  );
}
