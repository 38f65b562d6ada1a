// Teach mode (issue 14): a release of the exchange's front end renames the order form's price and
// quantity fields (e2e/harness/redeploy.ts), the built-in reader refuses, and the trader points at
// the two fields. From then on the overlay shows exactly the engine's figures for the order on the
// page; the teaching is kept across a reload; a later release that breaks what was taught gives
// "not recognised" again, never a figure. Nothing the trader clicks while teaching reaches the page.
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../harness/chromium';
import { expectedView, servedSnapshot } from '../harness/expected';
import { waitForEngineFigures } from '../harness/figures';
import { KrakenPage } from '../harness/kraken-margin-page';
import { cdpFor, readOverlay, waitForOverlay } from '../harness/overlay';
import { clickOverlay, clickOverlayAction, overlayNode } from '../harness/overlay-layout';
import { krakenRedeployed } from '../harness/redeploy';
import { tabIdOf } from '../harness/tabs';
import { outlineCovers, pointAt, TEACH, teachStep, waitForTeachStep } from '../harness/teach';
import { expect, test, type Page } from '../harness/test';
import type { MockExchange } from '../mock/server';
import type { Worker } from 'playwright-core';
import type { Settings } from '../../src/settings/settings';
import { TAUGHT_KEY } from '../../src/settings/taught';

const HOST = 'pro.kraken.com';
const BALANCE = { accountBalance: { 'kraken-margin': '20000' } };

const priceField = (page: Page) => page.locator('input[id^="rate-"]');
const sizeField = (page: Page) => page.locator('input[id^="lot-"]');

function engineView(k: KrakenPage, mock: MockExchange, settings: Settings) {
  return () => expectedView(k.form(), servedSnapshot(k.form(), mock.book.get('kraken-margin', 'XBTUSD')), settings);
}

async function refusedPage(page: Page, mock: MockExchange): Promise<KrakenPage> {
  mock.usePage(HOST, { html: krakenRedeployed('a') });
  const k = await new KrakenPage(page).goto();
  const refused = await waitForOverlay(page, (r) => r.state === 'unrecognised', 'release a: not recognised');
  expect(refused.missing?.split(',')).toEqual(expect.arrayContaining(['price']));
  expect(refused.figures.filter((f) => f.value !== '')).toEqual([]);
  return k;
}

test.describe('teach mode on a renamed Kraken form', () => {
  // What one test taught must not carry into the next (or into another spec).
  const forgetAll = async (serviceWorker: () => Promise<Worker>) =>
    (await serviceWorker()).evaluate((key) => (globalThis as any).chrome.storage.local.remove(key), TAUGHT_KEY);
  test.beforeEach(({ serviceWorker }) => forgetAll(serviceWorker));
  test.afterEach(({ serviceWorker }) => forgetAll(serviceWorker));

  test('point at price and size: the engine’s exact figures; clicks while teaching reach nothing', async ({
    page,
    mock,
    setSettings,
  }) => {
    const settings = await setSettings(BALANCE);
    const k = await refusedPage(page, mock);
    await clickOverlayAction(page, 'teach');
    await waitForTeachStep(page, 'price');

    // A click on the page's Sell tab and on its submit button while teaching: swallowed.
    await pointAt(page, page.getByRole('tab', { name: 'Sell', exact: true }));
    await pointAt(page, k.submitButton());
    await expect(page.getByRole('tab', { name: 'Buy', exact: true })).toHaveAttribute('aria-selected', 'true');
    expect(await k.submittedOrders()).toEqual([]);
    expect(await teachStep(page)).toBe('price');

    await page.mouse.move(0, 0);
    const price = priceField(page);
    const box = await price.boundingBox();
    await page.mouse.move(box!.x + box!.width / 2, box!.y + box!.height / 2);
    await expect
      .poll(() => outlineCovers(page, price), { message: 'the outline is drawn over the price field' })
      .toBe(true);
    await pointAt(page, price);
    await waitForTeachStep(page, 'size');
    // The README's picture: the size step, the outline over the field under the pointer.
    const size = await sizeField(page).boundingBox();
    await page.mouse.move(size!.x + size!.width / 2, size!.y + size!.height / 2);
    await expect.poll(() => outlineCovers(page, sizeField(page))).toBe(true);
    const shot = test.info().outputPath('teach-mode.png');
    await page.screenshot({ path: shot });
    if (process.env.UPDATE_DOCS === '1') copyFileSync(shot, path.join(ROOT, 'docs', 'teach-mode.png'));
    await pointAt(page, sizeField(page));
    // The field alone cannot say its currency: asked once.
    await clickOverlay(page, TEACH.choice, 'base');
    await waitForTeachStep(page, null);

    const view = engineView(k, mock, settings);
    const taught = await waitForEngineFigures(page, 'taught price and size', view, { mark: 'live' });
    expect(taught.sides).toEqual(['long']);
    const root = await overlayNode(page, TEACH.taught);
    expect(root, 'the overlay says it uses fields the trader pointed at').not.toBeNull();

    // Typing goes through the taught fields like through the built-in ones.
    await price.fill('64,250.5');
    k.price = '64,250.5';
    await sizeField(page).fill('0.3');
    k.size = '0.3';
    await waitForEngineFigures(page, 'typed into the taught fields', view, { mark: 'live' });
  });

  test('kept across a reload; a later release breaks it: not recognised, no figures; Forget drops it', async ({
    page,
    mock,
    setSettings,
  }) => {
    const settings = await setSettings(BALANCE);
    const k = await refusedPage(page, mock);
    await clickOverlayAction(page, 'teach');
    await waitForTeachStep(page, 'price');
    await pointAt(page, priceField(page));
    await waitForTeachStep(page, 'size');
    await pointAt(page, sizeField(page));
    await clickOverlay(page, TEACH.choice, 'base');
    const view = engineView(k, mock, settings);
    await waitForEngineFigures(page, 'taught', view, { mark: 'live' });

    await page.reload();
    await k.submitButton().waitFor();
    await waitForEngineFigures(page, 'after a reload', view, { mark: 'live' });

    mock.usePage(HOST, { html: krakenRedeployed('b') });
    await page.reload();
    await k.submitButton().waitFor();
    const broken = await waitForOverlay(page, (r) => r.state === 'unrecognised', 'release b: taught fields gone');
    expect(broken.figures.filter((f) => f.value !== '')).toEqual([]);
    expect(broken.missing?.split(',')).toEqual(expect.arrayContaining(['price']));

    // Back on release a, Forget drops the teaching: not recognised again.
    mock.usePage(HOST, { html: krakenRedeployed('a') });
    await page.reload();
    await k.submitButton().waitFor();
    await waitForEngineFigures(page, 'release a again', view, { mark: 'live' });
    await clickOverlayAction(page, 'teach-forget');
    await waitForOverlay(page, (r) => r.state === 'unrecognised', 'forgotten');
  });

  test('keyboard only: arrows move the outline over the fields, Enter takes one, Escape cancels', async ({
    page,
    mock,
    setSettings,
  }) => {
    const settings = await setSettings(BALANCE);
    const k = await refusedPage(page, mock);
    await focusOverlayAction(page, 'teach');
    await page.keyboard.press('Enter');
    await waitForTeachStep(page, 'price');
    await page.keyboard.press('Escape');
    await waitForTeachStep(page, null);
    expect((await readOverlay(page)).state).toBe('unrecognised');

    await focusOverlayAction(page, 'teach');
    await page.keyboard.press('Enter');
    await waitForTeachStep(page, 'price');
    await arrowTo(page, priceField(page));
    await page.keyboard.press('Enter');
    await waitForTeachStep(page, 'size');
    await arrowTo(page, sizeField(page));
    await page.keyboard.press('Enter');
    // The currency question: its first choice (the base asset) has the focus.
    await page.keyboard.press('Enter');
    await waitForEngineFigures(page, 'taught by keyboard', engineView(k, mock, settings), { mark: 'live' });
  });
});

