// Binance spot margin on its fixture page at https://www.binance.com/en/trade/BTC_USDT?type=cross:
// the overlay shows exactly the engine's figures (expected = quoteJson(planQuote(form, side,
// snapshot, settings, now).input, bundledFacts()), the snapshot parsed by the feed's own parsers
// from what the mock serves), follows the account tabs, the borrow behaviour and a pair switch,
// holds a submit once when a limit is crossed, survives API faults and stale data, talks only to
// the allowlisted public endpoints, and never changes the page.
import type { MarketSnapshot } from '../../src/venues/types';
import { GUARD_CODES } from '../../src/ui/overlay/contract';
import { DEFAULT_SETTINGS, SETTINGS_KEY, type Settings } from '../../src/settings/settings';
import { BinanceMarginPage } from '../harness/binance-margin-page';
import { CHROMIUM_OWN_REQUESTS, currentServiceWorker, launchChromium } from '../harness/chromium';
import { expectedFor, expectedView, snapshotFromMock } from '../harness/expected';
import { sameNumber, shownMark, waitForEngineFigures, wrongReadings } from '../harness/figures';
import { readOverlay, waitForOverlay } from '../harness/overlay';
import { expect, test, type Page } from '../harness/test';
import type { FaultKind } from '../mock/faults';
import { ALLOWED_HOSTS, API_HOSTS, isApiUrl, PAGE_HOSTS } from '../mock/hosts';
import type { MockExchange } from '../mock/server';

const VENUE = 'binance-margin';
const SPOT_HOSTS = ['api.binance.com', 'stream.binance.com'];
const P1 = '64210.5';
const P2 = '64987.25';

/** The snapshot the feed builds from the mock now, with the price replaced when given (an older or a newer price). */
function snapshotAt(mock: MockExchange, symbol: string, price?: string, staleMs = 0): MarketSnapshot {
  const snapshot = snapshotFromMock(mock, 'binance-margin', symbol, { staleMs });
  if (price !== undefined) {
    for (const key of ['markPrice', 'lastPrice'] as const) {
      const figure = snapshot.figures[key];
      if (figure) snapshot.figures[key] = { ...figure, value: price };
    }
  }
  return snapshot;
}

/** The overlay's view for what the page object entered, at the mock's current (or a given) price. */
const viewOf =
  (b: BinanceMarginPage, mock: MockExchange, settings: Settings, price?: string, staleMs = 0) =>
  () =>
    expectedView(b.form(), snapshotAt(mock, b.symbol, price, staleMs), settings);

const guardCodes = (quote: ReturnType<typeof expectedFor>['quote']): string[] =>
  quote && !('error' in quote)
    ? quote.warnings
        .map((w) => w.code)
        .filter((c) => (GUARD_CODES as readonly string[]).includes(c))
        .sort()
    : [];

/** The example page with a long limit order typed into the Buy form, live at P1. */
async function liveLong(page: Page, mock: MockExchange, settings: Settings): Promise<BinanceMarginPage> {
  mock.setPrice(VENUE, 'BTCUSDT', P1);
  const b = await new BinanceMarginPage(page).goto();
  await b.order('long', '63,500', '0.4');
  await waitForEngineFigures(page, `live at ${P1}`, viewOf(b, mock, settings, P1), { mark: 'live' });
  return b;
}

