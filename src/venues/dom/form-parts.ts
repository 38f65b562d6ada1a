// Pieces of an order-form reading that several venues share: the form's root, which side a
// Buy/Sell button places, the Cross/Isolated button, the Limit/Market tabs, the limit price,
// optional TP/SL trigger prices, and the typing fast path over those inputs. Each reader keeps
// what is its own (selectors, size units, cross-checks) and calls these for the rest, so one
// fix reaches every venue. Content side: numbers are checked by numbers.ts (regex and BigInt),
// never decimal.js, and read in the form's number scope (number-scopes.ts formNumbers).
import type { MarginMode, Side } from '../../core/types';
import type { DecimalString, FormReading, OrderForm, PageEstimate } from '../types';
import type { NumberScope } from './numbers';
import { accessibleName, commonAncestor, findUnique, inputValue, isOn, type SelectorTable } from './query';
import type { Scan } from './scan';
import { matchesText, type TextMatch } from './text';
import { rememberTyped } from './typed';

type Scope = Element | Document | null;

/** A value read from an input, with the input (null when the field is off or missing). */
export interface TypedField {
  value: DecimalString | null;
  input: Element | null;
}

/**
 * The smallest element holding the one match of `a` and the one match of `b` (e.g. the
 * order-type tabs and the Buy button); null when either is missing or ambiguous.
 */
export function formRootOf<K extends string>(doc: Document, table: SelectorTable<K>, a: K, b: K): Element | null {
  const first = findUnique(doc, table[a]);
  const second = findUnique(doc, table[b]);
  return first && second ? commonAncestor(first, second) : null;
}

/** Buy/Long → long, Sell/Short → short by the button's accessible name; null for anything else. */
export function sideByName(el: Element, buy: TextMatch, sell: TextMatch): Side | null {
  const name = accessibleName(el);
  return matchesText(name, buy) ? 'long' : matchesText(name, sell) ? 'short' : null;
}

/** long/short by a component-library class on the button; null when it has neither. */
export function sideByClass(el: Element, buyCss: string, sellCss: string): Side | null {
  return el.matches(buyCss) ? 'long' : el.matches(sellCss) ? 'short' : null;
}

/** Two readings of one button (text and class): null when they contradict, else whichever is known. */
export function agreeingSide(a: Side | null, b: Side | null): Side | null {
  if (a !== null && b !== null && a !== b) return null;
  return a ?? b;
}

/**
 * The margin-mode button's name, "Cross" or "Isolated" in any case (or the page language's words);
 * null for anything else or no button.
 */
export function readMarginMode(
  button: Element | null,
  words: { cross: TextMatch; isolated: TextMatch } = { cross: ['Cross'], isolated: ['Isolated'] },
): MarginMode | null {
  if (!button) return null;
  const text = accessibleName(button);
  return matchesText(text, words.cross) ? 'cross' : matchesText(text, words.isolated) ? 'isolated' : null;
}

/**
 * Limit or Market, whichever of the two tabs is selected. Neither or both selected means another
 * tab (stop, conditional, …) is: not quoted, 'orderType' missing. null without a miss when a tab
 * was not found (its own key is missing already).
 */
export function readOrderType<K extends string>(
  scan: Scan<K>,
  limit: Element | null,
  market: Element | null,
): OrderForm['type'] | null {
  if (!limit || !market) return null;
  if (isOn(limit) !== isOn(market)) return isOn(limit) ? 'limit' : 'market';
  scan.miss('orderType');
  return null;
}

/**
 * The limit price on the Limit tab (it must parse). On any other tab `key` is only counted: the
 * field is gone or shows "Market", and a market order has no limit price.
 */
export function readLimitPrice<K extends string>(
  scan: Scan<K>,
  key: K,
  type: OrderForm['type'] | null,
  root: Scope,
  numbers: NumberScope,
): TypedField {
  if (type !== 'limit') {
    scan.all(key, root);
    return { value: null, input: null };
  }
  const input = scan.one(key, root);
  return { value: input ? scan.need(key, numbers.positive(inputValue(input))) : null, input };
}

