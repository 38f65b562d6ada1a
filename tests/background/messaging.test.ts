// Who may talk to the background, what it accepts, and how quotes flow back over ports; plus
// the cache surviving a worker restart. Runs the whole background (createBackground) over fakes;
// every message it posts must pass the content script's own validator.
import { beforeEach, describe, expect, it } from 'vitest';
import { createBackground, type Background } from '../../src/background/app';
import { CACHE_KEY } from '../../src/background/cache/snapshot-cache';
import { MAX_ACTIVE_FEEDS } from '../../src/background/feed/hub';
import { classifySender, type SenderLike } from '../../src/background/messaging/classify-sender';
import { SNAPSHOT_MIN_INTERVAL_MS } from '../../src/background/quotes/service';
import { MARKET_PORT, type CurrentOrderAnswer, type QuotesMessage } from '../../src/messaging/messages';
import { parseBgToCs } from '../../src/messaging/validate-bg-to-cs';
import type { OrderForm } from '../../src/venues/types';
import {
  binanceTab,
  EXTENSION_ID,
  EXTENSION_ORIGIN,
  FakeAction,
  FakeClock,
  FakeFetch,
  FakePort,
  FakeStorage,
  fixture,
  jsonResponse,
  krakenTab,
  recordingLog,
  socketFactory,
  T0,
} from './fakes';

describe('classifySender', () => {
  const ok = krakenTab(7);
  it.each<[string, SenderLike | undefined, string | null]>([
    ['our content script on Kraken', ok, null],
    ['our content script on Binance', binanceTab(8), null],
    ['no sender', undefined, 'no sender'],
    ['another extension', { ...ok, id: 'someotherextensionidaaaaaaaaaaaa' }, 'another extension'],
    ['no id', { ...ok, id: undefined }, 'another extension'],
    ['no tab (popup or worker)', { ...ok, tab: undefined }, 'not from a tab'],
    ['a tab without id', { ...ok, tab: {} }, 'not from a tab'],
    ['TAB_ID_NONE', { ...ok, tab: { id: -1 } }, 'not from a tab'],
    ['a child frame', { ...ok, frameId: 2 }, 'not the top frame'],
    ['no frame id', { ...ok, frameId: undefined }, 'not the top frame'],
    [
      'a foreign origin',
      { ...ok, origin: 'https://evil.example', url: 'https://evil.example/app/trade/btc-usd' },
      'not an exchange page',
    ],
    ['a lookalike origin', { ...ok, origin: 'https://pro.kraken.com.evil.example' }, 'not an exchange page'],
    ['http instead of https', { ...ok, origin: 'http://pro.kraken.com' }, 'not an exchange page'],
    [
      'an extension page in a tab',
      {
        ...ok,
        origin: `chrome-extension://${EXTENSION_ID}`,
        url: `chrome-extension://${EXTENSION_ID}/src/ui/options/index.html`,
      },
      'not an exchange page',
    ],
    ['an opaque origin', { ...ok, origin: 'null' }, 'not an exchange page'],
    [
      'origin wins over a spoofable url',
      { ...ok, origin: 'https://evil.example', url: 'https://pro.kraken.com/app/trade/btc-usd' },
      'not an exchange page',
    ],
    ['COMPAT(firefox): url when origin is absent', { ...ok, origin: undefined }, null],
    [
      'COMPAT(firefox): foreign url when origin is absent',
      { ...ok, origin: undefined, url: 'https://evil.example/' },
      'not an exchange page',
    ],
    ['neither origin nor url', { ...ok, origin: undefined, url: undefined }, 'not an exchange page'],
  ])('%s', (_, sender, rejection) => {
    const result = classifySender(sender, EXTENSION_ID);
    if (rejection === null) expect(result.kind).toBe('exchange-content-script');
    else expect(result).toEqual({ kind: 'rejected', reason: rejection });
  });

  it('gives the tab id and the venues of the page', () => {
    expect(classifySender(krakenTab(7), EXTENSION_ID)).toEqual({
      kind: 'exchange-content-script',
      tabId: 7,
      origin: 'https://pro.kraken.com',
      venues: ['kraken-margin'],
    });
  });
});

let clock: FakeClock;
let fetch: FakeFetch;
let sockets: ReturnType<typeof socketFactory>;
let session: FakeStorage;
let log: ReturnType<typeof recordingLog>;
let action: FakeAction;

