// OKX USDT perpetual swaps in the mock exchange: the trade page at https://www.okx.com/trade-swap/
// {base}-usdt-swap and the public v5 API as documented (https://www.okx.com/docs-v5/en/), which OKX
// serves from the site's own origin:
//   REST https://www.okx.com/api/v5/public/{mark-price,instruments,funding-rate,position-tiers}
//        → {"code":"0","msg":"","data":[…]}; bad parameters → HTTP 400 with OKX's codes (50014, 51000, 51001)
//   WS   wss://ws.okx.com:8443/ws/v5/public: {"op":"subscribe","args":[{"channel","instId"}]} → one
//        {"event":"subscribe"} per channel, then pushes (mark-price at once, on every change and every
//        10 s; funding-rate at once, on change and every 30 s); the text "ping" → "pong" (also while
//        frozen); an unknown channel or instId → {"event":"error"}. Like OKX, a socket that sends
//        nothing for 30 s is closed.
// Prices and funding come from the MarketBook; contract values, leverage and tiers are the fixed,
// illustrative figures below (tiers in contracts: ctVal 0.01 BTC / 0.1 ETH / 1 SOL per contract;
// SOL settles funding every 4 h). SOL is used by no test but the cold-start one, so the extension
// holds no cached figures for it.
import { randomBytes } from 'node:crypto';
import type { WebSocket } from 'ws';
import type { MarketBook } from '../markets';
import { sendText, type StreamOptions, type StreamSession } from '../stream-session';
import type { JsonAnswer, MockRequest, MockVenueApi } from '../venue-api';

const SITE_HOST = 'www.okx.com';
const WS_HOST = 'ws.okx.com';
const WS_PATH = '/ws/v5/public';
const API_PATH = /^\/api\/v5\//;
const HOUR_MS = 3_600_000;
const MARK_EVERY_MS = 10_000;
const FUNDING_EVERY_MS = 30_000;
const IDLE_CLOSE_MS = 30_000;

interface Tier {
  minSz: string;
  maxSz: string;
  mmr: string;
  imr: string;
  maxLever: string;
}

interface Instrument {
  instId: string;
  family: string;
  base: string;
  price: string;
  ctVal: string;
  lever: string;
  /** Price step (tickSz), as OKX lists it for the real instrument. */
  tickSz: string;
  fundingIntervalHours: number;
  tiers: readonly Tier[];
}

export const OKX_INSTRUMENTS: readonly Instrument[] = [
  {
    instId: 'BTC-USDT-SWAP',
    family: 'BTC-USDT',
    base: 'BTC',
    price: '65010.2',
    ctVal: '0.01',
    lever: '100',
    tickSz: '0.1',
    fundingIntervalHours: 8,
    tiers: [
      { minSz: '0', maxSz: '2000', mmr: '0.004', imr: '0.01', maxLever: '100' },
      { minSz: '2001', maxSz: '5000', mmr: '0.005', imr: '0.0133', maxLever: '75' },
      { minSz: '5001', maxSz: '10000', mmr: '0.0065', imr: '0.02', maxLever: '50' },
      { minSz: '10001', maxSz: '50000', mmr: '0.015', imr: '0.05', maxLever: '20' },
    ],
  },
  {
    instId: 'ETH-USDT-SWAP',
    family: 'ETH-USDT',
    base: 'ETH',
    price: '3501.3',
    ctVal: '0.1',
    lever: '100',
    tickSz: '0.01',
    fundingIntervalHours: 8,
    tiers: [
      { minSz: '0', maxSz: '5000', mmr: '0.005', imr: '0.01', maxLever: '100' },
      { minSz: '5001', maxSz: '15000', mmr: '0.0075', imr: '0.02', maxLever: '50' },
      { minSz: '15001', maxSz: '60000', mmr: '0.015', imr: '0.05', maxLever: '20' },
    ],
  },
  {
    instId: 'SOL-USDT-SWAP',
    family: 'SOL-USDT',
    base: 'SOL',
    price: '150.12',
    ctVal: '1',
    lever: '50',
    tickSz: '0.01',
    fundingIntervalHours: 4,
    tiers: [
      { minSz: '0', maxSz: '20000', mmr: '0.01', imr: '0.02', maxLever: '50' },
      { minSz: '20001', maxSz: '80000', mmr: '0.015', imr: '0.04', maxLever: '25' },
    ],
  },
];

