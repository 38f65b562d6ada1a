// Builds the engine's quote input (the `preflight quote` JSON contract) from what the page
// shows, the market feed and the user's settings. Pure: the overlay, the background (for the
// toolbar badge) and the e2e tests all call this one function, so their figures agree.
import { Dec, parseDecimalText } from '../core/decimal';
import type { Side } from '../core/types';
import type { Settings } from '../settings/settings';
import { isFresh, type Figure, type MarkState, type MarketFigureKey, type MarketSnapshot, type OrderForm } from './types';

export type { MarkState };

export interface QuotePlan {
  /** Input for quoteJson(); null when no price at all is known (market order, no mark). */
  input: Record<string, unknown> | null;
  markState: MarkState;
  /** Where the entry price came from. */
  priceBasis: 'limit' | 'mark' | 'stale-mark' | 'none';
  /** Age of the mark price in ms, null without one. */
  markAgeMs: number | null;
  /** Market figures left out because they were stale (the engine then uses facts, and says so). */
  staleFigures: MarketFigureKey[];
  /** Cross margin with no balance entered by the user. */
  needsBalance: boolean;
}

const PASSED_FIGURES: ReadonlyArray<[MarketFigureKey, string]> = [
  ['fundingRate', 'fundingRate'],
  ['fundingIntervalHours', 'fundingIntervalHours'],
  ['maxLeverage', 'maxLeverage'],
  ['marginCallLevel', 'marginCallLevel'],
  ['liquidationLevel', 'liquidationLevel'],
];

function markOf(snapshot: MarketSnapshot | null, now: number): { figure: Figure | undefined; state: MarkState } {
  const figure = snapshot?.figures.markPrice;
  if (!figure) return { figure: undefined, state: 'missing' };
  return { figure, state: isFresh(figure, 'markPrice', now) ? 'live' : 'stale' };
}

/** Plan for one side; a form with side 'both' is planned once per side. */
export function planQuote(form: OrderForm, side: Side, snapshot: MarketSnapshot | null, settings: Settings, now: number): QuotePlan {
  const mark = markOf(snapshot && snapshot.venue === form.venue && snapshot.symbol === form.symbol ? snapshot : null, now);
  const staleFigures: MarketFigureKey[] = [];
  const market: Record<string, string> = {};
  if (mark.state === 'live') market.markPrice = mark.figure!.value;
  else if (mark.state === 'stale') staleFigures.push('markPrice');
  for (const [key, field] of PASSED_FIGURES) {
    const figure = snapshot?.figures[key];
    if (!figure) continue;
    if (isFresh(figure, key, now)) market[field] = figure.value;
    else staleFigures.push(key);
  }
  let price: string | null = form.price;
  let priceBasis: QuotePlan['priceBasis'] = 'limit';
  if (price === null) {
    // A market order fills near the mark. A stale mark is still the best estimate we have:
    // used, and the overlay marks every figure as based on an old price.
    price = mark.figure?.value ?? null;
    priceBasis = mark.state === 'live' ? 'mark' : mark.state === 'stale' ? 'stale-mark' : 'none';
  }
  const markAgeMs = mark.figure ? Math.max(0, now - mark.figure.receivedAt) : null;
  const balance = settings.accountBalance[form.venue] ?? null;
  const needsBalance = form.marginMode === 'cross' && balance === null;
  const base = { markState: mark.state, priceBasis, markAgeMs, staleFigures, needsBalance };
  if (price === null) return { ...base, input: null };

  const quantity = form.size.unit === 'base' ? new Dec(form.size.value) : new Dec(form.size.value).div(price);
  const order: Record<string, string> = {
    symbol: form.symbol,
    side,
    type: form.type,
    price,
    quantity: quantity.toFixed(),
    leverage: form.leverage,
  };
  if (form.stopLoss !== null) order.stopLoss = form.stopLoss;
  const limits: Record<string, string> = { minLiquidationDistance: settings.minLiquidationDistance };
  if (settings.maxLeverage !== null) limits.maxLeverage = settings.maxLeverage;
  const input: Record<string, unknown> = {
    venue: form.venue,
    marginMode: form.marginMode,
    order,
    market,
    holdHours: settings.holdHours,
    limits,
  };
  if (form.marginMode === 'cross' && balance !== null && parseDecimalText(balance) !== undefined) input.account = { walletBalance: balance };
  return { ...base, input };
}
