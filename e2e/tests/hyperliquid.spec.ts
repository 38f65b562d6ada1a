// Hyperliquid perpetuals on its fixture page at https://app.hyperliquid.xyz/trade/BTC: overlay =
// engine for several orders, the coin switch, the guard, stale and unavailable data, API faults,
// the allowlist, and a page left untouched. Expected figures: planQuote + quoteJson on the form as
// typed here and the snapshot the feed's own parsers build from what the mock serves.
import { GUARD_CODES } from '../../src/ui/overlay/contract';
import { DEFAULT_SETTINGS, SETTINGS_KEY, type Settings } from '../../src/settings/settings';
import { currentServiceWorker, launchChromium, CHROMIUM_OWN_REQUESTS } from '../harness/chromium';
import { expectedFor, expectedView, snapshotFromMock } from '../harness/expected';
import { sameNumber, shownMark, waitForEngineFigures, wrongReadings } from '../harness/figures';
import { HyperliquidPage } from '../harness/hyperliquid-page';
import { readOverlay, waitForOverlay } from '../harness/overlay';
import { expect, test, type Page } from '../harness/test';
import type { FaultKind } from '../mock/faults';
import type { MockExchange } from '../mock/server';

const API = 'api.hyperliquid.xyz';

/** The overlay's expected view for the page's form and what the mock serves now. */
const viewOf =
  (mock: MockExchange, h: HyperliquidPage, settings: Settings, staleMs = 0) =>
  () =>
    expectedView(h.form(), snapshotFromMock(mock, 'hyperliquid', h.coin, { staleMs }), settings);

/** The expected view for what the mock serves at this moment, kept (as received just now) after the book moves on. */
function viewKept(mock: MockExchange, h: HyperliquidPage, settings: Settings): () => ReturnType<typeof expectedView> {
  const served = snapshotFromMock(mock, 'hyperliquid', h.coin);
  return () => {
    const now = Date.now();
    const figures = Object.fromEntries(Object.entries(served.figures).map(([k, f]) => [k, { ...f!, receivedAt: now }]));
    const tiers = served.tiers ? { ...served.tiers, receivedAt: now } : undefined;
    return expectedView(h.form(), { ...served, figures, ...(tiers ? { tiers } : {}) }, settings, now);
  };
}

test.describe('Hyperliquid: overlay = engine', () => {
  test('cross, limit, long: the page balance and the SOL position are in the quote', async ({
    page,
    mock,
    setSettings,
  }) => {
    // A balance entered in the popup loses to the one the page shows.
    const settings = await setSettings({ accountBalance: { hyperliquid: '1' } });
    mock.setPrice('hyperliquid', 'BTC', '64980.5', { fundingRate: '0.0000125' });
    const h = await new HyperliquidPage(page).goto();
    await h.setLeverage(25);
    await h.typePrice('64000');
    await h.typeSize('0.5');
    const plan = expectedFor(h.form(), 'long', snapshotFromMock(mock, 'hyperliquid', 'BTC'), settings).plan;
    expect(plan.balanceSource).toBe('page');
    expect(plan.pagePositions).toBe(1);
    expect(plan.tiers).toBe('live');
    expect((plan.input as any).account.walletBalance).toBe('10000');
    const reading = await waitForEngineFigures(page, 'cross limit long', viewOf(mock, h, settings), { mark: 'live' });
    expect(reading.sides).toEqual(['long']);
    expect(sameNumber(shownMark(reading), '64980.5')).toBe(true);
  });

  test('cross, market, short', async ({ page, mock, setSettings }) => {
    const settings = await setSettings({});
    mock.setPrice('hyperliquid', 'BTC', '65010.5', { fundingRate: '-0.00002' });
    const h = await new HyperliquidPage(page).goto();
    await h.setSide('short');
    await h.setType('market');
    await h.typeSize('0.75');
    const reading = await waitForEngineFigures(page, 'cross market short', viewOf(mock, h, settings), { mark: 'live' });
    expect(reading.sides).toEqual(['short']);
    // A new mark moves a market order's figures.
    mock.setPrice('hyperliquid', 'BTC', '64890.1');
    await waitForEngineFigures(page, 'after a tick', viewOf(mock, h, settings), { mark: 'live' });
  });

  test('isolated, limit, short at 40x', async ({ page, mock, setSettings }) => {
    const settings = await setSettings({});
    const h = await new HyperliquidPage(page).goto();
    await h.setMarginMode('isolated');
    await h.setSide('short');
    await h.setLeverage(40);
    await h.typePrice('65500.5');
    await h.typeSize('0.3');
    expect(h.form().account).toBeUndefined();
    await waitForEngineFigures(page, 'isolated limit short', viewOf(mock, h, settings), { mark: 'live' });
  });

  test('isolated, market, long, size in USDC', async ({ page, mock, setSettings }) => {
    const settings = await setSettings({});
    mock.setPrice('hyperliquid', 'BTC', '65020.3');
    const h = await new HyperliquidPage(page).goto();
    await h.setMarginMode('isolated');
    await h.setType('market');
    await h.setUnit('quote');
    await h.typeSize('2500');
    await waitForEngineFigures(page, 'isolated market USDC', viewOf(mock, h, settings), { mark: 'live' });
  });
});

