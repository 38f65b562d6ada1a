// The order as read (OverlayView.orderLine, order-line.ts), one line under the overlay's head.
import { ATTR } from './contract';

export function OrderLine({ text }: { text: string | null }) {
  return text === null ? null : (
    <p class="order" {...{ [ATTR.orderLine]: '' }}>
      {text}
    </p>
  );
}
