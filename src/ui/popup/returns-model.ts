// The popup's returns panel, without a DOM (issue 12): the exit price for a target ROE (after
// fees, src/core/returns.ts) and the largest size that opens at the scenario's leverage with the
// balance in use (src/core/max-size.ts). The ROE rows themselves are the overlay's
// (src/ui/overlay/returns-rows.ts), read from the quote's `returns`.
import { Dec } from '../../core/decimal';
import { parseQuoteInput } from '../../core/input';
import { maxSize, type MaxSize } from '../../core/max-size';
import { basisFromJson, moveFraction, priceForRoe } from '../../core/returns';
import type { QuoteJson } from '../../core/serialize';
import type { Side } from '../../core/types';
import { bundledFacts } from '../../venues/bundled-facts';
import { readNumber } from './number-text';

export type TargetOutcome =
  | { ok: true; price: string; /** The price move in the position's favour, a fraction of the entry. */ move: string }
  | { ok: false; reason: 'empty' | 'invalid' | 'noMargin' | 'noPrice' | 'liquidated' };

/** The order side and price the quote's PnL line starts from (the engine input's own). */
function orderOf(input: Record<string, unknown>): { side: Side; price: string } | null {
  const order = input.order as { side?: unknown; price?: unknown } | undefined;
  if (order === undefined || (order.side !== 'long' && order.side !== 'short')) return null;
  return typeof order.price === 'string' ? { side: order.side, price: order.price } : null;
}

/** The exit price whose ROE (after fees) is the typed percent ("50", "-20", "12,5"). */
export function targetForRoe(quote: QuoteJson, input: Record<string, unknown>, percentText: string): TargetOutcome {
  const reading = readNumber(percentText);
  if (!reading.ok) return { ok: false, reason: reading.reason === 'empty' ? 'empty' : 'invalid' };
  const order = orderOf(input);
  const basis = order === null ? null : basisFromJson(quote, order);
  if (basis === null) return { ok: false, reason: 'noMargin' };
  const target = priceForRoe(basis, new Dec(reading.value).div(100));
  if (!target.ok) return target;
  return { ok: true, price: target.price.toFixed(), move: moveFraction(basis, target.price).toFixed() };
}

export type MaxSizeOutcome =
  | { ok: true; quantity: string; cost: string; limitedBy: 'balance' | 'tier' }
  | { ok: false; reason: 'needsBalance' | 'leverage' | 'nothing' | 'engine' };

/**
 * The largest size at the scenario's leverage with `balance` (the typed, stored or page balance,
 * as for sizing). `input`: the scenario's engine input; its quantity is replaced. `step`: the venue's lot
 * step (base asset) when known, so the size can be ordered as it stands.
 */
export function largestSize(
  input: Record<string, unknown> | null,
  balance: string | null,
  step: string | null = null,
): MaxSizeOutcome {
  if (input === null) return { ok: false, reason: 'engine' };
  if (balance === null || !new Dec(balance).greaterThan(0)) return { ok: false, reason: 'needsBalance' };
  let m: MaxSize;
  try {
    const parsed = parseQuoteInput(input);
    m =
      step === null
        ? maxSize(parsed, bundledFacts(), new Dec(balance))
        : maxSize(parsed, bundledFacts(), new Dec(balance), new Dec(step));
  } catch {
    return { ok: false, reason: 'engine' };
  }
  if (m.limitedBy === 'leverage') return { ok: false, reason: 'leverage' };
  if (m.quantity.isZero()) return { ok: false, reason: 'nothing' };
  return { ok: true, quantity: m.quantity.toFixed(), cost: m.cost.toFixed(), limitedBy: m.limitedBy };
}
