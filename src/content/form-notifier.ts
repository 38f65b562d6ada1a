// Tells the background what the form says (for the toolbar badge, which a page cannot fake),
// debounced so typing "0.125" sends one message, and only when the reading really changed.
import type { VenueId } from '../core/types';
import type { CsToBg } from '../messaging/messages';
import type { OrderForm } from '../venues/types';

export const FORM_DEBOUNCE_MS = 150;

export interface FormNotifier {
  notify(venue: VenueId, symbol: string, form: OrderForm | null): void;
  /** Send the last reading again at once (a restarted background has forgotten it). */
  resend(): void;
}

export function formNotifier(send: (message: CsToBg) => void, signal: AbortSignal, delayMs = FORM_DEBOUNCE_MS): FormNotifier {
  let sent: { key: string; message: CsToBg } | null = null;
  let pendingKey = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
  return {
    notify(venue, symbol, form) {
      const message: CsToBg = { type: 'cs→bg:form-changed', venue, symbol, form };
      const key = JSON.stringify(message);
      if (key === pendingKey) return;
      pendingKey = key;
      clearTimeout(timer);
      if (key === sent?.key) return; // changed and changed back within the debounce
      timer = setTimeout(() => {
        if (signal.aborted) return;
        sent = { key, message };
        send(message);
      }, delayMs);
    },
    resend() {
      if (sent !== null && !signal.aborted) send(sent.message);
    },
  };
}
