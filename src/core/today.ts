/** Today's date (UTC, YYYY-MM-DD), or the one SOURCE_DATE_EPOCH names, so a build can pin it and stay reproducible. */
export function todayFrom(env: Record<string, string | undefined>, now: Date = new Date()): string {
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  return (env.SOURCE_DATE_EPOCH && Number.isFinite(epoch) ? new Date(epoch * 1000) : now).toISOString().slice(0, 10);
}
