// Content scripts hold a long-lived port (MARKET_PORT). Per port: classify the sender once,
// validate every message, follow one market at a time and stream its snapshots back, at most
// every SNAPSHOT_MIN_INTERVAL_MS. Anything that fails a check is dropped and logged without
// echoing its payload (a hostile page should not be able to write into our logs).
import { MARKET_PORT, parseCsToBg, type BgToCs } from '../../messaging/messages';
import type { MarketSnapshot } from '../../venues/types';
import { marketKey } from '../cache/snapshot-cache';
import type { BadgeController } from '../badge/controller';
import type { Clock, Log } from '../env';
import type { FeedHub, Subscription } from '../feed/hub';
import { classifySender, type SenderLike } from './classify-sender';
import { throttleLatest } from './throttle';

export const SNAPSHOT_MIN_INTERVAL_MS = 250;

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
  hub: FeedHub;
  badge: BadgeController;
  /** Cache restored and settings loaded; messages wait for it, in order. */
  ready: Promise<void>;
  clock: Clock;
  log: Log;
}

export function createPortHandler({ extensionId, hub, badge, ready, clock, log }: PortHandlerOptions): (port: PortLike) => void {
  const portsByTab = new Map<number, Set<PortLike>>();

  return function onConnect(port: PortLike): void {
    if (port.name !== MARKET_PORT) {
      log.warn('Margin Preflight: rejected a connection on an unknown port');
      return port.disconnect();
    }
    const sender = classifySender(port.sender, extensionId);
    if (sender.kind === 'rejected') {
      log.warn(`Margin Preflight: rejected a connection (${sender.reason})`);
      return port.disconnect();
    }
    const { tabId } = sender;
    const tabPorts = portsByTab.get(tabId) ?? new Set<PortLike>();
    tabPorts.add(port);
    portsByTab.set(tabId, tabPorts);

    let open = true;
    let watching: { key: string; subscription: Subscription } | null = null;
    const poster = throttleLatest<MarketSnapshot>(clock, SNAPSHOT_MIN_INTERVAL_MS, (snapshot) => {
      const message: BgToCs = { type: 'bg→cs:market-snapshot', snapshot };
      try {
        port.postMessage(message);
      } catch {
        // The port closed between the check and the post; onDisconnect cleans up.
      }
    });

    const handle = (raw: unknown): void => {
      if (!open) return;
      const message = parseCsToBg(raw);
      if (message === null) return log.warn(`Margin Preflight: dropped an invalid message from tab ${tabId}`);
      if (!sender.venues.includes(message.venue)) return log.warn(`Margin Preflight: dropped a message for a venue tab ${tabId}'s page does not serve`);
      if (message.type === 'cs→bg:form-changed') return badge.formChanged(tabId, message.form);
      const key = marketKey(message.venue, message.symbol);
      if (watching?.key === key) return poster.push(hub.snapshot(message.venue, message.symbol) ?? watching.subscription.snapshot);
      // Switching markets: leave the old feed first (it stops if no other tab watches it).
      watching?.subscription.unsubscribe();
      const subscription = hub.subscribe(message.venue, message.symbol, (snapshot) => poster.push(snapshot));
      watching = { key, subscription };
      poster.push(subscription.snapshot);
    };

    port.onMessage.addListener((raw) => {
      // Before the cache is restored a watch would start from nothing; promise order keeps
      // the messages in the order they arrived.
      void ready.then(() => handle(raw));
    });
    port.onDisconnect.addListener(() => {
      open = false;
      poster.cancel();
      watching?.subscription.unsubscribe();
      watching = null;
      tabPorts.delete(port);
      if (tabPorts.size === 0) {
        portsByTab.delete(tabId);
        // Navigation, reload, tab close or bfcache all end the content script's port.
        badge.clear(tabId);
      }
    });
  };
}
