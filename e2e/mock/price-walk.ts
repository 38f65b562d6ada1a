// A simulated market for `npm start`: every symbol's price takes a small random step on a
// timer; the mock's streams push it and its REST endpoints serve it.
import { fromTicks, toTicks } from './decimal-text';
import { BINANCE_SYMBOLS, KRAKEN_PAIRS, type MockVenue } from './markets';
import type { MockExchange } from './server';

interface Walker {
  venue: MockVenue;
  symbol: string;
  decimals: number;
  /** Largest step, in ticks: about 0.01 % of the price. */
  maxStep: number;
}

export function startPriceWalk(mock: MockExchange, everyMs = 500): () => void {
  const walkers: Walker[] = [
    ...KRAKEN_PAIRS.map((p) => ({ venue: 'kraken-margin' as const, symbol: p.altname, decimals: p.pairDecimals })),
    ...BINANCE_SYMBOLS.map((s) => ({ venue: 'binance-usdm' as const, symbol: s.symbol, decimals: s.pricePrecision })),
  ].map((w) => ({
    ...w,
    maxStep: Math.max(1, Math.round(toTicks(mock.book.get(w.venue, w.symbol).price, w.decimals) / 10_000)),
  }));
  const timer = setInterval(() => {
    for (const w of walkers) {
      const ticks = toTicks(mock.book.get(w.venue, w.symbol).price, w.decimals);
      const step = Math.round((Math.random() * 2 - 1) * w.maxStep);
      mock.setPrice(w.venue, w.symbol, fromTicks(Math.max(1, ticks + step), w.decimals));
    }
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
