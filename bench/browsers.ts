// The browsers a bench run compares: ours (the built extension, dist/chrome) and the reference
// extensions in bench/reference/, each alone in its own fresh Chromium profile with the flags of
// e2e/harness/chromium.ts, so a figure of ours and its floor differ only in the extension. Each also
// opens a DevTools port: tracing through the browser target records every process, the extension's
// service worker included (tracing through a page's session leaves the extension's process out).
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type CDPSession, type Page } from 'playwright-core';
import WebSocket from 'ws';
import { assertChromeBuild, CHROME_DIST, CHROMIUM, type ChromiumSession } from '../e2e/harness/chromium';
import { chromiumResolverRules } from '../e2e/mock/hosts';

/** ours: Margin Preflight; the rest: bench/reference/<name>; none: no extension at all. */
export type SubjectName = 'ours' | 'empty' | 'hello' | 'echo' | 'local' | 'none';

export interface Subject {
  name: SubjectName;
  session: ChromiumSession;
  /** The browser target's DevTools session (raw CDP over a WebSocket). */
  browser: BrowserCdp;
}

const REFERENCE_DIR = path.join(import.meta.dirname, 'reference');

/** A minimal CDP client on the browser target: commands and events. */
export class BrowserCdp {
  private next = 1;
  private pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private listeners = new Map<string, Set<(params: unknown) => void>>();

  private constructor(private socket: WebSocket) {
    socket.on('message', (data) => {
      const m = JSON.parse(String(data)) as {
        id?: number;
        result?: unknown;
        error?: { message: string };
        method?: string;
        params?: unknown;
      };
      if (m.id !== undefined) {
        const p = this.pending.get(m.id);
        this.pending.delete(m.id);
        if (m.error) p?.reject(new Error(m.error.message));
        else p?.resolve(m.result);
      } else if (m.method) for (const l of this.listeners.get(m.method) ?? []) l(m.params);
    });
  }

  static async connect(userDataDir: string): Promise<BrowserCdp> {
    const file = path.join(userDataDir, 'DevToolsActivePort');
    const end = Date.now() + 10_000;
    while (!existsSync(file) || readFileSync(file, 'utf8').split('\n').length < 2) {
      if (Date.now() > end) throw new Error(`no ${file}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const [port, wsPath] = readFileSync(file, 'utf8').split('\n');
    const socket = new WebSocket(`ws://127.0.0.1:${port}${wsPath}`, {
      perMessageDeflate: false,
      maxPayload: 512 * 1024 * 1024,
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return new BrowserCdp(socket);
  }

  send<T = unknown>(method: string, params: object = {}): Promise<T> {
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }

  on(method: string, listener: (params: unknown) => void): () => void {
    const set = this.listeners.get(method) ?? new Set();
    set.add(listener);
    this.listeners.set(method, set);
    return () => set.delete(listener);
  }

  close(): void {
    this.socket.close();
  }
}

function extensionDirOf(name: SubjectName): string | null {
  if (name === 'none') return null;
  if (name === 'ours') {
    assertChromeBuild();
    return CHROME_DIST;
  }
  return path.join(REFERENCE_DIR, name);
}

export async function launchSubject(name: SubjectName, port: number): Promise<Subject> {
  const source = extensionDirOf(name);
  const profileDir = mkdtempSync(path.join(tmpdir(), `mp-bench-${name}-`));
  // A private copy: a build running meanwhile cannot pull the extension out from under the browser.
  const extensionDir = path.join(profileDir, 'extension');
  if (source) cpSync(source, extensionDir, { recursive: true });
  const userDataDir = path.join(profileDir, 'profile');
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    handleSIGINT: false,
    viewport: { width: 1280, height: 800 },
    args: [
      '--headless=new',
      ...(source ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
      '--remote-debugging-port=0',
      `--host-resolver-rules=${chromiumResolverRules(port)}`,
      '--ignore-certificate-errors',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-features=AutofillServerCommunication,OptimizationGuideModelDownloading,OptimizationHintsFetching,OptimizationTargetPrediction,OptimizationHints,NetworkTimeServiceQuerying',
      '--allow-browser-signin=false',
    ],
  });
  const manifest = source
    ? (JSON.parse(readFileSync(path.join(extensionDir, 'manifest.json'), 'utf8')) as { background?: unknown })
    : {};
  const serviceWorker = manifest.background
    ? (context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 })))
    : undefined;
  const browser = await BrowserCdp.connect(userDataDir);
  let closing: Promise<void> | undefined;
  const session: ChromiumSession = {
    context,
    serviceWorker,
    extensionId: serviceWorker ? new URL(serviceWorker.url()).host : undefined,
    close: () =>
      (closing ??= (async () => {
        browser.close();
        await context.close().catch(() => {});
        rmSync(profileDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
      })()),
  };
  return { name, session, browser };
}

/**
 * The isolated world of the browser's one extension in the page's main frame (each bench browser holds
 * one extension, so any chrome-extension:// isolated world is it). Call before the page loads, or it
 * reloads the page once to see the world created.
 */
export async function extensionWorld(cdp: CDPSession, page: Page, reload: () => Promise<void>): Promise<number> {
  const contexts: Array<{ id: number; origin: string; auxData?: { type?: string } }> = [];
  cdp.on('Runtime.executionContextCreated', (e: { context: (typeof contexts)[number] }) => contexts.push(e.context));
  cdp.on('Runtime.executionContextsCleared', () => (contexts.length = 0));
  await cdp.send('Runtime.enable');
  const find = () =>
    [...contexts].reverse().find((c) => c.auxData?.type === 'isolated' && c.origin.startsWith('chrome-extension://'));
  if (!find()) {
    await reload();
    await page.waitForTimeout(1_000);
  }
  const found = find();
  if (!found)
    throw new Error(
      `no extension isolated world in the page (contexts: ${JSON.stringify(contexts.map((c) => [c.origin, c.auxData?.type]))})`,
    );
  return found.id;
}

/** Evaluates in a world by id; throws the page's exception. */
export async function evaluateIn<T>(cdp: CDPSession, world: number, expression: string): Promise<T> {
  const r = (await cdp.send('Runtime.evaluate', {
    expression,
    contextId: world,
    awaitPromise: true,
    returnByValue: true,
  })) as { result: { value: T }; exceptionDetails?: { text: string; exception?: { description?: string } } };
  if (r.exceptionDetails)
    throw new Error(`in the page: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
  return r.result.value;
}
