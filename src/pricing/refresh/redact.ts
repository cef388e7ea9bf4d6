/** Query parameters that carry credentials: their values never reach a message or a log. */
const SECRET_PARAMS = /([?&;](?:key|api[-_]?key|apikey|token|access[-_]?token|sig|signature|password|secret|code)=)[^&#\s"')]+/gi;
/** user:password@ in a URL. */
const USERINFO = /(\b[a-z][a-z0-9+.-]*:\/\/)[^/@\s"']*@/gi;

/** A URL or a message with every credential in it replaced by "…". */
export function redact(text: string): string {
  return text.replace(USERINFO, '$1…@').replace(SECRET_PARAMS, '$1…');
}

/** A URL without its user:password part, and the Authorization header that carries it instead. */
export function splitCredentials(url: string): { url: string; authorization?: string } {
  const parsed = new URL(url);
  if (!parsed.username && !parsed.password) return { url };
  const pair = `${decodeURIComponent(parsed.username)}:${decodeURIComponent(parsed.password)}`;
  parsed.username = '';
  parsed.password = '';
  return { url: parsed.toString(), authorization: `Basic ${Buffer.from(pair).toString('base64')}` };
}
