// The page's order in the overlay's words (issue 12 #5), under the popup's "from this tab" line:
// "Limit · 0.1 BTC (10 ct) · 6,500.00 USDT · 10× cross". The base quantity is planQuote's, the
// very function the background quotes the overlay with; the notional is price × quantity in
// decimal.js (what the engine reports as notional).
import { Dec } from '../../core/decimal';
import type { Settings } from '../../settings/settings';
import { planQuote } from '../../venues/quote-input';
import { orderLine } from '../overlay/order-line';
import type { PageOrigin } from './scenario';

/** The order line of the tab's order; null for a spot order (nothing to quote) or a closing order (not an opening). */
export function pageOrderLine(origin: PageOrigin, settings: Settings, locale: string): string | null {
  const { form } = origin;
  if (!form.marginEnabled || form.intent === 'close') return null;
  const plan = planQuote(form, form.side === 'both' ? 'long' : form.side, origin.snapshot, settings, origin.at);
  const order = plan.input?.order as { price?: string } | undefined;
  const notional =
    plan.quantity === null || order?.price === undefined ? null : new Dec(order.price).times(plan.quantity).toFixed();
  return orderLine({ form, quantity: plan.quantity, notional, atMark: plan.priceBasis !== 'limit', locale });
}

export function PageOrderLine(props: { origin: PageOrigin | null; settings: Settings; locale: string }) {
  const text = props.origin === null ? null : pageOrderLine(props.origin, props.settings, props.locale);
  return text === null ? null : (
    <p class="order" data-order-line="">
      {text}
    </p>
  );
}
