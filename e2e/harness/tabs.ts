// The browser tab id of a page, as the extension's service worker sees it.
import type { Page, Worker } from 'playwright-core';

/** The tab id of `page`, asked in the service worker (no "tabs" permission: URLs are not visible, the active tab is). */
export async function tabIdOf(page: Page, serviceWorker: () => Promise<Worker>): Promise<number> {
  await page.bringToFront();
  const sw = await serviceWorker();
  const ids = await sw.evaluate(async () =>
    (await (globalThis as any).chrome.tabs.query({ active: true, lastFocusedWindow: true })).map(
      (t: { id?: number }) => t.id,
    ),
  );
  if (ids.length !== 1 || typeof ids[0] !== 'number')
    throw new Error(`expected one active tab, got ${JSON.stringify(ids)}`);
  return ids[0];
}
