// Shared test data for content-script and overlay tests: a Binance futures form, a Kraken
// margin form and market snapshots, built on the real contracts.
import { quoteSides, toWire } from '../../src/venues/quote-sides';
import type { WireSide } from '../../src/messaging/messages';
import { DEFAULT_SETTINGS, type Settings } from '../../src/settings/settings';
import type { MarketInfo } from '../../src/ui/overlay/view-model';
import type { FormReading, MarketSnapshot, OrderForm } from '../../src/venues/types';

export const NOW = 1_800_000_000_000;

export function binanceForm(over: Partial<OrderForm> = {}): OrderForm {
  return {
    venue: 'binance-usdm',
    symbol: 'BTCUSDT',
    side: 'both',
    type: 'limit',
    marginMode: 'isolated',
    price: '65000',
    size: { unit: 'base', value: '0.1' },
    leverage: '10',
    marginEnabled: true,
    stopLoss: null,
    takeProfit: null,
    availableBalance: null,
    ...over,
  };
}

export function krakenForm(over: Partial<OrderForm> = {}): OrderForm {
  return {
    venue: 'kraken-margin',
    symbol: 'BTC/USD',
    side: 'long',
    type: 'limit',
    marginMode: 'cross',
    price: '65000',
    size: { unit: 'base', value: '0.1' },
    leverage: '3',
    marginEnabled: true,
    stopLoss: null,
    takeProfit: null,
    availableBalance: null,
    ...over,
  };
}

export function snapshot(mark: string | null, ageMs = 2_000, over: Partial<MarketSnapshot> = {}): MarketSnapshot {
  return {
    venue: 'binance-usdm',
    symbol: 'BTCUSDT',
    status: 'live',
    lastError: null,
    figures:
      mark === null
        ? {}
        : { markPrice: { value: mark, receivedAt: NOW - ageMs, exchangeTime: null, source: 'stream' } },
    ...over,
  };
}

export const ok = (form: OrderForm): FormReading => ({ status: 'ok', form, matched: {} });

export function settings(over: Partial<Settings> = {}): Settings {
  return { ...DEFAULT_SETTINGS, ...over };
}

/** The quotes the background computes for a form (its own quoteSides), as they travel. */
export function wireQuotes(form: OrderForm, snap: MarketSnapshot | null, s: Settings, now = NOW): WireSide[] {
  return toWire(quoteSides(form, snap, s, now));
}

/** The market part of a bg→cs:quotes message for a snapshot. */
export function marketOf(snap: MarketSnapshot | null): MarketInfo | null {
  if (snap === null) return null;
  const mark = snap.figures.markPrice;
  return {
    venue: snap.venue,
    symbol: snap.symbol,
    mark: mark ? { value: mark.value, receivedAt: mark.receivedAt } : null,
    status: snap.status,
    lastError: snap.lastError,
  };
}
