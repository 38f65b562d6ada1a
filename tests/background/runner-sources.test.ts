// The feed runner's issue-4 features, on a synthetic feed at allowlisted URLs: extra slow REST
// sources on their own retry channels, tier tables, JSON POST endpoints, and the application
// pings some venues need to keep a socket open (with a non-JSON reply dropped unparsed).
import { beforeEach, describe, expect, it } from 'vitest';
import { FACTS_POLL_MS, FeedRunner } from '../../src/background/feed/runner';
import { createHttpClient } from '../../src/background/net/http';
import type { ParseResult, VenueFeed } from '../../src/venues/feed-types';
import type { MarketSnapshot, TierTable } from '../../src/venues/types';
import { FakeClock, FakeFetch, jsonResponse, recordingLog, response, socketFactory, T0 } from './fakes';

const TABLE: TierTable = {
  basis: 'contracts',
  rows: [{ floor: '0', cap: null, maintenanceMarginRate: '0.004', maintenanceAmount: null, maxLeverage: '100' }],
};
const ok = (figures: Record<string, string>, tiers?: TierTable): ParseResult => ({
  ok: true,
  figures: Object.fromEntries(Object.entries(figures).map(([k, value]) => [k, { value, exchangeTime: null }])),
  ...(tiers ? { tiers } : {}),
});
const bodies: string[] = [];

/** OKX-shaped URLs (they are on the allowlist), parsers that read {"v": "..."}. */
const feed: VenueFeed = {
  venue: 'okx-swap',
  symbolPattern: /^[A-Z]+-USDT-SWAP$/,
  quoteAsset: () => 'USDT',
  endpoints: {
    mark: { base: 'https://www.okx.com/api/v5/public/mark-price', query: (instId) => ({ instId }) },
    facts: { base: 'https://www.okx.com/api/v5/public/instruments', query: (instId) => ({ instId }) },
    stream: { base: 'wss://ws.okx.com:8443/ws/v5/public' },
  },
  moreFacts: [
    {
      name: 'tiers',
      endpoint: {
        base: 'https://www.okx.com/api/v5/public/position-tiers',
        postBody: (instId) => ({ type: 'tiers', instId }),
      },
      parse: (body) => ok({}, (body as { t: TierTable }).t),
    },
  ],
  parseMark: (body) => ok({ markPrice: (body as { v: string }).v }),
  parseFacts: () => ok({ contractValue: '0.01' }),
  subscribe: () => ['{"op":"subscribe"}'],
  unsubscribe: () => ['{"op":"unsubscribe"}'],
  streamSymbol: () => 'BTC-USDT-SWAP',
  parseStream: (message) =>
    (message as { v?: string }).v
      ? { kind: 'figures', figures: { markPrice: { value: (message as { v: string }).v, exchangeTime: null } } }
      : { kind: 'malformed', reason: 'no v' },
  heartbeat: { everyMs: 20_000, message: 'ping', reply: 'pong' },
};

let clock: FakeClock;
let fetch: FakeFetch;
let sockets: ReturnType<typeof socketFactory>;
let seen: MarketSnapshot[];
let log: ReturnType<typeof recordingLog>;

beforeEach(() => {
  clock = new FakeClock();
  fetch = new FakeFetch();
  sockets = socketFactory();
  seen = [];
  bodies.length = 0;
  log = recordingLog();
  fetch
    .route('/api/v5/public/mark-price', () => jsonResponse({ v: '60000.5' }))
    .route('/api/v5/public/instruments', () => jsonResponse({}))
    .route('/api/v5/public/position-tiers', (_url, init) => {
      bodies.push(`${init.method} ${String(init.body)} ${JSON.stringify(init.headers)}`);
      return jsonResponse({ t: TABLE });
    });
});

function start(): FeedRunner {
  const runner = new FeedRunner(
    feed,
    'BTC-USDT-SWAP',
    { clock, http: createHttpClient(fetch.fn, clock, log), sockets: sockets.Socket, random: () => 0.5, log },
    null,
    (s) => seen.push(s),
  );
  runner.start();
  return runner;
}
const last = (): MarketSnapshot => seen[seen.length - 1]!;

describe('feed runner v2', () => {
  it('polls every extra facts source, POSTs JSON bodies and keeps the tier table with its time', async () => {
    start();
    await clock.advance(0);
    expect(bodies).toEqual(['POST {"type":"tiers","instId":"BTC-USDT-SWAP"} {"content-type":"application/json"}']);
    expect(last().tiers).toEqual({ table: TABLE, receivedAt: T0, source: 'rest' });
    expect(last().figures.contractValue?.value).toBe('0.01');
    expect(last().status).toBe('live');
    await clock.advance(FACTS_POLL_MS);
    expect(bodies).toHaveLength(2);
  });

  it('retries a failing extra source on its own channel and reports it; the other figures stay', async () => {
    let failures = 2;
    fetch.route('/api/v5/public/position-tiers', () =>
      failures-- > 0 ? response(500, 'oops') : jsonResponse({ t: TABLE }),
    );
    start();
    await clock.advance(0);
    expect(last().status).toBe('degraded');
    expect(last().lastError).toMatch(/HTTP 500 from www\.okx\.com/);
    expect(last().figures.markPrice?.value).toBe('60000.5');
    expect(last().tiers).toBeUndefined();
    await clock.advance(60_000);
    expect(last().tiers?.table).toEqual(TABLE);
    expect(last().lastError ?? '').not.toMatch(/HTTP 500/);
  });

  it('sends the heartbeat on schedule while the socket is current, drops the plain-text reply, stops after a drop', async () => {
    start();
    await clock.advance(0);
    const socket = sockets.made[0]!;
    expect(socket.url).toBe('wss://ws.okx.com:8443/ws/v5/public');
    socket.open();
    expect(socket.sent).toEqual(['{"op":"subscribe"}']);
    await clock.advance(20_000);
    socket.receive('pong');
    await clock.advance(20_000);
    expect(socket.sent).toEqual(['{"op":"subscribe"}', 'ping', 'ping']);
    expect(log.warnings).toEqual([]);
    socket.receive({ v: '60001' });
    expect(last().figures.markPrice).toMatchObject({ value: '60001', source: 'stream' });
    socket.drop();
    await clock.advance(40_000);
    expect(socket.sent.filter((m) => m === 'ping')).toHaveLength(2);
  });

  it('refuses a POST body that is not small literal JSON', async () => {
    const http = createHttpClient(fetch.fn, clock, log);
    const url = new URL('https://www.okx.com/api/v5/public/position-tiers');
    const result = await http.getJson(url as never, 'x'.repeat(2_000));
    expect(result.ok).toBe(false);
    expect(fetch.calls).toEqual([]);
  });
});
