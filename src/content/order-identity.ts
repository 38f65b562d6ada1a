// What makes an order "the same order" for the guard: the fields a trader sets and the exchange
// submits. Account figures (balance, other positions, the available amount) are left out on
// purpose: a live account ticks several times a second, and a hold keyed on them would re-arm on
// every tick, so the second deliberate click would never go through.
import type { FormReading, OrderForm } from '../venues/types';

export function orderIdentity(form: OrderForm): string {
  return JSON.stringify([
    form.venue,
    form.symbol,
    form.side,
    form.type,
    form.marginMode,
    form.marginEnabled,
    form.borrow ?? null,
    form.intent ?? null,
    form.price,
    form.size.unit,
    form.size.value,
    form.leverage,
    form.stopLoss,
    form.takeProfit,
  ]);
}

/** The identity of a reading's order; null for a form that could not be read. */
export function readingOrder(reading: FormReading | null | undefined): string | null {
  return reading?.status === 'ok' ? orderIdentity(reading.form) : null;
}
