// Retry timing. Full jitter (delay uniform in [0, min(cap, base·2^attempt))) spreads the
// retries of many browsers hitting the same API after an outage, per AWS's
// "Exponential Backoff And Jitter". Servers that say when to come back (429/418 Retry-After)
// are obeyed instead.

export const BACKOFF_BASE_MS = 1_000;
export const BACKOFF_CAP_MS = 60_000;
/** Honour even long bans (Binance 418 can last days) but never sleep past a day on one header. */
export const RETRY_AFTER_CAP_MS = 24 * 3_600_000;

/** attempt 0 = first retry. random() ∈ [0, 1) is injected so tests can pin the jitter. */
export function backoffDelay(attempt: number, random: () => number): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.min(Math.max(attempt, 0), 30));
  return Math.floor(random() * ceiling);
}

const IMF_FIXDATE =
  /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;

/** Retry-After as delay-seconds ("120") or HTTP-date (IMF-fixdate, RFC 9110 §10.2.3) → ms from now; null if absent or unreadable. */
export function parseRetryAfter(header: string | null, now: number): number | null {
  if (header === null) return null;
  const text = header.trim();
  if (/^\d{1,10}$/.test(text)) return Math.min(Number(text) * 1_000, RETRY_AFTER_CAP_MS);
  if (!IMF_FIXDATE.test(text)) return null;
  const at = Date.parse(text);
  return Number.isFinite(at) ? Math.min(Math.max(at - now, 0), RETRY_AFTER_CAP_MS) : null;
}

/** "4 s", "2 min", "3 h" for a human sentence; rounded up so it never promises too early. */
export function describeDelay(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1_000));
  if (seconds < 120) return `${seconds} s`;
  if (seconds < 7_200) return `${Math.ceil(seconds / 60)} min`;
  return `${Math.ceil(seconds / 3_600)} h`;
}