beforeEach(() => {
  clock = new FakeClock();
  fetch = new FakeFetch()
    .route('/fapi/v1/premiumIndex', (url) =>
      jsonResponse({
        ...(fixture('binance-usdm', 'premium-index.json') as object),
        symbol: url.searchParams.get('symbol'),
      }),
    )
    .route('/fapi/v1/fundingInfo', () => jsonResponse(fixture('binance-usdm', 'funding-info.json')))
    .route('/fapi/v1/exchangeInfo', () => jsonResponse(fixture('binance-usdm', 'exchange-info.json')))
    .route('/bapi/futures/v1/friendly/future/common/brackets', () =>
      jsonResponse(fixture('binance-usdm', 'brackets.json')),
    );
  sockets = socketFactory();
  session = new FakeStorage();
  log = recordingLog();
  action = new FakeAction();
});

async function boot(): Promise<Background> {
  const app = createBackground({
    extensionId: EXTENSION_ID,
    extensionOrigin: EXTENSION_ORIGIN,
    clock,
    fetch: fetch.fn,
    sockets: sockets.Socket,
    random: () => 0.5,
    log,
    cacheArea: session,
    syncArea: new FakeStorage(),
    action,
  });
  await app.ready;
  return app;
}

function connect(app: Background, sender: SenderLike | undefined = binanceTab(8), name = MARKET_PORT): FakePort {
  const port = new FakePort(name, sender);
  app.onConnect(port);
  return port;
}

/** Every message posted to the port, through the content script's validator (null would fail the test). */
const quotes = (port: FakePort): QuotesMessage[] =>
  port.posted.map((m) => {
    const parsed = parseBgToCs(m);
    if (parsed === null) throw new Error(`the content script would drop ${JSON.stringify(m).slice(0, 200)}`);
    return parsed;
  });
const orderForm = (symbol = 'BTCUSDT', over: Partial<OrderForm> = {}): OrderForm => ({
  venue: 'binance-usdm',
  symbol,
  side: 'both',
  type: 'limit',
  marginMode: 'isolated',
  price: '11800',
  size: { unit: 'base', value: '0.1' },
  leverage: '10',
  marginEnabled: true,
  stopLoss: null,
  takeProfit: null,
  availableBalance: null,
  ...over,
});
let seq = 0;
const watch = (symbol = 'BTCUSDT', form: OrderForm | null = orderForm(symbol)) => ({
  type: 'cs→bg:form-changed',
  seq: ++seq,
  venue: 'binance-usdm',
  symbol,
  form,
});
const markUpdate = (p: string) => ({ ...(fixture('binance-usdm', 'mark-price-stream.json') as object), p });

