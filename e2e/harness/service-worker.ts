// Stops the extension's service worker the way Chrome does when it idles out: through CDP's
// ServiceWorker domain, from a page of the extension (the domain sees the registrations of the
// page's own storage partition, so an exchange tab could not reach the extension's worker).
import type { BrowserContext, CDPSession, Page } from 'playwright-core';

interface WorkerVersion {
  versionId: string;
  scriptURL: string;
  runningStatus: 'stopped' | 'starting' | 'running' | 'stopping';
}

export interface WorkerWatch {
  /** Running status of the extension's worker, as last reported. */
  status(): string | undefined;
  /** Every status reported since the watch began, in order. */
  history(): string[];
  stopAll(): Promise<void>;
  waitFor(status: WorkerVersion['runningStatus'], timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function watchServiceWorker(context: BrowserContext, extensionId: string): Promise<WorkerWatch> {
  const page: Page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/src/ui/options/index.html`);
  const cdp: CDPSession = await context.newCDPSession(page);
  const statuses: string[] = [];
  cdp.on('ServiceWorker.workerVersionUpdated', (event: { versions: WorkerVersion[] }) => {
    for (const v of event.versions)
      if (v.scriptURL.startsWith(`chrome-extension://${extensionId}/`)) statuses.push(v.runningStatus);
  });
  await cdp.send('ServiceWorker.enable');
  const watch: WorkerWatch = {
    status: () => statuses.at(-1),
    history: () => [...statuses],
    stopAll: async () => {
      await cdp.send('ServiceWorker.stopAllWorkers');
    },
    waitFor: async (status, timeoutMs = 10_000) => {
      const end = Date.now() + timeoutMs;
      while (statuses.at(-1) !== status) {
        if (Date.now() > end)
          throw new Error(`service worker never became ${status} (statuses: ${statuses.join(' → ')})`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    close: async () => {
      await cdp.detach().catch(() => {});
      await page.close();
    },
  };
  return watch;
}
