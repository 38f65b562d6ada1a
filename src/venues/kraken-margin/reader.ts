// Kraken Pro spot margin order form → OrderForm. Reads the DOM only (selectors in
// selectors.ts); every value is parsed strictly and cross-checked where the page says the
// same thing twice (selected side vs. submit button text, pair picker vs. URL).
import type { Side } from '../../core/types';
import { formRootOf, readLimitPrice, readOrderType, rememberTypedOrder } from '../dom/form-parts';
import { formNumbers } from '../dom/number-scopes';
import { accessibleName, commonAncestor, findAll, inputValue, isOn } from '../dom/query';
import { Scan } from '../dom/scan';
import { execText, isEnglishPage, sameText, textOf } from '../dom/text';
import { pairFromTradeUrl } from '../dom/trade-url';
import { refreshTyped } from '../dom/typed';
import type { VenueReader } from '../readers';
import type { FormReading, OrderForm, ReadScope } from '../types';
import { KRAKEN_SELECTORS, SUBMIT_TEXT, type KrakenKey } from './selectors';

const HOST = 'pro.kraken.com';
const TRADE_PATH = /^\/app\/trade\/([a-z0-9]{2,12})-([a-z0-9]{2,12})\/?$/i;

const pairFromUrl = (url: URL) => pairFromTradeUrl(url, HOST, TRADE_PATH, (base, quote) => `${base}/${quote}`);

/** Which side a submit button places: "Buy BTC" → long, "Sell BTC" → short; null if it is not one. */
export function sideOfSubmit(el: Element): Side | null {
  const m = execText(accessibleName(el), SUBMIT_TEXT);
  if (!m) return null;
  return sameText(m[1], 'Buy') ? 'long' : 'short';
}

/** The smallest element holding both the side toggle and the submit button. */
const formRoot = (doc: Document): Element | null => formRootOf(doc, KRAKEN_SELECTORS, 'sideBuy', 'submit');

function readSide(scan: Scan<KrakenKey>, buy: Element | null, sell: Element | null): Side | null {
  if (!buy || !sell) return null;
  const isBuy = isOn(buy);
  if (isBuy === isOn(sell)) {
    scan.miss('side');
    return null;
  }
  return isBuy ? 'long' : 'short';
}

function read(doc: Document, url: URL, scope: ReadScope = 'full'): FormReading {
  const scan = new Scan(doc, KRAKEN_SELECTORS);
  const pair = scan.need('symbol', pairFromUrl(url));
  if (!isEnglishPage(doc)) scan.miss('locale');

  const buy = scan.one('sideBuy');
  const sell = scan.one('sideSell');
  const submit = scan.one('submit');
  const root = buy && submit ? commonAncestor(buy, submit) : null;
  const numbers = scan.formNumbers(root);
  const side = readSide(scan, buy, sell);
  const submitMatch = submit ? execText(accessibleName(submit), SUBMIT_TEXT) : null;
  if (side && submit && sideOfSubmit(submit) !== side) scan.miss('side');
  if (pair && submitMatch && !sameText(submitMatch[2], pair.base)) scan.miss('symbol');
  const pairButton = scan.optional('pair');
  if (pair && pairButton && !sameText(accessibleName(pairButton), pair.symbol)) scan.miss('symbol');
  scan.all('ready');

  const limit = scan.one('typeLimit', root);
  const market = scan.one('typeMarket', root);
  const type = readOrderType(scan, limit, market); // another type (stop loss, …) selected: not quoted
  const { value: price, input: priceInput } = readLimitPrice(scan, 'price', type, root, numbers);

  // One size input at a time: `volume-N` (base) or `volumeInQuote-N` (quote), switched by the
  // currency toggle. Both at once would leave us to pick which one the trader typed: refused.
  const base = scan.all('sizeBase', root);
  const quote = scan.all('sizeQuote', root);
  let size: OrderForm['size'] | null = null;
  const sizeInput = base.length + quote.length === 1 ? (base[0] ?? quote[0] ?? null) : null;
  if (sizeInput) {
    const value = numbers.positive(inputValue(sizeInput));
    size = value === null ? null : { unit: base.length === 1 ? 'base' : 'quote', value };
  }
  scan.need('size', size);

  const marginSwitch = scan.one('margin', root);
  const marginEnabled = marginSwitch ? isOn(marginSwitch) : false;
  const choices = scan.all('leverage', root);
  let leverage: string | null = '1'; // margin off: a plain spot order
  if (marginEnabled) {
    const chosen = choices.filter(isOn);
    leverage = scan.need(
      'leverage',
      chosen.length === 1 && chosen[0] ? numbers.leverage(accessibleName(chosen[0])) : null,
    );
  }

  const availableRow = scope === 'full' ? scan.optional('available', root) : null;
  const availableBalance =
    availableRow && pair ? numbers.amountWithUnit(textOf(availableRow), pair.quote, /^Available/) : null;

  if (!pair || !side || !type || !size || leverage === null || !marginSwitch || (type === 'limit' && price === null))
    return scan.finish(null, root);
  const reading = scan.finish(
    {
      venue: 'kraken-margin',
      symbol: pair.symbol,
      side,
      type,
      // Kraken spot margin is account-wide: every position shares the account's collateral.
      marginMode: 'cross',
      price,
      size,
      leverage,
      marginEnabled,
      stopLoss: null,
      takeProfit: null,
      availableBalance,
    },
    root,
  );
  // No TP/SL inputs are read here (both null above): typing changes only the price and the size.
  return rememberTypedOrder(reading, { price: priceInput, size: sizeInput! }, () => formNumbers(root));
}

export const reader: VenueReader = {
  venue: 'kraken-margin',
  matchesUrl: (url) => pairFromUrl(url) !== null,
  read,
  refresh: refreshTyped,
  formRoot,
  submitButtons: (doc) => findAll(doc, KRAKEN_SELECTORS.submit),
  sideOfSubmit,
};