describe('market port', () => {
  it('disconnects rejected senders and unknown port names, and logs them', async () => {
    const app = await boot();
    const foreign = connect(app, { ...binanceTab(), origin: 'https://evil.example' });
    const frame = connect(app, { ...binanceTab(), frameId: 2 });
    const wrongName = connect(app, binanceTab(), 'something-else');
    for (const port of [foreign, frame, wrongName]) expect(port.disconnected).toBe(true);
    expect(log.warnings).toHaveLength(3);
    foreign.emit(watch());
    await clock.advance(0);
    expect(foreign.posted).toEqual([]);
    expect(fetch.calls).toEqual([]);
  });

  it('drops messages whose envelope is invalid, without echoing them', async () => {
    const app = await boot();
    const port = connect(app);
    const payloads = [
      { ...watch(), url: 'https://evil.example/' },
      { type: 'cs→bg:fetch', url: 'https://evil.example/' },
      { ...watch(), symbol: '<img src=x onerror=alert(1)>', form: null },
      // The retired message: gone from the protocol, dropped like anything unknown.
      { type: 'cs→bg:watch-market', venue: 'binance-usdm', symbol: 'BTCUSDT' },
      { ...watch(), seq: -1 },
      { ...watch(), seq: 1.5 },
      { ...watch(), seq: '3' },
      { ...watch(), venue: 'evil-exchange' },
      'cs→bg:form-changed',
      null,
      // Valid shape, but the Binance page asks about Kraken.
      { type: 'cs→bg:form-changed', seq: 1, venue: 'kraken-margin', symbol: 'BTC/USD', form: null },
    ];
    for (const payload of payloads) port.emit(payload);
    await clock.advance(0);
    expect(port.posted).toEqual([]);
    expect(port.disconnected).toBe(false);
    expect(fetch.calls).toEqual([]);
    expect(log.warnings).toHaveLength(payloads.length);
    for (const warning of log.warnings) expect(warning).not.toMatch(/evil|onerror|BTCUSDT|BTC\/USD/);
  });

  it('answers a message whose envelope is good but whose form is refused: by seq, no sides, the refusal; logs name only the field', async () => {
    const app = await boot();
    const port = connect(app);
    const form = orderForm();
    const refused: Array<[unknown, string]> = [
      [{ ...form, leverage: 'NaN' }, 'leverage'],
      [{ ...form, size: { unit: 'base', value: 1 } }, 'size.value'],
      [{ ...form, price: '+65000<img src=x onerror=alert(1)>' }, 'price'],
      [{ ...form, availableBalance: '-5' }, 'availableBalance'],
      // Binance futures pages show no account panel the reader reads: any account is not from our reader.
      [
        {
          ...form,
          marginMode: 'cross',
          account: {
            walletBalance: '5000',
            positions: [
              {
                symbol: 'ETHUSDT',
                side: 'short',
                quantity: 'evil',
                entryPrice: '1',
                markPrice: '1',
                maintenanceMargin: null,
              },
            ],
          },
        },
        'account',
      ],
      [{ ...form, symbol: 'ETHUSDT' }, 'symbol'], // the form is for another market than the message
      [{ ...form, venue: 'bybit-linear' }, 'venue'],
      ['a form', 'form'],
    ];
    const sent = refused.map(([f]) => watch('BTCUSDT', f as OrderForm));
    for (const message of sent) port.emit(message);
    await clock.advance(0);
    const answers = quotes(port);
    expect(answers.map((m) => m.seq)).toEqual(sent.map((m) => m.seq));
    expect(answers.map((m) => m.refusal?.field)).toEqual(refused.map(([, field]) => field));
    for (const answer of answers) {
      expect(answer).toMatchObject({
        venue: 'binance-usdm',
        symbol: 'BTCUSDT',
        sides: [],
        refusal: { code: 'FORM_INVALID' },
      });
      expect(answer.refusal!.text).not.toMatch(/evil|onerror|NaN|\+65000/);
    }
    expect(log.warnings).toHaveLength(refused.length);
    for (const warning of log.warnings) expect(warning).not.toMatch(/evil|onerror|NaN|ETHUSDT|BTCUSDT|bybit/);
    // The market is followed as for any form: the mark comes with the refusal.
    await clock.advance(SNAPSHOT_MIN_INTERVAL_MS);
    expect(quotes(port).at(-1)).toMatchObject({
      seq: sent.at(-1)!.seq,
      status: 'live',
      mark: { value: '11793.63104562' },
      sides: [],
      refusal: { field: 'form' },
    });
  });

  it('a zero balance the page shows is a form like any other: answered with figures, not refused', async () => {
    const app = await boot();
    const port = connect(app);
    port.emit(watch('BTCUSDT', orderForm('BTCUSDT', { side: 'long', marginMode: 'cross', availableBalance: '0' })));
    await clock.advance(SNAPSHOT_MIN_INTERVAL_MS);
    const [zero] = quotes(port);
    expect(zero).toMatchObject({ seq, refusal: null });
    expect(zero!.sides).toHaveLength(1);
  });

  it('answers a form at once with quotes (seq echoed), then re-quotes on market change at most every 250 ms', async () => {
    const app = await boot();
    const port = connect(app);
    const sent = watch();
    port.emit(sent);
    await clock.advance(0);
    const first = quotes(port)[0]!;
    expect(first).toMatchObject({
      type: 'bg→cs:quotes',
      seq: sent.seq,
      venue: 'binance-usdm',
      symbol: 'BTCUSDT',
      status: 'connecting',
      mark: null,
    });
    expect(first.sides.map((q) => q.side)).toEqual(['long', 'short']);
    expect(first.sides[0]!.plan.markState).toBe('missing');
    await clock.advance(SNAPSHOT_MIN_INTERVAL_MS);
    const live = quotes(port).at(-1)!;
    expect(live).toMatchObject({ seq: sent.seq, status: 'live', mark: { value: '11793.63104562' } });
    expect(live.sides[0]!.plan.markState).toBe('live');
    const socket = sockets.made[0]!;
    socket.open();
    await clock.advance(SNAPSHOT_MIN_INTERVAL_MS);
    const before = port.posted.length;
    for (let i = 0; i < 10; i += 1) socket.receive(markUpdate(`1180${i}`));
    await clock.advance(0);
    expect(port.posted.length).toBe(before + 1);
    await clock.advance(SNAPSHOT_MIN_INTERVAL_MS);
    expect(port.posted.length).toBe(before + 2);
    expect(quotes(port).at(-1)!.mark!.value).toBe('11809');
    // A new form is answered at once, whatever the throttle.
    const next = watch('BTCUSDT', orderForm('BTCUSDT', { leverage: '20' }));
    port.emit(next);
    await clock.advance(0);
    expect(quotes(port).at(-1)!.seq).toBe(next.seq);
    expect(port.posted.length).toBe(before + 3);
  });

  it('an unreadable form (null) gets an answer without sides; so does a spot order', async () => {
    const app = await boot();
    const port = connect(app);
    port.emit(watch('BTCUSDT', null));
    port.emit(watch('BTCUSDT', orderForm('BTCUSDT', { marginEnabled: false })));
    await clock.advance(SNAPSHOT_MIN_INTERVAL_MS);
    expect(quotes(port).map((m) => m.seq)).toEqual([seq - 1, seq, seq]); // two answers, then the REST data arrived
    expect(quotes(port).map((m) => m.sides)).toEqual([[], [], []]);
  });

  it('shares one feed per market across tabs and stops it when the last watcher leaves', async () => {
    const app = await boot();
    const a = connect(app, binanceTab(1));
    const b = connect(app, binanceTab(2));
    a.emit(watch());
    b.emit(watch());
    await clock.advance(0);
    expect(sockets.made).toHaveLength(1);
    const socket = sockets.made[0]!;
    socket.open();
    expect(app.hub.activeMarkets()).toEqual(['binance-usdm BTCUSDT']);
    // Tab A switches market: a second feed on the same socket; the first stays for tab B.
    a.emit(watch('ETHUSDT'));
    await clock.advance(0);
    expect(app.hub.activeMarkets().sort()).toEqual(['binance-usdm BTCUSDT', 'binance-usdm ETHUSDT']);
    expect(sockets.made).toHaveLength(1);
    b.close();
    expect(socket.closed).toBe(false);
    expect(socket.sent.map((m) => JSON.parse(m) as { method: string; params: string[] })).toEqual([
      { method: 'SUBSCRIBE', params: ['btcusdt@markPrice@1s'], id: 1 },
      { method: 'SUBSCRIBE', params: ['ethusdt@markPrice@1s'], id: 2 },
      { method: 'UNSUBSCRIBE', params: ['btcusdt@markPrice@1s'], id: 3 },
    ]);
    expect(app.hub.activeMarkets()).toEqual(['binance-usdm ETHUSDT']);
    a.close();
    expect(app.hub.activeMarkets()).toEqual([]);
    expect(sockets.made.every((s) => s.closed)).toBe(true);
  });

  it('answers a symbol its venue feed does not know with an unavailable snapshot and caps the number of feeds', async () => {
    const app = await boot();
    const port = connect(app);
    port.emit({ type: 'cs→bg:form-changed', seq: 1, venue: 'binance-usdm', symbol: 'BTCUSDT_250328', form: null });
    await clock.advance(0);
    expect(quotes(port)[0]).toMatchObject({ status: 'unavailable', mark: null });
    expect(app.hub.activeMarkets()).toEqual([]);
    const ports = Array.from({ length: MAX_ACTIVE_FEEDS + 1 }, (_, i) => connect(app, binanceTab(100 + i)));
    ports.forEach((p, i) => p.emit(watch(`COIN${i}USDT`)));
    await clock.advance(0);
    expect(app.hub.activeMarkets()).toHaveLength(MAX_ACTIVE_FEEDS);
    expect(quotes(ports.at(-1)!)[0]!.lastError).toMatch(/Too many markets/);
  });
});

