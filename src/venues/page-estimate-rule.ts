// What a venue's page figure means, in terms of our quote: each venue folder's page-estimates.ts
// exports `pageEstimates` (its rules, one per kind its page shows), collected by page-check.ts.
// Background side (decimal.js): the content script only reads the page's figure as text.
import { Dec, ZERO } from '../core/decimal';
import type { QuoteJson } from '../core/serialize';
import type { Side, VenueId } from '../core/types';
import type { QuotePlan } from './quote-plan';
import type { MarketSnapshot, OrderForm, PageEstimate, PageEstimateKind } from './types';

/** What a rule may look at: the page's figure, the form, the side, the engine's quote of that side and its plan. */
export interface EstimateContext {
  estimate: PageEstimate;
  form: OrderForm;
  side: Side;
  quote: QuoteJson;
  plan: QuotePlan;
  /** The market the quote was computed on (a rule may need the last price); its figures age by `now`. */
  snapshot: MarketSnapshot | null;
  now: number;
}

/**
 * Our figure for the page's, and how far the page may lie from it for reasons the venue's
 * definition leaves open (beyond the page's own rounding, which the comparison adds): the page
 * may show up to `below` less and up to `above` more (a fee tier we do not know, a price the
 * page assumes from its order book).
 */
export interface OurEstimate {
  value: Dec;
  below: Dec;
  above: Dec;
}

export interface EstimateRule {
  /** Where the venue defines the figure (its help page), for the comment and the report. */
  source: string;
  /** null: this order's figure cannot be worked out from the quote (no check, said as none). */
  ours(ctx: EstimateContext): OurEstimate | null;
  /**
   * The rule works out the page's figure itself when the order adds to a position the page shows
   * (OKX's Cost from its one-way margin rule). Without it, a per-order figure is not checked then:
   * our quote is of the combined position, the page's of the order alone.
   */
  positionAware?: true;
}

export interface VenueEstimateRules {
  venue: VenueId;
  rules: Partial<Record<PageEstimateKind, EstimateRule>>;
}

/** Half a unit of the last decimal place the page shows: 2 decimals → 0.005. */
export const roundingTolerance = (decimals: number): Dec => new Dec(10).pow(-decimals).div(2);

/** Exactly our figure: the page's only leeway is its rounding. */
export const exact = (value: Dec): OurEstimate => ({ value, below: ZERO, above: ZERO });

/** The order's notional (quantity × entry price), as the engine quoted it. */
export const notional = ({ quote }: EstimateContext): OurEstimate => exact(new Dec(quote.notional));

/** The engine's initial margin of the order. */
export const initialMargin = ({ quote }: EstimateContext): OurEstimate => exact(new Dec(quote.initialMargin));

/** The engine's liquidation price; none when it has none (cross without the account, spot). */
export const liquidationPrice = ({ quote }: EstimateContext): OurEstimate | null =>
  quote.liquidationPrice === null ? null : exact(new Dec(quote.liquidationPrice));

/** The plan's engine input as far as the rules read it: the order's entry and the live mark (absent when stale). */
export function planPrices(plan: QuotePlan): { entry: Dec; mark: Dec | null; quantity: Dec } | null {
  const input = plan.input as { order?: { price?: unknown }; market?: { markPrice?: unknown } } | null;
  const price = input?.order?.price;
  const mark = input?.market?.markPrice;
  if (typeof price !== 'string' || plan.quantity === null) return null;
  return {
    entry: new Dec(price),
    mark: plan.markState === 'live' && typeof mark === 'string' ? new Dec(mark) : null,
    quantity: new Dec(plan.quantity),
  };
}
