// OrderForm.pageEstimates in the one form schema: a bounded list of the figures the venue's page
// shows, each once per side, strict (no other keys), numbers as plain decimal text.
import { describe, expect, it } from 'vitest';
import { MAX_PAGE_ESTIMATES } from '../../src/messaging/messages';
import { checkOrderForm } from '../../src/venues/form-schema';
import type { OrderForm, PageEstimate } from '../../src/venues/types';

const BYBIT: OrderForm = {
  venue: 'bybit-linear',
  symbol: 'BTCUSDT',
  side: 'long',
  type: 'limit',
  marginMode: 'isolated',
  price: '65000',
  size: { unit: 'base', value: '0.1' },
  leverage: '10',
  marginEnabled: true,
  stopLoss: null,
  takeProfit: null,
  availableBalance: null,
};
const COST: PageEstimate = { kind: 'cost', side: null, value: '654.64', decimals: 2 };
const failure = (form: unknown) => {
  const checked = checkOrderForm(form);
  return checked.ok ? 'ok' : checked.path;
};
const withEstimates = (pageEstimates: unknown, over: Partial<OrderForm> = {}) => ({ ...BYBIT, ...over, pageEstimates });

describe('pageEstimates', () => {
  it('accepts the figures the venue shows, and a form without any', () => {
    expect(failure(BYBIT)).toBe('ok');
    expect(failure(withEstimates([]))).toBe('ok');
    expect(failure(withEstimates([COST, { ...COST, kind: 'orderValue', value: '6500' }]))).toBe('ok');
    expect(failure(withEstimates([{ ...COST, side: 'long' }]))).toBe('ok');
    const both = { side: 'both' as const, venue: 'binance-usdm' as const };
    expect(
      failure(
        withEstimates(
          [
            { ...COST, side: 'long' },
            { ...COST, side: 'short' },
          ],
          both,
        ),
      ),
    ).toBe('ok');
  });

  it("refuses a figure the venue's page does not show, naming it", () => {
    expect(failure(withEstimates([{ ...COST, kind: 'liquidationPrice' }]))).toBe('pageEstimates[0].kind');
    expect(failure(withEstimates([COST], { venue: 'binance-margin', marginMode: 'cross' }))).not.toBe('ok');
    expect(failure(withEstimates([{ ...COST, kind: 'margin' }]))).toBe('pageEstimates[0].kind');
  });

  it('refuses a side the form does not quote, and the same figure twice', () => {
    expect(failure(withEstimates([{ ...COST, side: 'short' }]))).toBe('pageEstimates[0].side');
    expect(failure(withEstimates([COST, { ...COST, side: 'long' }]))).toBe('pageEstimates[1]');
    expect(failure(withEstimates([COST, { ...COST, value: '1' }]))).toBe('pageEstimates[1]');
  });

  it('is strict: plain decimal values, whole decimals in range, no other keys, bounded', () => {
    for (const value of ['654.640', '1,000', '-1', '1e3', '', 654.64])
      expect(failure(withEstimates([{ ...COST, value }])), String(value)).toBe('pageEstimates[0].value');
    for (const decimals of [-1, 1.5, 13, '2', null])
      expect(failure(withEstimates([{ ...COST, decimals }])), String(decimals)).toBe('pageEstimates[0].decimals');
    expect(failure(withEstimates([{ ...COST, extra: 1 }]))).toBe('pageEstimates[0].extra');
    expect(failure(withEstimates([{ ...COST, side: 'both' }]))).toBe('pageEstimates[0].side');
    expect(failure(withEstimates(COST))).toBe('pageEstimates');
    const many = Array.from({ length: MAX_PAGE_ESTIMATES + 1 }, () => COST);
    expect(failure(withEstimates(many))).toBe('pageEstimates');
  });

  it('a liquidation price must be above zero; a cost may be zero', () => {
    const hl = {
      venue: 'hyperliquid' as const,
      symbol: 'BTC',
      marginMode: 'isolated' as const,
    };
    expect(failure(withEstimates([{ ...COST, kind: 'liquidationPrice', value: '0' }], hl))).toBe(
      'pageEstimates[0].value',
    );
    expect(failure(withEstimates([{ ...COST, value: '0' }]))).toBe('ok');
  });
});
