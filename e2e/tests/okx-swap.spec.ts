// OKX USDT swap on its fixture page at https://www.okx.com/trade-swap/btc-usdt-swap, against the
// mock's OKX v5 API: the overlay shows exactly the engine's figures (expected = planQuote +
// quoteJson on the form typed here and the snapshot the feed's own parsers make of what the mock
// serves: mark, contract value, max leverage, funding and position tiers), follows an instrument
// switch, guards a submit, survives stale data and API faults, talks only to allowlisted
// endpoints and never writes into the page.
import type { Settings } from '../../src/settings/settings';
import type { MarketSnapshot } from '../../src/venues/types';
import { CHROMIUM_OWN_REQUESTS } from '../harness/chromium';
import { expectedFor, expectedView, snapshotFromMock, type ExpectedView } from '../harness/expected';
import { sameNumber, shownMark, waitForEngineFigures, wrongReadings } from '../harness/figures';
import { OkxPage, type OkxInstrument } from '../harness/okx-swap-page';
import { readOverlay, waitForOverlay } from '../harness/overlay';
import { expect, test, type Page } from '../harness/test';
import type { FaultKind } from '../mock/faults';
import { API_HOSTS } from '../mock/hosts';
import type { MockExchange } from '../mock/server';
import { GUARD_CODES } from '../../src/ui/overlay/contract';

const BTC: OkxInstrument = 'BTC-USDT-SWAP';
const ETH: OkxInstrument = 'ETH-USDT-SWAP';
const SOL: OkxInstrument = 'SOL-USDT-SWAP';
const P1 = '64210.5';
const P2 = '64987.3';

/** The snapshot the feed makes of what the mock serves now; `mark` replaces the mark price (a price served earlier). */
function served(
  mock: MockExchange,
  inst: OkxInstrument,
  options: { mark?: string; staleMs?: number } = {},
): MarketSnapshot {
  const snapshot = snapshotFromMock(mock, 'okx-swap', inst, { staleMs: options.staleMs });
  if (options.mark !== undefined) snapshot.figures.markPrice = { ...snapshot.figures.markPrice!, value: options.mark };
  return snapshot;
}

/** The expected overlay for the order as typed now, at a given served mark (default: the mock's). */
const viewOf =
  (o: OkxPage, mock: MockExchange, settings: Settings, options: { mark?: string; staleMs?: number } = {}) =>
  (): ExpectedView =>
    expectedView(o.form(), served(mock, o.inst, options), settings);

/** A limit order live at P1; returns the page and the expected view for any served mark. */
async function okxLive(page: Page, mock: MockExchange, setSettings: (s: Partial<Settings>) => Promise<Settings>) {
  const settings = await setSettings({});
  mock.setPrice('okx-swap', BTC, P1);
  const o = await new OkxPage(page).goto();
  await o.setMarginMode('isolated');
  await o.typePrice('63500');
  await o.typeSize('40');
  const at = (mark: string, staleMs = 0) => viewOf(o, mock, settings, { mark, staleMs });
  await waitForEngineFigures(page, `live at ${P1}`, at(P1), { mark: 'live' });
  return { o, at, settings };
}

