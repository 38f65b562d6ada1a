// Issue 13, Binance USDⓈ-M generation 2 (e2e/fixtures/pages/binance-usdm.gen2-*.html, exchange-pages.md §8):
// the one-way page's figures equal the engine's; hedge mode's Open tab is quoted as an opening (both
// sides, at the URL without a locale segment); the Close tab is never quoted as an opening — no
// side, no liquidation figure, "closing order" — and its click is never held, where the same
// order as an opening is held (leverage 20x above a personal maximum of 3x).
import { BinancePage } from '../harness/binance-usdm-page';
import { expectedView, servedSnapshot } from '../harness/expected';
import { sameNumber, shownMark, waitForEngineFigures } from '../harness/figures';
import { readOverlay, waitForOverlay } from '../harness/overlay';
import { expect, test } from '../harness/test';

const BALANCE = { accountBalance: { 'binance-usdm': '5000' } };

test.describe('Binance USDⓈ-M generation 2', () => {
  test('one-way mode: overlay = engine, both sides, hidden leftovers not read', async ({ page, mock, setSettings }) => {
    const settings = await setSettings(BALANCE);
    mock.setPrice('binance-usdm', 'BTCUSDT', '65020.3', { fundingRate: '0.00025' });
    const b = await new BinancePage(page).gotoGen2('gen2-oneway');
    const reading = await waitForEngineFigures(
      page,
      'Binance gen 2 one-way',
      () => expectedView(b.form(), servedSnapshot(b.form(), mock.book.get('binance-usdm', 'BTCUSDT')), settings),
      { mark: 'live' },
    );
    expect(reading.sides.sort()).toEqual(['long', 'short']);
    expect(sameNumber(shownMark(reading), '65020.3')).toBe(true);
  });

  test('hedge mode, Open tab: quoted as an opening, and its click is guarded', async ({ page, mock, setSettings }) => {
    const settings = await setSettings({ ...BALANCE, maxLeverage: '3' });
    mock.setPrice('binance-usdm', 'BTCUSDT', '65020.3');
    const b = await new BinancePage(page).gotoGen2('gen2-hedge-open');
    expect(new URL(page.url()).pathname).toBe('/futures/BTCUSDT');
    const reading = await waitForEngineFigures(
      page,
      'Binance gen 2 hedge Open',
      () => expectedView(b.form(), servedSnapshot(b.form(), mock.book.get('binance-usdm', 'BTCUSDT')), settings),
      { mark: 'live' },
    );
    expect(reading.sides.sort()).toEqual(['long', 'short']);

    await b.buyButton().click();
    const held = await waitForOverlay(page, (r) => r.guard !== null, 'data-guard after the first Open Long', 5_000);
    expect(held.guard!.split(',')).toContain('LEVERAGE_ABOVE_PERSONAL_MAX');
    expect(await b.submittedOrders()).toEqual([]);
  });

  test('hedge mode, Close tab: never quoted as an opening, and its click is not held', async ({
    page,
    mock,
    setSettings,
  }) => {
    await setSettings({ ...BALANCE, maxLeverage: '3' });
    mock.setPrice('binance-usdm', 'BTCUSDT', '65020.3');
    const b = await new BinancePage(page).gotoGen2('gen2-hedge-close');
    const closing = await waitForOverlay(page, (r) => r.state === 'closing', 'overlay state closing');
    expect(closing.sides).toEqual([]);
    expect(closing.figures.filter((f) => f.key === 'liquidationPrice')).toEqual([]);
    expect(closing.text).toContain('Closing order');
    expect(closing.guard).toBeNull();

    await b.sellButton().click();
    await expect.poll(() => b.submittedOrders()).toEqual(['Close Long 0.1']);
    await b.buyButton().click();
    await expect.poll(() => b.submittedOrders()).toEqual(['Close Long 0.1', 'Close Short 0.1']);
    const after = await readOverlay(page);
    expect(after.state).toBe('closing');
    expect(after.guard).toBeNull();
  });
});
