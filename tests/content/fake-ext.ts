// A fake extension API for content-script tests: ports we can feed and drop, storage, and a
// runtime id we can take away ("Extension context invalidated").
import type { ExtApi, PortLike, StorageChanges } from '../../src/content/ext-api';

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
  constructor(readonly name: string) {}
  postMessage(message: unknown): void {
    if (this.closed) throw new Error('Attempting to use a disconnected port object');
    this.sent.push(message);
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

  runtimeId = (): string | undefined => this.id;
  connect = (name: string): PortLike => {
    if (this.connectThrows) throw new Error('Extension context invalidated.');
    const port = new FakePort(name);
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