/** instIds are case-sensitive on OKX: "btc-usdt-swap" does not exist. */
const instrument = (instId: string | null): Instrument | undefined => OKX_INSTRUMENTS.find((i) => i.instId === instId);

const ok = (data: unknown[]): JsonAnswer => ({ status: 200, body: { code: '0', msg: '', data } });
const refuse = (status: number, code: string, msg: string): JsonAnswer => ({ status, body: { code, msg, data: [] } });
const empty = (name: string) => refuse(400, '50014', `Parameter ${name} can not be empty.`);

const REST_ENDPOINTS: Readonly<Record<string, string>> = {
  '/api/v5/public/mark-price': 'okx-swap.mark-price',
  '/api/v5/public/instruments': 'okx-swap.instruments',
  '/api/v5/public/funding-rate': 'okx-swap.funding-rate',
  '/api/v5/public/position-tiers': 'okx-swap.position-tiers',
};

/** The site host serves pages too: only /api/v5/ paths are API endpoints, everything else is a page. */
function endpoint(host: string, pathname: string): string | null {
  if (host === SITE_HOST) return API_PATH.test(pathname) ? (REST_ENDPOINTS[pathname] ?? 'okx-swap.other') : null;
  if (host === WS_HOST) return 'okx-swap.ws';
  return null;
}

function markRow(i: Instrument, book: MarketBook, now: number): Record<string, string> {
  const q = book.get('okx-swap', i.instId);
  return { instType: 'SWAP', instId: i.instId, markPx: q.price, ts: String(q.exchangeTime ?? now) };
}

/** Funding as OKX reports it: the rate of the coming settlement at fundingTime, and the one after. */
function fundingRow(i: Instrument, book: MarketBook, now: number): Record<string, string> {
  const q = book.get('okx-swap', i.instId);
  return {
    formulaType: 'noRate',
    fundingRate: q.fundingRate,
    fundingTime: String(q.nextFundingTime),
    impactValue: '',
    instId: i.instId,
    instType: 'SWAP',
    interestRate: '',
    maxFundingRate: '0.00375',
    method: 'current_period',
    minFundingRate: '-0.00375',
    nextFundingRate: '',
    nextFundingTime: String(q.nextFundingTime + i.fundingIntervalHours * HOUR_MS),
    premium: '0.0000910113652644',
    settFundingRate: '0.0000145824401745',
    settState: 'settled',
    ts: String(q.exchangeTime ?? now),
  };
}

function instrumentRow(i: Instrument): Record<string, unknown> {
  return {
    alias: '',
    auctionEndTime: '',
    baseCcy: '',
    category: '1',
    contTdSwTime: '',
    ctMult: '1',
    ctType: 'linear',
    ctVal: i.ctVal,
    ctValCcy: i.base,
    expTime: '',
    futureSettlement: false,
    groupId: '2',
    instFamily: i.family,
    instId: i.instId,
    instType: 'SWAP',
    lever: i.lever,
    listTime: '1573557408000',
    lotSz: '0.01',
    maxIcebergSz: '100000000.0000000000000000',
    maxLmtAmt: '20000000',
    maxLmtSz: '100000000',
    maxMktAmt: '',
    maxMktSz: '12000',
    maxStopSz: '12000',
    maxTriggerSz: '100000000.0000000000000000',
    maxTwapSz: '100000000.0000000000000000',
    minSz: '0.01',
    openType: '',
    optType: '',
    preMktSwTime: '',
    quoteCcy: '',
    ruleType: 'normal',
    settleCcy: 'USDT',
    state: 'live',
    stk: '',
    tickSz: i.tickSz,
    uly: i.family,
    upcChg: [],
  };
}

