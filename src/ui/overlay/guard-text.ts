// The sentence shown when the pre-submit guard holds a click: short reasons with the numbers
// that triggered them, so the trader can decide on the second click without reading the list.
import { isWireError, type WireQuote } from '../../messaging/messages';
import type { Settings } from '../../settings/settings';
import type { OrderForm } from '../../venues/types';
import { t } from '../i18n';
import { ORDER_UNCHECKED } from './contract';
import { plainText } from '../../core/decimal-text';
import { parseExact, subFixed } from '../chart/exact';
import { formatFraction, formatLeverage, formatMoney, formatPrice } from './format';
import { quoteCurrency } from './units';
import type { GuardNotice, SideQuote } from './view-model';

/** Isolated: the margin lost at liquidation, |pnl.atLiquidation| less the opening fee and charge. */
function isolatedMargin(quote: WireQuote): string | null {
  const loss = parseExact(quote.pnl.atLiquidation ?? '');
  const open = parseExact(quote.fees.open);
  const opening = parseExact(quote.carry.opening);
  if (loss === undefined || open === undefined || opening === undefined) return null;
  return plainText(subFixed(subFixed({ units: -loss.units, scale: loss.scale }, open), opening));
}

function reason(code: string, quote: WireQuote, form: OrderForm, settings: Settings): string {
  const ccy = quoteCurrency(form.venue, form.symbol);
  const price = (value: string | null): string => (value === null ? '?' : `${formatPrice(value) ?? value} ${ccy}`);
  switch (code) {
    case 'LIQUIDATION_NEAR':
      return `liquidation ${formatFraction(quote.liquidationDistance ?? '') ?? '?'} from mark (your limit ${formatFraction(settings.minLiquidationDistance) ?? '?'})`;
    case 'LIQUIDATION_AT_MARK':
      return `the mark is already past the liquidation price ${price(quote.liquidationPrice)}`;
    case 'LIQUIDATION_IMMEDIATE':
      return 'this position would be liquidated at once';
    case 'LEVERAGE_ABOVE_PERSONAL_MAX':
      return `leverage ${formatLeverage(form.leverage)} above your maximum ${settings.maxLeverage === null ? '?' : formatLeverage(settings.maxLeverage)}`;
    case 'LIQ_BEYOND_STOP': {
      // Isolated: the stop never fills; the loss is the margin (and the fees), said here once.
      const margin = isolatedMargin(quote);
      if (margin === null)
        return `liquidation at ${price(quote.liquidationPrice)} comes before your stop-loss at ${price(form.stopLoss)}`;
      return `you would be liquidated at ${price(quote.liquidationPrice)} before your stop; loss ≈ ${formatMoney(margin) ?? margin} ${ccy} margin + fees`;
    }
    case 'LOSS_AT_STOP_ABOVE_LIMIT': {
      const loss =
        quote.pnl.atStop === null
          ? '?'
          : `${formatPrice(quote.pnl.atStop.replace(/^-/, '')) ?? quote.pnl.atStop} ${ccy}`;
      return `the stop-loss would lose ${loss} with fees, above your ${settings.maxLossPercent ?? '?'} % of balance`;
    }
    default:
      return quote.warnings.find((w) => w.code === code)?.message ?? code;
  }
}

/** Reasons the content script finds without a quote (src/content/guard.ts localGuardCodes). */
function localReason(code: string, form: OrderForm, settings: Settings): string | null {
  if (code === 'LEVERAGE_ABOVE_PERSONAL_MAX' && settings.maxLeverage !== null) {
    return `leverage ${formatLeverage(form.leverage)} above your maximum ${formatLeverage(settings.maxLeverage)}`;
  }
  return null;
}

export function guardText(notice: GuardNotice, quotes: SideQuote[], form: OrderForm, settings: Settings): string {
  const relevant = quotes.filter((q) => notice.side === null || q.side === notice.side);
  const prefix = relevant.length > 1;
  const reasons: string[] = [];
  for (const code of notice.codes) {
    if (code === ORDER_UNCHECKED) continue;
    const before = reasons.length;
    for (const q of relevant) {
      if (q.result === null || isWireError(q.result) || !q.result.warnings.some((w) => w.code === code)) continue;
      const text = reason(code, q.result, form, settings);
      reasons.push(prefix ? `${q.side}: ${text}` : text);
    }
    // Found at the click from the form alone (the quotes shown may be for the order before).
    const local = reasons.length === before ? localReason(code, form, settings) : null;
    if (local !== null) reasons.push(local);
  }
  const again = t(notice.via === 'enter' ? 'overlay_guardEnterAgain' : 'overlay_guardClickAgain');
  if (notice.unchecked === 'checking') return [t('overlay_guardChecking'), ...reasons].join(' ');
  // The frame of the sentence is translated; the reasons keep the engine's English wording.
  const held = reasons.length > 0 ? t('overlay_guardHeld', [reasons.join('; '), again]) : '';
  if (notice.unchecked === 'timeout') return [t('overlay_guardUnchecked'), held || again].join(' ');
  return held;
}
