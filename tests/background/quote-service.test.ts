// The quote service: one computation per port and change (form, snapshot, a figure crossing its
// age, settings), the form's seq echoed, and the very same result handed to the badge.
import { beforeEach, describe, expect, it } from 'vitest';
import type { BadgeInput } from '../../src/background/badge/controller';
import type { FeedHub, SnapshotListener } from '../../src/background/feed/hub';
import { quoteSides, type SideQuote } from '../../src/venues/quote-sides';
import {
  MARK_REFRESH_MS,
  QuoteService,
  SNAPSHOT_MIN_INTERVAL_MS,
  STALENESS_TICK_MS,
  type FormChanged,
} from '../../src/background/quotes/service';
import type { QuotesMessage } from '../../src/messaging/messages';
import { parseBgToCs } from '../../src/messaging/validate-bg-to-cs';
import { DEFAULT_SETTINGS, type Settings } from '../../src/settings/settings';
import { MAX_AGE_MS, type MarketSnapshot, type OrderForm } from '../../src/venues/types';
import { FakeClock, recordingLog, T0 } from './fakes';

const form = (over: Partial<OrderForm> = {}): OrderForm => ({
  venue: 'binance-usdm',
  symbol: 'BTCUSDT',
  side: 'long',
  type: 'market',
  marginMode: 'isolated',
  price: null,
  size: { unit: 'base', value: '1' },
  leverage: '20',
  marginEnabled: true,
  stopLoss: null,
  takeProfit: null,
  availableBalance: null,
  ...over,
});
const market = (mark: string, receivedAt: number, symbol = 'BTCUSDT'): MarketSnapshot => ({
  venue: 'binance-usdm',
  symbol,
  status: 'live',
  lastError: null,
  figures: { markPrice: { value: mark, receivedAt, exchangeTime: null, source: 'stream' } },
});

/** A hub with one settable snapshot per market and the listeners the service registered. */
class FakeHub implements Pick<FeedHub, 'subscribe'> {
  readonly listeners = new Map<string, Set<SnapshotListener>>();
  readonly snapshots = new Map<string, MarketSnapshot>();
  subscribe(venue: string, symbol: string, listener: SnapshotListener) {
    const key = `${venue} ${symbol}`;
    const set = this.listeners.get(key) ?? new Set();
    set.add(listener);
    this.listeners.set(key, set);
    return { snapshot: this.snapshots.get(key) ?? market('20000', T0), unsubscribe: () => void set.delete(listener) };
  }
  push(snapshot: MarketSnapshot): void {
    const key = `${snapshot.venue} ${snapshot.symbol}`;
    this.snapshots.set(key, snapshot);
    for (const listener of this.listeners.get(key) ?? []) listener(snapshot);
  }
}

