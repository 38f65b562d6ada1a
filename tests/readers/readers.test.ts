// @vitest-environment happy-dom
// readerForUrl and the venue-folder conventions (reference A.6 items 3–4): every venue in
// the registry has a reader, selectors as data, facts and a fixture page the reader reads.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { VenueId } from '../../src/core/types';
import { READERS, readerForUrl } from '../../src/venues/readers';
import { VENUE_IDS } from '../../src/venues/registry';
import { FIXTURES } from '../venues/fixture-pages';
import { loadPage, PAGES_DIR, ROOT_DIR } from './load';

// Each venue's folder is named by its id.
const venues: Array<[VenueId, string]> = VENUE_IDS.map((venue) => [venue, venue]);

describe('venue folders', () => {
  it.each(venues)('%s has reader.ts, selectors.ts, facts.json and a fixture page', (venue, folder) => {
    for (const file of ['reader.ts', 'selectors.ts', 'facts.json']) {
      expect(existsSync(join(ROOT_DIR, 'src', 'venues', folder, file)), `${folder}/${file}`).toBe(true);
    }
    const fixture = FIXTURES[venue];
    expect(fixture, `fixture row for ${venue}`).toBeDefined();
    expect(existsSync(join(PAGES_DIR, fixture!.page))).toBe(true);
  });

  it.each(venues)('%s: its reader is registered and reads its fixture at its URL', async (venue, folder) => {
    const module = (await import(`../../src/venues/${folder}/reader.ts`)) as { reader: { venue: string } };
    expect(module.reader.venue).toBe(venue);
    const { page, url } = FIXTURES[venue]!;
    const reader = readerForUrl(new URL(url));
    expect(reader?.venue).toBe(venue);
    const reading = reader!.read(loadPage(page), new URL(url));
    expect(reading.status, JSON.stringify(reading)).toBe('ok');
  });

  it('one reader per registry line, no strays', () => {
    expect(READERS.map((r) => r.venue).sort()).toEqual(venues.map(([venue]) => venue).sort());
  });
});

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
    for (const [venue, { page, url }] of Object.entries(FIXTURES)) {
      const reader = readerForUrl(new URL(url))!;
      expect(reader.read(random, new URL(url)).status).toBe('unrecognised');
      for (const [other, fixture] of Object.entries(FIXTURES)) {
        if (other !== venue)
          expect(reader.read(loadPage(fixture.page), new URL(url)).status, `${venue} on ${page}`).toBe('unrecognised');
      }
    }
  });
});
