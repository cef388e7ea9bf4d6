/** The export targets, once: the export command, the exporters and the wizard read this list. */
export const EXPORT_TARGETS = [
  'architecture',
  'kubernetes',
  'compose',
  'infracost-usage',
  'cloudformation',
  'all',
] as const;
export type ExportTarget = (typeof EXPORT_TARGETS)[number];
export type SingleTarget = Exclude<ExportTarget, 'all'>;

/** What each target writes, in words (the wizard's choices). */
export const TARGET_LABELS: Record<ExportTarget, string> = {
  architecture: 'Architecture YAML',
  kubernetes: 'Kubernetes manifests',
  compose: 'docker compose + nginx',
  'infracost-usage': 'Infracost usage file',
  cloudformation: 'CloudFormation template',
  all: 'All of them',
};

/** Targets that can express only some providers' plans; the rest take every provider's. */
export const TARGET_PROVIDERS: Partial<Record<SingleTarget, readonly string[]>> = { cloudformation: ['aws'] };

/** Whether a target can express a plan on this provider (`all` always: it skips what cannot). */
export const targetSupports = (target: ExportTarget, provider: string): boolean =>
  target === 'all' || (TARGET_PROVIDERS[target]?.includes(provider) ?? true);
