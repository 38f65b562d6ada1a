// Binance spot margin: the two forms side by side. Binance shows a Buy form and a Sell form at
// once, each with its own price, amount and button, and pre-fills both prices. One OrderForm has
// one price and one amount, so the reader quotes the form the trader is filling in:
//   - the side whose Amount holds something (the other one empty) — the usual case;
//   - both filled: the one that has the focus (the trader is typing in it, or just clicked its
//     button, which focuses it);
//   - both filled, neither focused: side 'both' only when both forms say the same price and
//     amount; otherwise we cannot tell which one is meant, so 'side' is unrecognised.
// Each input belongs to the form whose submit button it shares the smallest subtree with; the
// FormRow-BUY-/FormRow-SELL- ids, when present, must agree.
// This is the first page generation; the second has one form behind a Buy / Sell tab (tabbed-form.ts).
import type { Side } from '../../core/types';
import { formNumbers } from '../dom/number-scopes';
import type { NumberScope } from '../dom/numbers';
import { accessibleName, commonAncestor, inputValue } from '../dom/query';
import type { Scan } from '../dom/scan';
import { execText, sameText, textOf } from '../dom/text';
import type { Pair } from '../dom/trade-url';
import type { DecimalString, OrderForm } from '../types';
import type { OrderPart } from './order-part';
import { BN_FIELD, type BinanceMarginKey } from './selectors';
import { submitPattern, type MarginWords } from './words';

/** One of the two forms, by the side its button places. */
export type FormSide = Side;

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
export function perForm(
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

export interface FormInputs {
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
export function chooseForm(forms: Record<FormSide, FormInputs>, doc: Document, numbers: NumberScope): Choice {
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

/** Gen 1's reading: both forms, each input assigned to its form, and the form being filled in chosen. */
export function readTwoForms(
  scan: Scan<BinanceMarginKey>,
  doc: Document,
  pair: Pair | null,
  type: OrderForm['type'] | null,
  w: MarginWords,
): OrderPart {
  const buy = scan.one('buy');
  const sell = scan.one('sell');
  for (const button of [buy, sell]) {
    const base = button ? execText(accessibleName(button), submitPattern(w))?.[2] : undefined;
    if (pair && button && !sameText(base, pair.base)) scan.miss('symbol');
  }
  const root = buy && sell ? commonAncestor(buy, sell) : null;
  const numbers = scan.formNumbers(root);
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
        const unit = scan.one('amountUnit', amounts[side].closest(BN_FIELD));
        if (pair && unit && !sameText(textOf(unit), pair.base)) scan.miss('amountUnit');
      }
    }
  }
  const choice = forms && type ? chooseForm(forms, doc, numbers) : null;
  if (choice && !choice.ok) scan.miss(choice.missing);
  if (!forms || !choice?.ok) return { root, numbers, values: null, typed: null };
  const inputs = forms;
  return {
    root,
    numbers,
    values: choice,
    // Typing changes only the four price/amount values (and with them, maybe, which form is meant).
    typed: {
      inputs: [inputs.long.price, inputs.long.amount, inputs.short.price, inputs.short.amount],
      again: () => {
        const again = chooseForm(inputs, doc, formNumbers(root));
        return again.ok ? again : null;
      },
    },
  };
}
