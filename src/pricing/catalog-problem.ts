import type * as z from 'zod';

/** One line naming where a catalog is broken: "regions.us-east-1.items.3.price: expected number". */
export function describeCatalogProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid catalog';
  const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more)` : '';
  return `${where}${issue.message}${more}`;
}