/** A trigger price as typed: empty (or no input) means "not set" (null), anything else must parse (undefined: it does not). */
export function triggerValue(input: Element | null, numbers: NumberScope): DecimalString | null | undefined {
  const raw = input ? inputValue(input) : null;
  if (raw === null || raw.trim() === '') return null;
  return numbers.positive(raw) ?? undefined;
}

/**
 * Trigger price of an optional TP or SL field. While TP/SL is off the key is only counted and the
 * value is null; while it is on the field must be there, and it is either empty or a price.
 */
export function readTrigger<K extends string>(
  scan: Scan<K>,
  key: K,
  root: Scope,
  on: boolean,
  numbers: NumberScope,
): TypedField {
  if (!on) {
    scan.all(key, root);
    return { value: null, input: null };
  }
  const input = scan.one(key, root);
  const value = triggerValue(input, numbers);
  return { value: value === undefined ? scan.need(key, null) : value, input };
}

/** Selector keys of a TP/SL switch and its two trigger fields, as the venues' tables name them. */
type TpslKey = 'tpsl' | 'takeProfit' | 'stopLoss';

/**
 * The TP/SL switch (required: `box` null records 'tpsl' missing) and, while it is on, its take
 * profit and stop loss triggers (see readTrigger), looked up inside `root`. `stateOf` reads the
 * switch (default isOn; switch-state.ts for class-drawn ones): null records 'tpsl' missing.
 */
export function readTpsl<K extends string>(
  scan: Scan<K | TpslKey>,
  root: Scope,
  numbers: NumberScope,
  stateOf: (box: Element) => boolean | null = isOn,
): { box: Element | null; takeProfit: TypedField; stopLoss: TypedField } {
  const box = scan.one('tpsl', root);
  const state = box ? stateOf(box) : false;
  const on = scan.need('tpsl', state) ?? false;
  return {
    box,
    takeProfit: readTrigger(scan, 'takeProfit', root, on, numbers),
    stopLoss: readTrigger(scan, 'stopLoss', root, on, numbers),
  };
}

/** The inputs whose typed values an ok reading came from. */
export interface TypedInputs {
  /** null on the Market tab. */
  price: Element | null;
  size: Element;
  /** null while TP/SL is off; left out by a venue without TP/SL fields (the form's values are kept). */
  takeProfit?: Element | null;
  stopLoss?: Element | null;
}

/**
 * rememberTyped for a form whose typing changes only its price, size and TP/SL values (everything
 * else needs a DOM change to change). A refresh keeps the size unit and gives up (null) when a
 * value no longer parses. `numbers` gives the form's number scope as it is at refresh time (what
 * is typed is part of the evidence).
 */
export function rememberTypedOrder(
  reading: FormReading,
  inputs: TypedInputs,
  numbersNow: () => NumberScope,
  estimatesNow?: (numbers: NumberScope) => PageEstimate[],
): FormReading {
  const triggers = (['takeProfit', 'stopLoss'] as const).filter((key) => inputs[key] !== undefined);
  return rememberTyped(
    reading,
    [inputs.price, inputs.size, inputs.takeProfit ?? null, inputs.stopLoss ?? null],
    (form) => {
      const numbers = numbersNow();
      const size = numbers.positive(inputValue(inputs.size));
      const price = inputs.price === null ? null : numbers.positive(inputValue(inputs.price));
      if (size === null || (inputs.price !== null && price === null)) return null;
      const next: OrderForm = { ...form, price, size: { unit: form.size.unit, value: size } };
      for (const key of triggers) {
        const value = triggerValue(inputs[key] ?? null, numbers);
        if (value === undefined) return null;
        next[key] = value;
      }
      if (estimatesNow !== undefined) {
        const estimates = estimatesNow(numbers);
        if (estimates.length > 0) next.pageEstimates = estimates;
        else delete next.pageEstimates;
      }
      return next;
    },
    estimatesNow !== undefined,
  );
}
