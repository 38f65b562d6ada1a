// Bybit USDT perpetuals in the mock exchange: the trade page at https://www.bybit.com/trade/usdt/
// {SYMBOL} and the public v5 API as documented (https://bybit-exchange.github.io/docs/v5/):
//   REST https://api.bybit.com/v5/market/{tickers,risk-limit,instruments-info}?category=linear[&symbol=]
//        (answers are HTTP 200 with retCode/retMsg; errors use Bybit's codes)
//   WS   wss://stream.bybit.com/v5/public/linear: {"op":"subscribe","args":["tickers.BTCUSDT"]} → an ack,
//        then a snapshot and deltas (only changed fields); {"op":"ping"} → a pong, also while frozen.
// Prices come from the MarketBook; tiers and instrument figures are the fixed, illustrative
// ones below (the first BTCUSDT tier, 0.5 % up to 2,000,000 USDT at 100×, is Bybit's published one).
import type { WebSocket } from 'ws';
import type { MarketBook } from '../markets';
import { sendText, type StreamOptions, type StreamSession } from '../stream-session';
import type { JsonAnswer, MockRequest, MockVenueApi } from '../venue-api';

const REST_HOST = 'api.bybit.com';
const WS_HOST = 'stream.bybit.com';
const WS_PATH = '/v5/public/linear';

interface Tier {
  cap: string;
  mmr: string;
  imr: string;
  maxLeverage: string;
  /** "" on the lowest tier, as Bybit sends it. */
  deduction: string;
}

interface Instrument {
  symbol: string;
  base: string;
  price: string;
  fundingIntervalMinutes: number;
  maxLeverage: string;
  tickSize: string;
  qtyStep: string;
  tiers: readonly Tier[];
}

export const BYBIT_INSTRUMENTS: readonly Instrument[] = [
  {
    symbol: 'BTCUSDT',
    base: 'BTC',
    price: '65010.2',
    fundingIntervalMinutes: 480,
    maxLeverage: '100.00',
    tickSize: '0.10',
    qtyStep: '0.001',
    tiers: [
      { cap: '2000000', mmr: '0.005', imr: '0.01', maxLeverage: '100.00', deduction: '' },
      { cap: '4000000', mmr: '0.0075', imr: '0.0125', maxLeverage: '80.00', deduction: '5000' },
      { cap: '6000000', mmr: '0.01', imr: '0.015', maxLeverage: '66.67', deduction: '15000' },
    ],
  },
  {
    symbol: 'ETHUSDT',
    base: 'ETH',
    price: '3501.3',
    fundingIntervalMinutes: 240,
    maxLeverage: '100.00',
    tickSize: '0.01',
    qtyStep: '0.01',
    tiers: [
      { cap: '1000000', mmr: '0.005', imr: '0.01', maxLeverage: '100.00', deduction: '' },
      { cap: '2000000', mmr: '0.0075', imr: '0.0125', maxLeverage: '80.00', deduction: '2500' },
      { cap: '3000000', mmr: '0.01', imr: '0.015', maxLeverage: '66.67', deduction: '7500' },
    ],
  },
];

/** Symbols are case-sensitive on Bybit ("uppercase only" in the docs). */
const instrument = (symbol: string | null): Instrument | undefined =>
  BYBIT_INSTRUMENTS.find((i) => i.symbol === symbol);

const envelope = (result: unknown, time: number) => ({ retCode: 0, retMsg: 'OK', result, retExtInfo: {}, time });
const failure = (retCode: number, retMsg: string) => ({
  retCode,
  retMsg,
  result: {},
  retExtInfo: {},
  time: Date.now(),
});

const REST_ENDPOINTS: Readonly<Record<string, string>> = {
  '/v5/market/tickers': 'bybit-linear.tickers',
  '/v5/market/risk-limit': 'bybit-linear.riskLimit',
  '/v5/market/instruments-info': 'bybit-linear.instruments',
};

function endpoint(host: string, pathname: string): string | null {
  if (host === REST_HOST)
    return Object.hasOwn(REST_ENDPOINTS, pathname) ? REST_ENDPOINTS[pathname]! : 'bybit-linear.other';
  if (host === WS_HOST) return 'bybit-linear.ws';
  return null;
}

