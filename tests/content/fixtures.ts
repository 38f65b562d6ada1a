// Shared test data for content-script and overlay tests: a Binance futures form, a Kraken
// margin form and market snapshots, built on the real contracts.
import { DEFAULT_SETTINGS, type Settings } from '../../src/settings/settings';
import type { FormReading, MarketSnapshot, OrderForm } from '../../src/venues/types';

export const NOW = 1_800_000_000_000;

export function binanceForm(over: Partial<OrderForm> = {}): OrderForm {
  return {
    venue: 'binance-usdm', symbol: 'BTCUSDT', side: 'both', type: 'limit', marginMode: 'isolated',
    price: '65000', size: { unit: 'base', value: '0.1' }, leverage: '10', marginEnabled: true,
    stopLoss: null, takeProfit: null, availableBalance: null, ...over,
  };
}

export function krakenForm(over: Partial<OrderForm> = {}): OrderForm {
  return {
    venue: 'kraken-margin', symbol: 'BTC/USD', side: 'long', type: 'limit', marginMode: 'cross',
    price: '65000', size: { unit: 'base', value: '0.1' }, leverage: '3', marginEnabled: true,
    stopLoss: null, takeProfit: null, availableBalance: null, ...over,
  };
}

export function snapshot(mark: string | null, ageMs = 2_000, over: Partial<MarketSnapshot> = {}): MarketSnapshot {
  return {
    venue: 'binance-usdm', symbol: 'BTCUSDT', status: 'live', lastError: null,
    figures: mark === null ? {} : { markPrice: { value: mark, receivedAt: NOW - ageMs, exchangeTime: null, source: 'stream' } },
    ...over,
  };
}

export const ok = (form: OrderForm): FormReading => ({ status: 'ok', form, matched: {} });

export function settings(over: Partial<Settings> = {}): Settings {
  return { ...DEFAULT_SETTINGS, ...over };
}
