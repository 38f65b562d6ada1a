// Reading the page right (issue 9 items 3, 6, 7, 9): the built extension in Chromium on the Bybit
// and Kraken fixture pages, changed the way live pages differ from our fixtures — a copy of the
// form hidden by a stylesheet class, a positions table in comma decimals on an English page, more
// positions than a reading may carry, a zero wallet balance, an upper-case theme. Each page is
// changed by an init script on DOMContentLoaded, before the content script (document_idle) first
// reads it, unless the test is about what the overlay shows after a change.
// Expected figures = quoteJson(planQuote(form, side, snapshot, settings, now).input, bundledFacts())
// for the form the page shows, as in the venue specs.
import { MAX_PAGE_POSITIONS } from '../../src/messaging/messages';
import type { MarketSnapshot, OrderForm } from '../../src/venues/types';
import { BybitPage, BYBIT_PAGE_WALLET } from '../harness/bybit-linear-page';
import { expectedFor, expectedView, servedSnapshot, snapshotFromMock } from '../harness/expected';
import { waitForEngineFigures, wrongReadings } from '../harness/figures';
import { KRAKEN_URL, KrakenPage } from '../harness/kraken-margin-page';
import { figuresOf, readOverlay } from '../harness/overlay';
import { expect, test, type Page } from '../harness/test';
import type { MockExchange } from '../mock/server';

const P1 = '64210.5';

/** The feed's snapshot of the mock, with the mark (and last price) at the served price. */
function bybitSnapshot(mock: MockExchange): MarketSnapshot {
  const snapshot = snapshotFromMock(mock, 'bybit-linear', 'BTCUSDT');
  const price = mock.book.get('bybit-linear', 'BTCUSDT').price;
  for (const key of ['markPrice', 'lastPrice'] as const) {
    const figure = snapshot.figures[key];
    if (figure) snapshot.figures[key] = { ...figure, value: price };
  }
  return snapshot;
}

const viewOf = (mock: MockExchange, form: () => OrderForm) => () => expectedView(form(), bybitSnapshot(mock));

/** Runs `change` in the page once its DOM is parsed (before the content script's first read). */
async function onDomReady(page: Page, change: () => void): Promise<void> {
  await page.addInitScript(`document.addEventListener('DOMContentLoaded', ${change.toString()});`);
}

/** The fixture's account as it is, with `change` applied. */
function withAccount(form: OrderForm, change: Partial<NonNullable<OrderForm['account']>>): OrderForm {
  return { ...form, account: { ...form.account!, ...change } };
}

