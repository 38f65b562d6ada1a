// OrderForm.language (issue 13 deliverable 4): the label table a non-English page was read with.
// Optional, a language tag of the tables' form, never 'en' (an English reading leaves it out);
// the background accepts what the readers send and refuses anything else by its path.
import { describe, expect, it } from 'vitest';
import { checkOrderForm } from '../../src/venues/form-schema';
import type { OrderForm } from '../../src/venues/types';

const FORM: OrderForm = {
  venue: 'binance-usdm',
  symbol: 'BTCUSDT',
  side: 'both',
  type: 'limit',
  marginMode: 'cross',
  price: '65000',
  size: { unit: 'base', value: '0.1' },
  leverage: '20',
  marginEnabled: true,
  stopLoss: null,
  takeProfit: null,
  availableBalance: '10000',
};

describe('OrderForm.language', () => {
  it.each(['zh-CN', 'zh-TW', 'ru', 'pt', 'uk', 'zh-Hant'])('%s is accepted', (language) => {
    expect(checkOrderForm({ ...FORM, language }).ok).toBe(true);
  });

  it('left out is accepted (English)', () => {
    expect(checkOrderForm(FORM).ok).toBe(true);
  });

  it.each(['en', '', 'zh_CN', 'ZH-cn', 'russian', '<b>ru</b>', 'x'])('%j is refused by its path', (language) => {
    expect(checkOrderForm({ ...FORM, language })).toMatchObject({ ok: false, path: 'language' });
  });
});