function tierRows(i: Instrument): Array<Record<string, string>> {
  return i.tiers.map((t, n) => ({
    baseMaxLoan: '',
    imr: t.imr,
    instFamily: i.family,
    instId: '',
    maxLever: t.maxLever,
    maxSz: t.maxSz,
    minSz: t.minSz,
    mmr: t.mmr,
    optMgnFactor: '0',
    quoteMaxLoan: '',
    tier: String(n + 1),
    uly: i.family,
  }));
}

/** The instruments a request selects by instType (+ optional instId), or OKX's refusal. */
function selected(params: URLSearchParams): Instrument[] | JsonAnswer {
  const instType = params.get('instType');
  if (!instType) return empty('instType');
  if (!['SPOT', 'MARGIN', 'SWAP', 'FUTURES', 'OPTION'].includes(instType))
    return refuse(400, '51000', 'Parameter instType error');
  const instId = params.get('instId');
  if (instId === null) return instType === 'SWAP' ? [...OKX_INSTRUMENTS] : [];
  const found = instrument(instId);
  return found && instType === 'SWAP' ? [found] : refuse(400, '51001', "Instrument ID or Spread ID doesn't exist.");
}

function rest({ url, method }: MockRequest, book: MarketBook): JsonAnswer {
  if (method !== 'GET') return refuse(405, '50000', 'Method Not Allowed');
  const now = Date.now();
  const params = url.searchParams;
  switch (url.pathname) {
    case '/api/v5/public/mark-price':
    case '/api/v5/public/instruments': {
      const list = selected(params);
      if (!Array.isArray(list)) return list;
      return ok(list.map((i) => (url.pathname.endsWith('mark-price') ? markRow(i, book, now) : instrumentRow(i))));
    }
    case '/api/v5/public/funding-rate': {
      const instId = params.get('instId');
      if (!instId) return empty('instId');
      const found = instrument(instId);
      return found
        ? ok([fundingRow(found, book, now)])
        : refuse(400, '51001', "Instrument ID or Spread ID doesn't exist.");
    }
    case '/api/v5/public/position-tiers': {
      const instType = params.get('instType');
      const tdMode = params.get('tdMode');
      const family = params.get('instFamily');
      if (!instType) return empty('instType');
      if (!tdMode) return empty('tdMode');
      if (tdMode !== 'cross' && tdMode !== 'isolated') return refuse(400, '51000', 'Parameter tdMode error');
      if (instType !== 'SWAP') return ok([]);
      if (!family) return empty('instFamily');
      const found = OKX_INSTRUMENTS.find((i) => i.family === family);
      return found ? ok(tierRows(found)) : refuse(400, '51000', 'Parameter instFamily error');
    }
    default:
      return { status: 404, body: { code: '404', msg: 'Not Found' } };
  }
}

function errorBody(status: number): string {
  return JSON.stringify(
    status === 429
      ? { msg: 'Too Many Requests', code: '50011' }
      : { code: '50001', msg: 'Service temporarily unavailable. Please try again later.', data: [] },
  );
}

type Channel = 'mark-price' | 'funding-rate';

interface Subscription {
  channel: Channel;
  instrument: Instrument;
  lastSent: number;
  /** The funding rate last pushed, to push again when it changes. */
  lastRate: string | null;
}

/** One connection to wss://ws.okx.com:8443/ws/v5/public. */
class OkxStream implements StreamSession {
  readonly venue = 'okx-swap' as const;
  private readonly subscriptions = new Map<string, Subscription>();
  private readonly connId = randomBytes(4).toString('hex');
  private lastHeard = Date.now();

  constructor(
    readonly socket: WebSocket,
    private readonly book: MarketBook,
    private readonly options: StreamOptions,
  ) {
    socket.on('message', (data) => this.onMessage(String(data)));
  }

  subscribedSymbols(): string[] {
    return [...new Set([...this.subscriptions.values()].map((s) => s.instrument.instId))];
  }

  private reply(message: Record<string, unknown>): void {
    sendText(this.socket, JSON.stringify({ ...message, connId: this.connId }));
  }

