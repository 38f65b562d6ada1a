// OKX USDT perpetual swap order form → OrderForm. The form (in OKX's buy/sell mode) has a
// Buy/Long and a Sell/Short button side by side, so the reading has side 'both'.
// The amount is typed in Contracts, the base asset or USDT: contracts are passed on as such
// (size.unit 'contracts'); the background multiplies by the instrument's contract value (ctVal,
// from the public instruments endpoint), which the page does not state reliably.
// Reads the DOM only (selectors in selectors.ts); values are parsed strictly. For cross margin
// the trading account's cash balance and open positions are read too (account.ts).
// Languages: <html lang> and the URL's locale segment (/ru/, /zh-hans/) pick the label table of
// words.ts and the page's number convention; they must agree, and a language without a table is
// refused ('locale'). Both page generations are read in every table.
import type { Side } from '../../core/types';
import { formRootOf, readLimitPrice, readMarginMode, readOrderType, readTpsl, sideByName } from '../dom/form-parts';
import { formNumbers } from '../dom/number-scopes';
import { accessibleName, commonAncestor, findAll, inputValue } from '../dom/query';
import { Scan } from '../dom/scan';
import { documentTable, pageLocale, prefixPattern } from '../dom/page-locale';
import { execText, sameText, textOf } from '../dom/text';
import { pairFromTradeUrl, type Pair } from '../dom/trade-url';
import { finishPerpForm } from '../perp-form';
import type { VenueReader } from '../readers';
import type { FormReading, OrderForm, ReadScope, SizeUnit } from '../types';
import { countAccount, readAccount } from './account';
import { okuiSwitchState } from './okui-switch';
import { costRow, findCostRows, readCosts, rememberCosts, refreshWithCosts } from './page-costs';
import { OKUI_FIELD_CONTAINER, okxSelectors } from './selectors';
import { anyOkxLanguage, OKX_TABLES, OKX_WORDS } from './words';
import { TEACH } from './teach';

const HOST = 'www.okx.com';
/**
 * /trade-swap/btc-usdt-swap with an optional locale segment (/ru/, /zh-hans/, /pt-br/: OKX serves
 * its pages under one, §8 of the evidence); USDT-margined perpetuals only.
 */
const TRADE_PATH = /^\/(?:[a-z]{2}(?:-[a-z]{2,4})?\/)?trade-swap\/([a-z0-9]{1,20})-(usdt)-swap\/?$/i;
/** The unit picker's word for contracts; OKX abbreviates it in narrow layouts. */
const CONTRACTS_UNIT = /^cont(?:ract)?s?\.?$/i;

/** The instrument the URL names, in OKX's own instId form ("BTC-USDT-SWAP"). */
export const pairFromUrl = (url: URL): Pair | null =>
  pairFromTradeUrl(url, HOST, TRADE_PATH, (base, quote) => `${base}-${quote}-SWAP`);

/**
 * Which side a button places: Buy/Long → long, Sell/Short → short (in any of our languages: the click
 * alone does not tell the page's language); null for anything else.
 */
const BUY_NAMES = anyOkxLanguage('buy');
const SELL_NAMES = anyOkxLanguage('sell');
export const sideOfSubmit = (el: Element): Side | null => sideByName(el, BUY_NAMES, SELL_NAMES);

const selectorsOf = (doc: Document) => okxSelectors(documentTable(doc, OKX_TABLES, { urlSegment: true }));

/** The smallest element holding both the order-type tabs and the Buy/Long button. */
const formRoot = (doc: Document): Element | null => formRootOf(doc, selectorsOf(doc), 'typeLimit', 'buy');

function readUnit(text: string | null, pair: Pair | null): SizeUnit | null {
  if (text === null || pair === null) return null;
  if (execText(text, CONTRACTS_UNIT) !== null) return 'contracts';
  return sameText(text, pair.base) ? 'base' : sameText(text, pair.quote) ? 'quote' : null;
}