test.describe('Binance margin: overlay = engine', () => {
  test("Cross 3x, Borrow, long limit in the Buy form: the page's balance is used", async ({ page, mock }) => {
    mock.setPrice(VENUE, 'BTCUSDT', P1);
    const b = await new BinanceMarginPage(page).goto();
    // The example order as the page opens.
    await waitForEngineFigures(page, 'example order', viewOf(b, mock, DEFAULT_SETTINGS), { mark: 'live' });
    await b.order('long', '64,500.5', '0.45');
    const reading = await waitForEngineFigures(page, 'cross long limit', viewOf(b, mock, DEFAULT_SETTINGS), {
      mark: 'live',
    });
    expect(reading.sides).toEqual(['long']);
    expect(sameNumber(shownMark(reading), P1)).toBe(true);
    expect(reading.text).toContain('read from the page');
    const quote = expectedFor(b.form(), 'long', snapshotAt(mock, 'BTCUSDT'), DEFAULT_SETTINGS).quote;
    expect(quote && !('error' in quote) && quote.liquidationPrice).toBeTruthy();
  });

  test('Cross 5x, short limit in the Sell form (interest on the BTC borrowed)', async ({ page, mock }) => {
    mock.setPrice(VENUE, 'BTCUSDT', P1);
    const b = await new BinanceMarginPage(page).goto();
    await b.setCrossLeverage(5);
    await b.order('short', '65,100', '0.3');
    const reading = await waitForEngineFigures(page, 'cross short limit', viewOf(b, mock, DEFAULT_SETTINGS), {
      mark: 'live',
    });
    expect(reading.sides).toEqual(['short']);
    // The interest is priced with the live cross table's BTC rate (the mock's 0.000144 a day),
    // not the bundled example rate.
    const quote = expectedFor(b.form(), 'short', snapshotAt(mock, 'BTCUSDT'), DEFAULT_SETTINGS).quote;
    const assumptions = quote && !('error' in quote) ? quote.assumptions : [];
    expect(assumptions.find((a) => a.startsWith('hourly borrow rate'))).toMatch(
      /^hourly borrow rate 0\.000006 of the base asset a short borrows, from Binance's public cross-margin rate table/,
    );
  });

  test('Isolated 10x, long market order at the last price; a new price moves it', async ({ page, mock }) => {
    mock.setPrice(VENUE, 'BTCUSDT', P1);
    const b = await new BinanceMarginPage(page).goto('BTC_USDT', 'isolated');
    await b.setType('market');
    await b.typeAmount('long', '0.2');
    await waitForEngineFigures(page, 'isolated market', viewOf(b, mock, DEFAULT_SETTINGS), { mark: 'live' });
    mock.setPrice(VENUE, 'BTCUSDT', P2);
    await waitForEngineFigures(page, 'isolated market after a tick', viewOf(b, mock, DEFAULT_SETTINGS), {
      mark: 'live',
    });
  });

  test('switching the account tab (only ?type= changes): Cross → Isolated → Spot → Cross', async ({ page, mock }) => {
    mock.setPrice(VENUE, 'BTCUSDT', P1);
    const b = await new BinanceMarginPage(page).goto();
    await waitForEngineFigures(page, 'cross', viewOf(b, mock, DEFAULT_SETTINGS), { mark: 'live' });
    await b.setAccount('isolated');
    await page.waitForURL(/\?type=isolated$/);
    await waitForEngineFigures(page, 'isolated after the tab switch', viewOf(b, mock, DEFAULT_SETTINGS), {
      mark: 'live',
    });
    await b.setAccount('spot');
    await waitForOverlay(page, (r) => r.state === 'spot', 'spot state on the Spot tab');
    await b.setAccount('cross');
    await waitForEngineFigures(page, 'cross again', viewOf(b, mock, DEFAULT_SETTINGS), { mark: 'live' });
  });

  test('Normal and Repay borrow nothing: shown as a spot order; Borrow quotes again', async ({ page, mock }) => {
    const b = await new BinanceMarginPage(page).goto();
    await waitForOverlay(page, (r) => r.state === 'ok', 'figures with Borrow');
    for (const borrow of ['none', 'repay'] as const) {
      await b.setBorrow(borrow);
      const reading = await waitForOverlay(page, (r) => r.state === 'spot', `spot state with ${borrow}`);
      expect(reading.figures.filter((f) => f.key === 'liquidationPrice' && f.value !== '')).toEqual([]);
    }
    await b.setBorrow('auto');
    await waitForEngineFigures(page, 'Borrow again', viewOf(b, mock, DEFAULT_SETTINGS), { mark: 'live' });
  });
});

test('pair switch BTC/USDT → ETH/USDT by pushState: the overlay and the feed follow', async ({ page, mock }) => {
  mock.setPrice(VENUE, 'ETHUSDT', '3210.55');
  const b = await new BinanceMarginPage(page).goto();
  await waitForEngineFigures(page, 'BTC/USDT', viewOf(b, mock, DEFAULT_SETTINGS), { mark: 'live' });
  await mock.waitFor('a BTCUSDT stream', () =>
    mock.openStreams().some((s) => s.venue === VENUE && s.symbols.includes('BTCUSDT')),
  );
  const before = mock.log.length;

  await b.switchPair('ETH_USDT');
  await b.order('long', '3,190.25', '1.5');
  const reading = await waitForEngineFigures(page, 'ETH/USDT', viewOf(b, mock, DEFAULT_SETTINGS), { mark: 'live' });
  expect(sameNumber(shownMark(reading), '3210.55')).toBe(true);
  expect(reading.text).toContain('ETHUSDT');

  const after = mock.log.slice(before);
  expect(after.some((e) => e.host === 'api.binance.com' && e.path === '/api/v3/ticker/price?symbol=ETHUSDT')).toBe(
    true,
  );
  await mock.waitFor('an ETHUSDT stream and no BTCUSDT stream', () => {
    const streams = mock.openStreams().filter((s) => s.venue === VENUE);
    return streams.some((s) => s.symbols.includes('ETHUSDT')) && !streams.some((s) => s.symbols.includes('BTCUSDT'));
  });
});