describe('QuoteService', () => {
  let clock: FakeClock;
  let hub: FakeHub;
  let settings: Settings;
  let computed: SideQuote[][];
  let badge: {
    shown: Array<{ tabId: number; input: BadgeInput }>;
    cleared: number[];
    show(tabId: number, input: BadgeInput): void;
    clear(tabId: number): void;
  };
  let service: QuoteService;
  let posted: unknown[];
  let seq: number;

  beforeEach(() => {
    clock = new FakeClock();
    hub = new FakeHub();
    settings = DEFAULT_SETTINGS;
    computed = [];
    badge = {
      shown: [],
      cleared: [],
      show(tabId, input) {
        this.shown.push({ tabId, input });
      },
      clear(tabId) {
        this.cleared.push(tabId);
      },
    };
    service = new QuoteService({
      hub: hub as unknown as FeedHub,
      badge,
      settings: () => settings,
      clock,
      log: recordingLog(),
      compute: (...args) => {
        const result = quoteSides(...args);
        computed.push(result);
        return result;
      },
    });
    posted = [];
    seq = 0;
  });

  const messages = (): QuotesMessage[] => posted.map((m) => parseBgToCs(m)!);
  const send = (
    port: ReturnType<QuoteService['connect']>,
    f: OrderForm | null = form(),
    symbol = 'BTCUSDT',
  ): FormChanged => {
    const message: FormChanged = { type: 'cs→bg:form-changed', seq: ++seq, venue: 'binance-usdm', symbol, form: f };
    port.formChanged(message);
    return message;
  };

  it('answers each form at once with its seq, computed once, and the badge gets that same result', () => {
    const port = service.connect(8, (m) => posted.push(m));
    send(port);
    send(port, form({ leverage: '10' }));
    expect(messages().map((m) => m.seq)).toEqual([1, 2]);
    expect(computed).toHaveLength(2);
    // Same objects: the port's results and the badge's quotes are one computation.
    expect((posted[1] as QuotesMessage).sides[0]!.result).toBe(computed[1]![0]!.result);
    expect(badge.shown.map((b) => b.input.sides)).toEqual([computed[0], computed[1]]);
    expect(badge.shown[1]!.input.sides).toBe(computed[1]);
    expect(badge.shown[1]!.tabId).toBe(8);
  });

  it('quotes again when the snapshot changes, at most every 250 ms, with the latest seq', async () => {
    const port = service.connect(8, (m) => posted.push(m));
    send(port);
    for (const mark of ['20010', '20020', '20030']) hub.push(market(mark, clock.now()));
    expect(posted).toHaveLength(1); // the form's answer counts: the next waits its 250 ms
    await clock.advance(SNAPSHOT_MIN_INTERVAL_MS);
    expect(messages().map((m) => [m.seq, m.mark?.value])).toEqual([
      [1, '20000'],
      [1, '20030'],
    ]);
    expect(computed).toHaveLength(2);
    expect(badge.shown).toHaveLength(2);
  });

  it('a stream beat that changes only the mark’s age is sent at most every 5 s (the badge still hears it)', async () => {
    const port = service.connect(8, (m) => posted.push(m));
    send(port);
    for (let i = 1; i <= 8; i++) {
      hub.push(market('20000', clock.now())); // same price, newer receivedAt
      await clock.advance(SNAPSHOT_MIN_INTERVAL_MS);
    }
    expect(posted).toHaveLength(1);
    expect(badge.shown.length).toBeGreaterThan(1);
    await clock.advance(MARK_REFRESH_MS);
    hub.push(market('20000', clock.now()));
    await clock.advance(SNAPSHOT_MIN_INTERVAL_MS);
    expect(posted).toHaveLength(2);
    expect(messages()[1]!.mark!.receivedAt).toBeGreaterThan(messages()[0]!.mark!.receivedAt);
    hub.push(market('20001', clock.now())); // a new price changes the figures: sent at once
    await clock.advance(SNAPSHOT_MIN_INTERVAL_MS);
    expect(posted).toHaveLength(3);
  });

  it('quotes again when a figure crosses its staleness age, and not on every tick', async () => {
    const port = service.connect(8, (m) => posted.push(m));
    send(port);
    expect(messages()[0]!.sides[0]!.plan.markState).toBe('live');
    await clock.advance(MAX_AGE_MS.markPrice - 2 * STALENESS_TICK_MS);
    expect(posted).toHaveLength(1);
    await clock.advance(3 * STALENESS_TICK_MS);
    expect(posted).toHaveLength(2);
    expect(messages()[1]!.sides[0]!.plan).toMatchObject({ markState: 'stale', priceBasis: 'stale-mark' });
    await clock.advance(10 * STALENESS_TICK_MS);
    expect(posted).toHaveLength(2);
  });

  it('settings changes quote every open port again', () => {
    const a = service.connect(1, (m) => posted.push(m));
    const b = service.connect(2, (m) => posted.push(m));
    send(a, form({ leverage: '5' })); // liquidation about 19 % away
    send(b, form({ leverage: '5' }));
    settings = { ...DEFAULT_SETTINGS, minLiquidationDistance: '0.25' };
    service.settingsChanged();
    expect(messages().map((m) => m.seq)).toEqual([1, 2, 1, 2]);
    const near = (m: QuotesMessage) =>
      m.sides[0]!.result !== null &&
      'warnings' in m.sides[0]!.result &&
      m.sides[0]!.result.warnings.some((w) => w.code === 'LIQUIDATION_NEAR');
    expect(messages().map(near)).toEqual([false, false, true, true]);
  });

  it('follows the form to another market and leaves the old one', () => {
    const port = service.connect(8, (m) => posted.push(m));
    send(port);
    hub.snapshots.set('binance-usdm ETHUSDT', market('3000', T0, 'ETHUSDT'));
    send(port, form({ symbol: 'ETHUSDT' }), 'ETHUSDT');
    expect(hub.listeners.get('binance-usdm BTCUSDT')!.size).toBe(0);
    expect(hub.listeners.get('binance-usdm ETHUSDT')!.size).toBe(1);
    expect(messages().at(-1)).toMatchObject({ symbol: 'ETHUSDT', mark: { value: '3000' } });
  });

  it('an unreadable form: no sides, the badge cleared once', async () => {
    const port = service.connect(8, (m) => posted.push(m));
    send(port);
    send(port, null);
    expect(messages().at(-1)!.sides).toEqual([]);
    expect(badge.cleared).toEqual([8]);
    hub.push(market('20100', clock.now()));
    await clock.advance(SNAPSHOT_MIN_INTERVAL_MS);
    expect(badge.cleared).toEqual([8]);
  });

  it('a refused form is answered by its seq with no sides and the refusal, the badge cleared, nothing computed', async () => {
    const port = service.connect(8, (m) => posted.push(m));
    send(port);
    expect(badge.shown).toHaveLength(1);
    const refusal = {
      code: 'FORM_INVALID' as const,
      field: 'account.positions',
      text: 'The order form could not be read cleanly (account.positions). No figures until it can.',
    };
    port.formRefused({ type: 'cs→bg:form-changed', seq: ++seq, venue: 'binance-usdm', symbol: 'BTCUSDT' }, refusal);
    expect(messages().at(-1)).toMatchObject({ seq: 2, sides: [], refusal, mark: { value: '20000' } });
    expect(computed).toHaveLength(1);
    expect(badge.cleared).toEqual([8]);
    expect(service.currentOrder(8)).toBeNull();
    // The market moves on: still refused, never a badge for the old form.
    hub.push(market('20100', clock.now()));
    await clock.advance(SNAPSHOT_MIN_INTERVAL_MS);
    expect(messages().at(-1)).toMatchObject({ seq: 2, sides: [], refusal, mark: { value: '20100' } });
    expect(badge.shown).toHaveLength(1);
    expect(computed).toHaveLength(1);
    // The next good form has figures again, and no refusal.
    send(port);
    expect(messages().at(-1)).toMatchObject({ seq: 3, refusal: null });
    expect(messages().at(-1)!.sides).toHaveLength(1);
    expect(badge.shown).toHaveLength(2);
    expect(service.currentOrder(8)).not.toBeNull();
  });

  it('a Hyperliquid builder perp (xyz:TSLA) is refused as an unsupported market: never quoted, whatever the hub holds', () => {
    const port = service.connect(8, (m) => posted.push(m));
    const builder = form({ venue: 'hyperliquid', symbol: 'xyz:TSLA', type: 'limit', price: '250' });
    // The fake hub answers every market with a live 20,000 mark: a snapshot must not make it quotable.
    send(port, builder, 'xyz:TSLA');
    expect(messages().at(-1)).toMatchObject({
      seq: 1,
      sides: [],
      refusal: { code: 'UNSUPPORTED_MARKET', field: 'symbol' },
    });
    expect(messages().at(-1)!.refusal!.text).toContain('xyz:TSLA');
    expect(computed).toHaveLength(0);
    expect(badge.cleared).toEqual([8]);
    expect(service.currentOrder(8)).toBeNull();
  });

  it('a limit price 1,000× below the mark is refused as implausible before anything is computed', () => {
    const port = service.connect(8, (m) => posted.push(m));
    send(port, form({ type: 'limit', price: '20000' }));
    expect(service.currentOrder(8)).not.toBeNull(); // computed again for the popup
    expect(computed).toHaveLength(2);
    send(port, form({ type: 'limit', price: '20' }));
    expect(messages().at(-1)).toMatchObject({
      seq: 2,
      sides: [],
      refusal: {
        code: 'IMPLAUSIBLE',
        field: 'price',
        text: 'The price read from the page (20) is 1,000× below the market (20,000): probably misread. No figures until it fits.',
      },
    });
    expect(computed).toHaveLength(2);
    expect(badge.cleared).toEqual([8]);
    expect(service.currentOrder(8)).toBeNull();
  });

  it('a mark that arrives after the form can refuse it then, and a mark it fits brings the figures back', async () => {
    hub.snapshots.set('binance-usdm BTCUSDT', { ...market('20000', T0), figures: {}, status: 'connecting' });
    const port = service.connect(8, (m) => posted.push(m));
    send(port, form({ type: 'limit', price: '20' }));
    // No reference yet: nothing to say against the price, so it is quoted.
    expect(messages()[0]).toMatchObject({ refusal: null, mark: null });
    expect(badge.shown).toHaveLength(1);
    hub.push(market('20000', clock.now()));
    await clock.advance(SNAPSHOT_MIN_INTERVAL_MS);
    expect(messages().at(-1)).toMatchObject({ seq: 1, sides: [], refusal: { code: 'IMPLAUSIBLE', field: 'price' } });
    expect(badge.cleared).toEqual([8]);
    hub.push(market('21', clock.now()));
    await clock.advance(SNAPSHOT_MIN_INTERVAL_MS);
    expect(messages().at(-1)).toMatchObject({ seq: 1, refusal: null });
    expect(messages().at(-1)!.sides).toHaveLength(1);
    expect(badge.shown).toHaveLength(2);
  });

  it('close: no more quotes, no timers, the market left', async () => {
    const port = service.connect(8, (m) => posted.push(m));
    send(port);
    port.close();
    hub.push(market('20100', clock.now()));
    await clock.advance(MAX_AGE_MS.markPrice * 2);
    expect(posted).toHaveLength(1);
    expect(hub.listeners.get('binance-usdm BTCUSDT')!.size).toBe(0);
    expect(clock.pending()).toBe(0);
  });

  it('an engine bug becomes an error result, not a dead port', () => {
    const broken = new QuoteService({
      hub: hub as unknown as FeedHub,
      badge,
      settings: () => settings,
      clock,
      log: recordingLog(),
    });
    const port = broken.connect(8, (m) => posted.push(m));
    send(port, form({ size: { unit: 'base', value: '1e-30' } })); // refused by the engine's input checks
    const result = messages()[0]!.sides[0]!.result;
    expect(result).toHaveProperty('error');
  });
});
