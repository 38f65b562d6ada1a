// Firefox ESR with a private copy of dist/firefox, driven by puppeteer-core over WebDriver BiDi
// (Playwright cannot drive stock Firefox), every host sent to the mock through the CONNECT proxy.
//
// Reading the overlay: its shadow root is closed, so page script cannot reach it, and BiDi has no
// CDP-style DOM.getDocument({pierce:true}). But BiDi's node serialization carries an element's
// shadow root whatever its mode (Firefox serializes openOrClosedShadowRoot), as a shared reference
// that script.callFunction accepts as an argument. So the host element is serialized, its shadow
// root handed back to a function that reads the same contract attributes (src/ui/overlay/contract.ts)
// the Chromium harness reads through CDP, and the result is an OverlayReading like readOverlay's.
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { ATTR, HOST_ATTRIBUTE } from '../../src/ui/overlay/contract';
import { ConnectProxy } from '../mock/connect-proxy';
import { ROOT } from './chromium';
import { EMPTY_READING as EMPTY, type OverlayReading } from './overlay';

export const FIREFOX = '/usr/bin/firefox-esr';
export const FIREFOX_DIST = path.join(ROOT, 'dist', 'firefox');

export interface FirefoxSession {
  browser: Browser;
  proxy: ConnectProxy;
  close(): Promise<void>;
}

export async function launchFirefox(mockPort: number): Promise<FirefoxSession> {
  if (!existsSync(path.join(FIREFOX_DIST, 'manifest.json')))
    throw new Error(`${FIREFOX_DIST}/manifest.json not found: run \`npm run build\` first`);
  const dir = mkdtempSync(path.join(tmpdir(), 'mp-firefox-'));
  cpSync(FIREFOX_DIST, path.join(dir, 'extension'), { recursive: true });
  const proxy = await ConnectProxy.start(mockPort);
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close().catch(() => {});
    await proxy.stop();
    rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  };
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      acceptInsecureCerts: true, // covers the page and the background's fetch and WebSocket
      userDataDir: path.join(dir, 'profile'),
      extraPrefsFirefox: proxy.firefoxPrefs(),
    });
    await browser.installExtension(path.join(dir, 'extension'));
  } catch (error) {
    await close();
    throw error;
  }
  return { browser, proxy, close };
}

/** The part of puppeteer's BiDi realm used here (puppeteer-core/lib/esm/puppeteer/bidi/core/Realm.d.ts). */
interface BidiRealm {
  evaluate(expression: string, awaitPromise: boolean, options?: object): Promise<BidiResult>;
  callFunction(declaration: string, awaitPromise: boolean, options?: object): Promise<BidiResult>;
}
type BidiResult =
  | { type: 'success'; result: { type: string; value?: unknown } }
  | { type: 'exception'; exceptionDetails: { text: string } };

/** The page's main window realm; puppeteer does not expose BiDi's node serialization options. */
function windowRealm(page: Page): BidiRealm {
  const realm = (page.mainFrame() as unknown as { realms?: { default?: { realm?: BidiRealm } } }).realms?.default
    ?.realm;
  if (!realm || typeof realm.callFunction !== 'function')
    throw new Error('puppeteer-core changed: no BiDi window realm on the frame (see e2e/harness/firefox.ts)');
  return realm;
}

function valueOf(result: BidiResult): { type: string; value?: unknown } {
  if (result.type === 'exception') throw new Error(`Firefox: ${result.exceptionDetails.text}`);
  return result.result;
}

/** Runs in the page with the overlay's shadow root and the contract's names; reads what readOverlay reads. */
function readShadow(root: ShadowRoot, attr: typeof ATTR): Omit<OverlayReading, 'present'> {
  const squash = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();
  const main = root.querySelector(`[${attr.root}]`);
  const sideOf = (el: Element) => el.closest(`[${attr.side}]`)?.getAttribute(attr.side) ?? null;
  const sides: string[] = [];
  for (const el of root.querySelectorAll(`[${attr.side}]`)) {
    const side = el.getAttribute(attr.side)!;
    if (!sides.includes(side)) sides.push(side);
  }
  return {
    state: main?.getAttribute(attr.state) ?? null,
    mark: main?.getAttribute(attr.mark) ?? null,
    risk: main?.getAttribute(attr.risk) ?? null,
    guard: main?.getAttribute(attr.guard) ?? null,
    missing: main?.getAttribute(attr.missing) ?? null,
    pending: main?.getAttribute(attr.pending) ?? null,
    reason: main?.getAttribute(attr.reason) ?? null,
    dimmed: main?.hasAttribute(attr.dimmed) ?? false,
    theme: main?.getAttribute('data-theme') ?? null,
    sides,
    figures: [...root.querySelectorAll(`[${attr.figure}]`)].map((el) => ({
      side: sideOf(el),
      key: el.getAttribute(attr.figure)!,
      value: el.getAttribute(attr.value) ?? '',
      text: squash(el.textContent),
    })),
    warnings: [...root.querySelectorAll(`[${attr.warning}]`)].map((el) => ({
      side: sideOf(el),
      code: el.getAttribute(attr.warning)!,
    })),
    pageCheck: [...root.querySelectorAll(`[${attr.pageCheck}]`)].map((el) => ({
      verdict: el.getAttribute(attr.pageCheck)!,
      kind: el.getAttribute(attr.estimate),
      side: el.getAttribute(attr.estimateSide),
      page: el.getAttribute(attr.pageValue),
      ours: el.getAttribute(attr.ourValue),
    })),
    text: squash(root.textContent),
  };
}

/** readOverlay for Firefox: the overlay as the trader's Firefox shows it. */
export async function readOverlayFirefox(page: Page): Promise<OverlayReading> {
  const realm = windowRealm(page);
  const host = valueOf(
    await realm.evaluate(`document.querySelector('[${HOST_ATTRIBUTE}]')`, false, {
      resultOwnership: 'none',
      serializationOptions: { maxDomDepth: 0 },
    }),
  );
  const shadow = (host.value as { shadowRoot?: { sharedId?: string } | null } | undefined)?.shadowRoot;
  if (!shadow?.sharedId) return { ...EMPTY, present: host.type === 'node' };
  const read = valueOf(
    await realm.callFunction(
      `(root, attr) => JSON.stringify((${readShadow.toString()})(root, JSON.parse(attr)))`,
      false,
      {
        arguments: [{ sharedId: shadow.sharedId }, { type: 'string', value: JSON.stringify(ATTR) }],
        resultOwnership: 'none',
      },
    ),
  );
  if (typeof read.value !== 'string') throw new Error(`Firefox: unexpected overlay reading ${JSON.stringify(read)}`);
  return { present: true, ...(JSON.parse(read.value) as Omit<OverlayReading, 'present'>) };
}
