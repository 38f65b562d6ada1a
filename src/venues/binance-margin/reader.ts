// Binance spot margin order form → OrderForm. Reads the DOM only (selectors in selectors.ts).
//
// The account is the selected tab, not the URL (account.ts). The URL's ?type= is a hint only; when
// it names another account than the tab, the page is mid-switch or not what we think: unrecognised.
//
// Two forms side by side, a Buy form and a Sell form: the reader quotes the one the trader is
// filling in (two-forms.ts says how it is chosen).
//
// Borrow behaviour: 'Borrow' (auto-borrow) opens a loan, so it is a margin order; 'Normal' and
// 'Repay' open none, so the order is quoted as spot (marginEnabled false: nothing to liquidate).
import type { Side } from '../../core/types';
import { formNumbers } from '../dom/number-scopes';
import { agreeingSide, formRootOf, readOrderType, sideByClass } from '../dom/form-parts';
import { accessibleName, commonAncestor, findAll } from '../dom/query';
import { Scan } from '../dom/scan';
import { execText, isEnglishPage, sameText, textOf } from '../dom/text';
import { pairFromTradeUrl, type Pair } from '../dom/trade-url';
import { refreshTyped, rememberTyped } from '../dom/typed';
import type { VenueReader } from '../readers';
import type { FormReading, OrderForm, ReadScope } from '../types';
import { readAccount, readBorrow, readPageAccount } from './account';
import { BINANCE_MARGIN_SELECTORS, BN_FIELD, BUY_CLASS, SELL_CLASS, SUBMIT_TEXT } from './selectors';
import { chooseForm, perForm, type FormInputs, type FormSide } from './two-forms';

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
  const m = execText(accessibleName(el), SUBMIT_TEXT);
  const byText = m ? (sameText(m[1], 'Buy') ? 'long' : 'short') : null;
  return agreeingSide(byText, sideByClass(el, BUY_CLASS, SELL_CLASS));
}

/** The smallest element holding both the Buy and the Sell form. */
const formRoot = (doc: Document): Element | null => formRootOf(doc, BINANCE_MARGIN_SELECTORS, 'buy', 'sell');

function read(doc: Document, givenUrl: URL, scope: ReadScope = 'full'): FormReading {
  const scan = new Scan(doc, BINANCE_MARGIN_SELECTORS);
  const url = liveUrl(doc, givenUrl);
  const pair = scan.need('symbol', pairFromUrl(url));
  if (!isEnglishPage(doc)) scan.miss('locale');

  const tab = readAccount(scan);
  const hint = url.searchParams.get('type');
  if (tab && hint !== null && hint !== tab.account) scan.miss('marginMode');
  const margin = tab !== null && tab.account !== 'spot';
  const borrow = readBorrow(scan, margin);

  const buy = scan.one('buy');
  const sell = scan.one('sell');
  for (const button of [buy, sell]) {
    const base = button ? execText(accessibleName(button), SUBMIT_TEXT)?.[2] : undefined;
    if (pair && button && !sameText(base, pair.base)) scan.miss('symbol');
  }
  const pairButton = scan.optional('pair');
  if (pair && pairButton && !sameText(accessibleName(pairButton), `${pair.base}/${pair.quote}`)) scan.miss('symbol');
  const root = buy && sell ? commonAncestor(buy, sell) : null;
  const numbers = scan.formNumbers(root);

  const limit = scan.one('typeLimit');
  const market = scan.one('typeMarket');
  const type = readOrderType(scan, limit, market); // Stop-limit and OCO are not quoted

  let forms: Record<FormSide, FormInputs> | null = null;
  if (buy && sell) {
    const prices = type === 'limit' ? perForm(scan, 'price', root, buy, sell) : null;
    // On the Market tab the price fields say "Market" and the totals are gone: counted only.
    if (type !== 'limit') scan.all('price', root);
    const amounts = perForm(scan, 'amount', root, buy, sell);
    if (type === 'limit') perForm(scan, 'total', root, buy, sell);
    else scan.all('total', root);
    if (amounts && (prices || type === 'market')) {
      const form = (side: FormSide, button: Element): FormInputs => ({
        price: type === 'limit' ? prices![side] : null,
        amount: amounts[side],
        box: commonAncestor(amounts[side], button) ?? amounts[side],
      });
      forms = { long: form('long', buy), short: form('short', sell) };
      for (const side of ['long', 'short'] as const) {
        const field = amounts[side].closest(BN_FIELD);
        const unit = scan.one('amountUnit', field);
        if (pair && unit && !sameText(textOf(unit), pair.base)) scan.miss('amountUnit');
      }
    }
  }
  const choice = forms && type ? chooseForm(forms, doc, numbers) : null;
  if (choice && !choice.ok) scan.miss(choice.missing);

  // The quote-currency "Avbl" (above the Buy form); the Sell form's is in the base asset.
  const full = scope === 'full';
  const balances = full
    ? scan
        .all('available', root)
        .map((row) => (pair ? numbers.amountWithUnit(textOf(row), pair.quote, /^Avbl/) : null))
        .filter((v) => v !== null)
    : [];
  const availableBalance = balances.length === 1 ? balances[0]! : null;
  const pageAccount = full ? readPageAccount(scan, pair) : undefined;

  if (!pair || !tab || tab.leverage === null || (margin && borrow === null) || !type || !forms || !choice?.ok)
    return scan.finish(null, root);
  const marginEnabled = margin && borrow === 'auto';
  const form: OrderForm = {
    venue: 'binance-margin',
    symbol: pair.symbol,
    side: choice.side,
    type,
    // The Spot tab has no margin mode; 'cross' is a placeholder for a form quoted as spot.
    marginMode: tab.account === 'isolated' ? 'isolated' : 'cross',
    price: choice.price,
    size: { unit: 'base', value: choice.amount },
    // No loan (Spot, Normal, Repay): the order is not leveraged whatever the account allows.
    leverage: marginEnabled ? tab.leverage : '1',
    marginEnabled,
    stopLoss: null,
    takeProfit: null,
    availableBalance,
  };
  if (margin) form.borrow = borrow!;
  if (tab.account === 'cross' && pageAccount) form.account = pageAccount;
  const reading = scan.finish(form, root);
  // Typing changes only the four price/amount values (and with them, maybe, which form is meant).
  const inputs = forms;
  return rememberTyped(
    reading,
    [inputs.long.price, inputs.long.amount, inputs.short.price, inputs.short.amount],
    (previous) => {
      const again = chooseForm(inputs, doc, formNumbers(root));
      if (!again.ok) return null;
      return { ...previous, side: again.side, price: again.price, size: { unit: 'base', value: again.amount } };
    },
  );
}

export const reader: VenueReader = {
  venue: 'binance-margin',
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
