// The engine's front door: one model per venue, chosen by the validated input.
import { InputError } from './errors';
import type { FactsBook, VenueFacts } from './facts';
import { parseQuoteInput } from './input';
import { quoteBinanceMargin } from './models/binance-margin';
import { quoteBinanceUsdm } from './models/binance-usdm';
import { quoteBybitLinear } from './models/bybit-linear';
import { quoteHyperliquid } from './models/hyperliquid';
import { quoteKrakenMargin } from './models/kraken-margin';
import { quoteOkxSwap } from './models/okx-swap';
import { withPnl } from './pnl';
import { quotePositionChange } from './position-quote';
import { serializeQuote, type QuoteJson } from './serialize';
import type { Quote, QuoteInput, VenueId } from './types';

export type VenueModel = (input: QuoteInput, facts: VenueFacts | undefined) => Omit<Quote, 'pnl'>;

const MODELS: Record<VenueId, VenueModel> = {
  'kraken-margin': quoteKrakenMargin,
  'binance-usdm': quoteBinanceUsdm,
  'binance-margin': quoteBinanceMargin,
  'bybit-linear': quoteBybitLinear,
  'okx-swap': quoteOkxSwap,
  hyperliquid: quoteHyperliquid,
};

export function quote(input: QuoteInput, facts: FactsBook = {}): Quote {
  // A position already open in the order's market: the resulting position is quoted (issue 10).
  const changed = quotePositionChange(input, facts[input.venue], MODELS[input.venue]);
  if (changed !== null) return changed;
  return withPnl(MODELS[input.venue](input, facts[input.venue]), input);
}

export type QuoteResult = QuoteJson | { error: ReturnType<InputError['toJSON']> };

/**
 * quoteJson for the extension's surfaces: an engine bug (anything but an input error) becomes an
 * INTERNAL error result too, so the overlay, the badge or the popup shows an error state instead of
 * dying with it.
 */
export function quoteJsonSafe(raw: unknown, facts: FactsBook = {}): QuoteResult {
  try {
    return quoteJson(raw, facts);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { error: { code: 'INTERNAL', message: message.slice(0, 500), path: '' } };
  }
}

/** Untrusted JSON in, contract JSON out; bad input becomes {"error": …}, never a throw. */
export function quoteJson(raw: unknown, facts: FactsBook = {}): QuoteResult {
  try {
    return serializeQuote(quote(parseQuoteInput(raw), facts));
  } catch (error) {
    if (error instanceof InputError) return { error: error.toJSON() };
    throw error;
  }
}
