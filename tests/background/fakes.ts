// Fakes for the background's injected dependencies: a clock whose timers run only when a test
// advances it, scripted fetch responses, sockets the test opens/feeds/drops by hand, storage
// areas backed by a plain object (shared between two "worker" instances to play a restart),
// and a recording browser.action and runtime.Port.
import { readFileSync } from 'node:fs';
import type { ActionLike } from '../../src/background/badge/controller';
import type { Clock, FetchLike, Log, ResponseLike, SocketLike, StorageAreaLike } from '../../src/background/env';
import type { PortLike } from '../../src/background/messaging/market-port';
import type { SenderLike } from '../../src/background/messaging/classify-sender';

export const T0 = 1_700_000_000_000;

/** Lets every pending promise continuation run (a real macrotask turn). */
export const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export class FakeClock implements Clock {
  time = T0;
  private seq = 0;
  private timers: Array<{ id: number; at: number; run: () => void }> = [];

  now(): number {
    return this.time;
  }

  setTimeout(run: () => void, ms: number): unknown {
    const id = ++this.seq;
    this.timers.push({ id, at: this.time + Math.max(0, ms), run });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((t) => t.id !== handle);
  }

  pending(): number {
    return this.timers.length;
  }

  /** Moves time forward, running due timers in order and settling promises in between. */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    await settle();
    for (;;) {
      const due = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.time = due.at;
      due.run();
      await settle();
    }
    this.time = end;
    await settle();
  }
}

export function response(status: number, body: string, headers: Record<string, string> = {}): ResponseLike {
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return { status, headers: { get: (name) => lower[name.toLowerCase()] ?? null }, text: async () => body };
}

export const jsonResponse = (body: unknown, status = 200, headers: Record<string, string> = {}): ResponseLike =>
  response(status, JSON.stringify(body), headers);

type Route = (url: URL, init: RequestInit) => ResponseLike | Promise<ResponseLike>;

/** fetch that answers by URL path; unknown paths fail the test loudly. */
export class FakeFetch {
  calls: string[] = [];
  routes = new Map<string, Route>();

  route(path: string, answer: Route): this {
    this.routes.set(path, answer);
    return this;
  }

  callsTo(path: string): number {
    return this.calls.filter((u) => new URL(u).pathname === path).length;
  }

  readonly fn: FetchLike = async (url, init) => {
    this.calls.push(url);
    const parsed = new URL(url);
    const answer = this.routes.get(parsed.pathname);
    if (!answer) throw new Error(`unexpected fetch ${url}`);
    return answer(parsed, init);
  };
}

/** A request that never answers, like a stalled connection; it rejects when aborted. */
export function never(init: RequestInit): Promise<ResponseLike> {
  return new Promise((_, reject) => init.signal?.addEventListener('abort', () => reject(new Error('aborted'))));
}

export class FakeSocket implements SocketLike {
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: unknown) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  sent: string[] = [];
  closed = false;

  constructor(readonly url: string) {}

  send(data: string): void {
    this.sent.push(data);
  }

  close(): void {
    this.closed = true;
  }

  open(): void {
    this.onopen?.({});
  }

  receive(message: unknown): void {
    this.onmessage?.({ data: typeof message === 'string' ? message : JSON.stringify(message) });
  }

  /** The server or network ends the connection: error then close, as browsers do. */
  drop(): void {
    this.onerror?.({});
    this.onclose?.({});
  }
}

/** A WebSocket constructor recording every socket it makes. */
export function socketFactory(): { Socket: new (url: string) => FakeSocket; made: FakeSocket[] } {
  const made: FakeSocket[] = [];
  class Socket extends FakeSocket {
    constructor(url: string) {
      super(url);
      made.push(this);
    }
  }
  return { Socket, made };
}

export class FakeStorage implements StorageAreaLike {
  constructor(public data: Record<string, unknown> = {}) {}

  async get(keys: string | string[]): Promise<Record<string, unknown>> {
    const wanted = typeof keys === 'string' ? [keys] : keys;
    return Object.fromEntries(wanted.filter((k) => k in this.data).map((k) => [k, structuredClone(this.data[k])]));
  }

  async set(items: Record<string, unknown>): Promise<void> {
    for (const [k, v] of Object.entries(items)) this.data[k] = structuredClone(v);
  }
}

export class FakeAction implements ActionLike {
  text = new Map<number, string>();
  color = new Map<number, string>();
  title = new Map<number, string>();
  calls = 0;

  async setBadgeText({ tabId, text }: { tabId: number; text: string }): Promise<void> {
    this.calls += 1;
    this.text.set(tabId, text);
  }

  async setBadgeBackgroundColor({ tabId, color }: { tabId: number; color: string }): Promise<void> {
    this.calls += 1;
    this.color.set(tabId, color);
  }

  async setTitle({ tabId, title }: { tabId: number; title: string }): Promise<void> {
    this.calls += 1;
    this.title.set(tabId, title);
  }
}

export class FakePort implements PortLike {
  posted: unknown[] = [];
  disconnected = false;
  private messageListeners: Array<(message: unknown) => void> = [];
  private disconnectListeners: Array<() => void> = [];

  constructor(
    readonly name: string,
    readonly sender: SenderLike | undefined,
  ) {}

  postMessage(message: unknown): void {
    if (this.disconnected) throw new Error('Attempting to use a disconnected port object');
    this.posted.push(message);
  }

  disconnect(): void {
    this.disconnected = true;
  }

  onMessage = { addListener: (listener: (message: unknown) => void) => void this.messageListeners.push(listener) };
  onDisconnect = { addListener: (listener: () => void) => void this.disconnectListeners.push(listener) };

  /** The content script sends a message. */
  emit(message: unknown): void {
    for (const listener of this.messageListeners) listener(message);
  }

  /** The content script goes away (navigation, tab close). */
  close(): void {
    this.disconnected = true;
    for (const listener of this.disconnectListeners) listener();
  }
}

export const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
export const EXTENSION_ORIGIN = `chrome-extension://${EXTENSION_ID}`;

export const krakenTab = (tabId = 7): SenderLike => ({
  id: EXTENSION_ID,
  tab: { id: tabId },
  frameId: 0,
  origin: 'https://pro.kraken.com',
  url: 'https://pro.kraken.com/app/trade/btc-usd',
});
export const binanceTab = (tabId = 8): SenderLike => ({
  id: EXTENSION_ID,
  tab: { id: tabId },
  frameId: 0,
  origin: 'https://www.binance.com',
  url: 'https://www.binance.com/en/futures/BTCUSDT',
});

export function recordingLog(): Log & { warnings: string[] } {
  const warnings: string[] = [];
  return {
    warnings,
    warn: (...args: unknown[]) => void warnings.push(args.map(String).join(' ')),
    info: () => undefined,
  };
}

/** A saved API response from a venue's fixtures/api/ folder. */
export function fixture(folder: string, name: string): unknown {
  return JSON.parse(readFileSync(new URL(`../../src/venues/${folder}/fixtures/api/${name}`, import.meta.url), 'utf8'));
}
