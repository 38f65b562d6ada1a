// Content scripts hold a long-lived port (MARKET_PORT). Per port: classify the sender once,
// validate every message, and hand the form to the quote service, which answers over the same
// port with quotes (and again whenever the market, the figures' ages or the settings change).
// A message whose envelope (type, seq, venue, symbol) fails a check is dropped and logged without
// echoing its payload (a hostile page should not be able to write into our logs); one whose
// envelope is good but whose form is refused is answered with the refusal (see form-envelope.ts).
import { MARKET_PORT } from '../../messaging/messages';
import type { BadgeController } from '../badge/controller';
import type { Log } from '../env';
import { formInvalid } from '../quotes/refusal';
import type { FormEnvelope, QuoteService } from '../quotes/service';
import { checkPageForm, type FormCheck } from './check-form';
import { classifySender, type SenderLike } from './classify-sender';
import { parseFormEnvelope } from './form-envelope';

/** The part of runtime.Port used here. */
export interface PortLike {
  name: string;
  sender?: SenderLike;
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

export interface PortHandlerOptions {
  extensionId: string;
  quotes: QuoteService;
  badge: Pick<BadgeController, 'clear'>;
  /** Cache restored and settings loaded; messages wait for it, in order. */
  ready: Promise<void>;
  log: Log;
}

/** Where a form cannot be quoted for its envelope: the schema's path, or the market it names; null when it can. */
function refusedAt(check: FormCheck, envelope: FormEnvelope): string | null {
  if (!check.ok) return check.path;
  if (check.form.venue !== envelope.venue) return 'venue';
  if (check.form.symbol !== envelope.symbol) return 'symbol';
  return null;
}

export function createPortHandler({ extensionId, quotes, badge, ready, log }: PortHandlerOptions): (port: PortLike) => void {
  const portsByTab = new Map<number, Set<PortLike>>();

  return function onConnect(port: PortLike): void {
    if (port.name !== MARKET_PORT) {
      log.warn('Margin Preflight: rejected a connection on an unknown port');
      return port.disconnect();
    }
    const sender = classifySender(port.sender, extensionId);
    if (sender.kind !== 'exchange-content-script') {
      log.warn(`Margin Preflight: rejected a connection (${sender.kind === 'rejected' ? sender.reason : 'not a content script'})`);
      return port.disconnect();
    }
    const { tabId } = sender;
    const tabPorts = portsByTab.get(tabId) ?? new Set<PortLike>();
    tabPorts.add(port);
    portsByTab.set(tabId, tabPorts);

    let open = true;
    const session = quotes.connect(tabId, (message) => port.postMessage(message));

    const handle = (raw: unknown): void => {
      if (!open) return;
      const parsed = parseFormEnvelope(raw);
      if (parsed === null) return log.warn(`Margin Preflight: dropped an invalid message from tab ${tabId}`);
      const { envelope } = parsed;
      if (!sender.venues.includes(envelope.venue)) return log.warn(`Margin Preflight: dropped a message for a venue tab ${tabId}'s page does not serve`);
      if (parsed.form === null) return session.formChanged({ ...envelope, form: null });
      const check = checkPageForm(parsed.form);
      const path = refusedAt(check, envelope);
      if (check.ok && path === null) return session.formChanged({ ...envelope, form: check.form });
      const refusal = formInvalid(path ?? 'form');
      // The path is ours (the schema's), checked by formInvalid; the reason and the value are not logged.
      log.warn(`Margin Preflight: refused the form from tab ${tabId} (${refusal.field})`);
      session.formRefused(envelope, refusal);
    };

    port.onMessage.addListener((raw) => {
      // Before the cache is restored a feed would start from nothing, and before the settings
      // are read a quote would use the defaults; promise order keeps messages in arrival order.
      void ready.then(() => handle(raw));
    });
    port.onDisconnect.addListener(() => {
      open = false;
      session.close();
      tabPorts.delete(port);
      if (tabPorts.size === 0) {
        portsByTab.delete(tabId);
        // Navigation, reload, tab close or bfcache all end the content script's port.
        badge.clear(tabId);
      }
    });
  };
}