test('guard: leverage above the personal maximum holds the first Buy click once', async ({
  page,
  mock,
  setSettings,
}) => {
  const settings = await setSettings({ maxLeverage: '2' });
  const b = await new BinanceMarginPage(page).goto();
  await b.order('long', '64,000', '0.25');
  const expected = guardCodes(expectedFor(b.form(), 'long', snapshotAt(mock, 'BTCUSDT'), settings).quote);
  expect(expected).toContain('LEVERAGE_ABOVE_PERSONAL_MAX');
  await waitForOverlay(page, (r) => r.state === 'ok' && r.mark === 'live', 'overlay with figures');

  await b.buyButton().click();
  const held = await waitForOverlay(page, (r) => r.guard !== null, 'data-guard after the first click', 5_000);
  expect(held.guard!.split(',').sort()).toEqual(expected);
  expect(await b.submittedOrders()).toEqual([]);

  await b.buyButton().click();
  await expect.poll(() => b.submittedOrders()).toEqual(['Buy BTC cross limit 0.25']);
});

const FAULTS: Array<{ kind: FaultKind; what: string }> = [
  { kind: '500', what: 'HTTP 500' },
  { kind: 'malformed', what: 'malformed JSON' },
];

for (const { kind, what } of FAULTS) {
  test(`REST + stream ${what}: last good figures, then recovery at the new price`, async ({ page, mock }) => {
    const b = await liveLong(page, mock, DEFAULT_SETTINGS);
    const start = Date.now();
    mock.fault(`${VENUE}.*`, kind);
    mock.dropWebSockets(VENUE);
    mock.setPrice(VENUE, 'BTCUSDT', P2);
    expect(
      await wrongReadings(page, 5_000, {
        live: [viewOf(b, mock, DEFAULT_SETTINGS, P1), viewOf(b, mock, DEFAULT_SETTINGS, P2)],
      }),
    ).toEqual([]);
    const tries = mock.requests((e) => e.endpoint === `${VENUE}.tickerPrice` && e.time >= start);
    expect(tries.length, 'the background kept trying the ticker').toBeGreaterThan(0);
    expect(tries.length, 'but it backs off instead of hammering').toBeLessThanOrEqual(6);
    mock.resetFaults();
    await waitForEngineFigures(page, `recovered at ${P2}`, viewOf(b, mock, DEFAULT_SETTINGS, P2), {
      mark: 'live',
      timeoutMs: 25_000,
    });
  });
}

test('REST HTTP 429 with Retry-After is obeyed while the stream is refused', async ({ page, mock }) => {
  const b = await liveLong(page, mock, DEFAULT_SETTINGS);
  const start = Date.now();
  mock.fault(`${VENUE}.ws`, '429');
  mock.dropWebSockets(VENUE);
  mock.fault(`${VENUE}.tickerPrice`, '429', { count: 1, retryAfterSeconds: 8 });
  mock.setPrice(VENUE, 'BTCUSDT', P2);
  const limited = await mock.waitFor(
    'a ticker request answered 429',
    () => mock.requests((e) => e.endpoint === `${VENUE}.tickerPrice` && e.time >= start && e.status === 429)[0],
    15_000,
  );
  const next = mock.waitFor(
    'the next ticker request',
    () => mock.requests((e) => e.endpoint === `${VENUE}.tickerPrice` && e.time > limited.time)[0],
    20_000,
  );
  expect(
    await wrongReadings(page, 5_000, {
      live: [viewOf(b, mock, DEFAULT_SETTINGS, P1), viewOf(b, mock, DEFAULT_SETTINGS, P2)],
    }),
  ).toEqual([]);
  expect((await next).time - limited.time, 'Retry-After: 8 obeyed').toBeGreaterThanOrEqual(7_900);
  await waitForEngineFigures(page, `REST price ${P2} through`, viewOf(b, mock, DEFAULT_SETTINGS, P2), {
    mark: 'live',
    timeoutMs: 10_000,
  });
});

