// The port handler's form check (a stand-in for the shared form schema, see check-form.ts) and
// the envelope it is applied under: what is answered with a refusal and what is dropped.
import { describe, expect, it } from 'vitest';
import { checkPageForm } from '../../src/background/messaging/check-form';
import { parseFormEnvelope } from '../../src/background/messaging/form-envelope';
import { formInvalid, safeField } from '../../src/background/quotes/refusal';
import type { OrderForm } from '../../src/venues/types';

const form: OrderForm = {
  venue: 'bybit-linear', symbol: 'BTCUSDT', side: 'both', type: 'limit', marginMode: 'cross', price: '60000', size: { unit: 'base', value: '0.5' },
  leverage: '10', marginEnabled: true, stopLoss: null, takeProfit: null, availableBalance: '100',
  account: { walletBalance: '5000', positions: [{ symbol: 'ETHUSDT', side: 'short', quantity: '2', entryPrice: '3000', markPrice: '3050', maintenanceMargin: '30.5' }] },
};

describe('checkPageForm', () => {
  it('passes a good form through as it is', () => {
    expect(checkPageForm(form)).toEqual({ ok: true, form });
  });

  it('accepts what the form contract allows: a zero balance, too many positions to read', () => {
    const zero = { ...form, account: { walletBalance: '0', positions: [] } };
    expect(checkPageForm(zero)).toEqual({ ok: true, form: zero });
    const tooMany = { ...form, account: { walletBalance: '5000', positions: null, positionsTooMany: true } };
    expect(checkPageForm(tooMany)).toEqual({ ok: true, form: tooMany });
  });

  it.each<[string, unknown, string]>([
    ['not an object', 'form', 'form'],
    ['an order field', { ...form, leverage: '0' }, 'form'],
    ['a negative balance', { ...form, account: { walletBalance: '-1', positions: null } }, 'account.walletBalance'],
    ['a zero written otherwise', { ...form, account: { walletBalance: '0.00', positions: null } }, 'account.walletBalance'],
    ['a bad position', { ...form, account: { walletBalance: '1', positions: [{ ...form.account!.positions![0], side: 'both' }] } }, 'account.positions'],
    ['51 positions', { ...form, account: { walletBalance: '1', positions: Array.from({ length: 51 }, () => form.account!.positions![0]) } }, 'account.positions'],
    ['too many with positions listed', { ...form, account: { walletBalance: '1', positions: [], positionsTooMany: true } }, 'account'],
    ['positionsTooMany false', { ...form, account: { walletBalance: '1', positions: null, positionsTooMany: false } }, 'account'],
    ['an extra account key', { ...form, account: { walletBalance: '1', positions: null, equity: '2' } }, 'account'],
  ])('refuses %s at %s', (_, value, path) => {
    expect(checkPageForm(value)).toMatchObject({ ok: false, path });
  });
});

describe('parseFormEnvelope', () => {
  const message = { type: 'cs→bg:form-changed', seq: 4, venue: 'bybit-linear', symbol: 'BTCUSDT', form: { anything: 1 } };
  it('keeps the envelope and hands the form on unchecked', () => {
    expect(parseFormEnvelope(message)).toEqual({ envelope: { type: 'cs→bg:form-changed', seq: 4, venue: 'bybit-linear', symbol: 'BTCUSDT' }, form: { anything: 1 } });
    expect(parseFormEnvelope({ ...message, form: null })!.form).toBeNull();
  });

  it.each<[string, unknown]>([
    ['another type', { ...message, type: 'cs→bg:fetch' }],
    ['an extra key', { ...message, url: 'https://evil.example' }],
    ['a negative seq', { ...message, seq: -1 }],
    ['an unsafe seq', { ...message, seq: 2 ** 53 }],
    ['an unknown venue', { ...message, venue: 'evil' }],
    ['a symbol with markup', { ...message, symbol: '<b>' }],
    ['an array', [message]],
  ])('drops %s', (_, value) => {
    expect(parseFormEnvelope(value)).toBeNull();
  });
});

describe('formInvalid', () => {
  it('names the field and nothing of the value', () => {
    expect(formInvalid('account.walletBalance')).toEqual({ code: 'FORM_INVALID', field: 'account.walletBalance', text: 'The order form could not be read cleanly (account.walletBalance). No figures until it can.' });
  });

  it('never passes on a path that is not a plain field path', () => {
    for (const path of ['<img src=x>', 'account.__proto__ x', 'a'.repeat(500), '']) expect(safeField(path)).toBe('form');
    expect(formInvalid('<img src=x>').text).not.toContain('<');
  });
});
