// Issue 9, the smaller items that show in the browser: Binance pages without a locale segment
// (the readers accept them; the manifest must inject the content script there too), and the
// extension pages' CSP (default-src 'self', connect-src = the API origins): the popup and the
// options page still open and style themselves without a CSP report, and the CSP really binds.
import type { Page } from 'playwright-core';
import { waitForOverlay } from '../harness/overlay';
import { expect, test } from '../harness/test';

const LOCALE_LESS_PAGES = [
  { name: 'USDⓈ-M futures', url: 'https://www.binance.com/futures/BTCUSDT', ready: 'Buy/Long' },
  { name: 'spot margin', url: 'https://www.binance.com/trade/BTC_USDT?type=cross', ready: /^Buy BTC$/ },
] as const;

for (const { name, url, ready } of LOCALE_LESS_PAGES) {
  test(`Binance ${name} without a locale segment (${url}) gets the overlay with live figures`, async ({
    page,
    setSettings,
  }) => {
    await setSettings({ accountBalance: { 'binance-usdm': '5000', 'binance-margin': '5000' } });
    await page.goto(url);
    expect(new URL(page.url()).pathname).not.toMatch(/^\/[a-z]{2}(-[a-z]{2,4})?\//i);
    await page.getByRole('button', { name: ready }).first().waitFor();
    const reading = await waitForOverlay(
      page,
      (r) => r.state === 'ok' && r.mark === 'live',
      `overlay on ${url}`,
      15_000,
    );
    expect(reading.figures.length).toBeGreaterThan(0);
  });
}

/** CSP violations the page reports, from now on (also as console errors, which Chromium prints for each). */
async function watchCsp(page: Page): Promise<{ violations: () => Promise<string[]>; errors: string[] }> {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.addInitScript(() => {
    const seen: string[] = [];
    (globalThis as { __cspViolations?: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI}`));
  });
  return {
    violations: () => page.evaluate(() => (globalThis as { __cspViolations?: string[] }).__cspViolations ?? []),
    errors,
  };
}

for (const name of ['popup', 'options'] as const) {
  test(`the ${name} page opens under the new CSP: styled, no violation, no console error`, async ({
    context,
    extensionId,
    setSettings,
  }) => {
    await setSettings({});
    const page = await context.newPage();
    const csp = await watchCsp(page);
    await page.goto(`chrome-extension://${extensionId}/src/ui/${name}/index.html`);
    await expect(page.locator('h1').first()).toBeVisible();
    // The theme's custom properties are set: the page's CSS was applied, not refused.
    const focusColour = await page.evaluate(() =>
      getComputedStyle(document.documentElement).getPropertyValue('--mp-focus').trim(),
    );
    expect(focusColour).not.toBe('');
    expect(await csp.violations()).toEqual([]);
    expect(csp.errors).toEqual([]);
    await page.close();
  });
}

test('the CSP binds: an extension page cannot connect to an origin outside the API list', async ({
  context,
  extensionId,
}) => {
  const page = await context.newPage();
  const csp = await watchCsp(page);
  await page.goto(`chrome-extension://${extensionId}/src/ui/options/index.html`);
  await expect(page.locator('h1').first()).toBeVisible();
  const outcome = await page.evaluate(async () => {
    try {
      await fetch('https://example.com/');
      return 'fetched';
    } catch {
      return 'refused';
    }
  });
  expect(outcome).toBe('refused');
  await expect.poll(csp.violations).toContainEqual(expect.stringMatching(/^connect-src https:\/\/example\.com/));
  await page.close();
});