test('hostile stream messages (another symbol, a negative or non-text price, garbage) change nothing', async ({
  page,
  mock,
}) => {
  const b = await liveLong(page, mock, DEFAULT_SETTINGS);
  await mock.waitFor('a BTCUSDT stream', () =>
    mock.openStreams().some((s) => s.venue === VENUE && s.symbols.includes('BTCUSDT')),
  );
  const row = (symbol: string, close: string) =>
    `{"e":"24hrMiniTicker","E":${Date.now()},"s":"${symbol}","c":${close},"o":"1","h":"1","l":"1","v":"1","q":"1"}`;
  for (const text of [
    row('ETHUSDT', '"1.5"'),
    row('BTCUSDT', '"-64000"'),
    row('BTCUSDT', '64000'),
    row('BTCUSDT', '"6.4e4x"'),
    '{"e":"24hrMiniTicker"',
    'null',
    '[]',
  ]) {
    expect(mock.pushWs(VENUE, text)).toBeGreaterThan(0);
  }
  expect(await wrongReadings(page, 1_500, { live: [viewOf(b, mock, DEFAULT_SETTINGS, P1)] })).toEqual([]);
  mock.setPrice(VENUE, 'BTCUSDT', P2);
  await waitForEngineFigures(page, `stream price ${P2}`, viewOf(b, mock, DEFAULT_SETTINGS, P2), {
    mark: 'live',
    timeoutMs: 10_000,
  });
});

test('stale price: stream frozen and REST failing → marked stale after 15 s; live again when prices return', async ({
  page,
  mock,
}) => {
  const b = await liveLong(page, mock, DEFAULT_SETTINGS);
  mock.freeze(VENUE);
  mock.fault(`${VENUE}.tickerPrice`, '500');
  await waitForEngineFigures(page, 'stale', viewOf(b, mock, DEFAULT_SETTINGS, P1, 20_000), {
    mark: 'stale',
    timeoutMs: 30_000,
  });
  mock.freeze(VENUE, false);
  mock.resetFaults();
  mock.setPrice(VENUE, 'BTCUSDT', P2);
  await waitForEngineFigures(page, 'live again', viewOf(b, mock, DEFAULT_SETTINGS, P2), {
    mark: 'live',
    timeoutMs: 25_000,
  });
});

test('price unavailable from the start (its own browser): form-only figures, then live once reachable', async ({
  mock,
}) => {
  mock.setUnreachable(SPOT_HOSTS);
  const session = await launchChromium({ port: mock.port });
  try {
    const sw = await currentServiceWorker(session.context, session.extensionId!);
    await sw.evaluate(([key, value]) => (globalThis as any).chrome.storage.sync.set({ [key]: value }), [
      SETTINGS_KEY,
      DEFAULT_SETTINGS,
    ] as const);
    const page = await session.context.newPage();
    const b = await new BinanceMarginPage(page).goto();
    await b.order('long', '64,000', '0.3');
    // The borrow-rate tables live on www.binance.com, which stays reachable: only they are held.
    const ratesOnly = (): MarketSnapshot => {
      const full = snapshotFromMock(mock, 'binance-margin', 'BTCUSDT');
      return {
        ...full,
        figures: Object.fromEntries(Object.entries(full.figures).filter(([key]) => key.startsWith('borrowRate'))),
      };
    };
    await waitForEngineFigures(page, 'no price', () => expectedView(b.form(), ratesOnly(), DEFAULT_SETTINGS), {
      mark: 'missing',
      timeoutMs: 15_000,
    });
    expect(mock.requests((e) => SPOT_HOSTS.includes(e.host) && e.kind !== 'tls-refused')).toEqual([]);
    expect(mock.requests((e) => e.kind === 'tls-refused').map((e) => e.host)).toEqual(
      expect.arrayContaining(['api.binance.com']),
    );

    mock.setUnreachable(null);
    await waitForEngineFigures(page, 'reachable again', viewOf(b, mock, DEFAULT_SETTINGS), {
      mark: 'live',
      timeoutMs: 30_000,
    });
  } finally {
    await session.close();
  }
});

