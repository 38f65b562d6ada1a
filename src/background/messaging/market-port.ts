// Content scripts hold a long-lived port (MARKET_PORT). Per port: classify the sender once,
// validate every message, and hand the form to the quote service, which answers over the same
// port with quotes (and again whenever the market, the figures' ages or the settings change).
// A message whose envelope (type, seq, venue, symbol) fails a check is dropped and logged without
// echoing its payload (a hostile page should not be able to write into our logs); one whose
// envelope is good but whose form is refused is answered with the refusal (see form-envelope.ts).
import { MARKET_PORT } from '../../messaging/messages';
import { claimsPageReport, parsePageReport } from '../../messaging/page-action';
import type { BadgeController } from '../badge/controller';
import type { Log } from '../env';
import { formInvalid } from '../quotes/refusal';
import type { QuoteService } from '../quotes/service';
import { envelopeProblem, parseFormChanged } from '../../messaging/validate-cs-to-bg';
import { classifySender, type SenderLike } from './classify-sender';
import type { PageRelay } from './page-relay';

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
  /** Carries the popup's page actions to this tab's page and its report back (page-relay.ts). */
  relay?: PageRelay;
}

export function createPortHandler({
  extensionId,
  quotes,
  badge,
  ready,
  log,
  relay,
}: PortHandlerOptions): (port: PortLike) => void {
  const portsByTab = new Map<number, Set<PortLike>>();

  return function onConnect(port: PortLike): void {
    if (port.name !== MARKET_PORT) {
      log.warn('Margin Preflight: rejected a connection on an unknown port');
      return port.disconnect();
    }
    const sender = classifySender(port.sender, extensionId);
    if (sender.kind !== 'exchange-content-script') {
      log.warn(
        `Margin Preflight: rejected a connection (${sender.kind === 'rejected' ? sender.reason : 'not a content script'})`,
      );
      return port.disconnect();
    }
    const { tabId } = sender;
    const tabPorts = portsByTab.get(tabId) ?? new Set<PortLike>();
    tabPorts.add(port);
    portsByTab.set(tabId, tabPorts);

    let open = true;
    const session = quotes.connect(tabId, (message) => port.postMessage(message));
    const detach = relay?.attach(tabId, port);

    const handle = (raw: unknown): void => {
      if (!open) return;
      if (claimsPageReport(raw)) return pageReport(raw);
      const parsed = parseFormChanged(raw);
      if (parsed === null)
        return log.warn(`Margin Preflight: dropped an invalid message from tab ${tabId} (${envelopeProblem(raw)})`);
      const envelope = parsed.ok ? parsed.message : { seq: parsed.seq, venue: parsed.venue, symbol: parsed.symbol };
      if (!sender.venues.includes(envelope.venue))
        return log.warn(`Margin Preflight: dropped a message for a venue tab ${tabId}'s page does not serve`);
      if (parsed.ok) return session.formChanged(parsed.message);
      const refusal = formInvalid(parsed.path);
      // The path is ours (the schema's), checked by formInvalid; the reason and the value are not logged.
      log.warn(`Margin Preflight: refused the form from tab ${tabId} (${refusal.field})`);
      session.formRefused(
        { type: 'cs→bg:form-changed', seq: envelope.seq, venue: envelope.venue, symbol: envelope.symbol },
        refusal,
      );
    };

    const pageReport = (raw: unknown): void => {
      const report = parsePageReport(raw);
      // Neither the payload nor its size is logged: the page's, not ours.
      if (report === null) return log.warn(`Margin Preflight: dropped an invalid page report from tab ${tabId}`);
      if (relay?.answered(port, report) !== true)
        log.warn(`Margin Preflight: dropped a page report from tab ${tabId} that nothing asked for`);
    };

    port.onMessage.addListener((raw) => {
      // Before the cache is restored a feed would start from nothing, and before the settings
      // are read a quote would use the defaults; promise order keeps messages in arrival order.
      void ready.then(() => handle(raw));
    });
    port.onDisconnect.addListener(() => {
      open = false;
      session.close();
      detach?.();
      tabPorts.delete(port);
      if (tabPorts.size === 0) {
        portsByTab.delete(tabId);
        // Navigation, reload, tab close or bfcache all end the content script's port.
        badge.clear(tabId);
      }
    });
  };
}
