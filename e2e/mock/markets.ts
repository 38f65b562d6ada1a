// What the mock exchange "knows": the listed symbols and their current market figures.
// Tests set prices through MockExchange; the REST handlers and the streams read them here.
import type { VenueId } from '../../src/core/types';
import { assertDecimal } from './decimal-text';
import type { MockSymbol } from './venue-api';

/** A mock venue is named by the extension's venue id (one name per venue everywhere). */
export type MockVenue = VenueId;

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
  {
    altname: 'XBTUSD',
    restKey: 'XXBTZUSD',
    wsname: 'XBT/USD',
    wsV2: 'BTC/USD',
    base: 'XXBT',
    quote: 'ZUSD',
    pairDecimals: 1,
    leverage: [2, 3, 4, 5],
    marginCall: 80,
    marginStop: 40,
  },
  {
    altname: 'ETHUSD',
    restKey: 'XETHZUSD',
    wsname: 'ETH/USD',
    wsV2: 'ETH/USD',
    base: 'XETH',
    quote: 'ZUSD',
    pairDecimals: 2,
    leverage: [2, 3, 4, 5],
    marginCall: 80,
    marginStop: 40,
  },
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

/** Kraken's and Binance futures' symbols in the book's terms (their mock modules list them). */
export const KRAKEN_MOCK_SYMBOLS: readonly MockSymbol[] = KRAKEN_PAIRS.map((p) => ({
  symbol: p.altname,
  aliases: [p.restKey, p.wsname, p.wsV2],
  price: DEFAULT_PRICES[`kraken:${p.altname}`]!,
}));
export const BINANCE_MOCK_SYMBOLS: readonly MockSymbol[] = BINANCE_SYMBOLS.map((s) => ({
  symbol: s.symbol,
  price: DEFAULT_PRICES[`binance:${s.symbol}`]!,
}));

const key = (venue: MockVenue, symbol: string) => `${venue}:${symbol.toUpperCase()}`;

/** The symbols every venue lists, by venue (filled from the venue modules when the mock starts). */
export type SymbolLists = ReadonlyMap<MockVenue, readonly MockSymbol[]>;

export class MarketBook {
  private quotes = new Map<string, Quote>();

  constructor(private readonly lists: SymbolLists) {
    this.reset();
  }

  /** Any of a venue's names for a symbol (any case) → its canonical REST name (XBTUSD, BTCUSDT). */
  canonical(venue: MockVenue, symbol: string): string {
    const n = symbol.toUpperCase();
    const found = this.lists
      .get(venue)
      ?.find((s) => s.symbol.toUpperCase() === n || (s.aliases ?? []).some((a) => a.toUpperCase() === n));
    if (!found) throw new Error(`mock: ${venue} does not list ${symbol}`);
    return found.symbol;
  }

  /** True when the venue lists the symbol under this exact name or alias (any case). */
  has(venue: MockVenue, symbol: string): boolean {
    try {
      this.canonical(venue, symbol);
      return true;
    } catch {
      return false;
    }
  }

  reset(): void {
    this.quotes.clear();
    const nextFunding = Math.ceil(Date.now() / 28_800_000) * 28_800_000;
    for (const [venue, symbols] of this.lists) {
      for (const s of symbols)
        this.quotes.set(key(venue, s.symbol), {
          price: s.price,
          fundingRate: DEFAULT_FUNDING_RATE,
          nextFundingTime: nextFunding,
          exchangeTime: null,
        });
    }
  }

  get(venue: MockVenue, symbol: string): Quote {
    const q = this.quotes.get(key(venue, this.canonical(venue, symbol)));
    if (!q) throw new Error(`mock: no quote for ${venue} ${symbol}`);
    return q;
  }

  /** Updates the figures of one symbol (symbol under any of the venue's names). */
  set(venue: MockVenue, symbol: string, change: Partial<Quote>): Quote {
    if (change.price !== undefined) assertDecimal(change.price, 'price');
    if (change.fundingRate !== undefined) assertDecimal(change.fundingRate, 'fundingRate');
    const k = key(venue, this.canonical(venue, symbol));
    const next = { ...this.get(venue, symbol), ...change };
    this.quotes.set(k, next);
    return next;
  }

  symbols(venue: MockVenue): string[] {
    return (this.lists.get(venue) ?? []).map((s) => s.symbol);
  }
}