test('coin switch BTC → ETH by pushState: overlay and subscription follow', async ({ page, mock, setSettings }) => {
  const settings = await setSettings({});
  mock.setPrice('hyperliquid', 'ETH', '3488.7', { fundingRate: '0.00003' });
  const h = await new HyperliquidPage(page).goto('BTC');
  await waitForEngineFigures(page, 'BTC', viewOf(mock, h, settings), { mark: 'live' });
  await mock.waitFor('a BTC stream', () =>
    mock.openStreams().some((s) => s.venue === 'hyperliquid' && s.symbols.includes('BTC')),
  );

  await h.switchCoin('ETH');
  await h.typePrice('3450.5');
  await h.typeSize('2');
  const reading = await waitForEngineFigures(page, 'ETH', viewOf(mock, h, settings), { mark: 'live' });
  expect(sameNumber(shownMark(reading), '3488.7')).toBe(true);
  expect(reading.text).toContain('ETH');
  await mock.waitFor('an ETH stream and no BTC stream', () => {
    const streams = mock.openStreams().filter((s) => s.venue === 'hyperliquid');
    return streams.some((s) => s.symbols.includes('ETH')) && !streams.some((s) => s.symbols.includes('BTC'));
  });
});

const guardCodes = (quote: ReturnType<typeof expectedFor>['quote']): string[] =>
  quote && !('error' in quote)
    ? quote.warnings
        .map((w) => w.code)
        .filter((c) => (GUARD_CODES as readonly string[]).includes(c))
        .sort()
    : [];

test('guard: liquidation closer than the minimum distance holds the first Place Order click once', async ({
  page,
  mock,
  setSettings,
}) => {
  const settings = await setSettings({ minLiquidationDistance: '0.2' });
  const h = await new HyperliquidPage(page).goto();
  await h.setMarginMode('isolated');
  await h.setLeverage(30);
  await h.typeSize('0.2');
  const expected = guardCodes(
    expectedFor(h.form(), 'long', snapshotFromMock(mock, 'hyperliquid', 'BTC'), settings).quote,
  );
  expect(expected).toContain('LIQUIDATION_NEAR');
  await waitForEngineFigures(page, 'guarded order', viewOf(mock, h, settings), { mark: 'live' });

  await h.submitButton().click();
  const held = await waitForOverlay(page, (r) => r.guard !== null, 'data-guard after the first click', 5_000);
  expect(held.guard!.split(',').sort()).toEqual(expected);
  expect(await h.submittedOrders()).toEqual([]);

  await h.submitButton().click();
  await expect.poll(() => h.submittedOrders()).toEqual(['long limit 0.2 BTC']);
});

test('no guard when no limit is crossed: the first click goes through', async ({ page, setSettings }) => {
  await setSettings({});
  const h = await new HyperliquidPage(page).goto();
  await h.setSide('short');
  await waitForOverlay(page, (r) => r.state === 'ok' && r.mark === 'live' && r.guard === null, 'overlay without guard');
  await h.submitButton().click();
  await expect.poll(() => h.submittedOrders()).toEqual(['short limit 0.1 BTC']);
});

/** A BTC limit order with the overlay live at `price`. */
async function liveAt(
  page: Page,
  mock: MockExchange,
  setSettings: (s: Partial<Settings>) => Promise<Settings>,
  price: string,
) {
  const settings = await setSettings({});
  mock.setPrice('hyperliquid', 'BTC', price);
  const h = await new HyperliquidPage(page).goto();
  await h.typePrice('63500');
  await h.typeSize('0.4');
  await waitForEngineFigures(page, `live at ${price}`, viewOf(mock, h, settings), { mark: 'live' });
  return { h, settings };
}

const FAULTS: Array<{ kind: FaultKind; what: string }> = [
  { kind: '500', what: 'HTTP 500' },
  { kind: '429', what: 'HTTP 429' },
  { kind: 'malformed', what: 'malformed JSON' },
];

