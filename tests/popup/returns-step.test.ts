// The popup's largest size is ordered as it stands: rounded down to the venue's lot step when the
// page's feed gave one (issue 12 #7), else to the engine's default step.
import { describe, expect, it } from 'vitest';
import { largestSize } from '../../src/ui/popup/returns-model';

const input = {
  venue: 'binance-usdm',
  marginMode: 'isolated',
  order: { symbol: 'BTCUSDT', side: 'long', type: 'limit', price: '20000', quantity: '1', leverage: '20' },
  market: {
    markPrice: '20000',
    takerFeeRate: '0.0004',
    makerFeeRate: '0.0002',
    maintenanceMarginRate: '0.004',
  },
};

describe('largest size and the lot step', () => {
  it('without a step: the default step (0.99601 BTC for 1,000 USDT at 20×, tests/returns.test.ts)', () => {
    expect(largestSize(input, '1000')).toMatchObject({ ok: true, quantity: '0.99601' });
  });
  it('with the venue lot step 0.001: rounded down to 0.996, a size the venue accepts', () => {
    expect(largestSize(input, '1000', '0.001')).toMatchObject({ ok: true, quantity: '0.996' });
  });
  it('a step larger than what fits: nothing opens', () => {
    expect(largestSize(input, '1000', '1')).toMatchObject({ ok: false, reason: 'nothing' });
  });
});
