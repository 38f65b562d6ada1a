// The allowlist, the fetch wrapper's failure handling, backoff and Retry-After.
import { describe, expect, it } from 'vitest';
import { API_ALLOWLIST, endpointSpec, endpointUrl as urlWith, isAllowedUrl } from '../../src/background/net/allowlist';
import { endpointUrl } from '../../src/background/net/endpoints';
import { BACKOFF_CAP_MS, backoffDelay, describeDelay, parseRetryAfter } from '../../src/background/net/backoff';
import { createHttpClient, FETCH_TIMEOUT_MS } from '../../src/background/net/http';
import { openSocket } from '../../src/background/net/socket';
import type { VenueId } from '../../src/core/types';
import { VENUE_ABOUT } from '../../src/venues/about';
import type { EndpointKind, VenueFeed } from '../../src/venues/feed-types';
import { FEEDS } from '../../src/venues/feeds';
import { feed as kraken } from '../../src/venues/kraken-margin/feed';
import { FakeClock, FakeFetch, jsonResponse, never, recordingLog, response, socketFactory } from './fakes';

const TICKER = '/0/public/Ticker';

describe('allowlist', () => {
  it('builds every feed endpoint inside the allowlist', () => {
    // Each venue's example symbol (about.json), so a new venue needs no line here.
    const symbols = Object.fromEntries(VENUE_ABOUT.map(({ venue, exampleSymbol }) => [venue, exampleSymbol]));
    for (const [venue, feed] of Object.entries(FEEDS) as Array<[VenueId, VenueFeed]>) {
      const kinds: EndpointKind[] = [
        'mark',
        'facts',
        'stream',
        ...(feed.moreFacts ?? []).map((s) => `facts:${s.name}` as const),
      ];
      for (const kind of kinds) {
        const url = endpointUrl(venue, kind, symbols[venue]!);
        expect(
          url,
          `${venue} ${kind} (null: ${symbols[venue]} refused, or the endpoint not in API_ALLOWLIST)`,
        ).not.toBeNull();
        expect(isAllowedUrl(url!)).toBe(true);
        expect(url!.href.startsWith(endpointSpec(feed, kind)!.base)).toBe(true);
      }
    }
    expect(endpointUrl('kraken-margin', 'mark', 'BTC/USD')!.href).toBe(
      'https://api.kraken.com/0/public/Ticker?pair=XBTUSD',
    );
    // One socket per venue: the URL names no market (they are subscribed by message).
    expect(endpointUrl('binance-usdm', 'stream', 'BTCUSDT')!.href).toBe('wss://fstream.binance.com/ws');
  });

  it('refuses symbols the feed does not accept and venues without a feed', () => {
    expect(endpointUrl('kraken-margin', 'mark', 'BTC/USD&pair=ETHUSD')).toBeNull();
    expect(endpointUrl('binance-usdm', 'stream', 'BTCUSDT/../../evil')).toBeNull();
    expect(endpointUrl('okx-swap', 'mark', 'BTCUSDT')).toBeNull();
    expect(endpointUrl('kraken-margin', 'facts:none', 'BTC/USD')).toBeNull();
  });

  it('refuses a feed whose endpoint points outside the allowlist', () => {
    const rogue: VenueFeed = {
      ...kraken,
      endpoints: { ...kraken.endpoints, mark: { base: 'https://evil.example/0/public/Ticker' } },
    };
    expect(urlWith('kraken-margin', 'mark', 'BTC/USD', () => rogue)).toBeNull();
  });

  it.each([
    'https://evil.example/0/public/Ticker',
    'http://api.kraken.com/0/public/Ticker',
    'https://api.kraken.com/0/private/Balance',
    'https://api.kraken.com/0/public/Ticker/extra',
    'https://user:pw@api.kraken.com/0/public/Ticker',
    'https://api.kraken.com:8443/0/public/Ticker',
    'wss://fstream.binance.com/ws/a/b',
    'wss://fstream.binance.com/ws/',
    'wss://fstream.binance.com/ws/btcusdt@markPrice@1s',
    'wss://stream.binance.com/ws/btcusdt@miniTicker',
    'wss://ws.okx.com/ws/v5/public',
    'wss://ws.okx.com:9443/ws/v5/public',
  ])('rejects %s', (text) => {
    expect(isAllowedUrl(new URL(text))).toBe(false);
  });

  it('lists https and wss endpoints only', () => {
    for (const entry of API_ALLOWLIST) expect(entry).toMatch(/^(https|wss):\/\/[a-z.]+(:8443)?\//);
  });

  it('the fetch wrapper and socket opener refuse a foreign URL without touching the network', async () => {
    const fetch = new FakeFetch();
    const log = recordingLog();
    const http = createHttpClient(fetch.fn, new FakeClock(), log);
    const result = await http.getJson(new URL('https://evil.example/steal'));
    expect(result.ok).toBe(false);
    expect(fetch.calls).toEqual([]);
    const sockets = socketFactory();
    expect(openSocket(new URL('wss://evil.example/ws'), sockets.Socket, log)).toBeNull();
    expect(sockets.made).toEqual([]);
    expect(log.warnings).toHaveLength(2);
  });
});

describe('backoff', () => {
  it('grows exponentially with full jitter and caps at 60 s', () => {
    const top = () => 0.999999;
    expect([0, 1, 2, 3, 4, 5, 6, 7, 20].map((n) => backoffDelay(n, top))).toEqual([
      999, 1999, 3999, 7999, 15999, 31999, 59999, 59999, 59999,
    ]);
    expect(backoffDelay(5, () => 0)).toBe(0);
    let seed = 1;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let attempt = 0; attempt < 12; attempt += 1) {
      const ceiling = Math.min(BACKOFF_CAP_MS, 1000 * 2 ** attempt);
      for (let i = 0; i < 50; i += 1) {
        const delay = backoffDelay(attempt, random);
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThan(ceiling);
      }
    }
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-11-24T10:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 7 ', now)).toBe(7_000);
    expect(parseRetryAfter('Tue, 24 Nov 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Tue, 24 Nov 2026 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('999999999', now)).toBe(24 * 3_600_000);
    for (const bad of [null, '', '-5', '1.5', 'soon', '2026-11-24T10:00:30Z'])
      expect(parseRetryAfter(bad, now)).toBeNull();
  });

  it('describes delays for people', () => {
    expect([400, 4_000, 90_000, 600_000, 7_200_000].map(describeDelay)).toEqual([
      '1 s',
      '4 s',
      '90 s',
      '10 min',
      '2 h',
    ]);
  });
});

describe('fetch wrapper', () => {
  const url = endpointUrl('kraken-margin', 'mark', 'BTC/USD')!;

  it('sends a credential-less GET and parses JSON', async () => {
    let seen: RequestInit | undefined;
    const fetch = new FakeFetch().route(TICKER, (_, init) => ((seen = init), jsonResponse({ error: [], result: {} })));
    const result = await createHttpClient(fetch.fn, new FakeClock(), recordingLog()).getJson(url);
    expect(result).toEqual({ ok: true, body: { error: [], result: {} } });
    expect(seen).toMatchObject({ method: 'GET', credentials: 'omit', redirect: 'error' });
  });

  it.each<[string, () => ReturnType<typeof response>, string]>([
    ['5xx', () => response(503, 'busy'), 'HTTP 503 from api.kraken.com'],
    ['malformed JSON', () => response(200, '{"error": ['), 'Malformed JSON from api.kraken.com'],
    ['an HTML error page', () => response(200, '<html>'), 'Malformed JSON from api.kraken.com'],
  ])('reports %s', async (_, answer, message) => {
    const fetch = new FakeFetch().route(TICKER, answer);
    const result = await createHttpClient(fetch.fn, new FakeClock(), recordingLog()).getJson(url);
    expect(result).toEqual({ ok: false, failure: { host: 'api.kraken.com', message, retryAfterMs: null } });
  });

  it('reports network errors', async () => {
    const fetch = new FakeFetch().route(TICKER, () => Promise.reject(new TypeError('Failed to fetch')));
    const result = await createHttpClient(fetch.fn, new FakeClock(), recordingLog()).getJson(url);
    expect(!result.ok && result.failure.message).toBe('Network error reaching api.kraken.com');
  });

  it('gives up after 5 s and aborts the request', async () => {
    const clock = new FakeClock();
    let aborted = false;
    const fetch = new FakeFetch().route(TICKER, (_, init) => {
      init.signal?.addEventListener('abort', () => (aborted = true));
      return never(init);
    });
    const pending = createHttpClient(fetch.fn, clock, recordingLog()).getJson(url);
    await clock.advance(FETCH_TIMEOUT_MS - 1);
    expect(aborted).toBe(false);
    await clock.advance(1);
    const result = await pending;
    expect(aborted).toBe(true);
    expect(!result.ok && result.failure.message).toBe('No answer from api.kraken.com within 5 s');
  });

  it('honours Retry-After on 429 and holds back the whole host meanwhile', async () => {
    const clock = new FakeClock();
    const fetch = new FakeFetch()
      .route(TICKER, () => response(429, '', { 'Retry-After': '30' }))
      .route('/0/public/AssetPairs', () => jsonResponse({}));
    const http = createHttpClient(fetch.fn, clock, recordingLog());
    const first = await http.getJson(url);
    expect(!first.ok && first.failure).toEqual({
      host: 'api.kraken.com',
      message: 'HTTP 429 (rate limited) from api.kraken.com',
      retryAfterMs: 30_000,
    });
    await clock.advance(10_000);
    const other = await http.getJson(endpointUrl('kraken-margin', 'facts', 'BTC/USD')!);
    expect(!other.ok && other.failure.retryAfterMs).toBe(20_000);
    expect(fetch.calls).toHaveLength(1);
    await clock.advance(20_000);
    expect((await http.getJson(endpointUrl('kraken-margin', 'facts', 'BTC/USD')!)).ok).toBe(true);
  });

  it('honours a Retry-After date on 418', async () => {
    const clock = new FakeClock();
    const at = new Date(clock.now() + 120_000).toUTCString();
    const fetch = new FakeFetch().route('/fapi/v1/premiumIndex', () =>
      response(418, '{"code":-1003}', { 'Retry-After': at }),
    );
    const result = await createHttpClient(fetch.fn, clock, recordingLog()).getJson(
      endpointUrl('binance-usdm', 'mark', 'BTCUSDT')!,
    );
    expect(!result.ok && result.failure.retryAfterMs).toBe(120_000);
  });
});
