// The per-venue UI data each about.json carries (issue 11): the overlay's short label, the popup's
// balance row and example, and the fixture page's URL. The lists the overlay, the popup, the tests
// and `npm start` used to spell out by hand are derived from these fields.
import { describe, expect, it } from 'vitest';
import { VENUES } from '../../src/core/types';
import { VENUE_LABEL } from '../../src/ui/overlay/units';
import { BALANCE_VENUES } from '../../src/ui/popup/balance';
import { DEFAULT_SYMBOL, SPOT_MARGIN } from '../../src/ui/popup/scenario';
import { VENUE_ABOUT } from '../../src/venues/about';
import { FIXED_QUOTE, SPOT_MARGIN_VENUES } from '../../src/venues/labels';
import { FIXTURES } from './fixture-pages';

describe('about.json UI fields', () => {
  it('spot-margin venues (a margin call before liquidation) are the same set for the overlay and the popup', () => {
    expect([...SPOT_MARGIN_VENUES].sort()).toEqual(['binance-margin', 'kraken-margin']);
    expect([...SPOT_MARGIN].sort()).toEqual([...SPOT_MARGIN_VENUES].sort());
  });

  it.each(VENUE_ABOUT.map((a) => [a.venue, a] as const))(
    '%s has a label, a balance row, an example and a fixture URL',
    (_venue, about) => {
      expect(about.label.length).toBeGreaterThan(2);
      expect(about.label.length).toBeLessThanOrEqual(20);
      expect(about.balance.label.startsWith(about.label.split(' ')[0]!)).toBe(true);
      expect(about.balance.currency).toMatch(/^[A-Z]{3,5}$/);
      expect(about.fixedQuote === null || /^[A-Z]{3,5}$/.test(about.fixedQuote)).toBe(true);
      expect(about.exampleSymbol).toMatch(/BTC/);
      expect(typeof about.crossOnly).toBe('boolean');
      expect(typeof about.spotMargin).toBe('boolean');
      // Its own margin-level figure; a perpetual's liquidation level is its documented constant, a spot
      // venue's comes with the market data or facts.json.
      expect(about.marginLevel.term.length).toBeGreaterThan(3);
      expect(about.marginLevel.liquidationLevel === undefined).toBe(about.spotMargin);
      expect(new URL(about.fixtureUrl).protocol).toBe('https:');
    },
  );

  it('gives every registered venue its data, in registry order', () => {
    expect(VENUE_ABOUT.map((a) => a.venue)).toEqual([...VENUES]);
    expect(Object.keys(VENUE_LABEL)).toEqual([...VENUES]);
    expect(Object.keys(FIXED_QUOTE)).toEqual([...VENUES]);
    expect(BALANCE_VENUES.map((b) => b.venue)).toEqual([...VENUES]);
    expect(Object.keys(DEFAULT_SYMBOL)).toEqual([...VENUES]);
    expect(Object.keys(FIXTURES)).toEqual([...VENUES]);
  });

  // The e2e suite reads these words on the overlay and the popup: deriving them must not change them.
  it('keeps the labels the overlay and the popup showed before they moved to about.json', () => {
    expect(VENUE_LABEL).toMatchObject({
      'kraken-margin': 'Kraken margin',
      'binance-usdm': 'Binance futures',
      'binance-margin': 'Binance margin',
      'bybit-linear': 'Bybit linear',
      'okx-swap': 'OKX swap',
      hyperliquid: 'Hyperliquid',
    });
    expect(FIXTURES['kraken-margin']).toEqual({
      page: 'kraken-margin.html',
      url: 'https://pro.kraken.com/app/trade/btc-usd',
    });
  });
});