/** The ticker fields of one symbol as REST and the stream snapshot give them (all strings). */
function tickerData(i: Instrument, book: MarketBook): Record<string, string> {
  const q = book.get('bybit-linear', i.symbol);
  return {
    symbol: i.symbol,
    lastPrice: q.price,
    indexPrice: q.price,
    markPrice: q.price,
    prevPrice24h: q.price,
    price24hPcnt: '0',
    highPrice24h: q.price,
    lowPrice24h: q.price,
    prevPrice1h: q.price,
    openInterest: '52630.742',
    openInterestValue: '3421542513.78',
    turnover24h: '6291584310.5512',
    volume24h: '97104.6350',
    fundingRate: q.fundingRate,
    nextFundingTime: String(q.nextFundingTime),
    bid1Price: q.price,
    bid1Size: '1.000',
    ask1Price: q.price,
    ask1Size: '1.000',
    fundingIntervalHour: String(i.fundingIntervalMinutes / 60),
  };
}

function riskRows(i: Instrument) {
  return i.tiers.map((t, index) => ({
    id: index + 1,
    symbol: i.symbol,
    riskLimitValue: t.cap,
    maintenanceMargin: t.mmr,
    initialMargin: t.imr,
    isLowestRisk: index === 0 ? 1 : 0,
    maxLeverage: t.maxLeverage,
    mmDeduction: t.deduction,
  }));
}

function instrumentRow(i: Instrument) {
  return {
    symbol: i.symbol,
    contractType: 'LinearPerpetual',
    status: 'Trading',
    baseCoin: i.base,
    quoteCoin: 'USDT',
    launchTime: '1584230400000',
    deliveryTime: '0',
    deliveryFeeRate: '',
    priceScale: String(i.tickSize.split('.')[1]?.length ?? 0),
    leverageFilter: { minLeverage: '1', maxLeverage: i.maxLeverage, leverageStep: '0.01' },
    priceFilter: { minPrice: i.tickSize, maxPrice: '1999999.80', tickSize: i.tickSize },
    lotSizeFilter: {
      maxOrderQty: '1190.000',
      minOrderQty: i.qtyStep,
      qtyStep: i.qtyStep,
      postOnlyMaxOrderQty: '1190.000',
      maxMktOrderQty: '500.000',
      minNotionalValue: '5',
    },
    unifiedMarginTrade: true,
    fundingInterval: i.fundingIntervalMinutes,
    settleCoin: 'USDT',
    copyTrading: 'both',
    upperFundingRate: '0.005',
    lowerFundingRate: '-0.005',
    isPreListing: false,
    preListingInfo: null,
    riskParameters: { priceLimitRatioX: '0.01', priceLimitRatioY: '0.02' },
    displayName: '',
  };
}

function rest({ url, method }: MockRequest, book: MarketBook): JsonAnswer {
  const name = endpoint(url.hostname, url.pathname);
  if (method !== 'GET' || name === 'bybit-linear.other')
    return { status: 404, body: '{"retCode":404,"retMsg":"Not Found"}' };
  if (url.searchParams.get('category') !== 'linear') {
    // The mock serves USDT perpetuals only; spot/inverse/option have other shapes.
    return { status: 200, body: failure(10001, 'params error: Category is invalid') };
  }
  const symbol = url.searchParams.get('symbol');
  const chosen = symbol === null ? BYBIT_INSTRUMENTS : BYBIT_INSTRUMENTS.filter((i) => i === instrument(symbol));
  const now = Date.now();
  const time = (symbol !== null && chosen[0] ? book.get('bybit-linear', chosen[0].symbol).exchangeTime : null) ?? now;
  switch (name) {
    case 'bybit-linear.tickers':
      if (chosen.length === 0) return { status: 200, body: failure(10001, 'Not supported symbols') };
      return {
        status: 200,
        body: envelope({ category: 'linear', list: chosen.map((i) => tickerData(i, book)) }, time),
      };
    case 'bybit-linear.riskLimit':
      if (chosen.length === 0) return { status: 200, body: failure(10001, 'params error: symbol invalid') };
      return {
        status: 200,
        body: envelope({ category: 'linear', list: chosen.flatMap(riskRows), nextPageCursor: '' }, now),
      };
    default:
      // instruments-info answers an unknown symbol with an empty list.
      return {
        status: 200,
        body: envelope({ category: 'linear', list: chosen.map(instrumentRow), nextPageCursor: '' }, now),
      };
  }
}

function errorBody(status: number): string {
  return JSON.stringify(status === 429 ? failure(10006, 'Too many visits!') : failure(10016, 'Internal server error.'));
}

