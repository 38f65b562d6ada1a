// The toolbar popup asks for the order its tab's overlay shows (popup→bg:current-order), so the
// calculator opens on the same form, market and quotes. Only our own extension pages may ask
// (classifySender); the answer carries no more than that tab's overlay already shows.
import type { CurrentOrderAnswer, CurrentOrderRequest } from '../../messaging/messages';
import { check, literal, number, object, type Schema } from '../../schema';
import type { Log } from '../env';
import type { QuoteService } from '../quotes/service';
import { classifySender, type SenderLike } from './classify-sender';

export interface PopupHandlerOptions {
  extensionId: string;
  /** Origin of our own pages, e.g. "chrome-extension://<id>". */
  extensionOrigin: string;
  quotes: Pick<QuoteService, 'currentOrder'>;
  ready: Promise<void>;
  log: Log;
}

const popupToBg: Schema<CurrentOrderRequest> = object({
  type: literal('popup→bg:current-order'),
  tabId: number({ integer: true, min: 0 }),
});

/** The popup's request, or null: not one (other listeners' messages pass by unanswered). */
export function parsePopupToBg(v: unknown): CurrentOrderRequest | null {
  const checked = check(popupToBg, v);
  return checked.ok ? checked.value : null;
}

/** runtime.onMessage listener: a promise of the answer, or undefined (no answer) for anything else. */
export function createPopupHandler({
  extensionId,
  extensionOrigin,
  quotes,
  ready,
  log,
}: PopupHandlerOptions): (message: unknown, sender: SenderLike) => Promise<CurrentOrderAnswer> | undefined {
  return (message, sender) => {
    const request = parsePopupToBg(message);
    if (request === null) return undefined;
    if (classifySender(sender, extensionId, extensionOrigin).kind !== 'extension-page') {
      log.warn('Margin Preflight: refused a current-order request that did not come from our own pages');
      return undefined;
    }
    return ready.then(() => ({ type: 'bg→popup:current-order', order: quotes.currentOrder(request.tabId) }));
  };
}