test.describe('OKX: overlay = engine, both sides', () => {
  test('a Russian page at a locale URL (/ru/trade-swap/btc-usdt-swap): read with the ru table, overlay = engine', async ({
    page,
    mock,
    setSettings,
  }) => {
    // Issue 13: OKX serves its pages under a locale segment, and <html lang> and the segment pick the label
    // table together (an English page at /ru/ is refused with 'locale': tests/venues/okx-swap/reader-lang.test.ts).
    // okx-swap.gen2-ru.html is generation 2 with the order form in words.ts's Russian; its Cost rows carry a
    // word the ru table lacks, so they are not read and the form still is.
    const settings = await setSettings({});
    mock.setPrice('okx-swap', BTC, P1);
    mock.usePage('www.okx.com', 'okx-swap.gen2-ru.html');
    const o = await new OkxPage(page, 2, { buy: 'Купить/Лонг', sell: 'Продать/Шорт' }).goto(BTC, 'ru');
    expect(new URL(page.url()).pathname).toBe('/ru/trade-swap/btc-usdt-swap');
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');
    await o.typePrice('63500');
    await o.typeSize('40');
    const reading = await waitForEngineFigures(
      page,
      'OKX ru at /ru/',
      () => expectedView({ ...o.form(), language: 'ru' }, served(mock, o.inst), settings),
      { mark: 'live' },
    );
    expect(reading.sides.sort()).toEqual(['long', 'short']);
    expect(reading.text).toMatch(/Labels: [^·]+, ru/);
  });

  test('cross, limit, in contracts, with the account and position the page shows', async ({
    page,
    mock,
    setSettings,
  }) => {
    const settings = await setSettings({});
    mock.setPrice('okx-swap', BTC, '65020.3', { fundingRate: '0.00025' });
    const o = await new OkxPage(page).goto();
    await o.setLeverage(25);
    await o.typePrice('64000');
    await o.typeSize('15');
    const reading = await waitForEngineFigures(page, 'OKX cross limit', viewOf(o, mock, settings), { mark: 'live' });
    expect(reading.sides.sort()).toEqual(['long', 'short']);
    expect(sameNumber(shownMark(reading), '65020.3')).toBe(true);
    // The quote used the page's balance and its ETH position: the engine saw both.
    const input = expectedFor(o.form(), 'long', served(mock, BTC), settings).plan.input as {
      account?: { walletBalance: string; positions: unknown[] };
      order: { quantity: string };
    };
    expect(input.account?.walletBalance).toBe('10000');
    expect(input.account?.positions).toHaveLength(1);
    expect(input.order.quantity).toBe('0.15'); // 15 contracts × 0.01 BTC
    // Issue 12 #5 and #4: the overlay shows the contracts as BTC, and the balance it used with its source.
    expect(reading.text).toContain('Limit · 0.15 BTC (15 ct) · 9,600.00 USDT · 25× cross');
    expect(reading.text).toContain('Cross: wallet 10,000.00 USDT and 1 open position, read from the page');
  });

  test('isolated, limit, in BTC', async ({ page, mock, setSettings }) => {
    const settings = await setSettings({});
    mock.setPrice('okx-swap', BTC, '65020.3');
    const o = await new OkxPage(page).goto();
    await o.setMarginMode('isolated');
    await o.setLeverage(50);
    await o.setUnit('base');
    await o.typePrice('65500.5');
    await o.typeSize('0.4');
    await waitForEngineFigures(page, 'OKX isolated limit BTC', viewOf(o, mock, settings), { mark: 'live' });
  });

  test('isolated, market, in USDT: priced at the mark, follows it', async ({ page, mock, setSettings }) => {
    const settings = await setSettings({});
    mock.setPrice('okx-swap', BTC, '65020.3');
    const o = await new OkxPage(page).goto();
    await o.setMarginMode('isolated');
    await o.setType('market');
    await o.setUnit('quote');
    await o.typeSize('2500');
    await waitForEngineFigures(page, 'OKX isolated market USDT', viewOf(o, mock, settings), { mark: 'live' });
    mock.setPrice('okx-swap', BTC, '64990.1');
    await waitForEngineFigures(page, 'OKX market after a tick', viewOf(o, mock, settings), { mark: 'live' });
  });

  test('cross, market, positions not shown: the page balance alone', async ({ page, mock, setSettings }) => {
    const settings = await setSettings({ accountBalance: { 'okx-swap': '5000' } });
    mock.setPrice('okx-swap', BTC, '65020.3');
    const o = await new OkxPage(page).goto();
    await o.showBottomTab('orders');
    await o.setType('market');
    await o.typeSize('20');
    await waitForEngineFigures(page, 'OKX cross market, no positions shown', viewOf(o, mock, settings), {
      mark: 'live',
    });
    const plan = expectedFor(o.form(), 'long', served(mock, BTC), settings).plan;
    expect([plan.balanceSource, plan.pagePositions]).toEqual(['page', null]);
  });
});