for (const { kind, what } of FAULTS) {
  test(`info API + WebSocket ${what}: last good figures, then recovery at the new price`, async ({
    page,
    mock,
    setSettings,
  }) => {
    const { h, settings } = await liveAt(page, mock, setSettings, '64210.5');
    const before = viewKept(mock, h, settings);
    const start = Date.now();
    mock.fault('hyperliquid.*', kind, { retryAfterSeconds: 3 });
    mock.dropWebSockets('hyperliquid');
    mock.setPrice('hyperliquid', 'BTC', '64987.3');
    expect(await wrongReadings(page, 5_000, { live: [before, viewOf(mock, h, settings)] })).toEqual([]);
    const tries = mock.requests((e) => e.endpoint === 'hyperliquid.info' && e.time >= start);
    expect(tries.length, 'the background kept asking the info endpoint').toBeGreaterThan(0);
    expect(tries.length, 'but it backs off instead of hammering').toBeLessThanOrEqual(8);
    expect(tries.every((e) => e.method === 'POST')).toBe(true);

    mock.resetFaults();
    await waitForEngineFigures(page, 'recovered at 64987.3', viewOf(mock, h, settings), {
      mark: 'live',
      timeoutMs: 25_000,
    });
  });
}

test('hostile stream messages (another coin, a negative or non-numeric mark, an error frame, garbage) change nothing', async ({
  page,
  mock,
  setSettings,
}) => {
  const { h, settings } = await liveAt(page, mock, setSettings, '64210.5');
  await mock.waitFor('a BTC stream', () =>
    mock.openStreams().some((s) => s.venue === 'hyperliquid' && s.symbols.includes('BTC')),
  );
  const live = viewKept(mock, h, settings);
  const ctx = (coin: string, markPx: string) =>
    JSON.stringify({
      channel: 'activeAssetCtx',
      data: {
        coin,
        ctx: { funding: '0.0000125', oraclePx: '1', markPx, openInterest: '1', prevDayPx: '1', dayNtlVlm: '1' },
      },
    });
  // No regular data meanwhile: a hostile figure that got through would stay on show.
  mock.freeze('hyperliquid');
  for (const text of [
    ctx('ETH', '1.5'),
    ctx('BTC', '-64000'),
    ctx('BTC', 'NaN'),
    ctx('BTC', '6.4e4'),
    '{"channel":"activeAssetCtx"',
    'null',
    '[]',
    '{"channel":"pong"}',
  ]) {
    expect(mock.pushWs('hyperliquid', text)).toBeGreaterThan(0);
  }
  expect(await wrongReadings(page, 1_500, { live: [live] })).toEqual([]);
  // An error frame means the subscription was refused: the socket is dropped and opened again.
  const refused = Date.now();
  expect(mock.pushWs('hyperliquid', '{"channel":"error","data":"Invalid subscription"}')).toBeGreaterThan(0);
  expect(await wrongReadings(page, 1_500, { live: [live] })).toEqual([]);
  await mock.waitFor(
    'the stream reopened',
    () => mock.requests((e) => e.kind === 'wss' && e.host === API && e.time > refused && e.status === 101).length > 0,
    20_000,
  );
  // The stream still works afterwards.
  mock.freeze('hyperliquid', false);
  mock.setPrice('hyperliquid', 'BTC', '64987.3');
  await waitForEngineFigures(page, 'stream price 64987.3', viewOf(mock, h, settings), {
    mark: 'live',
    timeoutMs: 10_000,
  });
});

test('stale mark: stream frozen and info API failing → marked stale after 15 s, figures kept; live again after', async ({
  page,
  mock,
  setSettings,
}) => {
  const { h, settings } = await liveAt(page, mock, setSettings, '64210.5');
  mock.freeze('hyperliquid');
  mock.fault('hyperliquid.info', '500');
  await waitForEngineFigures(page, 'stale', viewOf(mock, h, settings, 20_000), { mark: 'stale', timeoutMs: 30_000 });

  mock.freeze('hyperliquid', false);
  mock.resetFaults();
  mock.setPrice('hyperliquid', 'BTC', '64987.3');
  await waitForEngineFigures(page, 'live again', viewOf(mock, h, settings), { mark: 'live', timeoutMs: 25_000 });
});

