// @vitest-environment happy-dom
// readerForUrl: which reader a URL gets, and no reader reads another venue's page. Every venue's
// reader on its own fixture is in tests/venues/readers.test.ts.
import { describe, expect, it } from 'vitest';
import { readerForUrl } from '../../src/venues/readers';
import { FIXTURES } from '../venues/fixture-pages';
import { loadPage } from './load';

describe('readerForUrl', () => {
  it.each([
    ['https://pro.kraken.com/app/trade/btc-usd', 'kraken-margin'],
    ['https://pro.kraken.com/app/trade/eth-usd', 'kraken-margin'],
    ['https://www.binance.com/en/futures/BTCUSDT', 'binance-usdm'],
    ['https://www.binance.com/zh-CN/futures/ETHUSDT', 'binance-usdm'],
    ['https://www.bybit.com/trade/usdt/BTCUSDT', 'bybit-linear'],
    ['https://www.okx.com/trade-swap/btc-usdt-swap', 'okx-swap'],
    ['https://app.hyperliquid.xyz/trade/BTC', 'hyperliquid'],
    ['https://www.binance.com/en/trade/BTC_USDT?type=cross', 'binance-margin'],
  ])('%s → %s', (url, venue) => {
    expect(readerForUrl(new URL(url))?.venue).toBe(venue);
  });

  it.each([
    'https://pro.kraken.com/',
    'https://www.binance.com/en/futures/BTCUSDT_250328',
    'https://www.bybit.com/trade/inverse/BTCUSD',
    'https://www.okx.com/trade-spot/btc-usdt',
    'https://example.com/app/trade/btc-usd',
    'https://example.com/en/futures/BTCUSDT',
  ])('%s → no reader', (url) => {
    expect(readerForUrl(new URL(url))).toBeNull();
  });

  it('no reader reads another venue fixture or a random page', () => {
    const random = loadPage('demo.html');
    // Each page parsed once (reading does not change a page): 36 parses made this the slowest test here.
    const pages = new Map(Object.entries(FIXTURES).map(([venue, { page }]) => [venue, loadPage(page)]));
    for (const [venue, { page, url }] of Object.entries(FIXTURES)) {
      const reader = readerForUrl(new URL(url))!;
      expect(reader.read(random, new URL(url)).status).toBe('unrecognised');
      for (const [other, doc] of pages) {
        if (other !== venue) expect(reader.read(doc, new URL(url)).status, `${venue} on ${page}`).toBe('unrecognised');
      }
    }
  });
});
