// The popup stores the cross-margin balance the overlay asks for; the Kraken overlay then shows
// a liquidation price without a reload.
import { readOverlay, waitForOverlay } from '../harness/overlay';
import { KrakenPage } from '../harness/kraken-margin-page';
import { expect, test } from '../harness/test';

test('a balance saved in the popup gives the Kraken overlay its liquidation price', async ({
  context,
  page,
  extensionId,
  setSettings,
}) => {
  await setSettings({});
  await new KrakenPage(page).goto();
  await waitForOverlay(page, (r) => r.state === 'ok', 'overlay without a balance');
  const before = await readOverlay(page);
  // The default theme matches the page (issue 12): Kraken's fixture page is dark, so is the overlay.
  expect(before.theme).toBe('dark');
  expect(before.figures.find((f) => f.key === 'liquidationPrice')?.value ?? '').toBe('');

  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/src/ui/popup/index.html`);
  await popup.locator('#venue').selectOption('kraken-margin');
  await popup.getByLabel('Wallet balance (USD)').fill('abc');
  await popup.locator('#save-balance').click();
  await expect(popup.locator('#save-balance ~ [role="status"], .status[role="status"]').first()).toHaveText(
    /Not saved/,
  );
  await popup.getByLabel('Wallet balance (USD)').fill('20000');
  await popup.locator('#save-balance').click();
  await expect(popup.locator('.status[role="status"]').first()).toHaveText(/^Saved/);
  await popup.close();

  const after = await waitForOverlay(
    page,
    (r) => (r.figures.find((f) => f.key === 'liquidationPrice')?.value ?? '') !== '',
    'liquidation price after saving a balance',
  );
  expect(Number(after.figures.find((f) => f.key === 'liquidationPrice')!.value)).toBeGreaterThan(0);
});
