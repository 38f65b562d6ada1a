// Binance spot margin order form → OrderForm. Reads the DOM only (selectors in selectors.ts).
//
// The account is the selected tab, not the URL (account.ts). The URL's ?type= is a hint only; when
// it names another account than the tab, the page is mid-switch or not what we think: unrecognised.
//
// Two page generations: gen 1 has two forms side by side, a Buy form and a Sell form, and the
// reader quotes the one the trader is filling in (two-forms.ts says how it is chosen); gen 2 has
// one form behind a Buy / Sell tab switch, its Total cross-checked (tabbed-form.ts).
//
// Borrow behaviour: 'Borrow' (auto-borrow) opens a loan, so it is a margin order; 'Normal' and
// 'Repay' open none, so the order is quoted as spot (marginEnabled false: nothing to liquidate).
import type { Side } from '../../core/types';
import { agreeingSide, formRootOf, readOrderType, sideByClass } from '../dom/form-parts';
import { accessibleName, findAll } from '../dom/query';
import { Scan } from '../dom/scan';
import { pageLocale, prefixPattern } from '../dom/page-locale';
import { execText, sameText, textOf } from '../dom/text';
import { pairFromTradeUrl, type Pair } from '../dom/trade-url';
import { refreshTyped, rememberTyped } from '../dom/typed';
import type { VenueReader } from '../readers';
import type { FormReading, OrderForm, ReadScope } from '../types';
import { readAccount, readBorrow, readPageAccount } from './account';
import { BINANCE_MARGIN_SELECTORS, binanceMarginSelectors, BUY_CLASS, SELL_CLASS } from './selectors';
import { readTabbedForm, sideTabsOf, tabbedRoot } from './tabbed-form';
import { readTwoForms } from './two-forms';
import { ALL_MARGIN_WORDS, MARGIN_TABLES, marginWords, sideOfVerb, submitPattern } from './words';
import { TEACH } from './teach';

const HOST = 'www.binance.com';
/** /trade/BTC_USDT with an optional locale (/en/, /pt-BR/). */
const TRADE_PATH = /^\/(?:[a-z]{2}(?:-[a-z]{2,4})?\/)?trade\/([a-z0-9]{2,20})_([a-z0-9]{2,12})\/?$/i;
const pairFromUrl = (url: URL): Pair | null => pairFromTradeUrl(url, HOST, TRADE_PATH, (base, quote) => base + quote);

/**
 * The page's own location when the document has one and it is the same page. The content
 * script's session keeps the URL it started with, and switching Cross/Isolated changes only
 * the query (?type=), so the live location is the better hint.
 */
function liveUrl(doc: Document, url: URL): URL {
  const href = (doc.location as Location | null)?.href;
  if (!href) return url;
  try {
    const live = new URL(href);
    return live.origin === url.origin && live.pathname === url.pathname ? live : url;
  } catch {
    return url;
  }
}

/** Which side a button places: "Buy BTC" → long, "Sell BTC" → short; null for anything else or a contradiction. */
export function sideOfSubmit(el: Element): Side | null {
  const name = accessibleName(el);
  const sides = new Set(ALL_MARGIN_WORDS.map((w) => sideOfVerb(execText(name, submitPattern(w))?.[1], w)));
  sides.delete(null);
  const byText = sides.size === 1 ? [...sides][0]! : null;
  return agreeingSide(byText, sideByClass(el, BUY_CLASS, SELL_CLASS));
}

/** The smallest element holding both the Buy and the Sell form (gen 1), or the one tabbed form (gen 2). */
const formRoot = (doc: Document): Element | null =>
  formRootOf(doc, BINANCE_MARGIN_SELECTORS, 'buy', 'sell') ?? tabbedRoot(doc);

