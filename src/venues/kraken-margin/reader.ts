// Kraken Pro spot margin order form → OrderForm, on both page generations (selectors.ts). Reads the
// DOM only; every value is parsed strictly and cross-checked where the page says the same thing
// twice (selected side vs. submit button text, pair picker and submit vs. URL, the switch's
// leverage vs. the submit's, gen 2's Total vs. quantity × price).
import type { Side } from '../../core/types';
import { readLimitPrice, rememberTypedOrder } from '../dom/form-parts';
import { formNumbers } from '../dom/number-scopes';
import { accessibleName, findAll, inputValue, isOn } from '../dom/query';
import { Scan } from '../dom/scan';
import { execText, isEnglishPage, sameText, textOf } from '../dom/text';
import { pairFromTradeUrl } from '../dom/trade-url';
import { refreshTyped, rememberTyped } from '../dom/typed';
import type { VenueReader } from '../readers';
import type { FormReading, OrderForm, ReadScope } from '../types';
import { pairedAgain, readMarginLeverage, readPairedSize, readType, totalEstimate } from './form-parts';
import { anchoredRoot } from './form-root';
import { AVAILABLE_LABEL, KRAKEN_SELECTORS, SUBMIT_TEXT, type KrakenKey } from './selectors';
import { TEACH } from './teach';

const HOST = 'pro.kraken.com';
/** /app/trade/btc-usd (spot, margin by the switch) and /app/trade/margin-btc-usd (margin trading); no pair is called "margin". */
const TRADE_PATH = /^\/app\/trade\/(?:margin-)?(?!margin-)([a-z0-9]{2,12})-([a-z0-9]{2,12})\/?$/i;
const MARGIN_PATH = /^\/app\/trade\/margin-/i;

const pairFromUrl = (url: URL) => pairFromTradeUrl(url, HOST, TRADE_PATH, (base, quote) => `${base}/${quote}`);

/** Which side a submit button places: "Buy BTC", "Buy BTC/USD (10x)" → long, "Sell …" → short; null if it is not one. */
export function sideOfSubmit(el: Element): Side | null {
  const m = execText(accessibleName(el), SUBMIT_TEXT);
  if (!m) return null;
  return sameText(m[1], 'Buy') ? 'long' : 'short';
}

function readSide(scan: Scan<KrakenKey>, buy: Element | null, sell: Element | null): Side | null {
  if (!buy || !sell) return null;
  const isBuy = isOn(buy);
  if (isBuy === isOn(sell)) {
    scan.miss('side');
    return null;
  }
  return isBuy ? 'long' : 'short';
}

/** Gen 1: one size input at a time (`volume-N` base or `volumeInQuote-N` quote); both at once is refused. */
function readSingleSize(scan: Scan<KrakenKey>, root: Element | null, numbers: ReturnType<typeof formNumbers>) {
  const base = scan.all('sizeBase', root);
  const quote = scan.all('sizeQuote', root);
  const input = base.length + quote.length === 1 ? (base[0] ?? quote[0] ?? null) : null;
  const value = input ? numbers.positive(inputValue(input)) : null;
  const size: OrderForm['size'] | null = value === null ? null : { unit: base.length === 1 ? 'base' : 'quote', value };
  return { size: scan.need('size', size), input };
}

function read(doc: Document, url: URL, scope: ReadScope = 'full'): FormReading {
  const scan = new Scan(doc, KRAKEN_SELECTORS);
  const pair = scan.need('symbol', pairFromUrl(url));
  if (!isEnglishPage(doc)) scan.miss('locale');
  const root = anchoredRoot(doc, scan.cache);
  const numbers = scan.formNumbers(root);

  const buy = scan.one('sideBuy', root);
  const sell = scan.one('sideSell', root);
  const submit = scan.one('submit', root);
  const side = readSide(scan, buy, sell);
  const submitMatch = submit ? execText(accessibleName(submit), SUBMIT_TEXT) : null;
  if (side && submit && sideOfSubmit(submit) !== side) scan.miss('side');
  if (pair && submitMatch && !sameText(submitMatch[2], pair.base)) scan.miss('symbol');
  if (pair && submitMatch?.[3] !== undefined && !sameText(submitMatch[3], pair.quote)) scan.miss('symbol');
  const pairButton = scan.optional('pair');
  if (pair && pairButton && !sameText(accessibleName(pairButton), pair.symbol)) scan.miss('symbol');
  scan.all('ready');

  const type = readType(scan, root); // another type (stop loss, …) selected: not quoted
  const { value: price, input: priceInput } = readLimitPrice(scan, 'price', type, root, numbers);

  // Gen 1 has a currency toggle and one size input; gen 2 shows Quantity and Total side by side.
  const single = scan.all('sizeUnit', root).length > 0;
  const paired = single ? null : readPairedSize(scan, root, numbers, price);
  const { size, input: sizeInput } = paired
    ? { size: paired.size, input: paired.quantity }
    : readSingleSize(scan, root, numbers);

  const marginSwitch = scan.one('margin', root);
  const marginEnabled = marginSwitch ? isOn(marginSwitch) : false;
  // The margin URL trades on margin: a switch that says off there contradicts the page's address.
  if (marginSwitch && !marginEnabled && MARGIN_PATH.test(url.pathname)) scan.miss('margin');
  let leverage: string | null = '1'; // margin off: a plain spot order
  if (marginEnabled && marginSwitch) leverage = readMarginLeverage(scan, root, marginSwitch, numbers);
  else scan.all('leverage', root);
  // "Buy BTC/USD (10x)": the submit's leverage must be the form's, and only while margin is on.
  const submitLeverage = submitMatch?.[4] === undefined ? null : numbers.leverage(`${submitMatch[4]}x`);
  if (
    marginSwitch &&
    submitMatch?.[4] !== undefined &&
    (!marginEnabled || submitLeverage === null || submitLeverage !== leverage)
  )
    scan.miss('leverage');

  const availableRow = scope === 'full' ? scan.optional('available', root) : null;
  const availableBalance =
    availableRow && pair ? numbers.amountWithUnit(textOf(availableRow), pair.quote, AVAILABLE_LABEL) : null;

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
      ...(paired?.estimate ? { pageEstimates: [paired.estimate] } : {}),
    },
    root,
  );
  if (paired) {
    // Typing rewrites price, Quantity and Total: the fast path re-checks that they still agree.
    const { quantity, total } = paired;
    return rememberTyped(
      reading,
      [priceInput, quantity, total],
      (form) => {
        const now = formNumbers(root);
        const p = priceInput === null ? null : now.positive(inputValue(priceInput));
        if (priceInput !== null && p === null) return null;
        const q = pairedAgain(now, quantity!, total!, p);
        const estimate = totalEstimate(now, total!);
        if (q === null || estimate === null) return null;
        return { ...form, price: p, size: { unit: 'base', value: q }, pageEstimates: [estimate] };
      },
      true,
    );
  }
  // No TP/SL inputs are read here (both null above): typing changes only the price and the size.
  return rememberTypedOrder(reading, { price: priceInput, size: sizeInput! }, () => formNumbers(root));
}

export const reader: VenueReader = {
  venue: 'kraken-margin',
  selectors: () => KRAKEN_SELECTORS,
  teach: TEACH,
  matchesUrl: (url) => pairFromUrl(url) !== null,
  read,
  refresh: refreshTyped,
  formRoot: (doc) => anchoredRoot(doc),
  submitButtons: (doc) => findAll(doc, KRAKEN_SELECTORS.submit),
  sideOfSubmit,
};