function read(doc: Document, url: URL, scope: ReadScope = 'full'): FormReading {
  // <html lang> and the URL's locale segment pick the label table and number format (they must agree).
  const locale = pageLocale(doc, url, OKX_TABLES, { urlSegment: true });
  const table = locale?.table ?? 'en';
  const words = OKX_WORDS[table]!;
  const scan = new Scan(doc, okxSelectors(table), locale?.format);
  const pair = scan.need('symbol', pairFromUrl(url));
  if (locale === null) scan.miss('locale');

  const limit = scan.one('typeLimit');
  const market = scan.one('typeMarket');
  const buy = scan.one('buy');
  const sell = scan.one('sell');
  const root = limit && buy ? commonAncestor(limit, buy) : null;
  const numbers = scan.formNumbers(root);
  // The instrument picker must name the URL's instrument: a mismatch is a half-done SPA switch.
  const picker = scan.optional('instrument');
  if (pair && picker && !sameText(accessibleName(picker), `${pair.base}${pair.quote} Perpetual`)) scan.miss('symbol');

  const marginMode = scan.need('marginMode', readMarginMode(scan.one('marginMode'), words));
  const leverageButton = scan.one('leverage');
  const leverage = leverageButton ? scan.need('leverage', numbers.leverage(accessibleName(leverageButton))) : null;

  const type = readOrderType(scan, limit, market); // the TP/SL order tab (and any other) is not quoted
  // The Market tab shows a disabled "Market price" box: counted only.
  const price = readLimitPrice(scan, 'price', type, root, numbers);

  const sizeInput = scan.one('size', root);
  const sizeField = sizeInput ? (sizeInput.closest(OKUI_FIELD_CONTAINER) ?? sizeInput.parentElement) : null;
  const unitEl = scan.one('sizeUnit', sizeField);
  const unit = readUnit(unitEl ? textOf(unitEl) : null, pair);
  if (unitEl && !unit) scan.miss('sizeUnit');
  const sizeValue = sizeInput ? scan.need('size', numbers.positive(inputValue(sizeInput))) : null;

  const tpsl = readTpsl(scan, root, numbers, okuiSwitchState);

  const full = scope === 'full';
  const availableRow = full ? scan.optional('available', root) : null;
  const availableBalance =
    availableRow && pair
      ? numbers.amountWithUnit(textOf(availableRow), pair.quote, prefixPattern(words.available))
      : null;

  // The page's own Cost (one row, or one per button), for the background's cross-check (the click path too).
  const costRows = buy && sell ? findCostRows(scan, root, buy, sell) : null;
  const costPattern = costRow(words.cost ?? []);
  const pageEstimates = costRows && pair ? readCosts(scan, costRows, pair.quote, numbers, costPattern) : null;

  let account: OrderForm['account'];
  if (full && marginMode === 'cross' && pair) account = readAccount(scan, doc, pair.quote, pairFromUrl);
  else if (full) countAccount(scan, doc);

  const reading = finishPerpForm(scan, root, {
    venue: 'okx-swap',
    symbol: pair?.symbol ?? null,
    side: 'both',
    type,
    marginMode,
    leverage,
    price,
    size: { unit, value: sizeValue, input: sizeInput },
    tpsl,
    availableBalance,
    account,
    language: table,
    // The figures as read now; the typing fast path reads the rows again itself (refreshWithCosts).
    pageEstimates: pageEstimates && pageEstimates.length > 0 ? () => pageEstimates : undefined,
  });
  return rememberCosts(reading, costRows ?? [], () => formNumbers(root, locale?.format), costPattern);
}

export const reader: VenueReader = {
  venue: 'okx-swap',
  selectors: (doc) => selectorsOf(doc),
  teach: TEACH,
  matchesUrl: (url) => pairFromUrl(url) !== null,
  read,
  refresh: refreshWithCosts,
  formRoot,
  submitButtons: (doc) => {
    const table = selectorsOf(doc);
    return [...findAll(doc, table.buy), ...findAll(doc, table.sell)];
  },
  sideOfSubmit,
};
