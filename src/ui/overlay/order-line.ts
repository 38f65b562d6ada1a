// The order as read, in one line under the overlay's title (issue 12 #5): type, size in base
// units (and in the page's own unit when that differs: OKX contracts, a quote-currency total),
// notional in the quote currency and leverage with the margin mode, e.g.
// "Limit · 0.1 BTC (10 ct) · 6,500.00 USDT · 10× cross", and when the page was read with a
// label table other than English, which ("Labels: Chinese (China), zh-CN"). Pure; the overlay and the popup share it.
// No decimal.js (the content script): the base quantity is the background's (planQuote, contracts
// × contract value in decimal.js) and the notional the engine's (price × quantity); this only formats.
import type { OrderForm } from '../../venues/types';
import { t } from '../i18n';
import { formatFixed, formatLeverage, formatMoney, toDecimal } from './format';
import { baseAsset, quoteCurrency } from './units';

/** Finest size shown: 8 places (a satoshi); the engine's quantity can carry up to 40 digits after a division. */
const SIZE_MAX_DECIMALS = 8;

export interface OrderLineInput {
  form: Pick<OrderForm, 'venue' | 'symbol' | 'type' | 'marginMode' | 'size' | 'leverage' | 'language'>;
  /** The size in base units as quoted (the plan's quantity); null when it could not be worked out. */
  quantity: string | null;
  /** The engine's notional (price × quantity) in the quote currency; null without a quote. */
  notional: string | null;
  /** The notional is priced at the mark (a market order): shown as an estimate, "≈". */
  atMark: boolean;
  locale: string;
}

/** A size exactly as given, grouped, trailing zeros dropped, at most 8 places ("0.1", "1,250"). */
export function formatSize(value: string, locale: string): string | null {
  const dec = toDecimal(value);
  return dec === undefined ? null : formatFixed(dec, Math.min(dec.scale, SIZE_MAX_DECIMALS), true, locale);
}

/** The order line; parts that are not known (no price yet, no contract value) are left out, never guessed. */
export function orderLine({ form, quantity, notional, atMark, locale }: OrderLineInput): string {
  const quote = quoteCurrency(form.venue, form.symbol);
  const parts: string[] = [t(form.type === 'market' ? 'order_market' : 'order_limit')];
  const base = quantity === null ? null : formatSize(quantity, locale);
  const typed = formatSize(form.size.value, locale);
  const pageUnit =
    typed === null || form.size.unit === 'base'
      ? null
      : form.size.unit === 'contracts'
        ? t('order_contracts', [typed])
        : `${typed} ${quote}`;
  if (base !== null) {
    const size = `${base} ${baseAsset(form.venue, form.symbol)}`;
    parts.push(pageUnit === null ? size : `${size} (${pageUnit})`);
  } else if (pageUnit !== null) parts.push(pageUnit);
  else if (typed !== null) parts.push(`${typed} ${baseAsset(form.venue, form.symbol)}`);
  const money = notional === null ? null : formatMoney(notional, { locale });
  if (money !== null) parts.push(`${atMark ? '≈ ' : ''}${money} ${quote}`);
  const mode = t(form.marginMode === 'cross' ? 'order_cross' : 'order_isolated');
  parts.push(`${formatLeverage(form.leverage, { locale })} ${mode}`);
  if (form.language !== undefined) parts.push(t('order_pageLanguage', [languageName(form.language, locale)]));
  return parts.join(' · ');
}

/** Language-name formatters by UI locale: made on the first page read with a non-English table, then kept. */
const languageNames = new Map<string, Intl.DisplayNames | null>();

function languageNamesIn(locale: string): Intl.DisplayNames | null {
  let names = languageNames.get(locale);
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames([locale], { type: 'language' });
    } catch {
      names = null; // not a valid locale tag
    }
    languageNames.set(locale, names);
  }
  return names;
}

/** "Chinese (China), zh-CN": the label table's language in the UI's language, with its id. */
export function languageName(table: string, locale: string): string {
  try {
    const name = languageNamesIn(locale)?.of(table);
    return name === undefined || name === table ? table : `${name}, ${table}`;
  } catch {
    return table; // not a valid language id
  }
}