/** Gives an overlay control the keyboard focus (as Tab would) through CDP, which reaches into the closed root. */
async function focusOverlayAction(page: Page, action: string): Promise<void> {
  const node = await overlayNode(page, 'data-action', action);
  if (node === null) throw new Error(`overlay: no data-action="${action}"`);
  await (await cdpFor(page)).send('DOM.focus', { nodeId: node.nodeId });
}

/** Presses ArrowDown until the outline is over `target` (at most 40 presses). */
async function arrowTo(page: Page, target: ReturnType<Page['locator']>): Promise<void> {
  for (let i = 0; i < 40; i++) {
    if (await outlineCovers(page, target)) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error('teach mode: the arrows never outlined the element');
}

test.describe('from the popup', () => {
  test.afterEach(async ({ serviceWorker }) =>
    (await serviceWorker()).evaluate((key) => (globalThis as any).chrome.storage.local.remove(key), TAUGHT_KEY),
  );

  test('"Copy a report of this page" copies the page’s report; "Point at the fields" starts teach mode there', async ({
    page,
    mock,
    context,
    extensionId,
    serviceWorker,
  }) => {
    await refusedPage(page, mock);
    const tabId = await tabIdOf(page, serviceWorker);
    const popupUrl = `chrome-extension://${extensionId}/src/ui/popup/index.html?tab=${tabId}`;
    const origin = new URL(page.url()).origin;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    await page.evaluate(() => navigator.clipboard.writeText(''));

    const popup = await context.newPage();
    await popup.goto(popupUrl);
    await popup.locator('[data-action="report"]:not([disabled])').click();
    // Copied (read back on the exchange page, whose origin may read the clipboard), or shown to copy by hand.
    await expect(popup.locator('[data-report]')).toHaveAttribute('data-report', /^(copied|shown)$/);
    const how = await popup.locator('[data-report]').getAttribute('data-report');
    if (how === 'copied') await page.bringToFront();
    const text =
      how === 'copied'
        ? await page.evaluate(() => navigator.clipboard.readText())
        : await popup.locator('textarea').inputValue();
    const report = JSON.parse(text) as Record<string, unknown>;
    expect(report).toMatchObject({ venue: 'kraken-margin', path: '/app/trade/btc-usd', status: 'unrecognised' });
    expect(report.missing).toEqual(expect.arrayContaining(['price']));

    await popup.locator('[data-action="teach"]:not([disabled])').click();
    await waitForTeachStep(page, 'price');
    if (!popup.isClosed()) await popup.close();
  });
});
