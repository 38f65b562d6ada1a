// Kraken public API as documented: REST https://api.kraken.com/0/public/{Ticker,AssetPairs,Time}
// answering {"error":[],"result":{...}}, and WS v2 wss://ws.kraken.com/v2 (ticker channel).
import type { WebSocket } from 'ws';
import { padDecimals, trimDecimal } from './decimal-text';
import { findKrakenPair, type KrakenPair, type MarketBook } from './markets';
import { sendText, type StreamOptions, type StreamSession } from './stream-session';

export const KRAKEN_REST_HOST = 'api.kraken.com';
export const KRAKEN_WS_HOST = 'ws.kraken.com';

export interface JsonAnswer {
  status: number;
  /** Sent as is when a string (so numbers keep their exact text), else JSON.stringify'd. */
  body: unknown;
}

/** Fault-injection id of a request, or null for paths the mock does not implement. */
export function krakenEndpoint(host: string, path: string): string | null {
  if (host === KRAKEN_REST_HOST) {
    const m = /^\/0\/public\/(Ticker|AssetPairs|Time)$/.exec(path);
    return m ? `kraken-margin.${m[1]![0]!.toLowerCase()}${m[1]!.slice(1)}` : 'kraken-margin.other';
  }
  if (host === KRAKEN_WS_HOST) return 'kraken-margin.ws';
  return null;
}

export function krakenErrorBody(status: number): string {
  return JSON.stringify({ error: [status === 429 ? 'EAPI:Rate limit exceeded' : 'EService:Unavailable'] });
}

function requestedPairs(url: URL): { pairs: KrakenPair[]; unknown: boolean } {
  const names = (url.searchParams.get('pair') ?? '').split(',').filter(Boolean);
  const pairs = names.map(findKrakenPair);
  return {
    pairs: pairs.filter((p): p is KrakenPair => p !== undefined),
    unknown: names.length === 0 || pairs.includes(undefined),
  };
}

function tickerJson(pair: KrakenPair, book: MarketBook): string {
  const price = padDecimals(book.get('kraken-margin', pair.altname).price, 5);
  const s = JSON.stringify;
  // Every price field is the same figure: whichever one the feed calls its mark, it is this.
  return (
    `{"a":[${s(price)},"1","1.000"],"b":[${s(price)},"2","2.000"],"c":[${s(price)},"0.00100000"],` +
    `"v":["120.5","340.25"],"p":[${s(price)},${s(price)}],"t":[1000,3000],"l":[${s(price)},${s(price)}],"h":[${s(price)},${s(price)}],"o":${s(price)}}`
  );
}

function assetPairJson(pair: KrakenPair): unknown {
  return {
    altname: pair.altname,
    wsname: pair.wsname,
    aclass_base: 'currency',
    base: pair.base,
    aclass_quote: 'currency',
    quote: pair.quote,
    lot: 'unit',
    cost_decimals: 5,
    pair_decimals: pair.pairDecimals,
    lot_decimals: 8,
    lot_multiplier: 1,
    leverage_buy: pair.leverage,
    leverage_sell: pair.leverage,
    fees: [
      [0, 0.4],
      [10000, 0.35],
    ],
    fees_maker: [
      [0, 0.25],
      [10000, 0.2],
    ],
    fee_volume_currency: 'ZUSD',
    margin_call: pair.marginCall,
    margin_stop: pair.marginStop,
    ordermin: '0.0001',
    costmin: '0.5',
    tick_size: pair.pairDecimals === 1 ? '0.1' : '0.01',
    status: 'online',
  };
}

export function krakenRest(url: URL, book: MarketBook): JsonAnswer {
  const unknownPair = { status: 200, body: { error: ['EQuery:Unknown asset pair'] } };
  switch (url.pathname) {
    case '/0/public/Time': {
      const now = Date.now();
      return {
        status: 200,
        body: { error: [], result: { unixtime: Math.floor(now / 1000), rfc1123: new Date(now).toUTCString() } },
      };
    }
    case '/0/public/Ticker': {
      const { pairs, unknown } = requestedPairs(url);
      if (unknown) return unknownPair;
      return {
        status: 200,
        body: `{"error":[],"result":{${pairs.map((p) => `${JSON.stringify(p.restKey)}:${tickerJson(p, book)}`).join(',')}}}`,
      };
    }
    case '/0/public/AssetPairs': {
      const { pairs, unknown } = requestedPairs(url);
      if (unknown) return unknownPair;
      return {
        status: 200,
        body: { error: [], result: Object.fromEntries(pairs.map((p) => [p.restKey, assetPairJson(p)])) },
      };
    }
    default:
      return { status: 404, body: { error: ['EGeneral:Unknown method'] } };
  }
}

