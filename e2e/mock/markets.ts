// What the mock exchange "knows": the listed symbols and their current market figures.
// Tests set prices through MockExchange; the REST handlers and the streams read them here.
import { assertDecimal } from './decimal-text';

export type MockVenue = 'kraken' | 'binance';

/** Kraken pair, under every name its APIs use: REST altname, REST result key, WS v1 and WS v2 names. */
export interface KrakenPair {
  altname: string; // XBTUSD: what the REST `pair=` parameter usually carries
  restKey: string; // XXBTZUSD: the key of the REST `result` object
  wsname: string; // XBT/USD: AssetPairs' wsname (WS v1)
  wsV2: string; // BTC/USD: WS v2 symbol
  base: string;
  quote: string;
  pairDecimals: number;
  leverage: number[];
  marginCall: number;
  marginStop: number;
}

export const KRAKEN_PAIRS: readonly KrakenPair[] = [
  { altname: 'XBTUSD', restKey: 'XXBTZUSD', wsname: 'XBT/USD', wsV2: 'BTC/USD', base: 'XXBT', quote: 'ZUSD', pairDecimals: 1, leverage: [2, 3, 4, 5], marginCall: 80, marginStop: 40 },
  { altname: 'ETHUSD', restKey: 'XETHZUSD', wsname: 'ETH/USD', wsV2: 'ETH/USD', base: 'XETH', quote: 'ZUSD', pairDecimals: 2, leverage: [2, 3, 4, 5], marginCall: 80, marginStop: 40 },
];

export interface BinanceSymbol {
  symbol: string; // BTCUSDT
  fundingIntervalHours: number;
  pricePrecision: number;
}

export const BINANCE_SYMBOLS: readonly BinanceSymbol[] = [
  { symbol: 'BTCUSDT', fundingIntervalHours: 8, pricePrecision: 1 },
  { symbol: 'ETHUSDT', fundingIntervalHours: 8, pricePrecision: 2 },
];

/** Any Kraken name (XBTUSD, XXBTZUSD, XBT/USD, BTC/USD, any case) → the pair. */
export function findKrakenPair(name: string): KrakenPair | undefined {
  const n = name.toUpperCase();
  return KRAKEN_PAIRS.find((p) => [p.altname, p.restKey, p.wsname, p.wsV2].includes(n));
}

export function findBinanceSymbol(name: string): BinanceSymbol | undefined {
  const n = name.toUpperCase();
  return BINANCE_SYMBOLS.find((s) => s.symbol === n);
}

export interface Quote {
  /** Mark / last / bid / ask are all this one price, so whichever one a feed takes as its mark, it is this. */
  price: string;
  /** Binance only: lastFundingRate and the stream's `r`. */
  fundingRate: string;
  /** Binance only: next funding time (epoch ms). */
  nextFundingTime: number;
  /** Epoch ms the exchange claims for the figure (Binance `time`/`E`, Kraken WS `timestamp`). */
  exchangeTime: number | null;
}

/** Default figures: fixed, so tests can state their expectations without reading the mock. */
export const DEFAULT_PRICES: Readonly<Record<string, string>> = {
  'kraken:XBTUSD': '65000.0',
  'kraken:ETHUSD': '3200.00',
  'binance:BTCUSDT': '65010.5',
  'binance:ETHUSDT': '3201.25',
};
export const DEFAULT_FUNDING_RATE = '0.0001';

const key = (venue: MockVenue, symbol: string) => `${venue}:${symbol.toUpperCase()}`;

/** Any of a venue's names for a symbol → the canonical REST name (XBTUSD, BTCUSDT). */
export function canonical(venue: MockVenue, symbol: string): string {
  const found = venue === 'kraken' ? findKrakenPair(symbol)?.altname : findBinanceSymbol(symbol)?.symbol;
  if (!found) throw new Error(`mock: ${venue} does not list ${symbol}`);
  return found;
}

export class MarketBook {
  private quotes = new Map<string, Quote>();

  constructor() {
    this.reset();
  }

  reset(): void {
    this.quotes.clear();
    const nextFunding = Math.ceil(Date.now() / 28_800_000) * 28_800_000;
    for (const [k, price] of Object.entries(DEFAULT_PRICES)) {
      this.quotes.set(k, { price, fundingRate: DEFAULT_FUNDING_RATE, nextFundingTime: nextFunding, exchangeTime: null });
    }
  }

  get(venue: MockVenue, symbol: string): Quote {
    const q = this.quotes.get(key(venue, canonical(venue, symbol)));
    if (!q) throw new Error(`mock: no quote for ${venue} ${symbol}`);
    return q;
  }

  /** Updates the figures of one symbol (symbol under any of the venue's names). */
  set(venue: MockVenue, symbol: string, change: Partial<Quote>): Quote {
    if (change.price !== undefined) assertDecimal(change.price, 'price');
    if (change.fundingRate !== undefined) assertDecimal(change.fundingRate, 'fundingRate');
    const k = key(venue, canonical(venue, symbol));
    const next = { ...this.get(venue, symbol), ...change };
    this.quotes.set(k, next);
    return next;
  }

  symbols(venue: MockVenue): string[] {
    return venue === 'kraken' ? KRAKEN_PAIRS.map((p) => p.altname) : BINANCE_SYMBOLS.map((s) => s.symbol);
  }
}