test.describe('reading the page', () => {
  test.beforeEach(({ mock }) => {
    mock.setPrice('bybit-linear', 'BTCUSDT', P1);
  });

  test('a copy of the order form hidden by a stylesheet class does not make the visible form ambiguous', async ({
    page,
    mock,
  }) => {
    await onDomReady(page, () => {
      const style = document.createElement('style');
      style.textContent = '.oc--inactive { display: none; }';
      document.head.append(style);
      const form = document.querySelector('[data-fixture="order-form"]')!;
      const copy = form.cloneNode(true) as Element;
      copy.classList.add('oc--inactive');
      copy.removeAttribute('data-fixture'); // the fixture's own script keeps driving the visible form
      form.after(copy);
    });
    const b = await new BybitPage(page).goto();
    // The copy is there, hidden by the stylesheet alone (no hidden attribute, no inline style).
    expect(
      await page.evaluate(() => {
        const copy = document.querySelector<HTMLElement>('.oc--inactive');
        return (
          copy !== null &&
          getComputedStyle(copy).display === 'none' &&
          !copy.hasAttribute('hidden') &&
          copy.style.display === ''
        );
      }),
    ).toBe(true);
    await waitForEngineFigures(
      page,
      'the visible form, with a CSS-hidden copy',
      viewOf(mock, () => b.form()),
      { mark: 'live' },
    );
    await b.setLeverage('20'); // role locators, like the reader, skip the hidden copy
    await waitForEngineFigures(
      page,
      'after a leverage change',
      viewOf(mock, () => b.form()),
      { mark: 'live' },
    );
  });

  test('a comma-decimal positions table on an English page: positions not known, never the 1000× figure', async ({
    page,
    mock,
  }) => {
    // Every figure of the table as a comma-decimal page writes it. The columns the reader uses
    // ("1.500", "142,350", "2,412", "1,984 USDT") each also read as dot decimals, and read that
    // way they even pass the engine's own checks; only the others ("3.703,00 USDT", "+144,25
    // USDT") show which format the table is in.
    await onDomReady(page, () => {
      const rows = [...document.querySelectorAll('.by-table tbody tr')];
      const texts = [
        ['25', '3.703,00 USDT', '142,350', '148,120', '--', '370,30 USDT', '19,540 USDT', '+144,25 USDT'],
        ['1.500', '3.582,75 USDT', '2,412', '2,389', '--', '358,28 USDT', '1,984 USDT', '+35,25 USDT'],
        ['4.000', '1.420,00 USDT', '0,35000', '0,35500', '0,28350', '280,00 USDT', '7,89 USDT', '+20,00 USDT'],
      ];
      rows.forEach((row, r) => texts[r]!.forEach((text, c) => (row.children[c + 1]!.textContent = text)));
    });
    const b = await new BybitPage(page).goto();
    const unknown = withAccount(b.form(), { positions: null });
    // What reading those cells as dot decimals gives: quantities 1000× too small, prices 1000× too big.
    const misread = withAccount(b.form(), {
      positions: [
        {
          symbol: 'SOLUSDT',
          side: 'long',
          quantity: '25',
          entryPrice: '142350',
          markPrice: '148120',
          maintenanceMargin: '19540',
        },
        {
          symbol: 'XRPUSDT',
          side: 'short',
          quantity: '1.5',
          entryPrice: '2412',
          markPrice: '2389',
          maintenanceMargin: '1984',
        },
      ],
    });
    // The test can tell the two apart: the misread positions are weighed, and move the short
    // side's liquidation price far away.
    const short = (form: OrderForm) => expectedFor(form, 'short', bybitSnapshot(mock));
    expect(short(misread).plan.positionsUnknown).toEqual([]);
    expect(short(unknown).figures?.liquidationPrice).not.toBe('');
    expect(short(misread).figures?.liquidationPrice).not.toBe(short(unknown).figures?.liquidationPrice);

    await waitForEngineFigures(
      page,
      'positions not known',
      viewOf(mock, () => unknown),
      { mark: 'live' },
    );
    const wrong = await wrongReadings(page, 1_500, { live: [viewOf(mock, () => unknown)] });
    expect(wrong).toEqual([]);
  });

  test(`${MAX_PAGE_POSITIONS + 10} position rows: the overlay answers, without a liquidation price`, async ({
    page,
    mock,
  }) => {
    await onDomReady(page, () => {
      const body = document.querySelector('.by-table tbody')!;
      const template = body.querySelector('tr')!;
      for (let i = body.children.length; i < 60; i++) body.append(template.cloneNode(true));
    });
    const b = await new BybitPage(page).goto();
    expect(await page.locator('.by-table tbody tr').count()).toBe(MAX_PAGE_POSITIONS + 10);
    // The reader stops at the cap and says so: the account cannot be weighed whole.
    const tooMany = withAccount(b.form(), { positions: null, positionsTooMany: true });
    const reading = await waitForEngineFigures(
      page,
      'too many positions',
      viewOf(mock, () => tooMany),
      { mark: 'live' },
    );
    for (const side of ['long', 'short']) expect(figuresOf(reading, side).liquidationPrice, side).toBe('');
  });

  test('a wallet balance of "0.00": the overlay drops the previous figures and shows the answer for zero', async ({
    page,
    mock,
  }) => {
    const b = await new BybitPage(page).goto();
    await waitForEngineFigures(
      page,
      "the page's balance",
      viewOf(mock, () => b.form()),
      { mark: 'live' },
    );
    expect(b.form().account?.walletBalance).toBe(BYBIT_PAGE_WALLET);
    const before = await readOverlay(page);

    await page.evaluate(() => {
      const row = [...document.querySelectorAll('.trade-assets__row')].find(
        (r) => r.firstElementChild?.textContent === 'Wallet Balance',
      )!;
      row.lastElementChild!.textContent = '0.00 USDT';
    });
    await b.setType('limit'); // a click on the selected tab: the page is read again in full
    const zero = withAccount(b.form(), { walletBalance: '0' });
    expect(expectedView(zero, bybitSnapshot(mock))).not.toEqual(expectedView(b.form(), bybitSnapshot(mock)));
    const after = await waitForEngineFigures(
      page,
      'a zero wallet balance',
      viewOf(mock, () => zero),
    );
    expect(after.figures).not.toEqual(before.figures);
  });

  test('an upper-case theme: Bybit\'s "WALLET BALANCE" still gives the account its balance', async ({ page, mock }) => {
    await onDomReady(page, () => {
      const label = [...document.querySelectorAll('.trade-assets__row span')].find(
        (s) => s.textContent === 'Wallet Balance',
      )!;
      label.textContent = 'WALLET BALANCE';
    });
    const b = await new BybitPage(page).goto();
    const reading = await waitForEngineFigures(
      page,
      'upper-case wallet label',
      viewOf(mock, () => b.form()),
      { mark: 'live' },
    );
    expect(reading.state).toBe('ok');
  });

  test('an upper-case theme: Kraken\'s "BUY BTC" is still the submit button, and the form reads', async ({
    page,
    mock,
    setSettings,
  }) => {
    const settings = await setSettings({ accountBalance: { 'kraken-margin': '20000' } });
    mock.setPrice('kraken-margin', 'XBTUSD', P1);
    await onDomReady(page, () => {
      document.querySelector('[data-fixture="submit"]')!.textContent = 'BUY BTC';
    });
    // Not KrakenPage.goto: it waits for a button named "Buy BTC" the way the fixture writes it.
    await page.goto(KRAKEN_URL());
    const k = new KrakenPage(page);
    await expect(page.getByRole('button', { name: 'BUY BTC', exact: true })).toBeVisible();
    const reading = await waitForEngineFigures(
      page,
      'Kraken with BUY BTC',
      () => expectedView(k.form(), servedSnapshot(k.form(), mock.book.get('kraken-margin', 'XBTUSD')), settings),
      { mark: 'live' },
    );
    expect(reading.sides).toEqual(['long']);
  });
});