test('OKX: BTC-USDT-SWAP → ETH-USDT-SWAP by pushState', async ({ page, mock, setSettings }) => {
  const settings = await setSettings({});
  mock.setPrice('okx-swap', ETH, '3210.55', { fundingRate: '-0.00005' });
  const o = await new OkxPage(page).goto(BTC);
  await o.setMarginMode('isolated');
  await waitForEngineFigures(page, 'BTC', viewOf(o, mock, settings), { mark: 'live' });
  await mock.waitFor('a BTC stream', () =>
    mock.openStreams().some((s) => s.venue === 'okx-swap' && s.symbols.includes(BTC)),
  );
  const before = mock.log.length;

  await o.switchInstrument(ETH);
  await o.typePrice('3190.25');
  await o.typeSize('30');
  const reading = await waitForEngineFigures(page, 'ETH', viewOf(o, mock, settings), { mark: 'live' });
  expect(sameNumber(shownMark(reading), '3210.55')).toBe(true);
  // 30 contracts × 0.1 ETH: ETH's own contract value, not BTC's.
  expect(
    (expectedFor(o.form(), 'long', served(mock, ETH), settings).plan.input as { order: { quantity: string } }).order
      .quantity,
  ).toBe('3');

  const after = mock.log.slice(before);
  for (const path of [
    '/api/v5/public/mark-price?instType=SWAP&instId=ETH-USDT-SWAP',
    '/api/v5/public/instruments?instType=SWAP&instId=ETH-USDT-SWAP',
    '/api/v5/public/funding-rate?instId=ETH-USDT-SWAP',
    '/api/v5/public/position-tiers?instType=SWAP&tdMode=cross&instFamily=ETH-USDT',
  ]) {
    expect(
      after.some((e) => e.host === 'www.okx.com' && e.path === path),
      path,
    ).toBe(true);
  }
  await mock.waitFor('an ETH stream and no BTC stream', () => {
    const streams = mock.openStreams().filter((s) => s.venue === 'okx-swap');
    return streams.some((s) => s.symbols.includes(ETH)) && !streams.some((s) => s.symbols.includes(BTC));
  });
});

test('OKX: liquidation closer than the minimum distance holds the first Buy/Long click', async ({
  page,
  mock,
  setSettings,
}) => {
  const settings = await setSettings({ minLiquidationDistance: '0.2' });
  const o = await new OkxPage(page).goto();
  await o.setMarginMode('isolated');
  await o.setLeverage(20);
  await o.typePrice('65000');
  await o.typeSize('10');
  const quote = expectedFor(o.form(), 'long', served(mock, BTC), settings).quote;
  const expected =
    quote && !('error' in quote)
      ? quote.warnings
          .map((w) => w.code)
          .filter((c) => (GUARD_CODES as readonly string[]).includes(c))
          .sort()
      : [];
  expect(expected).toContain('LIQUIDATION_NEAR');
  await waitForEngineFigures(page, 'guarded order', viewOf(o, mock, settings), { mark: 'live' });

  await o.buyButton().click();
  const held = await waitForOverlay(page, (r) => r.guard !== null, 'data-guard after the first click', 5_000);
  expect(held.guard!.split(',').sort()).toEqual(expected);
  expect(await o.submittedOrders()).toEqual([]);

  await o.buyButton().click();
  await expect.poll(() => o.submittedOrders()).toEqual(['Buy/Long limit 10 Contracts']);
});

