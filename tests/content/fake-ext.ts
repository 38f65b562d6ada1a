// A fake extension API for content-script tests: ports we can feed and drop, storage, a runtime
// id we can take away ("Extension context invalidated"), and an optional fake background that
// answers what the content script posts (see fake-background.ts).
import type { ExtApi, PortLike, StorageChanges } from '../../src/content/ext-api';
import type { PageUi } from '../../src/content/page-ui';
import * as overlayModule from '../../src/ui/overlay/page-ui';

type Listener<A extends unknown[]> = (...args: A) => void;

class FakeEvent<A extends unknown[]> {
  readonly listeners = new Set<Listener<A>>();
  addListener = (f: Listener<A>): void => void this.listeners.add(f);
  removeListener = (f: Listener<A>): void => void this.listeners.delete(f);
  emit(...args: A): void {
    for (const f of [...this.listeners]) f(...args);
  }
}

export class FakePort implements PortLike {
  readonly sent: unknown[] = [];
  closed = false;
  readonly onMessage = new FakeEvent<[unknown]>();
  readonly onDisconnect = new FakeEvent<[PortLike]>();
  constructor(
    readonly name: string,
    private readonly backend?: (message: unknown, port: FakePort) => void,
  ) {}
  postMessage(message: unknown): void {
    if (this.closed) throw new Error('Attempting to use a disconnected port object');
    this.sent.push(message);
    this.backend?.(message, this);
  }
  disconnect(): void {
    this.closed = true;
  }
  /** The background went away (service worker stopped). */
  drop(): void {
    this.closed = true;
    this.onDisconnect.emit(this);
  }
}

export class FakeExt implements ExtApi {
  id: string | undefined = 'test-extension';
  readonly ports: FakePort[] = [];
  connectThrows = false;
  sync: Record<string, unknown> = {};
  local: Record<string, unknown> = {};
  readonly onStorageChanged = new FakeEvent<[StorageChanges, string]>();
  /** Called with every message a port posts (the fake background). */
  backend: ((message: unknown, port: FakePort) => void) | undefined;

  runtimeId = (): string | undefined => this.id;
  version = (): string => '1.2.3';
  /** The overlay's module, in at once (a test sets a promise to model the import still loading). */
  ui: PageUi | Promise<PageUi> = overlayModule;
  pageUi = (): PageUi | Promise<PageUi> => this.ui;
  connect = (name: string): PortLike => {
    if (this.connectThrows) throw new Error('Extension context invalidated.');
    const port = new FakePort(name, (message, p) => this.backend?.(message, p));
    this.ports.push(port);
    return port;
  };
  getSync = async (key: string): Promise<unknown> => this.sync[key];
  getLocal = async (key: string): Promise<unknown> => this.local[key];
  setLocal = async (key: string, value: unknown): Promise<void> => {
    this.local[key] = value;
  };
  get port(): FakePort {
    const last = this.ports.at(-1);
    if (!last) throw new Error('no port connected');
    return last;
  }
}