describe('worker restart', () => {
  it('restores the cached snapshot with its original receivedAt and restarts the feed on reconnect', async () => {
    const first = await boot();
    const port = connect(first);
    port.emit(watch());
    await clock.advance(0);
    sockets.made[0]!.open();
    sockets.made[0]!.receive(markUpdate('12000'));
    const receivedAt = clock.now();
    await clock.advance(3_000);
    expect(session.data[CACHE_KEY]).toBeDefined();

    // The worker is stopped: its timers and sockets die with it. A new one starts over the same storage.
    clock = new FakeClock();
    clock.time = T0 + 60_000;
    fetch.routes.set('/fapi/v1/premiumIndex', () => new Promise(() => undefined));
    const second = await boot();
    const again = connect(second);
    again.emit(watch());
    await clock.advance(0);
    const restored = quotes(again)[0]!;
    expect(restored.status).toBe('connecting');
    expect(restored.mark).toEqual({ value: '12000', receivedAt });
    // 60 s later that mark is stale: the quotes say so rather than use it.
    expect(restored.sides[0]!.plan).toMatchObject({
      markState: 'stale',
      staleFigures: expect.arrayContaining(['markPrice']),
    });
    expect(sockets.made).toHaveLength(2);
  });

  it('ignores a corrupt cache', async () => {
    session.data[CACHE_KEY] = {
      version: 1,
      snapshots: [{ venue: 'binance-usdm', symbol: 'BTCUSDT', figures: { markPrice: { value: 'NaN' } } }, 'junk'],
    };
    const app = await boot();
    expect(app.cache.get('binance-usdm BTCUSDT')).toBeNull();
  });
});

