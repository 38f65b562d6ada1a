// The page session against a live-like page (issue 9): what the overlay shows is always the form
// as it is now, and the guard holds exactly once per order. Each test models something a real
// exchange tab does that our fixture pages do not do by themselves: an account that ticks, a value
// set by the page's own script, a click in the same task as a change, a restarting worker, a
// re-created <html>.
import type { Page } from 'playwright-core';
import type { Settings } from '../../src/settings/settings';
import { GUARD_CODES } from '../../src/ui/overlay/contract';
import { BybitPage } from '../harness/bybit-linear-page';
import { expectedFor, expectedView, servedSnapshot, snapshotFromMock, type ExpectedView } from '../harness/expected';
import { waitForEngineFigures } from '../harness/figures';
import { KrakenPage } from '../harness/kraken-margin-page';
import { readOverlay, waitForOverlay } from '../harness/overlay';
import { watchServiceWorker } from '../harness/service-worker';
import { expect, test } from '../harness/test';
import type { MockExchange } from '../mock/server';

const guardOf = (quote: ReturnType<typeof expectedFor>['quote']): string[] =>
  quote && !('error' in quote)
    ? quote.warnings
        .map((w) => w.code)
        .filter((c) => (GUARD_CODES as readonly string[]).includes(c))
        .sort()
    : [];

function bybitView(b: BybitPage, mock: MockExchange, settings?: Settings): () => ExpectedView {
  return () => expectedView(b.form(), snapshotFromMock(mock, 'bybit-linear', b.symbol), settings);
}

/**
 * Makes the page's account panel tick like a live account: the wallet balance's last digit and the
 * positions' marks change every 100 ms (the page's own script, no events). Returns a stop function.
 */
async function tickAccount(page: Page): Promise<() => Promise<void>> {
  await page.evaluate(() => {
    const wallet = [...document.querySelectorAll('.trade-assets__row')].find((r) =>
      r.textContent!.includes('Wallet Balance'),
    )!.lastElementChild!;
    const marks = [...document.querySelectorAll('.by-table tbody tr')].map((tr) => tr.children[4]!);
    const base = marks.map((td) => td.textContent!);
    let n = 0;
    (window as any).__tick = setInterval(() => {
      n += 1;
      wallet.textContent = `10,000.00${n % 10}0 USDT`;
      marks.forEach((td, i) => (td.textContent = base[i]!.replace(/\d$/, String(n % 10))));
    }, 100);
  });
  return async () => {
    await page.evaluate(() => clearInterval((window as any).__tick));
  };
}

/** Sets an input's value the way page code does (no input/change event). */
async function setValueSilently(page: Page, selector: string, value: string): Promise<void> {
  await page.evaluate(
    ([sel, v]) => {
      const input = document.querySelector<HTMLInputElement>(sel!)!;
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, v);
    },
    [selector, value],
  );
}