test('info API unreachable from the start: figures from the form alone, data-mark="missing"', async ({ mock }) => {
  // Its own browser: the shared one's service worker already holds Hyperliquid data.
  mock.setUnreachable([API]);
  const session = await launchChromium({ port: mock.port });
  try {
    const settings = { ...DEFAULT_SETTINGS };
    const sw = await currentServiceWorker(session.context, session.extensionId!);
    await sw.evaluate(([key, value]) => (globalThis as any).chrome.storage.sync.set({ [key]: value }), [
      SETTINGS_KEY,
      settings,
    ] as const);
    const page = await session.context.newPage();
    const h = await new HyperliquidPage(page).goto();
    await h.setMarginMode('isolated');
    await h.typePrice('64000');
    await h.typeSize('0.25');
    await waitForEngineFigures(page, 'offline', () => expectedView(h.form(), null, settings), {
      mark: 'missing',
      timeoutMs: 15_000,
    });
    expect(mock.requests((e) => e.kind === 'tls-refused').map((e) => e.host)).toContain(API);
    expect(mock.requests((e) => e.host === API && e.kind !== 'tls-refused')).toEqual([]);
  } finally {
    await session.close();
  }
});

test('only the documented public endpoints are contacted: POST /info and the /ws stream', async ({
  page,
  mock,
  seenRequests,
  setSettings,
}) => {
  await setSettings({});
  const h = await new HyperliquidPage(page).goto();
  await h.typeSize('0.3');
  await waitForOverlay(page, (r) => r.state === 'ok' && r.mark === 'live', 'BTC overlay live');
  await h.switchCoin('ETH');
  await waitForOverlay(
    page,
    (r) => r.state === 'ok' && r.mark === 'live' && r.text.includes('ETH'),
    'ETH overlay live',
  );
  await page.waitForTimeout(2_000); // a few stream beats and polls

  const api = mock.log.filter((e) => e.host === API);
  expect(
    api
      .filter((e) => e.kind !== 'wss')
      .map((e) => `${e.method} ${e.path}`)
      .filter((x) => x !== 'POST /info'),
  ).toEqual([]);
  expect(
    api
      .filter((e) => e.kind === 'wss')
      .map((e) => e.path)
      .filter((p) => p !== '/ws'),
  ).toEqual([]);
  expect(api.some((e) => e.kind === 'wss')).toBe(true);
  expect(api.some((e) => e.path === '/exchange')).toBe(false);
  const elsewhere = mock.log
    .filter((e) => e.host !== API && e.host !== 'app.hyperliquid.xyz')
    .map((e) => `${e.host}${e.path}`)
    .filter((hp) => !CHROMIUM_OWN_REQUESTS.some((re) => re.test(hp)));
  expect(elsewhere).toEqual([]);
  // What the browser says the service worker and the page asked for.
  const fromWorker = seenRequests.filter((r) => r.fromServiceWorker).map((r) => new URL(r.url).host);
  expect(fromWorker.length).toBeGreaterThan(0);
  expect([...new Set(fromWorker)]).toEqual([API]);
  expect(
    seenRequests
      .filter((r) => !r.fromServiceWorker)
      .map((r) => new URL(r.url).host)
      .filter((host) => host !== 'app.hyperliquid.xyz'),
  ).toEqual([]);
});

/** Every form control's value and state, as the page sees them. */
function formState(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [
      ...document.querySelectorAll(
        'input, select, textarea, [role="tab"], [role="option"], [aria-pressed], [aria-expanded]',
      ),
    ].map((el) => {
      const a = (n: string) => el.getAttribute(n) ?? '';
      const input = el instanceof HTMLInputElement ? el : null;
      return `${el.tagName}[${a('role')}|${el.textContent?.trim()}] value=${input?.value ?? ''} checked=${String(input?.checked ?? '')} selected=${a('aria-selected')} pressed=${a('aria-pressed')} expanded=${a('aria-expanded')}`;
    }),
  );
}

test('form values and the page DOM are never changed by the extension, a held submit included', async ({
  page,
  mock,
  setSettings,
}) => {
  await setSettings({ maxLeverage: '10' });
  const h = await new HyperliquidPage(page).goto();
  await h.setSide('short');
  await h.typePrice('66100.5');
  await h.typeSize('0.35');
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
    mock.setPrice('hyperliquid', 'BTC', price);
    await page.waitForTimeout(700);
  }
  expect(await mutations()).toEqual([]);
  expect(await formState(page)).toEqual(before);

  // Leverage 20x is above the personal maximum of 10: the first click is held, and nothing changes.
  await h.submitButton().click();
  await waitForOverlay(page, (r) => r.guard !== null, 'guard shown', 5_000);
  expect((await readOverlay(page)).guard).toContain('LEVERAGE_ABOVE_PERSONAL_MAX');
  expect(await formState(page)).toEqual(before);
  expect(await mutations()).toEqual([]);
  expect(await h.submittedOrders()).toEqual([]);
});
