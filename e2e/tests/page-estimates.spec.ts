// Issue 13, deliverable 3: the cross-check with the figures the exchange's page shows for the order.
// An agreeing page (its own figures come from the venue's rule for the order it shows) gets the
// quiet "matches the exchange's estimate" line next to the engine's figures; a page whose figure is
// edited to disagree makes the reading doubtful: state 'doubtful', both numbers, no figure of ours,
// a grey "?" badge; the figure put right brings the figures back. The page's and our figures are
// worked out here from the venue's published rule, never taken from the extension.
import type { Page, Worker } from 'playwright-core';
import { Dec } from '../../src/core/decimal';
import { BinancePage } from '../harness/binance-usdm-page';
import { BYBIT_GEN2_PAGE, BYBIT_HOST, BybitPage } from '../harness/bybit-linear-page';
import { KrakenGen2Page } from '../harness/kraken-margin-gen2-page';
import { expectedView, servedSnapshot, snapshotFromMock } from '../harness/expected';
import { waitForEngineFigures } from '../harness/figures';
import { waitForOverlay, type OverlayReading } from '../harness/overlay';
import { tabIdOf } from '../harness/tabs';
import { expect, test } from '../harness/test';

const MARK = '65020.3';

/** Binance's Cost of one button (formulas.md §2.4) for the example order at `mark`. */
function binanceCost(side: 'long' | 'short', price: string, qty: string, leverage: string, mark: string): Dec {
  const adverse = side === 'long' ? new Dec(price).minus(mark) : new Dec(mark).minus(price);
  return new Dec(price)
    .times(qty)
    .div(leverage)
    .plus(new Dec(qty).times(Dec.max(0, adverse)));
}

async function badgeOf(tabId: number, serviceWorker: () => Promise<Worker>): Promise<{ text: string; title: string }> {
  const sw = await serviceWorker();
  return sw.evaluate(async (id) => {
    const action = (globalThis as any).chrome.action;
    return { text: await action.getBadgeText({ tabId: id }), title: await action.getTitle({ tabId: id }) };
  }, tabId);
}

const ownFigures = (r: OverlayReading) => r.figures.filter((f) => f.side !== null);

/** Sets the text of the page's own figure, as the page's script would (the extension sees a DOM change). */
const setPageFigure = (page: Page, hook: string, text: string) =>
  page.evaluate(
    ([h, t]) => {
      document.querySelector(`[data-fixture="${h}"]`)!.textContent = t!;
    },
    [hook, text],
  );

