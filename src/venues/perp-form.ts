// The ending every perpetual reader shares (Binance USDⓈ-M, Bybit, OKX, Hyperliquid): the parts a
// reader found → one OrderForm (or unrecognised when a part is missing), checked by scan.finish,
// with the typing fast path over its price, size and TP/SL inputs. Each reader keeps what is its
// own (pair, side, size unit, account panel) and hands the parts over here, so the form's shape is
// written once. Content side: no decimal.js, no engine.
import type { MarginMode, OrderType, Side, VenueId } from '../core/types';
import { formNumbers } from './dom/number-scopes';
import type { NumberScope } from './dom/numbers';
import { rememberTypedOrder, type TypedField } from './dom/form-parts';
import type { Scan } from './dom/scan';
import type { DecimalString, FormReading, OrderForm, PageAccount, PageEstimate, SizeUnit } from './types';

/** What a perpetual reader found; null where it found nothing usable (its key is missing already). */
export interface PerpParts {
  venue: VenueId;
  symbol: string | null;
  side: Side | 'both' | null;
  type: OrderType | null;
  marginMode: MarginMode | null;
  leverage: DecimalString | null;
  /** The limit price and its input (both null on the Market tab). */
  price: TypedField;
  size: { unit: SizeUnit | null; value: DecimalString | null; input: Element | null };
  /** readTpsl's answer: the switch (required) and its two triggers. */
  tpsl: { box: Element | null; takeProfit: TypedField; stopLoss: TypedField };
  availableBalance: DecimalString | null;
  /** What the page shows of a cross account; left out of the form when undefined. */
  account?: PageAccount | undefined;
  /** false: something else the venue requires is missing (the form is then unrecognised). */
  complete?: boolean;
  /** Binance USDⓈ-M hedge mode's Open / Close tab; left out of the form when undefined. */
  intent?: OrderForm['intent'];
  /** The label table the page was read with when not English (OrderForm.language). */
  language?: string;
  /**
   * The figures the page shows for the order (dom/page-figures.ts), read now and again on every
   * refresh (the page rewrites them as the trader types); left out of the form when none.
   */
  pageEstimates?: ((numbers: NumberScope) => PageEstimate[]) | undefined;
}

/**
 * The reading of a perpetual order form: unrecognised when a part is missing (or a limit order
 * has no price), else the form with margin on, checked by scan.finish; an ok reading remembers
 * its inputs so that typing refreshes only the typed values.
 */
export function finishPerpForm<K extends string>(scan: Scan<K>, root: Element | null, parts: PerpParts): FormReading {
  const { symbol, side, type, marginMode, leverage, price, size, tpsl } = parts;
  if (
    !symbol ||
    !side ||
    !marginMode ||
    !leverage ||
    !type ||
    !size.unit ||
    !size.value ||
    !size.input ||
    !tpsl.box ||
    parts.complete === false ||
    (type === 'limit' && !price.value)
  )
    return scan.finish(null, root);
  const form: OrderForm = {
    venue: parts.venue,
    symbol,
    side,
    type,
    marginMode,
    price: price.value,
    size: { unit: size.unit, value: size.value },
    leverage,
    marginEnabled: true,
    stopLoss: tpsl.stopLoss.value,
    takeProfit: tpsl.takeProfit.value,
    availableBalance: parts.availableBalance,
  };
  if (parts.account !== undefined) form.account = parts.account;
  if (parts.intent !== undefined) form.intent = parts.intent;
  if (parts.language !== undefined && parts.language !== 'en') form.language = parts.language;
  const numbers = formNumbers(root, scan.numberFormat);
  const estimates = parts.pageEstimates?.(numbers) ?? [];
  if (estimates.length > 0) form.pageEstimates = estimates;
  const reading = scan.finish(form, root);
  // The account too needs a DOM change to change: typing refreshes only the typed values.
  const inputs = {
    price: price.input,
    size: size.input,
    takeProfit: tpsl.takeProfit.input,
    stopLoss: tpsl.stopLoss.input,
  };
  return rememberTypedOrder(reading, inputs, () => formNumbers(root, scan.numberFormat), parts.pageEstimates);
}
