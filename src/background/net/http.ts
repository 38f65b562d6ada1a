// The one fetch wrapper: allowlisted URLs only, GET (or a JSON POST for info APIs such as
// Hyperliquid's, which take the query as a body) without credentials or redirects, a 5 s
// budget for headers and body together, a size cap, and a per-host pause after 429/418 so a
// rate limit from one endpoint also holds back the others on that host.
import type { Clock, FetchLike, Log } from '../env';
import { isAllowedUrl } from './allowlist';
import { describeDelay, parseRetryAfter } from './backoff';

export const FETCH_TIMEOUT_MS = 5_000;
/** Bodies we read are a few kB (fundingInfo, the largest per-symbol one, is tens of kB). */
export const MAX_BODY_CHARS = 1_000_000;
/** Ceiling for an endpoint's own cap (EndpointSpec.maxBodyChars): a table of all symbols, not more. */
export const MAX_TABLE_BODY_CHARS = 8_000_000;

export interface HttpFailure {
  host: string;
  /** Human sentence without the retry part, e.g. "HTTP 500 from api.kraken.com". */
  message: string;
  /** Server-imposed wait (Retry-After, or an active rate-limit pause), overriding backoff. */
  retryAfterMs: number | null;
}

export type HttpResult = { ok: true; body: unknown } | { ok: false; failure: HttpFailure };

export interface HttpClient {
  /** GET, or POST with `jsonBody` as an application/json body when given; `maxBodyChars` raises the size cap. */
  getJson(url: URL, jsonBody?: string, maxBodyChars?: number): Promise<HttpResult>;
}

/** A request body is a few dozen bytes of fixed literals plus a symbol; anything larger is a bug. */
const MAX_REQUEST_BODY_CHARS = 1_000;

class Timeout extends Error {}

export function createHttpClient(fetchFn: FetchLike, clock: Clock, log: Log): HttpClient {
  const pausedUntil = new Map<string, number>();

  function fail(host: string, message: string, retryAfterMs: number | null = null): HttpResult {
    return { ok: false, failure: { host, message, retryAfterMs } };
  }

  /** Headers and body within FETCH_TIMEOUT_MS. The timer is the injected clock (not
   *  AbortSignal.timeout, which fakes cannot drive); aborting stops the real request. */
  async function withTimeout(
    url: URL,
    jsonBody: string | undefined,
  ): Promise<{ status: number; retryAfter: string | null; text: string }> {
    const controller = new AbortController();
    let timer: unknown;
    const expired = new Promise<never>((_, reject) => {
      timer = clock.setTimeout(() => {
        controller.abort();
        reject(new Timeout());
      }, FETCH_TIMEOUT_MS);
    });
    const request = (async () => {
      const response = await fetchFn(url.href, {
        ...(jsonBody === undefined
          ? { method: 'GET' }
          : { method: 'POST', body: jsonBody, headers: { 'content-type': 'application/json' } }),
        signal: controller.signal,
        credentials: 'omit',
        cache: 'no-store',
        redirect: 'error',
        referrerPolicy: 'no-referrer',
      });
      return { status: response.status, retryAfter: response.headers.get('Retry-After'), text: await response.text() };
    })();
    try {
      return await Promise.race([request, expired]);
    } finally {
      clock.clearTimeout(timer);
      request.catch(() => undefined); // a late rejection after the timeout is expected
    }
  }

  async function getJson(url: URL, jsonBody?: string, maxBodyChars = MAX_BODY_CHARS): Promise<HttpResult> {
    const host = url.host;
    const cap = Math.min(maxBodyChars, MAX_TABLE_BODY_CHARS);
    if (!isAllowedUrl(url) || (jsonBody !== undefined && jsonBody.length > MAX_REQUEST_BODY_CHARS)) {
      log.warn('Margin Preflight: refused a request to a URL outside the API allowlist');
      return fail(host, `Refused to contact ${host}: not an allowed market-data endpoint`);
    }
    const now = clock.now();
    const until = pausedUntil.get(host) ?? 0;
    if (until > now) return fail(host, `Rate limited by ${host} for ${describeDelay(until - now)}`, until - now);

    let answer: Awaited<ReturnType<typeof withTimeout>>;
    try {
      answer = await withTimeout(url, jsonBody);
    } catch (error) {
      if (error instanceof Timeout) return fail(host, `No answer from ${host} within ${FETCH_TIMEOUT_MS / 1_000} s`);
      return fail(host, `Network error reaching ${host}`);
    }
    if (answer.status === 429 || answer.status === 418) {
      const wait = parseRetryAfter(answer.retryAfter, clock.now());
      if (wait !== null) pausedUntil.set(host, clock.now() + wait);
      return fail(host, `HTTP ${answer.status} (rate limited) from ${host}`, wait);
    }
    if (answer.status < 200 || answer.status > 299) return fail(host, `HTTP ${answer.status} from ${host}`);
    if (answer.text.length > cap) return fail(host, `Oversized response from ${host}`);
    try {
      return { ok: true, body: JSON.parse(answer.text) as unknown };
    } catch {
      return fail(host, `Malformed JSON from ${host}`);
    }
  }

  return { getJson };
}