describe('popup: current order of a tab', () => {
  const popup: SenderLike = {
    id: EXTENSION_ID,
    url: `${EXTENSION_ORIGIN}/src/ui/popup/index.html`,
    origin: EXTENSION_ORIGIN,
  };

  it('classifies our own pages, and only them', () => {
    expect(classifySender(popup, EXTENSION_ID, EXTENSION_ORIGIN)).toEqual({ kind: 'extension-page' });
    expect(classifySender(popup, EXTENSION_ID).kind).toBe('rejected'); // the port handler never passes the origin
    expect(classifySender({ ...popup, id: 'other' }, EXTENSION_ID, EXTENSION_ORIGIN).kind).toBe('rejected');
    expect(
      classifySender(
        { ...popup, origin: 'chrome-extension://someoneelse', url: 'chrome-extension://someoneelse/x.html' },
        EXTENSION_ID,
        EXTENSION_ORIGIN,
      ).kind,
    ).toBe('rejected');
    expect(classifySender({ ...popup, tab: { id: 3 }, frameId: 0 }, EXTENSION_ID, EXTENSION_ORIGIN).kind).toBe(
      'extension-page',
    ); // the popup opened in a tab
    expect(classifySender({ ...binanceTab(3) }, EXTENSION_ID, EXTENSION_ORIGIN).kind).toBe('exchange-content-script');
  });

  it('answers with the form, market and the very quotes the tab’s overlay got; null for a tab without one', async () => {
    const app = await boot();
    const port = connect(app, binanceTab(8));
    port.emit(watch());
    await clock.advance(0);
    await clock.advance(SNAPSHOT_MIN_INTERVAL_MS); // the port has the quotes of the latest market data
    const answer = (await app.onMessage({ type: 'popup→bg:current-order', tabId: 8 }, popup)) as CurrentOrderAnswer;
    expect(answer.order).toMatchObject({ venue: 'binance-usdm', symbol: 'BTCUSDT', form: orderForm('BTCUSDT') });
    expect(answer.order!.sides).toEqual(quotes(port).at(-1)!.sides);
    expect(
      ((await app.onMessage({ type: 'popup→bg:current-order', tabId: 9 }, popup)) as CurrentOrderAnswer).order,
    ).toBeNull();
  });

  it('never answers with a refused form: not one that failed the schema, not one whose price does not fit the market', async () => {
    const app = await boot();
    const port = connect(app, binanceTab(8));
    port.emit(watch());
    await clock.advance(SNAPSHOT_MIN_INTERVAL_MS);
    const ask = async () =>
      ((await app.onMessage({ type: 'popup→bg:current-order', tabId: 8 }, popup)) as CurrentOrderAnswer).order;
    expect(await ask()).not.toBeNull();
    port.emit(watch('BTCUSDT', { ...orderForm(), leverage: '0' } as OrderForm));
    await clock.advance(0);
    expect(quotes(port).at(-1)!.refusal).toMatchObject({ code: 'FORM_INVALID' });
    expect(await ask()).toBeNull();
    port.emit(watch('BTCUSDT', orderForm('BTCUSDT', { price: '11.8' }))); // the mark is 11,793.63
    await clock.advance(0);
    expect(quotes(port).at(-1)!.refusal).toMatchObject({ code: 'IMPLAUSIBLE', field: 'price' });
    expect(await ask()).toBeNull();
    port.emit(watch());
    await clock.advance(0);
    expect((await ask())!.form).toEqual(orderForm());
  });

  it('ignores other messages and refuses requests from content scripts or other extensions', async () => {
    const app = await boot();
    expect(app.onMessage({ type: 'popup→bg:current-order', tabId: 8 }, binanceTab(8))).toBeUndefined();
    expect(app.onMessage({ type: 'popup→bg:current-order', tabId: 8 }, { ...popup, id: 'x' })).toBeUndefined();
    expect(app.onMessage({ type: 'popup→bg:current-order', tabId: '8' }, popup)).toBeUndefined();
    expect(app.onMessage({ type: 'popup→bg:current-order', tabId: 8, extra: 1 }, popup)).toBeUndefined();
    expect(app.onMessage({ type: 'something-else' }, popup)).toBeUndefined();
  });
});