test.describe('the exchange page’s own figures', () => {
  test('Binance: the Cost under each button agrees: the quiet match line and the engine’s figures', async ({
    page,
    mock,
    setSettings,
  }) => {
    const settings = await setSettings({ accountBalance: { 'binance-usdm': '5000' } });
    mock.setPrice('binance-usdm', 'BTCUSDT', MARK);
    const b = await new BinancePage(page).goto();
    await b.setLeverage(10);
    await b.typeSize('0.2');
    const reading = await waitForEngineFigures(
      page,
      'Binance with its Cost per button',
      () => expectedView(b.form(), servedSnapshot(b.form(), mock.book.get('binance-usdm', 'BTCUSDT')), settings),
      { mark: 'live' },
    );
    expect(reading.state).toBe('ok');
    expect(reading.pageCheck.map((c) => c.verdict)).toEqual(['matches']);
    expect(reading.text).toContain("Matches the exchange's estimate (Cost)");
  });

  test('Binance: a Cost edited to disagree: doubtful, both numbers, no figure of ours, a grey "?" badge', async ({
    page,
    mock,
    serviceWorker,
  }) => {
    mock.setPrice('binance-usdm', 'BTCUSDT', MARK);
    await new BinancePage(page).goto();
    await waitForOverlay(page, (r) => r.state === 'ok' && r.pageCheck[0]?.verdict === 'matches', 'agreeing first');
    const tabId = await tabIdOf(page, serviceWorker);

    // The Sell/Short cost as if the page had the size at twice ours.
    const ours = binanceCost('short', '65000', '0.1', '20', MARK);
    const edited = binanceCost('short', '65000', '0.2', '20', MARK).toFixed(2);
    await setPageFigure(
      page,
      'cost-short',
      `${Number(edited).toLocaleString('en-US', { minimumFractionDigits: 2 })} USDT`,
    );
    const doubtful = await waitForOverlay(page, (r) => r.state === 'doubtful', 'doubtful after the edit');
    expect(ownFigures(doubtful)).toEqual([]);
    expect(doubtful.sides).toEqual([]);
    expect(doubtful.pageCheck).toHaveLength(1);
    const row = doubtful.pageCheck[0]!;
    expect(row).toMatchObject({ verdict: 'differs', kind: 'cost', side: 'short', page: new Dec(edited).toFixed() });
    expect(new Dec(row.ours!).toFixed(2)).toBe(ours.toFixed(2));
    expect(doubtful.text).toContain(
      `exchange shows ${Number(edited).toLocaleString('en-US', { minimumFractionDigits: 2 })} USDT`,
    );
    expect(doubtful.text).toContain(
      `we compute ${ours.toNumber().toLocaleString('en-US', { minimumFractionDigits: 2 })} USDT`,
    );
    await expect.poll(async () => (await badgeOf(tabId, serviceWorker)).text, { message: 'grey ? badge' }).toBe('?');
    expect((await badgeOf(tabId, serviceWorker)).title).toContain(`exchange shows ${edited} USDT`);

    // Put right by the page: the figures come back, with the quiet line.
    await setPageFigure(page, 'cost-short', `${ours.toFixed(2)} USDT`);
    const back = await waitForOverlay(page, (r) => r.state === 'ok', 'figures back');
    expect(back.pageCheck.map((c) => c.verdict)).toEqual(['matches']);
    expect(ownFigures(back).length).toBeGreaterThan(0);
  });

  for (const generation of [1, 2] as const) {
    test(`Bybit (generation ${generation}): Order Cost and Order Value per button agree, also after typing; an edited cost is doubtful`, async ({
      page,
      mock,
    }) => {
      if (generation === 2) mock.usePage(BYBIT_HOST, BYBIT_GEN2_PAGE);
      const b = await new BybitPage(page, generation).goto();
      const view = () => expectedView(b.form(), snapshotFromMock(mock, 'bybit-linear', b.symbol));
      const loaded = await waitForEngineFigures(page, `Bybit ${generation} as loaded`, view);
      expect(loaded.pageCheck.map((c) => c.verdict)).toEqual(['matches']);
      expect(loaded.text).toContain("Matches the exchange's estimate (Cost, Order value)");
      await b.typeSize('0.25');
      const typed = await waitForEngineFigures(page, `Bybit ${generation} typed`, view);
      expect(typed.pageCheck.map((c) => c.verdict)).toEqual(['matches']);

      await setPageFigure(page, 'cost-long', '9,999.00 USDT');
      const doubtful = await waitForOverlay(page, (r) => r.state === 'doubtful', 'doubtful after the edit');
      expect(ownFigures(doubtful)).toEqual([]);
      expect(doubtful.pageCheck).toMatchObject([{ verdict: 'differs', kind: 'cost', side: 'long', page: '9999' }]);
    });
  }

  test('Kraken (generation 2): the Total agrees as the order value', async ({ page, mock }) => {
    mock.usePage('pro.kraken.com', 'kraken-margin.gen2.html');
    mock.setPrice('kraken-margin', 'XBTUSD', '94210.5');
    const k = await new KrakenGen2Page(page).goto('margin');
    const reading = await waitForOverlay(page, (r) => r.state === 'ok' && r.pageCheck.length > 0, 'Kraken checked');
    expect(reading.pageCheck.map((c) => c.verdict)).toEqual(['matches']);
    expect(reading.text).toContain("Matches the exchange's estimate (Order value)");
    expect(k.form().pageEstimates).toBeUndefined(); // the harness's own form: the engine figures need none
  });
});
