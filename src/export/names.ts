/**
 * Names each tool accepts, from whatever the user called the project. A name with a colon, a quote or a
 * newline cannot reach the output: only the characters a tool allows survive.
 */

/** Kubernetes DNS-1123 label: lowercase letters, digits and '-', starting and ending alphanumeric, at most 63 characters. */
export function dns1123(name: string, maxLength = 63): string {
  const cleaned = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/g, '');
  return cleaned === '' ? 'app' : /^[a-z]/.test(cleaned) ? cleaned : `app-${cleaned}`.slice(0, maxLength);
}

/** A compose project name: lowercase letters, digits, '-' and '_', starting with a letter or digit. */
export function composeProjectName(name: string): string {
  const cleaned = name
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '');
  return cleaned === '' ? 'app' : cleaned;
}

/** An nginx identifier (upstream name): letters, digits and '_'. */
export function nginxIdentifier(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
  return cleaned === '' ? 'app' : cleaned;
}