test.describe('guard: one hold per order', () => {
  test('a ticking account does not re-arm the hold: the second click goes through', async ({ page, setSettings }) => {
    await setSettings({ maxLeverage: '5' });
    const b = await new BybitPage(page).goto(); // cross, 10x: above the personal maximum
    await waitForOverlay(page, (r) => r.state === 'ok' && r.mark === 'live', 'overlay with figures');
    const stop = await tickAccount(page);
    try {
      await b.buyButton().click();
      const held = await waitForOverlay(page, (r) => r.guard !== null, 'guard after the first click', 5_000);
      expect(held.guard!.split(',')).toContain('LEVERAGE_ABOVE_PERSONAL_MAX');
      expect(await b.submittedOrders()).toEqual([]);
      await page.waitForTimeout(600); // the account ticks six times meanwhile
      await b.buyButton().click();
      await expect.poll(() => b.submittedOrders(), { timeout: 3_000 }).toHaveLength(1);
    } finally {
      await stop();
    }
  });

  test('control: with no reason, a ticking account never holds a click', async ({ page, mock }) => {
    const b = await new BybitPage(page).goto();
    await waitForEngineFigures(page, 'figures before the ticks', bybitView(b, mock));
    const stop = await tickAccount(page);
    try {
      await page.waitForTimeout(300);
      await b.buyButton().click();
      await expect.poll(() => b.submittedOrders(), { timeout: 3_000 }).toHaveLength(1);
      expect((await readOverlay(page)).guard).toBeNull();
    } finally {
      await stop();
    }
  });

  test('a size changed and Buy clicked in the same task is held until its own quote is in', async ({
    page,
    mock,
    setSettings,
  }) => {
    const settings = await setSettings({ accountBalance: { 'kraken-margin': '20000' }, minLiquidationDistance: '0.3' });
    const k = await new KrakenPage(page).goto();
    await k.typeSize('0.1');
    await waitForOverlay(
      page,
      (r) => r.state === 'ok' && r.mark === 'live' && r.guard === null,
      'overlay for 0.1 BTC, no reason',
    );
    k.size = '1.5';
    const expected = guardOf(
      expectedFor(k.form(), 'long', servedSnapshot(k.form(), mock.book.get('kraken-margin', 'XBTUSD')), settings).quote,
    );
    expect(expected).toContain('LIQUIDATION_NEAR');
    // The page's own script writes the size and the trader's click lands in the same task.
    await page.evaluate(() => {
      const size = document.querySelector<HTMLInputElement>('[data-fixture="size"]')!;
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(size, '1.5');
      size.dispatchEvent(new Event('input', { bubbles: true }));
      [...document.querySelectorAll('button')].find((b) => /^Buy [A-Z]+$/.test(b.textContent!.trim()))!.click();
    });
    const held = await waitForOverlay(
      page,
      (r) => r.guard !== null && r.guard.includes('LIQUIDATION_NEAR'),
      "the new order's reasons after the held click",
      5_000,
    );
    expect(
      held
        .guard!.split(',')
        .filter((c) => c !== 'ORDER_UNCHECKED')
        .sort(),
    ).toEqual(expected);
    expect(await k.submittedOrders()).toEqual([]);
    await k.submitButton().click();
    await expect.poll(() => k.submittedOrders(), { timeout: 3_000 }).toEqual(['Buy BTC limit 1.5']);
  });

  test('leverage above the personal maximum is held at click time, without waiting for the engine', async ({
    page,
    setSettings,
  }) => {
    await setSettings({ accountBalance: { 'kraken-margin': '20000' }, maxLeverage: '3' });
    const k = await new KrakenPage(page).goto();
    await k.setLeverage(2);
    await k.typeSize('0.1');
    await waitForOverlay(page, (r) => r.state === 'ok' && r.guard === null, 'overlay at 2x');
    await page.evaluate(() => {
      [...document.querySelectorAll('[role="radio"]')]
        .find((r) => r.textContent!.trim() === '5x')!
        .dispatchEvent(new MouseEvent('click', { bubbles: true }));
      [...document.querySelectorAll('button')].find((b) => /^Buy [A-Z]+$/.test(b.textContent!.trim()))!.click();
    });
    const held = await waitForOverlay(page, (r) => r.guard !== null, 'guard after the same-task click', 5_000);
    expect(held.guard!.split(',')).toContain('LEVERAGE_ABOVE_PERSONAL_MAX');
    expect(await k.submittedOrders()).toEqual([]);
  });

  test('a click while the service worker restarts is held, then the next click goes through', async ({
    page,
    context,
    extensionId,
    setSettings,
  }) => {
    await setSettings({ accountBalance: { 'kraken-margin': '20000' } });
    const k = await new KrakenPage(page).goto();
    await k.typeSize('0.1');
    await waitForOverlay(page, (r) => r.state === 'ok' && r.mark === 'live', 'overlay with figures');
    const worker = await watchServiceWorker(context, extensionId);
    try {
      await worker.stopAll();
      await worker.waitFor('stopped');
      // The change and the click in one task: a restarting worker cannot have answered in between.
      await page.evaluate(() => {
        const size = document.querySelector<HTMLInputElement>('[data-fixture="size"]')!;
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(size, '0.2');
        size.dispatchEvent(new Event('input', { bubbles: true }));
        [...document.querySelectorAll('button')].find((b) => /^Buy [A-Z]+$/.test(b.textContent!.trim()))!.click();
      });
      await waitForOverlay(page, (r) => r.guard !== null, 'the click on an unchecked order is held', 5_000);
      expect(await k.submittedOrders()).toEqual([]);
      // The quote comes in (or the wait runs out): the next click is the trader's decision.
      await page.waitForTimeout(2_000);
      await k.submitButton().click();
      await expect.poll(() => k.submittedOrders(), { timeout: 3_000 }).toEqual(['Buy BTC limit 0.2']);
    } finally {
      await worker.close();
    }
  });
});

