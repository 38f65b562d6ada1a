// Bybit USDT perpetual, second-generation page (issue 13): the built extension in Chromium on
// e2e/fixtures/pages/bybit-linear.gen2.html served at https://www.bybit.com/trade/usdt/BTCUSDT
// (mock.usePage). Its checkboxes are drawn by class (`by-checkbox--checked`, no input, no ARIA),
// the leverage sits in `.oc-head-leverage` and the unit in `.by-input__right-icon`. The page loads
// with TP/SL on by class: the overlay's figures must equal the engine's for the order WITH its stop
// and take-profit (read as off, they would be dropped silently). Reduce-Only on: no figures at all.
import type { QuoteJson } from '../../src/core/serialize';
import type { MarketSnapshot } from '../../src/venues/types';
import { BYBIT_GEN2_PAGE, BYBIT_HOST, BybitPage } from '../harness/bybit-linear-page';
import { expectedFor, expectedView, snapshotFromMock, type ExpectedView } from '../harness/expected';
import { waitForEngineFigures } from '../harness/figures';
import { figuresOf, waitForOverlay } from '../harness/overlay';
import { expect, test, type Page } from '../harness/test';
import type { MockExchange } from '../mock/server';

const P1 = '64210.5';

function snapshotAt(mock: MockExchange, symbol: string, price: string): MarketSnapshot {
  const snapshot = snapshotFromMock(mock, 'bybit-linear', symbol);
  for (const key of ['markPrice', 'lastPrice'] as const) {
    const figure = snapshot.figures[key];
    if (!figure) throw new Error(`the feed read no ${key} from the mock`);
    snapshot.figures[key] = { ...figure, value: price };
  }
  return snapshot;
}

const viewAt = (b: BybitPage, mock: MockExchange) => (): ExpectedView =>
  expectedView(b.form(), snapshotAt(mock, b.symbol, mock.book.get('bybit-linear', b.symbol).price));

async function gen2(page: Page, mock: MockExchange): Promise<BybitPage> {
  mock.setPrice('bybit-linear', 'BTCUSDT', P1);
  mock.usePage(BYBIT_HOST, BYBIT_GEN2_PAGE);
  const b = await new BybitPage(page, 2).goto();
  await expect(page.locator('.oc-head-leverage')).toHaveText('10.00x');
  await expect(page.locator('.oc__tp-sl-chk')).toHaveClass(/\bby-checkbox--checked\b/);
  return b;
}

test.describe('Bybit, second-generation page: overlay = engine', () => {
  test('TP/SL on by its class: the stop and take-profit are part of the quote, both sides', async ({ page, mock }) => {
    const b = await gen2(page, mock);
    const form = b.form();
    expect(form.stopLoss).toBe('63500.0');
    expect(form.takeProfit).toBe('68000.0');
    const reading = await waitForEngineFigures(page, 'gen 2 with class-state TP/SL', viewAt(b, mock), {
      mark: 'live',
    });
    expect(reading.sides.sort()).toEqual(['long', 'short']);
    // The returns at the stop and take-profit are shown and are the engine's: the triggers were read.
    for (const side of ['long', 'short'] as const) {
      const engine = expectedFor(form, side, snapshotAt(mock, 'BTCUSDT', P1)).quote as QuoteJson;
      expect(engine.returns?.roeAtTakeProfit, side).toMatch(/^-?\d/);
      expect(figuresOf(reading, side).roeAtTakeProfit, `${side} ROE at take-profit`).toBe(
        engine.returns?.roeAtTakeProfit,
      );
      expect(figuresOf(reading, side).roeAtStop, `${side} ROE at the stop`).toBe(engine.returns?.roeAtStop);
    }
  });

  test('TP/SL switched off by a click (class removed), then leverage and size changed: still the engine', async ({
    page,
    mock,
  }) => {
    const b = await gen2(page, mock);
    await b.setTpsl(false);
    await b.setLeverage('25');
    await b.typeSize('0.250');
    await waitForEngineFigures(page, 'gen 2 without TP/SL at 25x', viewAt(b, mock), { mark: 'live' });
    await b.setUnit('quote');
    await b.typeSize('5,000');
    await waitForEngineFigures(page, 'gen 2 ordered by value', viewAt(b, mock), { mark: 'live' });
  });

  test('Reduce-Only on by its class: not quoted as an opening (no figures), back when it is off', async ({
    page,
    mock,
  }) => {
    const b = await gen2(page, mock);
    await waitForEngineFigures(page, 'gen 2 before Reduce-Only', viewAt(b, mock), { mark: 'live' });
    await b.setReduceOnly(true);
    const refused = await waitForOverlay(
      page,
      (r) => r.present && r.state === 'unrecognised' && (r.missing ?? '').split(',').includes('reduceOnly'),
      'not recognised: reduceOnly',
    );
    expect(refused.figures.filter((f) => f.side !== null)).toEqual([]);
    await b.setReduceOnly(false);
    await waitForEngineFigures(page, 'gen 2 after Reduce-Only off', viewAt(b, mock), { mark: 'live' });
  });
});
