import { groupDigits as g } from '../core/group-digits.js';
import type { ExportFile } from './types.js';

/**
 * CloudFormation's quotas on one template (docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/
 * cloudformation-limits.html): 500 resources, 200 outputs, 200 parameters, 1 MB from S3, 51,200 bytes
 * when passed inline.
 */
export const CLOUDFORMATION_LIMITS = {
  resources: 500,
  outputs: 200,
  parameters: 200,
  bytesFromS3: 1_000_000,
  bytesInline: 51_200,
} as const;

/** Top-level keys of one section of a template written by our emitter (two-space indentation). */
function sectionKeys(yaml: string, section: string): number {
  const start = yaml.indexOf(`\n${section}:\n`);
  if (start < 0) return 0;
  let count = 0;
  for (const line of yaml.slice(start + section.length + 3).split('\n')) {
    if (line !== '' && !line.startsWith(' ')) break;
    if (/^ {2}[A-Za-z0-9]+:/.test(line)) count++;
  }
  return count;
}

/** What each CloudFormation template of an export is over, in words (empty when every one fits). */
export function cloudFormationOverLimits(files: readonly ExportFile[]): string[] {
  const out: string[] = [];
  for (const f of files.filter((x) => /(^|\/)template[^/]*\.yaml$/.test(x.path))) {
    const L = CLOUDFORMATION_LIMITS;
    const bytes = Buffer.byteLength(f.content);
    const over = [
      ...(['resources', 'outputs', 'parameters'] as const)
        .map((s) => [s, sectionKeys(f.content, s[0]!.toUpperCase() + s.slice(1))] as const)
        .filter(([s, n]) => n > L[s])
        .map(([s, n]) => `${g(n)} ${s} (at most ${g(L[s])})`),
      ...(bytes > L.bytesFromS3 ? [`${g(bytes)} bytes (at most ${g(L.bytesFromS3)} from S3)`] : []),
    ];
    if (over.length > 0)
      out.push(
        `warning: ${f.path} has ${over.join(', ')}: CloudFormation will refuse it as one stack; split the fleet's resources into nested stacks or fewer shards`,
      );
    else if (bytes > L.bytesInline)
      out.push(
        `note: ${f.path} is ${g(bytes)} bytes, more than the ${g(L.bytesInline)} CloudFormation takes inline: deploy it from S3 (aws cloudformation deploy --s3-bucket …)`,
      );
  }
  return out;
}
