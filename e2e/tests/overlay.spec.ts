// The overlay's manners on the page: it never stands between the trader and the exchange's own
// modal dialog, and it tells "needs your balance" apart from "the venue has none".
import { HOST_ATTRIBUTE } from '../../src/ui/overlay/contract';
import { BinancePage } from '../harness/binance-usdm-page';
import { waitForOverlay } from '../harness/overlay';
import { KrakenPage } from '../harness/kraken-margin-page';
import { expect, test, type Page } from '../harness/test';

const POSITION_KEY = 'overlayPosition.binance-usdm';

/** What the page would hit at (x, y): the overlay's host, or the element's own text. */
function hitAt(page: Page, x: number, y: number): Promise<string> {
  return page.evaluate(
    ([px, py, hostAttr]) => {
      const el = document.elementFromPoint(px, py);
      if (el === null) return 'nothing';
      return el.hasAttribute(hostAttr) ? 'overlay' : `${el.tagName}:${el.textContent?.trim() ?? ''}`;
    },
    [x, y, HOST_ATTRIBUTE] as const,
  );
}

const hostPointerEvents = (page: Page) => page.$eval(`[${HOST_ATTRIBUTE}]`, (el) => getComputedStyle(el).pointerEvents);

test('Binance: while the leverage dialog is open, the overlay lets the Confirm click through to the page', async ({
  page,
  mock,
  serviceWorker,
  setSettings,
}) => {
  await setSettings({ accountBalance: { 'binance-usdm': '5000' } });
  mock.setPrice('binance-usdm', 'BTCUSDT', '65020.3');
  const b = await new BinancePage(page).goto();
  await waitForOverlay(page, (r) => r.state === 'ok', 'overlay with figures');

  // Where the dialog's Confirm button is (the fixture centres its dialogs).
  await page.getByRole('button', { name: '20x', exact: true }).focus();
  await page.keyboard.press('Enter');
  const confirm = page.getByRole('dialog', { name: 'Adjust Leverage' }).getByRole('button', { name: 'Confirm' });
  const box = (await confirm.boundingBox())!;
  const center = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await confirm.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Adjust Leverage' })).toBeHidden();

  // The trader once dragged the overlay right over that spot.
  const sw = await serviceWorker();
  await sw.evaluate(([key, value]) => (globalThis as any).chrome.storage.local.set({ [key]: value }), [
    POSITION_KEY,
    { x: center.x - 60, y: center.y - 40 },
  ] as const);
  try {
    await page.reload();
    await waitForOverlay(page, (r) => r.state === 'ok' && !r.dimmed, 'overlay over the dialog area');
    await expect
      .poll(() => hitAt(page, center.x, center.y), { message: 'the overlay covers the Confirm spot' })
      .toBe('overlay');
    expect(await hostPointerEvents(page)).toBe('auto');

    // The dialog opens: the overlay steps back at once.
    await page.getByRole('button', { name: '20x', exact: true }).focus();
    await page.keyboard.press('Enter');
    await waitForOverlay(page, (r) => r.dimmed, 'data-dimmed while the dialog shows', 5_000);
    expect(await hostPointerEvents(page)).toBe('none');
    expect(await hitAt(page, center.x, center.y)).toBe('BUTTON:Confirm');

    // A real mouse click at that spot reaches the exchange's button.
    await page.getByRole('spinbutton', { name: 'Leverage' }).fill('10');
    await page.mouse.click(center.x, center.y);
    await expect(page.getByRole('dialog', { name: 'Adjust Leverage' })).toBeHidden();
    await expect(page.getByRole('button', { name: '10x', exact: true })).toBeVisible();
    b.leverage = '10';
    await waitForOverlay(page, (r) => !r.dimmed, 'undimmed after the dialog closed', 5_000);
    expect(await hostPointerEvents(page)).toBe('auto');
  } finally {
    await sw.evaluate((key) => (globalThis as any).chrome.storage.local.remove(key), POSITION_KEY);
  }
});

test('Kraken cross margin without a balance: the margin call needs the balance, it is not "none at this venue"', async ({
  page,
  mock,
}) => {
  mock.setPrice('kraken-margin', 'XBTUSD', '64210.5');
  const k = await new KrakenPage(page).goto();
  await k.typeSize('0.25');
  const reading = await waitForOverlay(
    page,
    (r) => r.state === 'ok' && r.mark === 'live',
    'Kraken overlay without a balance',
  );
  const text = (key: string) => reading.figures.find((f) => f.key === key)?.text;
  expect(text('marginCallPrice')).toBe('— enter balance');
  expect(text('liquidationPrice')).toBe('— enter balance');
  expect(reading.text).not.toContain('none at this venue');
});

test('Binance cross with a balance typed in the popup: the overlay names it, where it came from, and the page’s own figure; and the order as read', async ({
  page,
  mock,
  setSettings,
}) => {
  await setSettings({ accountBalance: { 'binance-usdm': '5000' } });
  mock.setPrice('binance-usdm', 'BTCUSDT', '65020.3');
  await new BinancePage(page).goto();
  const reading = await waitForOverlay(page, (r) => r.state === 'ok', 'overlay with figures');
  // Issue 12 #4: the page shows "Avbl 10,000.00 USDT"; the overlay uses the popup's 5,000 and says both.
  expect(reading.text).toContain(
    'Cross: wallet 5,000.00 USDT, as you entered it in the toolbar popup (edit it there); other open positions not included — the page shows 10,000.00 USDT available',
  );
  // Issue 12 #5: the order as the overlay read it, under the title.
  expect(reading.text).toContain('Limit · 0.1 BTC · 6,500.00 USDT · 20× cross');
});
