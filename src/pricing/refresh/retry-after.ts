/** The longest wait a Retry-After header may ask for; a longer one is capped (and said so). */
export const MAX_RETRY_AFTER_S = 60;

/**
 * How long to wait before a retry, in ms: Retry-After as seconds or an HTTP date, capped at
 * MAX_RETRY_AFTER_S; without one, doubling from `baseMs`. Never negative, never past Node's timer limit.
 */
export function retryDelay(
  header: string | null,
  attempt: number,
  baseMs: number,
  now = Date.now(),
): { ms: number; capped: boolean } {
  let seconds: number | null = null;
  if (header !== null && header.trim() !== '') {
    const text = header.trim();
    if (/^\d+$/.test(text)) seconds = Number(text);
    else {
      const at = Date.parse(text);
      if (Number.isFinite(at)) seconds = Math.max(0, (at - now) / 1000);
    }
  }
  if (seconds === null) return { ms: Math.min(baseMs * 2 ** attempt, MAX_RETRY_AFTER_S * 1000), capped: false };
  const capped = !(seconds <= MAX_RETRY_AFTER_S);
  return { ms: Math.round(Math.min(seconds, MAX_RETRY_AFTER_S) * 1000), capped };
}