  private onMessage(text: string): void {
    this.lastHeard = Date.now();
    if (text === 'ping') {
      sendText(this.socket, 'pong');
      return;
    }
    let msg: any;
    try {
      msg = JSON.parse(text);
    } catch {
      this.reply({ event: 'error', code: '60012', msg: `Invalid request: ${text.slice(0, 100)}` });
      return;
    }
    const op = msg?.op;
    const args: unknown[] = Array.isArray(msg?.args) ? msg.args : [];
    if ((op !== 'subscribe' && op !== 'unsubscribe') || args.length === 0) {
      this.reply({ event: 'error', code: '60012', msg: `Invalid request: ${text.slice(0, 100)}` });
      return;
    }
    for (const arg of args) {
      const { channel, instId } = (arg ?? {}) as { channel?: unknown; instId?: unknown };
      const found = typeof instId === 'string' ? instrument(instId) : undefined;
      if ((channel !== 'mark-price' && channel !== 'funding-rate') || !found) {
        this.reply({
          event: 'error',
          code: '60018',
          msg: `Wrong URL or channel:${String(channel)},instId:${String(instId)} doesn't exist. Please use the correct URL, channel and parameters referring to API document.`,
        });
        continue;
      }
      const key = `${channel}:${found.instId}`;
      if (op === 'subscribe') this.subscriptions.set(key, { channel, instrument: found, lastSent: 0, lastRate: null });
      else this.subscriptions.delete(key);
      this.reply({ event: op, arg: { channel, instId: found.instId } });
    }
    // OKX pushes the current value right after a subscription.
    if (op === 'subscribe') this.tick(Date.now());
  }

  private push(sub: Subscription, now: number): void {
    sub.lastSent = now;
    if (!this.options.streaming()) return;
    if (this.options.garbage) {
      sendText(
        this.socket,
        `{"arg":{"channel":"${sub.channel}","instId":"${sub.instrument.instId}"},"data":[{"markPx":`,
      );
      return;
    }
    const row =
      sub.channel === 'mark-price'
        ? markRow(sub.instrument, this.book, now)
        : fundingRow(sub.instrument, this.book, now);
    if (sub.channel === 'funding-rate') sub.lastRate = row.fundingRate!;
    sendText(
      this.socket,
      JSON.stringify({ arg: { channel: sub.channel, instId: sub.instrument.instId }, data: [row] }),
    );
  }

  tick(now: number): void {
    if (now - this.lastHeard > IDLE_CLOSE_MS) {
      this.socket.close(4004, 'No data received in 30s.');
      return;
    }
    for (const sub of this.subscriptions.values()) {
      const every = sub.channel === 'mark-price' ? MARK_EVERY_MS : FUNDING_EVERY_MS;
      if (sub.lastSent === 0 || now - sub.lastSent >= every) this.push(sub, now);
    }
  }

  /** A new mark goes out at once (OKX pushes changes every 200 ms); funding only when its rate changed. */
  priceChanged(symbol: string): void {
    const now = Date.now();
    for (const sub of this.subscriptions.values()) {
      if (sub.instrument.instId !== symbol) continue;
      if (sub.channel === 'mark-price' || this.book.get('okx-swap', symbol).fundingRate !== sub.lastRate)
        this.push(sub, now);
    }
  }
}

export const mockApi: MockVenueApi = {
  venue: 'okx-swap',
  // https://www.okx.com/trade-swap/btc-usdt-swap
  pages: [
    {
      host: SITE_HOST,
      path: /^\/(?:[a-z]{2}(?:-[a-z]{2,4})?\/)?trade-swap\/[a-z0-9]+-usdt-swap\/?$/i,
      file: 'okx-swap.html',
    },
  ],
  restHosts: [SITE_HOST],
  wsHosts: [WS_HOST],
  symbols: OKX_INSTRUMENTS.map((i) => ({ symbol: i.instId, price: i.price })),
  endpoint,
  rest,
  errorBody,
  acceptsWsPath: (host, pathname) => host === WS_HOST && pathname === WS_PATH,
  openStream: (socket, _url, book, options) => new OkxStream(socket, book, options),
};