test.describe('OKX: market data failures', () => {
  const FAULTS: Array<{ kind: FaultKind; what: string }> = [
    { kind: '500', what: 'HTTP 500' },
    { kind: '429', what: 'HTTP 429' },
    { kind: 'malformed', what: 'malformed JSON' },
  ];

  for (const { kind, what } of FAULTS) {
    test(`REST + WS ${what}: last good figures, then recovery at the new price`, async ({
      page,
      mock,
      setSettings,
    }) => {
      const { at } = await okxLive(page, mock, setSettings);
      const start = Date.now();
      mock.fault('okx-swap.*', kind, { retryAfterSeconds: 3 });
      mock.dropWebSockets('okx-swap');
      mock.setPrice('okx-swap', BTC, P2);

      expect(await wrongReadings(page, 5_000, { live: [at(P1), at(P2)] })).toEqual([]);
      const tries = mock.requests((e) => e.endpoint === 'okx-swap.mark-price' && e.time >= start);
      expect(tries.length, 'the background kept trying the mark price').toBeGreaterThan(0);
      expect(tries.length, 'but it backs off instead of hammering').toBeLessThanOrEqual(6);
      expect(tries.every((e) => e.fault === kind)).toBe(true);

      mock.resetFaults();
      await waitForEngineFigures(page, `recovered at ${P2}`, at(P2), { mark: 'live', timeoutMs: 25_000 });
    });
  }

  test('stale mark: prices stop → marked stale after 15 s, figures kept; live again when prices return', async ({
    page,
    mock,
    setSettings,
  }) => {
    const { at } = await okxLive(page, mock, setSettings);
    mock.freeze('okx-swap');
    mock.fault('okx-swap.mark-price', '500');
    await waitForEngineFigures(page, 'stale', at(P1, 20_000), { mark: 'stale', timeoutMs: 30_000 });

    mock.freeze('okx-swap', false);
    mock.resetFaults();
    mock.setPrice('okx-swap', BTC, P2);
    await waitForEngineFigures(page, 'live again', at(P2), { mark: 'live', timeoutMs: 25_000 });
  });

  test('nothing reachable from the start: no figures, never a guess; figures once the API answers', async ({
    page,
    mock,
    setSettings,
  }) => {
    // SOL: an instrument no other test opens, so the extension holds no cached figures for it.
    const settings = await setSettings({});
    mock.fault('okx-swap.*', '500');
    const o = await new OkxPage(page).goto(SOL);
    // Contracts cannot be sized without the contract value: no quote at all.
    expect(expectedView(o.form(), null, settings).state).toBe('no-price');
    await waitForOverlay(page, (r) => r.state === 'no-price', 'no-price while the API fails');
    expect(await wrongReadings(page, 3_000, { live: [] })).toEqual([]);
    expect((await readOverlay(page)).figures.filter((f) => f.side !== null)).toEqual([]);
    expect(
      mock.requests((e) => e.endpoint === 'okx-swap.instruments' && e.path.includes(SOL)).length,
      'the contract value was asked for',
    ).toBeGreaterThan(0);

    mock.resetFaults();
    await waitForEngineFigures(page, 'after recovery', viewOf(o, mock, settings), { mark: 'live', timeoutMs: 30_000 });
  });

  test('hostile stream messages (another instrument, a negative or non-numeric price, garbage) change nothing', async ({
    page,
    mock,
    setSettings,
  }) => {
    const { at } = await okxLive(page, mock, setSettings);
    await mock.waitFor('an OKX stream', () =>
      mock.openStreams().some((s) => s.venue === 'okx-swap' && s.symbols.includes(BTC)),
    );
    const push = (instId: string, markPx: unknown) =>
      JSON.stringify({
        arg: { channel: 'mark-price', instId },
        data: [{ instType: 'SWAP', instId, markPx, ts: String(Date.now()) }],
      });
    for (const text of [
      push(ETH, '1.5'),
      push(BTC, '-64000'),
      push(BTC, 64000),
      push(BTC, '6,400'),
      push(BTC, ''),
      '{"arg":{"channel":"mark-price"',
      'null',
      '[]',
      '{"event":"login","code":"0"}',
    ]) {
      expect(mock.pushWs('okx-swap', text)).toBeGreaterThan(0);
    }
    expect(await wrongReadings(page, 1_500, { live: [at(P1)] })).toEqual([]);
    mock.setPrice('okx-swap', BTC, P2);
    await waitForEngineFigures(page, `stream price ${P2}`, at(P2), { mark: 'live', timeoutMs: 10_000 });
  });

  test("the stream stays open past OKX's 30 s idle limit (ping/pong heartbeat)", async ({
    page,
    mock,
    setSettings,
  }) => {
    test.setTimeout(70_000);
    await okxLive(page, mock, setSettings);
    await mock.waitFor('an OKX stream', () => mock.openStreams().some((s) => s.venue === 'okx-swap'));
    const opened = mock.requests((e) => e.kind === 'wss' && e.host === 'ws.okx.com' && e.status === 101).length;
    await page.waitForTimeout(36_000);
    expect(
      mock.requests((e) => e.kind === 'wss' && e.host === 'ws.okx.com' && e.status === 101).length,
      'no reconnect',
    ).toBe(opened);
    expect(mock.openStreams().filter((s) => s.venue === 'okx-swap')).toHaveLength(1);
  });
});

