// Hyperliquid perpetuals order form → OrderForm. One side at a time (the Buy / Long – Sell / Short
// toggle) and one "Place Order" button. Reads the DOM only (selectors in selectors.ts); values are
// parsed strictly and cross-checked where the page says the same thing twice (URL coin vs. coin
// picker vs. size unit; toggle vs. a submit button named after the side). In cross margin the
// account panel and the positions table are read as well (account.ts).
import type { Side } from '../../core/types';
import { formRootOf, readLimitPrice, readMarginMode, readOrderType, readTpsl } from '../dom/form-parts';
import {
  accessibleName,
  commonAncestor,
  findAll,
  findUnique,
  inputValue,
  isOn,
  QueryCache,
  type SelectorSpec,
} from '../dom/query';
import { Scan } from '../dom/scan';
import { execText, isEnglishPage, matchesText, sameText, textOf } from '../dom/text';
import { refreshTyped } from '../dom/typed';
import { finishPerpForm } from '../perp-form';
import type { VenueReader } from '../readers';
import type { FormReading, ReadScope } from '../types';
import { readAccount } from './account';
import { readPageEstimates } from './summary-rows';
import {
  BUILDER_COIN,
  COIN,
  HYPERLIQUID_SELECTORS,
  NAMED_SUBMIT,
  PLACE_ORDER_TEXT,
  type HyperliquidKey,
} from './selectors';
import { TEACH } from './teach';

const HOST = 'app.hyperliquid.xyz';
/** /trade/BTC, or /trade alone (the last coin: the page has to name it). Spot (/trade/PURR/USDC, /trade/@107) is not a perp. */
const TRADE_PATH = /^\/trade(?:\/([^/]+))?\/?$/;
/** Hyperliquid perps are margined and quoted in USDC; the size menu may say either. */
const QUOTE_UNITS = ['USDC', 'USD'];

/** A listed perp ("BTC") or a builder-deployed one ("xyz:TSLA", not supported: the background says so). */
const isCoin = (text: string): boolean => execText(text, COIN) !== null || execText(text, BUILDER_COIN) !== null;

/** { coin } from a perp trade URL (coin null for bare /trade); null for any other URL. */
export function coinFromUrl(url: URL): { coin: string | null } | null {
  if (url.protocol !== 'https:' || url.hostname !== HOST) return null;
  const m = TRADE_PATH.exec(url.pathname);
  if (!m) return null;
  if (m[1] === undefined) return { coin: null };
  // "xyz%3ATSLA" is "xyz:TSLA"; a segment that does not decode is no coin.
  let coin: string;
  try {
    coin = decodeURIComponent(m[1]);
  } catch {
    return null;
  }
  return COIN.test(coin) || BUILDER_COIN.test(coin) ? { coin } : null;
}

/** "BTC-USD" → "BTC", "xyz:TSLA-USDC" → "xyz:TSLA" (as the page spells it: compare with sameText). */
function coinOfPicker(el: Element | null): string | null {
  const m = el ? execText(accessibleName(el), /^(\S+)-USDC?$/) : null;
  return m && isCoin(m[1]!) ? m[1]! : null;
}

/** The size menu names a coin by itself or, for a builder perp, maybe without its dex ("TSLA"). */
const namesCoin = (unit: string, coin: string): boolean =>
  sameText(unit, coin) || (coin.includes(':') && sameText(unit, coin.slice(coin.indexOf(':') + 1)));

const unique = (doc: Document, key: HyperliquidKey): Element | null => findUnique(doc, HYPERLIQUID_SELECTORS[key]);

/** The toggle's side: exactly one of Buy / Long and Sell / Short pressed. */
function toggleSide(buy: Element | null, sell: Element | null): Side | null {
  if (!buy || !sell || isOn(buy) === isOn(sell)) return null;
  return isOn(buy) ? 'long' : 'short';
}

/**
 * Which side a submit button places. "Place Order" places the toggle's side; an older "Market Buy"
 * / "Limit Sell" button names its own. null for anything else or a contradiction.
 */
export function sideOfSubmit(el: Element): Side | null {
  const name = accessibleName(el);
  const named = execText(name, NAMED_SUBMIT);
  if (named) return sameText(named[1], 'Buy') ? 'long' : 'short';
  if (!matchesText(name, PLACE_ORDER_TEXT)) return null;
  return toggleSide(unique(el.ownerDocument, 'sideBuy'), unique(el.ownerDocument, 'sideSell'));
}

/** The smallest element holding both the side toggle and the submit button. */
const formRoot = (doc: Document): Element | null => formRootOf(doc, HYPERLIQUID_SELECTORS, 'sideBuy', 'submit');

const TYPED_INPUT = 'input:not([type=range]):not([type=checkbox]):not([type=radio]):not([type=hidden])';
const holdsAnotherInput = (node: Element, input: Element): boolean =>
  [...node.querySelectorAll(TYPED_INPUT)].some((other) => other !== input);

/**
 * The size field's unit menu: in the nearest container around the size input that holds a unit
 * menu at all, searched up to the form root and no further (the coin picker elsewhere on the page
 * is never taken for it). Wrappers around the input or the menu do not matter; two menus in that
 * container are ambiguous: refused, never a guess.
 */
