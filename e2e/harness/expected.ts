// What the overlay must show, computed the way the extension computes it: planQuote (form +
// market snapshot + settings → engine input) and quoteJson with the bundled facts. The test
// builds the OrderForm from what it typed and the snapshot from what the mock served.
import { quoteJson, type QuoteResult } from '../../src/core/quote';
import type { Side } from '../../src/core/types';
import { DEFAULT_SETTINGS, type Settings } from '../../src/settings/settings';
import { FIGURES } from '../../src/ui/overlay/contract';
import { bundledFacts } from '../../src/venues/facts';
import { planQuote, type QuotePlan } from '../../src/venues/quote-input';
import type { Figure, MarketSnapshot, OrderForm } from '../../src/venues/types';
import type { Quote } from '../mock/markets';

export interface Expected {
  plan: QuotePlan;
  quote: QuoteResult | null;
  /** FIGURES key → data-value ("" for null), only when the engine produced a quote. */
  figures: Record<string, string> | null;
}

function at(obj: unknown, dotted: string): unknown {
  return dotted.split('.').reduce<unknown>((o, k) => (o !== null && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), obj);
}

export function expectedFor(form: OrderForm, side: Side, snapshot: MarketSnapshot | null, settings: Settings = DEFAULT_SETTINGS, now = Date.now()): Expected {
  const plan = planQuote(form, side, snapshot, settings, now);
  const quote = plan.input ? quoteJson(plan.input, bundledFacts()) : null;
  const figures = quote && !('error' in quote)
    ? Object.fromEntries(FIGURES.map((key) => {
      const v = at(quote, key);
      return [key, v === null || v === undefined ? '' : String(v)];
    }))
    : null;
  return { plan, quote, figures };
}

/**
 * A snapshot as the venue's feed builds it from what the mock serves (see src/venues/<venue>/
 * feed-schema.ts): Kraken's mark is the last trade, its levels and max leverage come from
 * AssetPairs; Binance's mark and funding rate from premiumIndex / the mark-price stream, the
 * funding interval from fundingInfo. `staleMs` ages the mark (and last price) only.
 */
export function servedSnapshot(form: Pick<OrderForm, 'venue' | 'symbol'>, served: Pick<Quote, 'price' | 'fundingRate'>, now = Date.now(), staleMs = 0): MarketSnapshot {
  const fig = (value: string, age = 0): Figure => ({ value, receivedAt: now - age, exchangeTime: null, source: 'stream' });
  const figures: MarketSnapshot['figures'] = form.venue === 'kraken-margin'
    ? { markPrice: fig(served.price, staleMs), lastPrice: fig(served.price, staleMs), marginCallLevel: fig('80'), liquidationLevel: fig('40'), maxLeverage: fig('5') }
    : { markPrice: fig(served.price, staleMs), fundingRate: fig(served.fundingRate, staleMs), fundingIntervalHours: fig('8') };
  return { venue: form.venue, symbol: form.symbol, figures, status: 'live', lastError: null };
}

export function sidesOf(form: OrderForm): Side[] {
  return form.side === 'both' ? ['long', 'short'] : [form.side];
}

/** What the overlay must show: its state, and the FIGURES of every quoted side when it is ok. */
export interface ExpectedView {
  state: 'ok' | 'error' | 'no-price';
  figures: Record<string, Record<string, string>>;
}

export function expectedView(form: OrderForm, snapshot: MarketSnapshot | null, settings: Settings = DEFAULT_SETTINGS, now = Date.now()): ExpectedView {
  const per = sidesOf(form).map((side) => [side, expectedFor(form, side, snapshot, settings, now)] as const);
  if (per.some(([, e]) => e.plan.input === null)) return { state: 'no-price', figures: {} };
  if (per.some(([, e]) => e.figures === null)) return { state: 'error', figures: {} };
  return { state: 'ok', figures: Object.fromEntries(per.map(([side, e]) => [side, e.figures!])) };
}
