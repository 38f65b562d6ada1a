// Playwright fixtures for the extension suite. Worker scope (once per run, workers: 1): the
// mock exchange and one Chromium with the built extension. Test scope: a fresh page, the mock
// back to defaults, default settings, and a log of every request the browser context saw.
import { test as base, expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { DEFAULT_SETTINGS, SETTINGS_KEY, type Settings } from '../../src/settings/settings';
import { MockExchange } from '../mock/server';
import { currentServiceWorker, launchChromium, type ChromiumSession } from './chromium';

export interface SeenRequest {
  url: string;
  fromServiceWorker: boolean;
  resourceType: string;
}

interface WorkerFixtures {
  mock: MockExchange;
  chromiumSession: ChromiumSession;
}

interface TestFixtures {
  /** Every test starts with the mock at its defaults and an empty request log. */
  freshMock: void;
  extensionId: string;
  /** The extension's service worker as it is now (it may have been stopped and restarted). */
  serviceWorker: () => Promise<Worker>;
  /** Writes settings to storage.sync through the service worker; reset to defaults after the test. */
  setSettings: (change: Partial<Settings>) => Promise<Settings>;
  /** Every request the context reported during this test (pages and the service worker). */
  seenRequests: SeenRequest[];
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  mock: [
    // Playwright reads a fixture's dependencies from its destructuring pattern; this one has none.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const mock = await MockExchange.start();
      await use(mock);
      await mock.stop();
    },
    { scope: 'worker' },
  ],
  chromiumSession: [
    async ({ mock }, use) => {
      const session = await launchChromium({ port: mock.port });
      await use(session);
      await session.close();
    },
    { scope: 'worker', timeout: 60_000 },
  ],
  freshMock: [
    async ({ mock }, use) => {
      mock.reset();
      mock.clearLog();
      await use();
    },
    { auto: true },
  ],
  // Playwright's own context/page fixtures would launch Playwright's browser; ours is Debian's.
  context: async ({ chromiumSession }, use) => use(chromiumSession.context),
  page: async ({ context }, use) => {
    const page = await context.newPage();
    await use(page);
    await page.close();
  },
  extensionId: async ({ chromiumSession }, use) => use(chromiumSession.extensionId!),
  serviceWorker: async ({ context, extensionId }, use) => use(() => currentServiceWorker(context, extensionId)),
  setSettings: async ({ serviceWorker }, use) => {
    let changed = false;
    const write = async (settings: Settings) => {
      const sw = await serviceWorker();
      await sw.evaluate(([key, value]) => (globalThis as any).chrome.storage.sync.set({ [key]: value }), [
        SETTINGS_KEY,
        settings,
      ] as const);
    };
    await use(async (change) => {
      changed = true;
      const settings = { ...DEFAULT_SETTINGS, ...change };
      await write(settings);
      return settings;
    });
    if (changed) await write(DEFAULT_SETTINGS);
  },
  seenRequests: async ({ context }, use) => {
    const seen: SeenRequest[] = [];
    // The content script importing the overlay's module from the extension itself (src/content/page-ui.ts)
    // is not a request to any host: only requests that can leave the browser are listed.
    const onRequest = (r: { url(): string; serviceWorker(): Worker | null; resourceType(): string }) => {
      if (r.url().startsWith('chrome-extension://')) return;
      seen.push({ url: r.url(), fromServiceWorker: r.serviceWorker() !== null, resourceType: r.resourceType() });
    };
    context.on('request', onRequest);
    await use(seen);
    context.off('request', onRequest);
  },
});

export { expect };
export type { BrowserContext, Page };
