// Binance spot margin order form → OrderForm. Reads the DOM only (selectors in selectors.ts).
//
// The account is the selected tab, not the URL: "Cross 3x" / "Isolated 10x" give margin mode and
// leverage, "Spot" means no margin (a plain spot order, like Kraken with margin off). The URL's
// ?type= is a hint only; when it names another account than the tab, the page is mid-switch or
// not what we think: unrecognised.
//
// Two forms side by side. Binance shows a Buy form and a Sell form at once, each with its own
// price, amount and button, and pre-fills both prices. One OrderForm has one price and one
// amount, so the reader quotes the form the trader is filling in:
//   - the side whose Amount holds something (the other one empty) — the usual case;
//   - both filled: the one that has the focus (the trader is typing in it, or just clicked its
//     button, which focuses it);
//   - both filled, neither focused: side 'both' only when both forms say the same price and
//     amount; otherwise we cannot tell which one is meant, so 'side' is unrecognised.
// Each input belongs to the form whose submit button it shares the smallest subtree with; the
// FormRow-BUY-/FormRow-SELL- ids, when present, must agree.
//
// Borrow behaviour: 'Borrow' (auto-borrow) opens a loan, so it is a margin order; 'Normal' and
// 'Repay' open none, so the order is quoted as spot (marginEnabled false: nothing to liquidate).
import type { MarginMode, Side } from '../../core/types';
import { formNumbers, panelNumbers } from '../dom/number-scopes';
import { parseLeverageText, type NumberScope } from '../dom/numbers';
import { agreeingSide, formRootOf, readOrderType, sideByClass } from '../dom/form-parts';
import { accessibleName, commonAncestor, findAll, inputValue, isOn } from '../dom/query';
import { Scan } from '../dom/scan';
import { execText, isEnglishPage, sameText, textOf } from '../dom/text';
import { pairFromTradeUrl, type Pair } from '../dom/trade-url';
import { refreshTyped, rememberTyped } from '../dom/typed';
import type { VenueReader } from '../readers';
import type { DecimalString, FormReading, OrderForm, PageAccount, ReadScope } from '../types';
import {
  BINANCE_MARGIN_SELECTORS,
  BN_FIELD,
  BUY_CLASS,
  CROSS_TAB,
  ISOLATED_TAB,
  SELL_CLASS,
  SUBMIT_TEXT,
  type BinanceMarginKey,
} from './selectors';

const HOST = 'www.binance.com';
/** /trade/BTC_USDT with an optional locale (/en/, /pt-BR/). */
const TRADE_PATH = /^\/(?:[a-z]{2}(?:-[a-z]{2,4})?\/)?trade\/([a-z0-9]{2,20})_([a-z0-9]{2,12})\/?$/i;
/** What Binance shows as the margin level of an account without debt. */
const DEBT_FREE_LEVEL = '999';

type Account = 'spot' | MarginMode;
type FormSide = Side;

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

/** The selected account tab and the leverage on its badge ("Cross 3x" → cross, 3). */
function readAccount(scan: Scan<BinanceMarginKey>): { account: Account; leverage: DecimalString | null } | null {
  const tabs: Array<[Account, Element | null]> = [
    ['spot', scan.one('tabSpot')],
    ['cross', scan.one('tabCross')],
    ['isolated', scan.one('tabIsolated')],
  ];
  if (tabs.some(([, tab]) => tab === null)) return null;
  const selected = tabs.filter(([, tab]) => isOn(tab!));
  if (selected.length !== 1) return scan.need('marginMode', null);
  const [account, tab] = selected[0]!;
  if (account === 'spot') return { account, leverage: '1' };
  const badge = execText(accessibleName(tab!), account === 'cross' ? CROSS_TAB : ISOLATED_TAB)?.[1];
  return { account, leverage: scan.need('leverage', badge === undefined ? null : parseLeverageText(badge)) };
}

function readBorrow(scan: Scan<BinanceMarginKey>, margin: boolean): OrderForm['borrow'] | null {
  const radios: Array<[NonNullable<OrderForm['borrow']>, BinanceMarginKey]> = [
    ['none', 'borrowNormal'],
    ['auto', 'borrowAuto'],
    ['repay', 'borrowRepay'],
  ];
  if (!margin) {
    for (const [, key] of radios) scan.all(key); // counted only: the Spot tab has no borrowing
    return null;
  }
  const found = radios.map(([value, key]) => [value, scan.one(key)] as const);
  if (found.some(([, el]) => el === null)) return null;
  const on = found.filter(([, el]) => isOn(el!));
  return scan.need('borrow', on.length === 1 ? on[0]![0] : null);
}

