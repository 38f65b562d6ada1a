// Each venue's fixture page and the real URL it is served at in e2e (the page names are the
// ones the issues fixed). A new venue adds a row; tests/venues/venue-folders.test.ts insists.
import type { VenueId } from '../../src/core/types';

export const FIXTURES: Record<VenueId, { page: string; url: string }> = {
  'kraken-margin': { page: 'kraken-margin.html', url: 'https://pro.kraken.com/app/trade/btc-usd' },
  'binance-usdm': { page: 'binance-usdm.html', url: 'https://www.binance.com/en/futures/BTCUSDT' },
  'bybit-linear': { page: 'bybit-linear.html', url: 'https://www.bybit.com/trade/usdt/BTCUSDT' },
  'okx-swap': { page: 'okx-swap.html', url: 'https://www.okx.com/trade-swap/btc-usdt-swap' },
  hyperliquid: { page: 'hyperliquid.html', url: 'https://app.hyperliquid.xyz/trade/BTC' },
  'binance-margin': { page: 'binance-margin.html', url: 'https://www.binance.com/en/trade/BTC_USDT?type=cross' },
};
