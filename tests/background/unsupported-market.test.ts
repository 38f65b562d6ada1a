// Markets a venue's feed cannot follow are refused by name before anything is quoted (issue 13:
// Hyperliquid's builder perps "xyz:TSLA" have no market data or facts here; never another coin's).
import { describe, expect, it } from 'vitest';
import { marketRefusal, unsupportedMarket } from '../../src/background/quotes/refusal';
import { feedFor } from '../../src/venues/feeds';
import type { OrderForm } from '../../src/venues/types';

const hl = (symbol: string): OrderForm => ({
  venue: 'hyperliquid',
  symbol,
  side: 'long',
  type: 'limit',
  marginMode: 'isolated',
  price: '250',
  size: { unit: 'base', value: '1' },
  leverage: '5',
  marginEnabled: true,
  stopLoss: null,
  takeProfit: null,
  availableBalance: null,
});

describe('unsupportedMarket', () => {
  it('refuses a symbol the venue feed cannot follow, and only that', () => {
    for (const listed of ['BTC', 'kPEPE', 'SOL']) {
      expect(feedFor('hyperliquid')!.symbolPattern.test(listed)).toBe(true);
      expect(unsupportedMarket(hl(listed)), listed).toBeNull();
    }
    for (const builder of ['xyz:TSLA', 'flx:XMR']) {
      expect(unsupportedMarket(hl(builder)), builder).toMatchObject({ code: 'UNSUPPORTED_MARKET', field: 'symbol' });
      expect(unsupportedMarket(hl(builder))!.text).toContain(builder);
    }
  });

  it('comes before the price check: a builder perp is not judged against any mark', () => {
    expect(marketRefusal(hl('xyz:TSLA'), null, 0)).toMatchObject({ code: 'UNSUPPORTED_MARKET' });
    expect(marketRefusal(hl('BTC'), null, 0)).toBeNull();
  });
});