function unitButtonNear(scan: Scan<HyperliquidKey>, input: Element, root: Element | null): Element | null {
  const spec: SelectorSpec = HYPERLIQUID_SELECTORS.sizeUnit;
  const cache = new QueryCache();
  // root.contains(node) holds for the root itself and stops the walk right above it.
  for (let node = input.parentElement; node !== null && root?.contains(node); node = node.parentElement) {
    // A container that also holds another field's input (the price) is no longer the size field's
    // own: a unit menu first met there may be that field's, so it is not taken.
    if (holdsAnotherInput(node, input)) break;
    if (findAll(node, spec, cache).length > 0) return scan.one('sizeUnit', node);
  }
  scan.all('sizeUnit', null);
  scan.miss('sizeUnit');
  return null;
}

/** The coin: from the URL, checked against the picker; from the picker alone on bare /trade. */
function readCoin(scan: Scan<HyperliquidKey>, url: URL): string | null {
  const fromUrl = coinFromUrl(url);
  if (fromUrl === null) {
    scan.all('coin');
    scan.miss('symbol');
    return null;
  }
  if (fromUrl.coin === null) return coinOfPicker(scan.one('coin'));
  const picker = scan.optional('coin');
  if (picker !== null && !sameText(coinOfPicker(picker), fromUrl.coin)) {
    scan.miss('symbol'); // the URL changed and the page has not caught up (or the other way round)
    return null;
  }
  return fromUrl.coin;
}

function read(doc: Document, url: URL, scope: ReadScope = 'full'): FormReading {
  const scan = new Scan(doc, HYPERLIQUID_SELECTORS);
  const coin = readCoin(scan, url);
  if (!isEnglishPage(doc)) scan.miss('locale');

  const buy = scan.one('sideBuy');
  const sell = scan.one('sideSell');
  const submit = scan.one('submit');
  const root = buy && submit ? commonAncestor(buy, submit) : null;
  const numbers = scan.formNumbers(root);
  let side = buy && sell ? scan.need('side', toggleSide(buy, sell)) : null;
  if (side && submit && sideOfSubmit(submit) !== side) {
    scan.miss('side');
    side = null;
  }

  // A mode button with another name ("Portfolio") is reported as marginMode, like the other readers.
  const modeButton = scan.one('marginMode');
  const marginMode = modeButton ? scan.need('marginMode', readMarginMode(modeButton)) : null;
  const leverageButton = scan.one('leverage');
  const leverage = leverageButton ? scan.need('leverage', numbers.leverage(accessibleName(leverageButton))) : null;

  const market = scan.one('typeMarket', root);
  const limit = scan.one('typeLimit', root);
  const type = readOrderType(scan, limit, market); // Pro (stop, scale, TWAP) is not quoted
  // The Market tab has no price field: counted only.
  const price = readLimitPrice(scan, 'price', type, root, numbers);

  const sizeInput = scan.one('size', root);
  const unitButton = sizeInput ? unitButtonNear(scan, sizeInput, root) : null;
  const unitText = unitButton ? textOf(unitButton) : null;
  const unit =
    unitText === null
      ? null
      : coin !== null && namesCoin(unitText, coin)
        ? 'base'
        : matchesText(unitText, QUOTE_UNITS)
          ? 'quote'
          : null;
  if (unitButton && !unit && coin !== null) scan.miss('sizeUnit');
  const sizeValue = sizeInput ? scan.need('size', numbers.positive(inputValue(sizeInput))) : null;

  // A reduce-only order closes part of a position: it opens no new risk to quote.
  const reduceOnly = scan.one('reduceOnly', root);
  if (reduceOnly && isOn(reduceOnly)) scan.miss('reduceOnly');

  const tpsl = readTpsl(scan, root, numbers);
  // The page's own Liquidation Price / Order Value / Margin Required, for the cross-check.
  const pageEstimates = readPageEstimates(scan, root, numbers);

  const full = scope === 'full';
  const availableRow = full ? scan.optional('available', root) : null;
  const availableBalance = availableRow
    ? numbers.amountWithUnit(textOf(availableRow), 'USDC', /^Available to Trade/)
    : null;
  const account = full ? readAccount(scan) : undefined;

  return finishPerpForm(scan, root, {
    venue: 'hyperliquid',
    symbol: coin,
    side,
    type,
    marginMode,
    leverage,
    price,
    size: { unit, value: sizeValue, input: sizeInput },
    tpsl,
    availableBalance,
    // Cross margin shares the account: what the page shows of it goes with the form.
    account: marginMode === 'cross' ? account : undefined,
    // A reduce-only box must be there (and off, above).
    complete: reduceOnly !== null,
    // As read now; a reading that carries them is read again whole on typing (refresh below).
    pageEstimates: pageEstimates.length > 0 ? () => pageEstimates : undefined,
  });
}

export const reader: VenueReader = {
  venue: 'hyperliquid',
  selectors: () => HYPERLIQUID_SELECTORS,
  teach: TEACH,
  matchesUrl: (url) => coinFromUrl(url) !== null,
  read,
  // The summary rows follow what is typed: a reading that carries them is read again whole (the
  // typing fast path would keep the old figures beside the new order).
  refresh: (previous) => (previous.status === 'ok' && previous.form.pageEstimates ? null : refreshTyped(previous)),
  formRoot,
  submitButtons: (doc) => findAll(doc, HYPERLIQUID_SELECTORS.submit),
  sideOfSubmit,
};
