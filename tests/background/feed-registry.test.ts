// The feed registry: one feed per registry folder with a feed.ts, under the right venue. Each
// venue's response validation is in tests/venues/<id>/feed.test.ts.
import { describe, expect, it } from 'vitest';
import { feed as binance } from '../../src/venues/binance-usdm/feed';
import { FEEDS, feedFor } from '../../src/venues/feeds';
import { feed as kraken } from '../../src/venues/kraken-margin/feed';
import { VENUE_IDS } from '../../src/venues/registry';

describe('feed registry', () => {
  it('has a feed for every registry folder with a feed.ts, under the right venue', () => {
    expect(Object.keys(FEEDS).sort()).toEqual([...VENUE_IDS].sort());
    expect(feedFor('kraken-margin')).toBe(kraken);
    expect(feedFor('binance-usdm')).toBe(binance);
    expect(feedFor('bybit-linear')?.venue).toBe('bybit-linear');
  });
});