/** Exactly the public endpoints src/venues/okx-swap/feed.ts documents. */
const OKX_REQUESTS: readonly RegExp[] = [
  /^www\.okx\.com\/api\/v5\/public\/mark-price\?instType=SWAP&instId=(BTC|ETH)-USDT-SWAP$/,
  /^www\.okx\.com\/api\/v5\/public\/instruments\?instType=SWAP&instId=(BTC|ETH)-USDT-SWAP$/,
  /^www\.okx\.com\/api\/v5\/public\/funding-rate\?instId=(BTC|ETH)-USDT-SWAP$/,
  /^www\.okx\.com\/api\/v5\/public\/position-tiers\?instType=SWAP&tdMode=cross&instFamily=(BTC|ETH)-USDT$/,
  /^ws\.okx\.com\/ws\/v5\/public$/,
];

test('OKX: no request leaves for anything but the documented endpoints', async ({
  page,
  mock,
  seenRequests,
  setSettings,
}) => {
  await setSettings({});
  const o = await new OkxPage(page).goto();
  await waitForOverlay(page, (r) => r.state === 'ok' && r.mark === 'live', 'OKX overlay live');
  await o.switchInstrument(ETH);
  await waitForOverlay(
    page,
    (r) => r.state === 'ok' && r.mark === 'live' && r.text.includes('ETH'),
    'ETH overlay live',
  );
  await page.waitForTimeout(2_000);

  // The page itself (and the browser's favicon request) are the page's; everything else must be a documented endpoint.
  const ours = (hp: string) =>
    /^www\.okx\.com\/(trade-swap\/(btc|eth)-usdt-swap|favicon\.ico)$/.test(hp) ||
    OKX_REQUESTS.some((re) => re.test(hp));
  const offList = mock.log
    .map((e) => `${e.host}${e.path}`)
    .filter((hp) => !CHROMIUM_OWN_REQUESTS.some((re) => re.test(hp)))
    .filter((hp) => !ours(hp));
  expect(offList).toEqual([]);
  for (const re of OKX_REQUESTS)
    expect(
      mock.log.some((e) => re.test(`${e.host}${e.path}`)),
      String(re),
    ).toBe(true);

  const fromWorker = seenRequests.filter((r) => r.fromServiceWorker).map((r) => new URL(r.url).host);
  expect(fromWorker.length).toBeGreaterThan(0);
  for (const host of fromWorker) expect(API_HOSTS as readonly string[]).toContain(host);
  // The content script fetches nothing: every API request comes from the worker.
  const fromPages = seenRequests.filter((r) => !r.fromServiceWorker).map((r) => new URL(r.url));
  expect(fromPages.filter((u) => u.pathname.startsWith('/api/') || u.host === 'ws.okx.com').map((u) => u.href)).toEqual(
    [],
  );
});

/** Every form control's value and state, as the page sees them. */
function formState(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [
      ...document.querySelectorAll(
        'input, select, textarea, [role="tab"], [role="combobox"], [role="option"], [aria-pressed]',
      ),
    ].map((el) => {
      const a = (n: string) => el.getAttribute(n) ?? '';
      const value =
        el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement
          ? el.value
          : '';
      const checked = el instanceof HTMLInputElement ? String(el.checked) : a('aria-checked');
      return `${el.tagName}#${el.id}[${a('role')}|${el.textContent?.trim()}] value=${value} selected=${a('aria-selected')} checked=${checked} pressed=${a('aria-pressed')} disabled=${String((el as HTMLInputElement).disabled ?? '')}`;
    }),
  );
}

test('OKX: form values and the page DOM are never changed by the extension', async ({ page, mock, setSettings }) => {
  await setSettings({ maxLeverage: '3' });
  const o = await new OkxPage(page).goto();
  await o.typePrice('64321.5');
  await o.typeSize('35');
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
    mock.setPrice('okx-swap', BTC, price);
    await page.waitForTimeout(700);
  }
  expect(await mutations()).toEqual([]);
  expect(await formState(page)).toEqual(before);

  // A held submit click (guard: 10× is above the personal maximum of 3) changes nothing either.
  await o.sellButton().click();
  await waitForOverlay(page, (r) => r.guard !== null, 'guard shown', 5_000);
  expect(await formState(page)).toEqual(before);
  expect(await mutations()).toEqual([]);
  expect(await o.submittedOrders()).toEqual([]);
});
