// The popup's request for the tab's order, and the check of the answer: only a form and a
// snapshot that pass the background's own validators, for the same market, are used.
import { describe, expect, it } from 'vitest';
import { fetchCurrentOrder, parseCurrentOrder, tabFromSearch, type PopupApi } from '../../src/ui/popup/current-order';
import { SAMPLE_ORDERS } from './orders';

const sample = SAMPLE_ORDERS[0]!;
const answer = (order: unknown) => ({ type: 'bg→popup:current-order', order });
const good = {
  venue: sample.form.venue,
  symbol: sample.form.symbol,
  form: sample.form,
  snapshot: sample.snapshot,
  sides: [],
};

function api(reply: unknown, tabs: Array<{ id?: number }> = [{ id: 42 }]): PopupApi & { sent: unknown[] } {
  const sent: unknown[] = [];
  return {
    sent,
    tabs: { query: async () => tabs },
    runtime: {
      sendMessage: async (message) => {
        sent.push(message);
        if (reply instanceof Error) throw reply;
        return reply;
      },
    },
  };
}

describe('current order', () => {
  it('asks for the active tab and keeps form and snapshot', async () => {
    const fake = api(answer(good));
    expect(await fetchCurrentOrder(fake)).toEqual({
      venue: good.venue,
      symbol: good.symbol,
      form: good.form,
      snapshot: good.snapshot,
    });
    expect(fake.sent).toEqual([{ type: 'popup→bg:current-order', tabId: 42 }]);
  });

  it('no tab, no overlay, no background: no order', async () => {
    expect(await fetchCurrentOrder(api(answer(good), []))).toBeNull();
    expect(await fetchCurrentOrder(api(answer(good), [{}]))).toBeNull();
    expect(await fetchCurrentOrder(api(answer(null)))).toBeNull();
    expect(await fetchCurrentOrder(api(undefined))).toBeNull();
    expect(await fetchCurrentOrder(api(new Error('Receiving end does not exist')))).toBeNull();
  });

  it.each([
    ['another message type', { type: 'bg→cs:quotes', order: good }],
    ['unknown venue', answer({ ...good, venue: 'ftx' })],
    ['form of another market', answer({ ...good, symbol: 'ETHUSDT' })],
    ['form with a bad price', answer({ ...good, form: { ...good.form, price: '1e999' } })],
    ['form with an unknown key', answer({ ...good, form: { ...good.form, script: 'x' } })],
    [
      'snapshot with a bad figure',
      answer({
        ...good,
        snapshot: {
          ...good.snapshot,
          figures: { markPrice: { value: 'NaN', receivedAt: 1, exchangeTime: null, source: 'rest' } },
        },
      }),
    ],
    ['snapshot missing', answer({ ...good, snapshot: undefined })],
  ])('refuses %s', (_, raw) => {
    expect(parseCurrentOrder(raw)).toBeNull();
  });

  it('a tab named in the address (?tab=) is asked instead of the active one', async () => {
    const fake = api(answer(good));
    await fetchCurrentOrder(fake, tabFromSearch('?tab=1234'));
    expect(fake.sent).toEqual([{ type: 'popup→bg:current-order', tabId: 1234 }]);
    // Chromium's tab ids run past nine digits.
    expect(tabFromSearch('?tab=1796038454')).toBe(1796038454);
    for (const bad of ['', '?tab=', '?tab=-1', '?tab=1e3', '?tab=abc', '?tab=1.5', '?tab=9999999999999999'])
      expect(tabFromSearch(bad)).toBeNull();
  });

  it('a null snapshot is fine (no market data yet)', () => {
    expect(parseCurrentOrder(answer({ ...good, snapshot: null }))?.snapshot).toBeNull();
  });
});
