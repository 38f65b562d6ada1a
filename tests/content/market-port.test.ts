// The market port: watch, validate every message, reconnect with backoff after the service
// worker goes away, stop for good when the extension context is invalidated.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openMarketPort, RECONNECT_MAX_MS } from '../../src/content/market-port';
import { MARKET_PORT } from '../../src/messaging/messages';
import { FakeExt } from './fake-ext';
import { snapshot } from './fixtures';

const watchMsg = { type: 'cs→bg:watch-market', venue: 'binance-usdm', symbol: 'BTCUSDT' };

describe('openMarketPort', () => {
  let ext: FakeExt;
  let life: AbortController;
  const onSnapshot = vi.fn();
  const onInvalidated = vi.fn();
  const onConnected = vi.fn();

  beforeEach(() => {
    vi.useFakeTimers();
    ext = new FakeExt();
    life = new AbortController();
    onSnapshot.mockClear();
    onInvalidated.mockClear();
    onConnected.mockClear();
    vi.spyOn(console, 'debug').mockImplementation(() => undefined);
  });
  afterEach(() => {
    life.abort();
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  const open = () => openMarketPort({ ext, signal: life.signal, onSnapshot, onInvalidated, onConnected });

  it('connects by name and sends watch once per symbol', () => {
    const port = open();
    expect(ext.ports).toHaveLength(1);
    expect(ext.port.name).toBe(MARKET_PORT);
    expect(onConnected).toHaveBeenCalledTimes(1);
    port.watch('binance-usdm', 'BTCUSDT');
    port.watch('binance-usdm', 'BTCUSDT');
    expect(ext.port.sent).toEqual([watchMsg]);
    port.watch('binance-usdm', 'ETHUSDT');
    expect(ext.port.sent).toHaveLength(2);
  });

  it('passes valid snapshots of the watched symbol only, drops anything else', () => {
    const port = open();
    port.watch('binance-usdm', 'BTCUSDT');
    const good = snapshot('65000');
    ext.port.onMessage.emit({ type: 'bg→cs:market-snapshot', snapshot: good });
    ext.port.onMessage.emit({ type: 'bg→cs:market-snapshot', snapshot: { ...good, symbol: 'ETHUSDT' } });
    ext.port.onMessage.emit({ type: 'bg→cs:market-snapshot', snapshot: { ...good, figures: { markPrice: { value: '1e999', receivedAt: 1, exchangeTime: null, source: 'rest' } } } });
    ext.port.onMessage.emit({ type: 'bg→cs:evil', url: 'https://evil.example' });
    ext.port.onMessage.emit('hello');
    expect(onSnapshot).toHaveBeenCalledTimes(1);
    expect(onSnapshot).toHaveBeenCalledWith(good);
  });

  it('reconnects with backoff 250 ms doubling to 5 s and re-sends watch', () => {
    const port = open();
    port.watch('binance-usdm', 'BTCUSDT');
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
      expect(ext.port.sent).toEqual([watchMsg]);
    }
    expect(delays).toEqual([250, 500, 1000, 2000, 4000, RECONNECT_MAX_MS, RECONNECT_MAX_MS]);
    expect(onConnected).toHaveBeenCalledTimes(8);
    expect(onInvalidated).not.toHaveBeenCalled();
  });

  it('data flowing again resets the backoff', () => {
    const port = open();
    port.watch('binance-usdm', 'BTCUSDT');
    ext.port.drop();
    vi.advanceTimersByTime(250);
    ext.port.drop();
    vi.advanceTimersByTime(500);
    ext.port.onMessage.emit({ type: 'bg→cs:market-snapshot', snapshot: snapshot('65000') });
    const count = ext.ports.length;
    ext.port.drop();
    vi.advanceTimersByTime(250);
    expect(ext.ports.length).toBe(count + 1);
  });

  it('a send on a dead port counts as a disconnect', () => {
    const port = open();
    ext.port.closed = true;
    port.watch('binance-usdm', 'BTCUSDT');
    vi.advanceTimersByTime(250);
    expect(ext.ports).toHaveLength(2);
    expect(ext.port.sent).toEqual([watchMsg]);
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
    openMarketPort({ ext, signal: life2.signal, onSnapshot, onInvalidated });
    const second = ext.port;
    life2.abort();
    expect(second.closed).toBe(true);
    expect(second.onMessage.listeners.size).toBe(0);
  });
});