const iso = (ms: number) => new Date(ms).toISOString().replace('Z', '000Z');

/** A WS v2 connection: status on open, subscribe/unsubscribe/ping, ticker snapshot+updates, heartbeats. */
export class KrakenStream implements StreamSession {
  readonly venue = 'kraken-margin' as const;
  /** WS v2 name as the client subscribed it → pair. */
  private subscriptions = new Map<string, KrakenPair>();
  private lastHeartbeat = 0;

  constructor(
    readonly socket: WebSocket,
    private book: MarketBook,
    private options: StreamOptions,
  ) {
    sendText(
      socket,
      JSON.stringify({
        channel: 'status',
        type: 'update',
        data: [
          { version: '2.0.10', system: 'online', api_version: 'v2', connection_id: Math.floor(Math.random() * 1e12) },
        ],
      }),
    );
    socket.on('message', (data) => this.onMessage(String(data)));
  }

  subscribedSymbols(): string[] {
    return [...new Set([...this.subscriptions.values()].map((p) => p.altname))];
  }

  private onMessage(text: string): void {
    const timeIn = iso(Date.now());
    let msg: any;
    try {
      msg = JSON.parse(text);
    } catch {
      sendText(
        this.socket,
        JSON.stringify({ error: 'Malformed request', success: false, time_in: timeIn, time_out: iso(Date.now()) }),
      );
      return;
    }
    const reqId = msg?.req_id;
    if (msg?.method === 'ping') {
      sendText(
        this.socket,
        JSON.stringify({ method: 'pong', req_id: reqId, time_in: timeIn, time_out: iso(Date.now()) }),
      );
      return;
    }
    if (
      (msg?.method === 'subscribe' || msg?.method === 'unsubscribe') &&
      msg.params?.channel === 'ticker' &&
      Array.isArray(msg.params.symbol)
    ) {
      for (const name of msg.params.symbol as unknown[]) {
        const pair = typeof name === 'string' ? findKrakenPair(name) : undefined;
        if (!pair) {
          sendText(
            this.socket,
            JSON.stringify({
              error: `Currency pair not supported ${String(name)}`,
              method: msg.method,
              req_id: reqId,
              success: false,
              symbol: name,
              time_in: timeIn,
              time_out: iso(Date.now()),
            }),
          );
          continue;
        }
        const wsName = String(name);
        if (msg.method === 'subscribe') this.subscriptions.set(wsName, pair);
        else this.subscriptions.delete(wsName);
        sendText(
          this.socket,
          JSON.stringify({
            method: msg.method,
            req_id: reqId,
            result: { channel: 'ticker', event_trigger: 'trades', snapshot: true, symbol: wsName },
            success: true,
            time_in: timeIn,
            time_out: iso(Date.now()),
          }),
        );
        if (msg.method === 'subscribe' && msg.params.snapshot !== false) this.sendTicker(wsName, pair, 'snapshot');
      }
      return;
    }
    sendText(
      this.socket,
      JSON.stringify({
        error: 'Unsupported request',
        method: msg?.method,
        req_id: reqId,
        success: false,
        time_in: timeIn,
        time_out: iso(Date.now()),
      }),
    );
  }

  private sendTicker(wsName: string, pair: KrakenPair, type: 'snapshot' | 'update'): void {
    if (!this.options.streaming()) return;
    if (this.options.garbage) {
      sendText(this.socket, '{"channel":"ticker","type":"update","data":[{"symbol":');
      return;
    }
    const quote = this.book.get('kraken-margin', pair.altname);
    // WS v2 sends prices as JSON numbers; written from the decimal text so no float rounding creeps in.
    const p = trimDecimal(quote.price);
    const ts = iso(quote.exchangeTime ?? Date.now());
    sendText(
      this.socket,
      `{"channel":"ticker","type":"${type}","data":[{"symbol":${JSON.stringify(wsName)},"bid":${p},"bid_qty":2.0,"ask":${p},"ask_qty":1.0,` +
        `"last":${p},"volume":340.25,"vwap":${p},"low":${p},"high":${p},"change":0.0,"change_pct":0.0,"timestamp":"${ts}"}]}`,
    );
  }

  tick(now: number): void {
    if (this.subscriptions.size > 0 && now - this.lastHeartbeat >= 1000) {
      this.lastHeartbeat = now;
      sendText(this.socket, '{"channel":"heartbeat"}');
    }
  }

  priceChanged(symbol: string): void {
    for (const [wsName, pair] of this.subscriptions)
      if (pair.altname === symbol) this.sendTicker(wsName, pair, 'update');
  }
}