/** The public endpoints the binance-margin feed is documented to call (src/venues/binance-margin/feed.ts). */
const SPOT_REQUESTS: readonly RegExp[] = [
  /^api\.binance\.com\/api\/v3\/ticker\/price\?symbol=(BTCUSDT|ETHUSDT)$/,
  /^api\.binance\.com\/api\/v3\/exchangeInfo\?symbol=(BTCUSDT|ETHUSDT)$/,
  // One socket for every pair: the streams are subscribed by message, not in the URL.
  /^stream\.binance\.com\/ws$/,
];

test('only the allowlisted public endpoints are contacted, and only by the background', async ({
  page,
  mock,
  seenRequests,
}) => {
  const b = await new BinanceMarginPage(page).goto();
  await waitForOverlay(page, (r) => r.state === 'ok' && r.mark === 'live', 'BTC/USDT live');
  await b.switchPair('ETH_USDT');
  await waitForOverlay(
    page,
    (r) => r.state === 'ok' && r.mark === 'live' && r.text.includes('ETHUSDT'),
    'ETH/USDT live',
  );
  await page.waitForTimeout(2_000); // a few stream beats and polls

  const entries = mock.log
    .map((e) => `${e.host}${e.path}`)
    .filter((hp) => !CHROMIUM_OWN_REQUESTS.some((re) => re.test(hp)));
  expect(
    entries.filter((hp) => !ALLOWED_HOSTS.has(hp.split('/')[0]!)),
    "hosts outside the mock's list",
  ).toEqual([]);
  const spot = entries.filter((hp) => SPOT_HOSTS.includes(hp.split('/')[0]!));
  expect(spot.length).toBeGreaterThan(0);
  expect(spot.filter((hp) => !SPOT_REQUESTS.some((re) => re.test(hp)))).toEqual([]);
  await mock.waitFor('the ETHUSDT pair on the spot stream', () =>
    mock.openStreams().some((s) => s.venue === 'binance-margin' && s.symbols.includes('ETHUSDT')),
  );

  const fromWorker = seenRequests.filter((r) => r.fromServiceWorker).map((r) => new URL(r.url).host);
  for (const host of fromWorker) expect(API_HOSTS as readonly string[]).toContain(host);
  const fromPages = seenRequests.filter((r) => !r.fromServiceWorker).map((r) => new URL(r.url));
  for (const url of fromPages) expect([...PAGE_HOSTS, ...API_HOSTS] as string[], url.href).toContain(url.host);
  expect(fromPages.filter(isApiUrl).map((u) => u.href)).toEqual([]);
});

/** Every form control's value and state, as the page sees them. */
function formState(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('input, [role="tab"], [role="radio"], [role="button"], button')].map((el) => {
      const a = (n: string) => el.getAttribute(n) ?? '';
      const value = el instanceof HTMLInputElement ? el.value : '';
      return `${el.tagName}#${el.id}[${a('role')}|${el.textContent?.trim()}] value=${value} selected=${a('aria-selected')} checked=${a('aria-checked')} disabled=${String((el as HTMLInputElement).disabled ?? '')}`;
    }),
  );
}

test('form values and the page DOM are never changed by the extension, a held click included', async ({
  page,
  mock,
  setSettings,
}) => {
  await setSettings({ maxLeverage: '2' });
  const b = await new BinanceMarginPage(page).goto();
  await b.order('long', '64,321.5', '0.35');
  await waitForOverlay(page, (r) => r.state === 'ok' && r.mark === 'live', 'overlay live');
  const before = await formState(page);
  await page.evaluate(() => {
    const w = window as unknown as { __mutations: string[] };
    w.__mutations = [];
    new MutationObserver((records) => {
      for (const r of records)
        w.__mutations.push(`${r.type} ${(r.target as Element).nodeName ?? ''} ${r.attributeName ?? ''}`);
    }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  const mutations = () => page.evaluate(() => (window as unknown as { __mutations: string[] }).__mutations);

  for (const price of ['64000.1', '64500.2', '65000.3']) {
    mock.setPrice(VENUE, 'BTCUSDT', price);
    await page.waitForTimeout(700);
  }
  expect(await mutations()).toEqual([]);
  expect(await formState(page)).toEqual(before);

  await b.buyButton().click();
  await waitForOverlay(page, (r) => r.guard !== null, 'guard shown', 5_000);
  expect(await formState(page)).toEqual(before);
  expect(await mutations()).toEqual([]);
  expect(await b.submittedOrders()).toEqual([]);
  expect((await readOverlay(page)).state).toBe('ok');
});