/** When each {"op":"ping"} arrived (epoch ms), for tests of the client's keep-alive. */
export const receivedPings: number[] = [];

/** One connection to wss://stream.bybit.com/v5/public/linear. */
class BybitStream implements StreamSession {
  readonly venue = 'bybit-linear' as const;
  private readonly topics = new Map<string, { symbol: string; lastSent: number }>();
  private readonly connId = `mock-${Math.random().toString(36).slice(2, 10)}`;
  private sequence = 24_987_956_000;

  constructor(
    readonly socket: WebSocket,
    private readonly book: MarketBook,
    private readonly options: StreamOptions,
  ) {
    socket.on('message', (data) => this.onMessage(String(data)));
  }

  subscribedSymbols(): string[] {
    return [...new Set([...this.topics.values()].map((t) => t.symbol))];
  }

  private answer(op: string, success: boolean, retMsg: string, reqId: unknown): void {
    sendText(
      this.socket,
      JSON.stringify({
        success,
        ret_msg: retMsg,
        conn_id: this.connId,
        req_id: typeof reqId === 'string' ? reqId : '',
        op,
      }),
    );
  }

  private onMessage(text: string): void {
    let msg: any;
    try {
      msg = JSON.parse(text);
    } catch {
      this.answer('', false, 'error:request not json', '');
      return;
    }
    const args: unknown[] = Array.isArray(msg?.args) ? msg.args : [];
    switch (msg?.op) {
      case 'ping':
        receivedPings.push(Date.now());
        this.answer('ping', true, 'pong', msg.req_id);
        return;
      case 'subscribe': {
        const bad = args.find(
          (a) => typeof a !== 'string' || !/^tickers\./.test(a) || !instrument(a.slice('tickers.'.length)),
        );
        if (bad !== undefined || args.length === 0) {
          this.answer('subscribe', false, `error:handler not found,topic:${String(bad ?? '')}`, msg.req_id);
          return;
        }
        this.answer('subscribe', true, '', msg.req_id);
        for (const topic of args as string[]) {
          const symbol = topic.slice('tickers.'.length);
          this.topics.set(topic, { symbol, lastSent: 0 });
          this.push(topic, 'snapshot', Date.now());
        }
        return;
      }
      case 'unsubscribe':
        for (const a of args) if (typeof a === 'string') this.topics.delete(a);
        this.answer('unsubscribe', true, '', msg.req_id);
        return;
      default:
        this.answer(typeof msg?.op === 'string' ? msg.op : '', false, 'error:unsupported op', msg?.req_id);
    }
  }

  /** A snapshot (every field) or a delta (the mark and last price, which moved). */
  private push(topic: string, type: 'snapshot' | 'delta', now: number): void {
    const sub = this.topics.get(topic);
    if (!sub) return;
    sub.lastSent = now;
    if (!this.options.streaming()) return;
    if (this.options.garbage) {
      sendText(this.socket, '{"topic":"tickers.');
      return;
    }
    const i = instrument(sub.symbol)!;
    const full = tickerData(i, this.book);
    const data =
      type === 'snapshot'
        ? full
        : { symbol: full.symbol, markPrice: full.markPrice, indexPrice: full.indexPrice, lastPrice: full.lastPrice };
    const ts = this.book.get('bybit-linear', sub.symbol).exchangeTime ?? now;
    this.sequence += 1;
    sendText(this.socket, JSON.stringify({ topic, type, data, cs: this.sequence, ts }));
  }

  /** The mark is recomputed continuously: a delta every second per topic. */
  tick(now: number): void {
    for (const [topic, sub] of this.topics) if (now - sub.lastSent >= 1_000) this.push(topic, 'delta', now);
  }

  priceChanged(symbol: string): void {
    for (const [topic, sub] of this.topics) if (sub.symbol === symbol) this.push(topic, 'delta', Date.now());
  }
}

export const mockApi: MockVenueApi = {
  venue: 'bybit-linear',
  pages: [{ host: 'www.bybit.com', path: /^\/trade\/usdt\/[^/]+\/?$/, file: 'bybit-linear.html' }],
  restHosts: [REST_HOST],
  wsHosts: [WS_HOST],
  symbols: BYBIT_INSTRUMENTS.map((i) => ({ symbol: i.symbol, price: i.price })),
  endpoint,
  rest,
  errorBody,
  acceptsWsPath: (host, pathname) => host === WS_HOST && pathname === WS_PATH,
  openStream: (socket, _url, book, options) => new BybitStream(socket, book, options),
};
