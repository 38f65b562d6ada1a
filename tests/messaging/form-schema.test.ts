// The one form schema (src/venues/form-schema.ts): readers run it before they return an ok
// reading, the background on every form a page sends. Each refusal names the path that failed,
// so the background can answer a refused form by its seq (parseFormChanged).
import { describe, expect, it } from 'vitest';
import { MAX_PAGE_POSITIONS } from '../../src/messaging/messages';
import { parseCsToBg, parseFormChanged } from '../../src/messaging/validate-cs-to-bg';
import { checkOrderForm } from '../../src/venues/form-schema';
import type { OrderForm, PagePosition } from '../../src/venues/types';

const POSITION: PagePosition = {
  symbol: 'ETHUSDT',
  side: 'short',
  quantity: '2',
  entryPrice: '3000',
  markPrice: '3050',
  maintenanceMargin: '30.5',
};
const BYBIT: OrderForm = {
  venue: 'bybit-linear',
  symbol: 'BTCUSDT',
  side: 'both',
  type: 'limit',
  marginMode: 'cross',
  price: '65000',
  size: { unit: 'base', value: '0.1' },
  leverage: '10',
  marginEnabled: true,
  stopLoss: null,
  takeProfit: '70000.5',
  availableBalance: '10000',
  account: { walletBalance: '10000', positions: [POSITION] },
};
const KRAKEN: OrderForm = {
  venue: 'kraken-margin',
  symbol: 'BTC/USD',
  side: 'long',
  type: 'market',
  marginMode: 'cross',
  price: null,
  size: { unit: 'quote', value: '500' },
  leverage: '1',
  marginEnabled: false,
  stopLoss: null,
  takeProfit: null,
  availableBalance: null,
};
const MARGIN: OrderForm = {
  venue: 'binance-margin',
  symbol: 'BTCUSDT',
  side: 'long',
  type: 'limit',
  marginMode: 'cross',
  price: '65000',
  size: { unit: 'base', value: '0.5' },
  leverage: '3',
  marginEnabled: true,
  stopLoss: null,
  takeProfit: null,
  availableBalance: '20000',
  borrow: 'auto',
  account: { walletBalance: '20000', positions: [] },
};

const refusal = (form: unknown) => {
  const checked = checkOrderForm(form);
  return checked.ok ? null : checked.path;
};
const withAccount = (account: unknown) => ({ ...BYBIT, account });

describe('form schema: what readers send', () => {
  it.each([
    ['Bybit cross with the page account', BYBIT],
    ['Kraken spot (margin off)', KRAKEN],
    ['Binance margin borrowing', MARGIN],
  ])('accepts %s', (_, form) => {
    expect(checkOrderForm(form)).toEqual({ ok: true, form });
  });

  it('a zero wallet balance and a zero available balance are figures like any other', () => {
    expect(refusal(withAccount({ walletBalance: '0', positions: [] }))).toBeNull();
    expect(refusal({ ...BYBIT, availableBalance: '0' })).toBeNull();
  });

  it(`up to ${MAX_PAGE_POSITIONS} positions; more is "too many", flagged with no list`, () => {
    expect(
      refusal(
        withAccount({ walletBalance: '1', positions: Array.from({ length: MAX_PAGE_POSITIONS }, () => POSITION) }),
      ),
    ).toBeNull();
    expect(
      refusal(
        withAccount({ walletBalance: '1', positions: Array.from({ length: MAX_PAGE_POSITIONS + 1 }, () => POSITION) }),
      ),
    ).toBe('account.positions');
    expect(refusal(withAccount({ walletBalance: '1', positions: null, positionsTooMany: true }))).toBeNull();
    expect(refusal(withAccount({ walletBalance: '1', positions: [], positionsTooMany: true }))).toBe(
      'account.positionsTooMany',
    );
    expect(refusal(withAccount({ walletBalance: '1', positions: null, positionsTooMany: false }))).toBe(
      'account.positionsTooMany',
    );
  });

  it('leverage from 1x to 1000x', () => {
    for (const ok of ['1', '1.5', '125', '1000']) expect(refusal({ ...BYBIT, leverage: ok }), ok).toBeNull();
    for (const bad of ['0.5', '0', '1000.01', '1001'])
      expect(refusal({ ...BYBIT, leverage: bad }), bad).toBe('leverage');
  });
});

describe("form schema: number syntax exactly as the readers' parser writes it", () => {
  it.each([
    '+65000',
    '6.5e4',
    '65000.',
    '65000.0',
    '065000',
    '.5',
    '-1',
    ' 65000',
    '65,000',
    '0x10',
    'NaN',
    'Infinity',
    '',
    '1'.repeat(22),
  ])('price %j is refused at "price"', (price) => {
    expect(refusal({ ...BYBIT, price })).toBe('price');
  });

  it.each([65000, null])('price %j on a limit order is refused', (price) => {
    expect(refusal({ ...BYBIT, price })).toBe('price');
  });

  it('prices and sizes above zero; a market order has no price', () => {
    expect(refusal({ ...BYBIT, price: '0' })).toBe('price');
    expect(refusal({ ...BYBIT, size: { unit: 'base', value: '0' } })).toBe('size.value');
    expect(refusal({ ...BYBIT, stopLoss: '0' })).toBe('stopLoss');
    expect(refusal({ ...BYBIT, type: 'market' })).toBe('price');
    expect(refusal({ ...BYBIT, type: 'market', price: null })).toBeNull();
  });

  it('names the failing path deep inside the account', () => {
    const positions = [POSITION, { ...POSITION, entryPrice: '3,000' }];
    expect(checkOrderForm(withAccount({ walletBalance: '1', positions }))).toEqual({
      ok: false,
      path: 'account.positions[1].entryPrice',
      reason: 'not a plain decimal number',
    });
    expect(refusal(withAccount({ walletBalance: '-1', positions: null }))).toBe('account.walletBalance');
    expect(
      refusal(withAccount({ walletBalance: '1', positions: [{ ...POSITION, maintenanceMargin: '0' }] })),
    ).toBeNull();
    expect(refusal(withAccount({ walletBalance: '1', positions: [{ ...POSITION, note: 'x' }] }))).toBe(
      'account.positions[0].note',
    );
  });
});