test.describe('the overlay follows what it read', () => {
  test("a size set by the page's script without an event is followed while the form is in use", async ({
    page,
    mock,
  }) => {
    const b = await new BybitPage(page).goto();
    // A script that sets the size silently leaves the page's own Order Cost / Value behind (they would
    // then disagree, rightly: doubtful): this page is modelled without them, so nothing in the DOM changes.
    await page.evaluate(() =>
      document.querySelectorAll('[data-fixture^="cost-"], [data-fixture^="value-"]').forEach((el) => el.remove()),
    );
    await waitForEngineFigures(page, 'figures for 0.1', bybitView(b, mock));
    await b.field('Qty').click();
    await setValueSilently(page, 'input[data-fixture="size"]', '0.250');
    b.size = '0.250';
    await waitForEngineFigures(page, 'figures for the script-set 0.25', bybitView(b, mock), { timeoutMs: 3_000 });
  });

  test('the account panel outside the form changes: the cross figures follow', async ({ page, mock }) => {
    const b = await new BybitPage(page).goto();
    await waitForEngineFigures(page, 'figures with wallet 10,000', bybitView(b, mock));
    await page.evaluate(() => {
      const row = [...document.querySelectorAll('.trade-assets__row')].find((r) =>
        r.textContent!.includes('Wallet Balance'),
      )!;
      row.lastElementChild!.textContent = '4,000.0000 USDT';
    });
    await waitForEngineFigures(
      page,
      'figures with wallet 4,000',
      () => {
        const form = b.form();
        form.account!.walletBalance = '4000';
        return expectedView(form, snapshotFromMock(mock, 'bybit-linear', b.symbol));
      },
      { timeoutMs: 3_000 },
    );
  });

  test('a size typed right after the positions table changed is quoted with the new positions', async ({
    page,
    mock,
  }) => {
    const b = await new BybitPage(page).goto();
    // A form that writes no total of its own while the trader types (many do not): nothing in the
    // form's DOM changes, so only the positions table says the account moved.
    await page.evaluate(() =>
      document.querySelectorAll('[data-fixture^="cost-"], [data-fixture^="value-"]').forEach((el) => el.remove()),
    );
    await waitForEngineFigures(page, 'figures with the page positions', bybitView(b, mock));
    await page.evaluate(() => {
      const row = [...document.querySelectorAll('.by-table tbody tr')].find((tr) =>
        tr.textContent!.includes('SOLUSDT'),
      )!;
      row.children[1]!.textContent = '250.0';
      row.children[7]!.textContent = '195.40 USDT';
    });
    await b.typeSize('0.300');
    await waitForEngineFigures(
      page,
      'figures with the changed SOL position',
      () => {
        const form = b.form();
        form.account!.positions = form.account!.positions!.map((p) =>
          p.symbol === 'SOLUSDT' ? { ...p, quantity: '250', maintenanceMargin: '195.4' } : p,
        );
        return expectedView(form, snapshotFromMock(mock, 'bybit-linear', b.symbol));
      },
      { timeoutMs: 3_000 },
    );
  });

  test('the page re-creates <html>: the overlay comes back and reads the new form', async ({
    page,
    mock,
    setSettings,
  }) => {
    const settings = await setSettings({ accountBalance: { 'kraken-margin': '20000' } });
    const k = await new KrakenPage(page).goto();
    await k.typeSize('0.1');
    await waitForOverlay(page, (r) => r.state === 'ok' && r.mark === 'live', 'overlay before');
    await page.evaluate(() => {
      const copy = document.documentElement.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('[data-margin-preflight-host]').forEach((n) => n.remove());
      document.replaceChild(copy, document.documentElement);
    });
    await waitForOverlay(page, (r) => r.present && r.state === 'ok', 'overlay back on the new <html>', 3_000);
    // The new form is the one read and watched: a value its script sets is followed.
    await page.locator('input[data-fixture="size"]').click();
    await setValueSilently(page, 'input[data-fixture="size"]', '0.3');
    k.size = '0.3';
    await waitForEngineFigures(
      page,
      'figures for 0.3 in the new form',
      () => expectedView(k.form(), servedSnapshot(k.form(), mock.book.get('kraken-margin', 'XBTUSD')), settings),
      { timeoutMs: 3_000 },
    );
  });
});