/** Which form an input belongs to: the one whose button it shares the smaller subtree with. */
function formOf(input: Element, buy: Element, sell: Element): FormSide | null {
  const withBuy = commonAncestor(input, buy);
  const withSell = commonAncestor(input, sell);
  if (!withBuy || !withSell || withBuy === withSell) return null;
  const side: FormSide = withSell.contains(withBuy) ? 'long' : 'short';
  const byId = /^FormRow-(BUY|SELL)-/.exec(input.id)?.[1];
  if (byId !== undefined && (byId === 'BUY') !== (side === 'long')) return null;
  return side;
}

/** Exactly one input of `key` per form, or the key is missing. */
function perForm(
  scan: Scan<BinanceMarginKey>,
  key: 'price' | 'amount' | 'total',
  root: Element | null,
  buy: Element,
  sell: Element,
): Record<FormSide, Element> | null {
  const found = scan.all(key, root);
  const out: Partial<Record<FormSide, Element>> = {};
  for (const input of found) {
    const side = formOf(input, buy, sell);
    if (side === null || out[side] !== undefined) return scan.need(key, null);
    out[side] = input;
  }
  return out.long && out.short ? { long: out.long, short: out.short } : scan.need(key, null);
}

interface FormInputs {
  /** null on the Market tab: no limit price. */
  price: Element | null;
  amount: Element;
  /** The form's own subtree (amount and button), for the focus test. */
  box: Element;
}

type Choice =
  | { ok: true; side: Side | 'both'; price: DecimalString | null; amount: DecimalString }
  | { ok: false; missing: 'amount' | 'price' | 'side' };

const typed = (el: Element | null): string => (el ? (inputValue(el) ?? '') : '').trim();

/** The form the trader is filling in (see the header), with its values parsed in the forms' number scope. */
function chooseForm(forms: Record<FormSide, FormInputs>, doc: Document, numbers: NumberScope): Choice {
  const sides: FormSide[] = ['long', 'short'];
  const entered = sides.filter((side) => typed(forms[side].amount) !== '');
  if (entered.length === 0) return { ok: false, missing: 'amount' };
  const values = (side: FormSide) => ({
    price: forms[side].price ? numbers.positive(typed(forms[side].price)) : null,
    amount: numbers.positive(typed(forms[side].amount)),
  });
  let side: Side | 'both';
  if (entered.length === 1) side = entered[0]!;
  else {
    const focus = doc.activeElement;
    const focused = focus ? sides.filter((s) => forms[s].box.contains(focus)) : [];
    if (focused.length === 1) side = focused[0]!;
    else {
      const [a, b] = [values('long'), values('short')];
      if (a.amount === null || a.amount !== b.amount || a.price !== b.price) return { ok: false, missing: 'side' };
      side = 'both';
    }
  }
  const chosen = forms[side === 'both' ? 'long' : side];
  const { price, amount } = values(side === 'both' ? 'long' : side);
  if (amount === null) return { ok: false, missing: 'amount' };
  if (chosen.price !== null && price === null) return { ok: false, missing: 'price' };
  return { ok: true, side, price, amount };
}

/**
 * The cross account as the page shows it. Existing loans cannot be modelled (their interest and
 * their own price moves), so only a debt-free account gives its total assets as the balance; an
 * account with debt, or totals in another currency, gives none and the quote says so. An empty
 * account's zero is a balance like any other (the background answers it).
 */
function readPageAccount(scan: Scan<BinanceMarginKey>, pair: Pair | null): PageAccount | undefined {
  const level = scan.optional('marginLevel');
  const assets = scan.optional('totalAssets');
  const liabilities = scan.optional('totalLiabilities');
  if (!level && !assets && !liabilities) return undefined;
  const quote = pair?.quote ?? '';
  const assetsValue = assets
    ? panelNumbers(assets).amountWithUnit(textOf(assets), quote, /^Total Assets(?: ≈)?/)
    : null;
  const debt = liabilities
    ? panelNumbers(liabilities).amountWithUnit(textOf(liabilities), quote, /^Total Liabilities(?: ≈)?/)
    : null;
  const levelText = level ? execText(textOf(level), /^Margin Level (\S+)$/)?.[1] : undefined;
  const levelValue = level && levelText !== undefined ? panelNumbers(level).number(levelText) : null;
  // The margin level must agree: an account without debt shows Binance's cap of 999.
  const debtFree = debt === '0' && levelValue === DEBT_FREE_LEVEL;
  return { walletBalance: debtFree ? assetsValue : null, positions: debtFree ? [] : null };
}

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
