// The background's check of what a content script sends: the page account and borrow mode of
// issue 4, and the tier tables the snapshot cache may hold. Anything off shape is dropped whole.
// The form schema itself (paths, number syntax, venues) is tested in form-schema.test.ts.
import { describe, expect, it } from 'vitest';
import { isMarketSnapshot, isOrderForm } from '../../src/messaging/validate-cs-to-bg';
import type { MarketSnapshot, OrderForm } from '../../src/venues/types';

const form: OrderForm = {
  venue: 'bybit-linear',
  symbol: 'BTCUSDT',
  side: 'both',
  type: 'limit',
  marginMode: 'cross',
  price: '60000',
  size: { unit: 'base', value: '0.5' },
  leverage: '10',
  marginEnabled: true,
  stopLoss: null,
  takeProfit: null,
  availableBalance: '100',
  account: {
    walletBalance: '5000',
    positions: [
      {
        symbol: 'ETHUSDT',
        side: 'short',
        quantity: '2',
        entryPrice: '3000',
        markPrice: '3050',
        maintenanceMargin: '30.5',
      },
    ],
  },
};
const snapshot: MarketSnapshot = {
  venue: 'okx-swap',
  symbol: 'BTC-USDT-SWAP',
  status: 'live',
  lastError: null,
  figures: { contractValue: { value: '0.01', receivedAt: 1, exchangeTime: null, source: 'rest' } },
  tiers: {
    table: {
      basis: 'contracts',
      rows: [{ floor: '0', cap: null, maintenanceMarginRate: '0.004', maintenanceAmount: null, maxLeverage: '100' }],
    },
    receivedAt: 1,
    source: 'rest',
  },
};

describe('isOrderForm (issue 4 fields)', () => {
  it('accepts a form with the page account, contracts (OKX) and a borrow mode (Binance margin)', () => {
    expect(isOrderForm(form)).toBe(true);
    expect(
      isOrderForm({
        ...form,
        venue: 'okx-swap',
        symbol: 'BTC-USDT-SWAP',
        size: { unit: 'contracts', value: '12' },
        account: { walletBalance: null, positions: null },
      }),
    ).toBe(true);
    expect(isOrderForm({ ...form, venue: 'binance-margin', side: 'long', borrow: 'auto' })).toBe(true);
  });

  it.each([
    ['an unknown size unit', { size: { unit: 'lots', value: '1' } }],
    ['a negative balance', { account: { walletBalance: '-1', positions: null } }],
    ['an extra account key', { account: { walletBalance: '1', positions: null, equity: '2' } }],
    [
      'a position with a float quantity',
      { account: { walletBalance: '1', positions: [{ ...form.account!.positions![0], quantity: 2 }] } },
    ],
    [
      'a position with an unknown side',
      { account: { walletBalance: '1', positions: [{ ...form.account!.positions![0], side: 'both' }] } },
    ],
    [
      'a negative maintenance margin',
      { account: { walletBalance: '1', positions: [{ ...form.account!.positions![0], maintenanceMargin: '-3' }] } },
    ],
    [
      'too many positions',
      { account: { walletBalance: '1', positions: Array.from({ length: 51 }, () => form.account!.positions![0]) } },
    ],
    ['an unknown borrow mode', { borrow: 'max' }],
    ['a borrow mode on a venue without one', { borrow: 'auto' }],
    ['contracts on a venue that sizes in base or quote', { size: { unit: 'contracts', value: '12' } }],
  ])('rejects %s', (_, change) => {
    expect(isOrderForm({ ...form, ...change })).toBe(false);
  });
});

describe('isMarketSnapshot (tier tables)', () => {
  it('accepts a snapshot with a tier table', () => {
    expect(isMarketSnapshot(snapshot)).toBe(true);
  });

  it.each([
    ['an unknown basis', { basis: 'lots', rows: snapshot.tiers!.table.rows }],
    ['no rows', { basis: 'notional', rows: [] }],
    [
      'a row with a number',
      { basis: 'notional', rows: [{ ...snapshot.tiers!.table.rows[0], maintenanceMarginRate: 0.004 }] },
    ],
    ['a row with an extra key', { basis: 'notional', rows: [{ ...snapshot.tiers!.table.rows[0], note: 'x' }] }],
  ])('rejects %s', (_, table) => {
    expect(isMarketSnapshot({ ...snapshot, tiers: { ...snapshot.tiers, table } })).toBe(false);
  });
});
