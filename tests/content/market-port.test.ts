// The port to the background: send, validate every message, reconnect with backoff after the
// service worker goes away (asking the session to send its form again), stop for good when the
// extension context is invalidated.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openMarketPort, RECONNECT_MAX_MS } from '../../src/content/market-port';
import { MARKET_PORT, type CsToBg } from '../../src/messaging/messages';
import { quotesFor } from './fake-background';
import { FakeExt } from './fake-ext';
import { binanceForm, NOW, settings, snapshot } from './fixtures';

const formMsg = (seq = 1): CsToBg => ({
  type: 'cs→bg:form-changed',
  seq,
  venue: 'binance-usdm',
  symbol: 'BTCUSDT',
  form: binanceForm(),
});
const quotes = (seq = 1) =>
  quotesFor(seq, 'binance-usdm', 'BTCUSDT', binanceForm(), {
    snapshot: snapshot('65000'),
    settings: settings(),
    now: () => NOW,
  });

describe('openMarketPort', () => {
  let ext: FakeExt;
  let life: AbortController;
  const onQuotes = vi.fn();
  const onInvalidated = vi.fn();
  const onConnected = vi.fn();

  beforeEach(() => {
    vi.useFakeTimers();
    ext = new FakeExt();
    life = new AbortController();
    onQuotes.mockClear();
    onInvalidated.mockClear();
    onConnected.mockReset();
    vi.spyOn(console, 'debug').mockImplementation(() => undefined);
  });
  afterEach(() => {
    life.abort();
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  const open = () => openMarketPort({ ext, signal: life.signal, onQuotes, onInvalidated, onConnected });

  it('connects by name and sends what it is given', () => {
    const port = open();
    expect(ext.ports).toHaveLength(1);
    expect(ext.port.name).toBe(MARKET_PORT);
    expect(onConnected).toHaveBeenCalledTimes(1);
    expect(port.send(formMsg())).toBe(true);
    expect(ext.port.sent).toEqual([formMsg()]);
  });

  it('passes valid quotes messages on, drops anything else', () => {
    open();
    const good = quotes();
    ext.port.onMessage.emit(good);
    ext.port.onMessage.emit({ ...good, mark: { value: '1e999', receivedAt: 1 } });
    ext.port.onMessage.emit({ type: 'bg→cs:market-snapshot', snapshot: snapshot('65000') });
    ext.port.onMessage.emit({ type: 'bg→cs:evil', url: 'https://evil.example' });
    ext.port.onMessage.emit('hello');
    expect(onQuotes).toHaveBeenCalledTimes(1);
    expect(onQuotes).toHaveBeenCalledWith(good);
  });

  it('reconnects with backoff 250 ms doubling to 5 s and asks for the form again each time', () => {
    const ref: { port?: ReturnType<typeof open> } = {};
    onConnected.mockImplementation(() => ref.port?.send(formMsg()));
    ref.port = open();
    const delays: number[] = [];
    for (let i = 0; i < 7; i++) {
      const before = ext.ports.length;
      ext.port.drop();
      let waited = 0;
      while (ext.ports.length === before) {
        vi.advanceTimersByTime(50);
        waited += 50;
      }
      delays.push(waited);
      expect(ext.port.sent).toEqual([formMsg()]);
    }
    expect(delays).toEqual([250, 500, 1000, 2000, 4000, RECONNECT_MAX_MS, RECONNECT_MAX_MS]);
    expect(onConnected).toHaveBeenCalledTimes(8);
    expect(onInvalidated).not.toHaveBeenCalled();
  });

  it('data flowing again resets the backoff', () => {
    open();
    ext.port.drop();
    vi.advanceTimersByTime(250);
    ext.port.drop();
    vi.advanceTimersByTime(500);
    ext.port.onMessage.emit(quotes());
    const count = ext.ports.length;
    ext.port.drop();
    vi.advanceTimersByTime(250);
    expect(ext.ports.length).toBe(count + 1);
  });

  it('a send on a dead port counts as a disconnect; nothing is sent while reconnecting', () => {
    const port = open();
    ext.port.closed = true;
    expect(port.send(formMsg(1))).toBe(false);
    expect(port.send(formMsg(2))).toBe(false);
    vi.advanceTimersByTime(250);
    expect(ext.ports).toHaveLength(2);
    expect(port.send(formMsg(3))).toBe(true);
    expect(ext.port.sent).toEqual([formMsg(3)]);
  });

  it('extension context invalidated: no reconnect, the caller is told', () => {
    open();
    ext.id = undefined;
    ext.port.drop();
    vi.advanceTimersByTime(10_000);
    expect(ext.ports).toHaveLength(1);
    expect(onInvalidated).toHaveBeenCalledTimes(1);
  });

  it('connect throwing while the context is gone is invalidation too', () => {
    ext.connectThrows = true;
    ext.id = undefined;
    open();
    expect(onInvalidated).toHaveBeenCalledTimes(1);
  });

  it('abort disconnects, removes listeners and cancels a pending reconnect', () => {
    open();
    const first = ext.port;
    first.drop();
    life.abort();
    vi.advanceTimersByTime(10_000);
    expect(ext.ports).toHaveLength(1);
    expect(first.onMessage.listeners.size).toBe(0);
    expect(first.onDisconnect.listeners.size).toBe(0);

    const life2 = new AbortController();
    openMarketPort({ ext, signal: life2.signal, onQuotes, onInvalidated });
    const second = ext.port;
    life2.abort();
    expect(second.closed).toBe(true);
    expect(second.onMessage.listeners.size).toBe(0);
  });
});