function read(doc: Document, givenUrl: URL, scope: ReadScope = 'full'): FormReading {
  const url = liveUrl(doc, givenUrl);
  // The page's language (<html lang> and the URL's locale segment, which must agree) picks the label table
  // and the number convention; a language we have no table for is refused.
  const locale = pageLocale(doc, url, MARGIN_TABLES, { urlSegment: true });
  const table = locale?.table ?? 'en';
  const words = marginWords(table);
  const scan = new Scan(doc, binanceMarginSelectors(table), locale?.format);
  const pair = scan.need('symbol', pairFromUrl(url));
  if (locale === null) scan.miss('locale');

  const tab = readAccount(scan, words);
  const hint = url.searchParams.get('type');
  if (tab && hint !== null && hint !== tab.account) scan.miss('marginMode');
  const margin = tab !== null && tab.account !== 'spot';
  const borrow = readBorrow(scan, margin);

  const pairButton = scan.optional('pair');
  if (pair && pairButton && !sameText(accessibleName(pairButton), `${pair.base}/${pair.quote}`)) scan.miss('symbol');
  const limit = scan.one('typeLimit');
  const market = scan.one('typeMarket');
  const type = readOrderType(scan, limit, market); // Stop-limit and OCO are not quoted

  // Gen 2 shows a Buy / Sell tab switch in front of one form; gen 1 two forms side by side.
  const sideTabs = sideTabsOf(scan);
  const part = sideTabs
    ? readTabbedForm(scan, sideTabs, pair, type, words)
    : readTwoForms(scan, doc, pair, type, words);
  const { root, numbers, values } = part;

  // The quote-currency "Avbl" (above the Buy form; gen 2: on the Buy tab); the Sell side's is in the base asset.
  const full = scope === 'full';
  const balances = full
    ? scan
        .all('available', root)
        .map((row) => (pair ? numbers.amountWithUnit(textOf(row), pair.quote, prefixPattern(words.avbl)) : null))
        .filter((v) => v !== null)
    : [];
  const availableBalance = balances.length === 1 ? balances[0]! : null;
  const pageAccount = full ? readPageAccount(scan, pair, words) : undefined;

  if (!pair || !tab || tab.leverage === null || (margin && borrow === null) || !type || !values)
    return scan.finish(null, root);
  const marginEnabled = margin && borrow === 'auto';
  const form: OrderForm = {
    venue: 'binance-margin',
    symbol: pair.symbol,
    side: values.side,
    type,
    // The Spot tab has no margin mode; 'cross' is a placeholder for a form quoted as spot.
    marginMode: tab.account === 'isolated' ? 'isolated' : 'cross',
    price: values.price,
    size: { unit: 'base', value: values.amount },
    // No loan (Spot, Normal, Repay): the order is not leveraged whatever the account allows.
    leverage: marginEnabled ? tab.leverage : '1',
    marginEnabled,
    stopLoss: null,
    takeProfit: null,
    availableBalance,
    ...(table === 'en' ? {} : { language: table }),
  };
  if (margin) form.borrow = borrow!;
  if (tab.account === 'cross' && pageAccount) form.account = pageAccount;
  const reading = scan.finish(form, root);
  const typed = part.typed;
  if (!typed) return reading;
  return rememberTyped(reading, typed.inputs, (previous) => {
    const again = typed.again();
    return again && { ...previous, side: again.side, price: again.price, size: { unit: 'base', value: again.amount } };
  });
}

export const reader: VenueReader = {
  venue: 'binance-margin',
  selectors: (doc, url) =>
    binanceMarginSelectors(pageLocale(doc, url, MARGIN_TABLES, { urlSegment: true })?.table ?? 'en'),
  teach: TEACH,
  matchesUrl: (url) => pairFromUrl(url) !== null,
  read,
  refresh: refreshTyped,
  formRoot,
  submitButtons: (doc) => [
    ...findAll(doc, BINANCE_MARGIN_SELECTORS.buy),
    ...findAll(doc, BINANCE_MARGIN_SELECTORS.sell),
  ],
  sideOfSubmit,
};