describe('form schema: venues differ', () => {
  it.each<[string, Partial<OrderForm> | Record<string, unknown>, string]>([
    ['contracts outside OKX', { size: { unit: 'contracts', value: '3' } }, 'size.unit'],
    ['a borrow mode outside Binance margin', { borrow: 'auto' }, 'borrow'],
    ['the account on an isolated order', { marginMode: 'isolated' }, 'account'],
  ])('Bybit: %s', (_, change, path) => {
    expect(refusal({ ...BYBIT, ...change })).toBe(path);
  });

  it('OKX sizes in contracts', () => {
    expect(
      refusal({ ...BYBIT, venue: 'okx-swap', symbol: 'BTC-USDT-SWAP', size: { unit: 'contracts', value: '3' } }),
    ).toBeNull();
  });

  it('Binance USDⓈ-M: no account from the page', () => {
    expect(refusal({ ...BYBIT, venue: 'binance-usdm' })).toBe('account');
  });

  it('Kraken: cross only, no TP/SL fields, no account', () => {
    expect(refusal({ ...KRAKEN, marginMode: 'isolated' })).toBe('marginMode');
    expect(refusal({ ...KRAKEN, stopLoss: '60000' })).toBe('stopLoss');
    expect(refusal({ ...KRAKEN, account: { walletBalance: '1', positions: null } })).toBe('account');
  });

  it('Binance margin: base units only; margin is on exactly when the order borrows', () => {
    expect(refusal({ ...MARGIN, size: { unit: 'quote', value: '1' } })).toBe('size.unit');
    expect(refusal({ ...MARGIN, borrow: 'none' })).toBe('borrow');
    expect(refusal({ ...MARGIN, borrow: 'none', marginEnabled: false, leverage: '1' })).toBeNull();
    const { borrow: _borrow, account: _account, ...spot } = MARGIN;
    expect(refusal({ ...spot, marginEnabled: false, leverage: '1' })).toBeNull();
    expect(refusal(spot)).toBe('borrow');
  });
});

describe('form schema: shape', () => {
  it('unknown and missing fields by name; own keys only (no "__proto__" tricks)', () => {
    expect(refusal({ ...BYBIT, extra: 1 })).toBe('extra');
    expect(refusal(JSON.parse(JSON.stringify(BYBIT).replace('{', '{"__proto__":{"x":1},')))).toBe('__proto__');
    const { availableBalance: _gone, ...short } = BYBIT;
    expect(refusal(short)).toBe('availableBalance');
    expect(refusal({ ...BYBIT, venue: 'ftx' })).toBe('venue');
    expect(refusal({ ...BYBIT, symbol: 'BTC USDT' })).toBe('symbol');
    expect(refusal([BYBIT])).toBe('form');
    expect(refusal(null)).toBe('form');
  });
});

describe('parseFormChanged: the envelope, then the form or where it fails', () => {
  const message = (form: unknown, over: Record<string, unknown> = {}) => ({
    type: 'cs→bg:form-changed',
    seq: 7,
    venue: 'bybit-linear',
    symbol: 'BTCUSDT',
    form,
    ...over,
  });

  it('a valid form, or none, is the message', () => {
    expect(parseFormChanged(message(BYBIT))).toEqual({ ok: true, message: message(BYBIT) });
    expect(parseFormChanged(message(null))).toEqual({ ok: true, message: message(null) });
    expect(parseCsToBg(message(BYBIT))).toEqual(message(BYBIT));
  });

  it('a refused form keeps its envelope, so its seq can still be answered', () => {
    const zeroLeverage = { ...BYBIT, leverage: '0.5' };
    expect(parseFormChanged(message(zeroLeverage))).toEqual({
      ok: false,
      seq: 7,
      venue: 'bybit-linear',
      symbol: 'BTCUSDT',
      path: 'leverage',
      reason: 'below 1x',
    });
    expect(parseCsToBg(message(zeroLeverage))).toBeNull();
    expect(parseFormChanged(message({ ...BYBIT, symbol: 'ETHUSDT' }))).toMatchObject({ ok: false, path: 'symbol' });
    expect(parseFormChanged(message(KRAKEN, { venue: 'bybit-linear', symbol: 'BTC/USD' }))).toMatchObject({
      ok: false,
      path: 'venue',
    });
  });

  it.each([
    ['another type', { type: 'cs→bg:other' }],
    ['no seq', { seq: undefined }],
    ['a negative seq', { seq: -1 }],
    ['an unknown venue', { venue: 'ftx' }],
    ['an extra key', { extra: true }],
  ])('%s: not a message at all (null)', (_, over) => {
    expect(parseFormChanged(message(BYBIT, over))).toBeNull();
  });

  it('no form key at all: not a message', () => {
    const { form: _form, ...bare } = message(BYBIT);
    expect(parseFormChanged(bare)).toBeNull();
  });
});
