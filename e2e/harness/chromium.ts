// Debian's Chromium with the built extension, every host mapped to the mock exchange.
// Shared by the Playwright fixtures, `npm start` and the bench. Flags per browser-testing.md:
// --ignore-certificate-errors (not Playwright's ignoreHTTPSErrors) so the service worker's own
// fetches accept the mock's certificate too; no context.route, so every request the browser
// makes really reaches the mock and its log.
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { chromiumResolverRules } from '../mock/hosts';

export const CHROMIUM = '/usr/bin/chromium';
export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const CHROME_DIST = path.join(ROOT, 'dist', 'chrome');

/**
 * Chromium's own calls home that the flags below do not stop (account checks, Android check-in,
 * component/extension update pings, network time): all to Google's hosts, which the extension never
 * contacts. The privacy tests ignore these in the mock's catch-all log.
 */
export const CHROMIUM_OWN_REQUESTS: readonly RegExp[] = [
  /^([a-z0-9-]+\.)*(google\.com|googleapis\.com|gstatic\.com|gvt1\.com)\//,
  // The tab's favicon, asked of the page's own origin by the browser once the page has loaded.
  /^[a-z0-9.-]+\/favicon\.ico$/,
];

export interface LaunchOptions {
  /** The mock exchange's port. */
  port: number;
  /** False: same browser and flags, no extension (the bench's baseline). Default true. */
  withExtension?: boolean;
  headless?: boolean;
  viewport?: { width: number; height: number };
}

export interface ChromiumSession {
  context: BrowserContext;
  /** The extension's service worker (undefined without the extension). */
  serviceWorker: Worker | undefined;
  extensionId: string | undefined;
  close(): Promise<void>;
}

export function assertChromeBuild(): void {
  if (!existsSync(path.join(CHROME_DIST, 'manifest.json'))) {
    throw new Error(`${CHROME_DIST}/manifest.json not found: run \`npm run build\` first`);
  }
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: apt-get install -y chromium`);
}

export async function launchChromium(options: LaunchOptions): Promise<ChromiumSession> {
  const withExtension = options.withExtension ?? true;
  if (withExtension) assertChromeBuild();
  const profileDir = mkdtempSync(path.join(tmpdir(), 'mp-chromium-'));
  // A private copy of the build: a `npm run build` running meanwhile (it empties dist/ first)
  // cannot pull the extension out from under a running browser.
  const extensionDir = path.join(profileDir, 'extension');
  if (withExtension) cpSync(CHROME_DIST, extensionDir, { recursive: true });
  const userDataDir = path.join(profileDir, 'profile');
  const headless = options.headless ?? true;
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless,
    handleSIGINT: false,
    viewport: options.viewport ?? { width: 1280, height: 800 },
    args: [
      ...(headless ? ['--headless=new'] : []),
      // Playwright passes --disable-extensions; --disable-extensions-except overrides it.
      ...(withExtension ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
      `--host-resolver-rules=${chromiumResolverRules(options.port)}`,
      '--ignore-certificate-errors',
      '--no-sandbox', // root in CI containers
      '--disable-gpu',
      '--disable-quic', // QUIC would bypass the TCP mock
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // Chromium's own calls home (form-field predictions, on-device model downloads): they would
      // show up in the mock's catch-all log next to the extension's requests. What is left of them
      // is listed in CHROMIUM_OWN_REQUESTS.
      '--disable-features=AutofillServerCommunication,OptimizationGuideModelDownloading,OptimizationHintsFetching,OptimizationTargetPrediction,OptimizationHints,NetworkTimeServiceQuerying',
      '--allow-browser-signin=false',
    ],
  });
  let serviceWorker: Worker | undefined;
  try {
    if (withExtension) {
      serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    }
  } catch (error) {
    await context.close().catch(() => {});
    rmSync(profileDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    throw error;
  }
  let closing: Promise<void> | undefined;
  return {
    context,
    serviceWorker,
    extensionId: serviceWorker ? new URL(serviceWorker.url()).host : undefined,
    close: () =>
      (closing ??= (async () => {
        await context.close().catch(() => {});
        // Retries: Chromium may still be flushing the profile for a moment after close.
        rmSync(profileDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
      })()),
  };
}

/** The extension's current service worker (it may have been stopped and restarted since launch). */
export async function currentServiceWorker(context: BrowserContext, extensionId: string): Promise<Worker> {
  const live = context.serviceWorkers().find((w) => new URL(w.url()).host === extensionId);
  return (
    live ??
    (await context.waitForEvent('serviceworker', {
      predicate: (w) => new URL(w.url()).host === extensionId,
      timeout: 10_000,
    }))
  );
}
