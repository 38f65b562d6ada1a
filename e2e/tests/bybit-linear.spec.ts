// Bybit USDT perpetual end to end: the built extension in Chromium on the fixture page at
// https://www.bybit.com/trade/usdt/BTCUSDT, the mock serving Bybit's public v5 API.
// Expected figures = quoteJson(planQuote(form, side, snapshot, settings, now).input, bundledFacts())
// with the form as typed here (cross: the page's wallet balance and positions) and the snapshot as
// the feed's own parsers read the mock's answers (incl. the live risk-limit tier table).
import type { QuoteJson } from '../../src/core/serialize';
import { GUARD_CODES } from '../../src/ui/overlay/contract';
import type { MarketSnapshot } from '../../src/venues/types';
import type { Settings } from '../../src/settings/settings';
import { BybitPage } from '../harness/bybit-linear-page';
import { CHROMIUM_OWN_REQUESTS } from '../harness/chromium';
import { expectedFor, expectedView, snapshotFromMock, type ExpectedView } from '../harness/expected';
import { sameNumber, shownMark, waitForEngineFigures, wrongReadings } from '../harness/figures';
import { figuresOf, readOverlay, waitForOverlay } from '../harness/overlay';
import { watchServiceWorker } from '../harness/service-worker';
import { expect, test, type Page } from '../harness/test';
import type { FaultKind } from '../mock/faults';
import type { MockExchange } from '../mock/server';
import { receivedPings } from '../mock/venues/bybit-linear';

const P1 = '64210.5';
const P2 = '64987.3';

/** The feed's snapshot of the mock, with the mark (and last price) at `price` and aged by `staleMs`. */
function snapshotAt(mock: MockExchange, symbol: string, price: string, staleMs = 0): MarketSnapshot {
  const snapshot = snapshotFromMock(mock, 'bybit-linear', symbol, { staleMs });
  for (const key of ['markPrice', 'lastPrice'] as const) {
    const figure = snapshot.figures[key];
    if (!figure) throw new Error(`the feed read no ${key} from the mock`);
    snapshot.figures[key] = { ...figure, value: price };
  }
  return snapshot;
}

/** Expected view for what the page shows now, at a given served price (default: the mock's current one). */
function viewAt(
  b: BybitPage,
  mock: MockExchange,
  settings?: Settings,
  price?: string,
  staleMs = 0,
): () => ExpectedView {
  return () => {
    const served = price ?? mock.book.get('bybit-linear', b.symbol).price;
    return expectedView(b.form(), snapshotAt(mock, b.symbol, served, staleMs), settings);
  };
}

/** An isolated limit order with the overlay live at P1. */
async function liveAtP1(page: Page, mock: MockExchange): Promise<BybitPage> {
  mock.setPrice('bybit-linear', 'BTCUSDT', P1);
  const b = await new BybitPage(page).goto();
  await b.setMarginMode('isolated');
  await b.typePrice('63,500');
  await b.typeSize('0.400');
  await waitForEngineFigures(page, `live at ${P1}`, viewAt(b, mock, undefined, P1), { mark: 'live' });
  return b;
}

test.describe('Bybit: overlay = engine, both sides', () => {
  test("cross limit: the page's wallet balance and cross positions are used", async ({ page, mock }) => {
    mock.setPrice('bybit-linear', 'BTCUSDT', P1, { fundingRate: '0.00025' });
    const b = await new BybitPage(page).goto();
    await b.setLeverage('20');
    await b.typePrice('64,000');
    await b.typeSize('0.150');
    const expected = expectedFor(b.form(), 'long', snapshotAt(mock, 'BTCUSDT', P1));
    expect(expected.plan.balanceSource).toBe('page');
    expect(expected.plan.pagePositions).toBe(2);
    expect(expected.plan.tiers).toBe('live');
    const reading = await waitForEngineFigures(page, 'Bybit cross limit', viewAt(b, mock), { mark: 'live' });
    expect(reading.sides.sort()).toEqual(['long', 'short']);
    expect(sameNumber(shownMark(reading), P1)).toBe(true);
  });

  test('isolated limit beyond the first risk limit: the live tier table prices it', async ({ page, mock }) => {
    mock.setPrice('bybit-linear', 'BTCUSDT', P1);
    const b = await new BybitPage(page).goto();
    await b.setMarginMode('isolated');
    await b.setLeverage('50');
    await b.typePrice('64,000');
    await b.typeSize('40'); // 2,560,000 USDT: the second tier (bundled facts know only the first)
    const live = expectedFor(b.form(), 'long', snapshotAt(mock, 'BTCUSDT', P1));
    const withoutTiers = { ...snapshotAt(mock, 'BTCUSDT', P1), tiers: undefined };
    expect(live.figures).not.toBeNull();
    expect(live.figures).not.toEqual(expectedFor(b.form(), 'long', withoutTiers).figures);
    await waitForEngineFigures(page, 'Bybit isolated tier 2', viewAt(b, mock), { mark: 'live' });
  });

  test('isolated market, ordered by value (USDT); the figures follow the mark', async ({ page, mock }) => {
    mock.setPrice('bybit-linear', 'BTCUSDT', P1);
    const b = await new BybitPage(page).goto();
    await b.setMarginMode('isolated');
    await b.setType('market');
    await b.setUnit('quote');
    await b.typeSize('2,500');
    await waitForEngineFigures(page, 'Bybit market by value', viewAt(b, mock), { mark: 'live' });
    mock.setPrice('bybit-linear', 'BTCUSDT', P2);
    const reading = await waitForEngineFigures(page, 'Bybit market after a tick', viewAt(b, mock), { mark: 'live' });
    expect(sameNumber(shownMark(reading), P2)).toBe(true);
  });

  test('cross with a stop loss: the stop is part of the quote', async ({ page, mock }) => {
    mock.setPrice('bybit-linear', 'BTCUSDT', P1);
    const b = await new BybitPage(page).goto();
    await b.setLeverage('25');
    await b.typeSize('0.500');
    await b.setStopLoss('62,000');
    await waitForEngineFigures(page, 'Bybit cross with stop loss', viewAt(b, mock), { mark: 'live' });
    // With a take-profit too: the overlay's ROE (after fees) and R:R are the engine's (issue 12).
    await b.setTakeProfit('70,000');
    await waitForEngineFigures(page, 'Bybit cross with TP/SL', viewAt(b, mock), { mark: 'live' });
    const served = mock.book.get('bybit-linear', b.symbol).price;
    const engineOf = (side: 'long' | 'short') =>
      expectedFor(b.form(), side, snapshotAt(mock, b.symbol, served)).quote as QuoteJson;
    // The take-profit moves no figure the view compares (liquidation, margin, fees), so the view can
    // match before the overlay has read it: wait for the take-profit's own figure on both sides.
    await expect
      .poll(
        async () => {
          const r = await readOverlay(page);
          return (['long', 'short'] as const).every(
            (side) => figuresOf(r, side).roeAtTakeProfit === engineOf(side).returns?.roeAtTakeProfit,
          );
        },
        { timeout: 12_000 },
      )
      .toBe(true);
    const reading = await readOverlay(page);
    for (const side of ['long', 'short'] as const) {
      const engine = engineOf(side);
      const shown = figuresOf(reading, side);
      expect(engine.returns?.roeAtTakeProfit, side).toMatch(/^-?\d/);
      expect(shown.roeAtTakeProfit, `${side} ROE at take-profit`).toBe(engine.returns?.roeAtTakeProfit);
      expect(shown.roeAtStop, `${side} ROE at the stop`).toBe(engine.returns?.roeAtStop);
      expect(shown.riskReward, `${side} risk : reward`).toBe(engine.returns?.riskReward ?? '');
    }
  });
});

test("Bybit: BTCUSDT → ETHUSDT by pushState, priced with ETHUSDT's live tiers", async ({ page, mock }) => {
  mock.setPrice('bybit-linear', 'ETHUSDT', '3205.75', { fundingRate: '-0.00005' });
  const b = await new BybitPage(page).goto('BTCUSDT');
  await waitForEngineFigures(page, 'BTCUSDT', viewAt(b, mock), { mark: 'live' });
  await mock.waitFor('a BTCUSDT stream', () =>
    mock.openStreams().some((s) => s.venue === 'bybit-linear' && s.symbols.includes('BTCUSDT')),
  );
  const before = mock.log.length;

  await b.switchSymbol('ETHUSDT');
  await b.typePrice('3,150');
  await b.typeSize('2');
  // No bundled ETHUSDT tiers: only the live risk-limit table makes this quote possible.
  expect(expectedView(b.form(), null).state).not.toBe('ok');
  const reading = await waitForEngineFigures(page, 'ETHUSDT', viewAt(b, mock), { mark: 'live' });
  expect(reading.state).toBe('ok');
  expect(sameNumber(shownMark(reading), '3205.75')).toBe(true);
  expect(reading.text).toContain('ETHUSDT');

  const after = mock.log.slice(before);
  for (const path of ['/v5/market/tickers', '/v5/market/risk-limit', '/v5/market/instruments-info']) {
    expect(
      after.some((e) => e.host === 'api.bybit.com' && e.path === `${path}?category=linear&symbol=ETHUSDT`),
      path,
    ).toBe(true);
  }
  await mock.waitFor('an ETHUSDT stream and no BTCUSDT stream', () => {
    const streams = mock.openStreams().filter((s) => s.venue === 'bybit-linear');
    return streams.some((s) => s.symbols.includes('ETHUSDT')) && !streams.some((s) => s.symbols.includes('BTCUSDT'));
  });
});

test('Bybit: liquidation closer than the minimum distance holds the first Buy/Long click once', async ({
  page,
  mock,
  setSettings,
}) => {
  const settings = await setSettings({ minLiquidationDistance: '0.2' });
  const b = await new BybitPage(page).goto();
  await b.setMarginMode('isolated');
  await b.setLeverage('20');
  const quote = expectedFor(b.form(), 'long', snapshotFromMock(mock, 'bybit-linear', 'BTCUSDT'), settings).quote;
  const expected =
    quote && !('error' in quote)
      ? quote.warnings
          .map((w) => w.code)
          .filter((c) => (GUARD_CODES as readonly string[]).includes(c))
          .sort()
      : [];
  expect(expected).toContain('LIQUIDATION_NEAR');
  await waitForOverlay(page, (r) => r.state === 'ok' && r.mark === 'live', 'overlay with figures');

  await b.buyButton().click();
  const held = await waitForOverlay(page, (r) => r.guard !== null, 'data-guard after the first click', 5_000);
  expect(held.guard!.split(',').sort()).toEqual(expected);
  expect(await b.submittedOrders()).toEqual([]);

  await b.buyButton().click();
  await expect.poll(() => b.submittedOrders()).toEqual(['Buy/Long limit 0.100']);
});

test.describe('Bybit: market data failures', () => {
  const FAULTS: Array<{ kind: FaultKind; what: string }> = [
    { kind: '500', what: 'HTTP 500' },
    { kind: 'malformed', what: 'malformed JSON' },
  ];

  for (const { kind, what } of FAULTS) {
    test(`REST + WS ${what}: last good figures, then recovery at the new price`, async ({ page, mock }) => {
      const b = await liveAtP1(page, mock);
      const start = Date.now();
      mock.fault('bybit-linear.*', kind);
      mock.dropWebSockets('bybit-linear');
      mock.setPrice('bybit-linear', 'BTCUSDT', P2);
      expect(
        await wrongReadings(page, 5_000, { live: [viewAt(b, mock, undefined, P1), viewAt(b, mock, undefined, P2)] }),
      ).toEqual([]);
      const tries = mock.requests((e) => e.endpoint === 'bybit-linear.tickers' && e.time >= start);
      expect(tries.length, 'the background kept trying the ticker').toBeGreaterThan(0);
      expect(tries.length, 'but it backs off instead of hammering').toBeLessThanOrEqual(6);
      mock.resetFaults();
      await waitForEngineFigures(page, `recovered at ${P2}`, viewAt(b, mock, undefined, P2), {
        mark: 'live',
        timeoutMs: 25_000,
      });
    });
  }

  test('HTTP 429 with Retry-After on the ticker is obeyed while the stream is refused', async ({ page, mock }) => {
    const b = await liveAtP1(page, mock);
    const start = Date.now();
    mock.fault('bybit-linear.ws', '429');
    mock.dropWebSockets('bybit-linear');
    mock.fault('bybit-linear.tickers', '429', { count: 1, retryAfterSeconds: 8 });
    mock.setPrice('bybit-linear', 'BTCUSDT', P2);
    const limited = await mock.waitFor(
      'a ticker request answered 429',
      () => mock.requests((e) => e.endpoint === 'bybit-linear.tickers' && e.time >= start && e.status === 429)[0],
      15_000,
    );
    const next = mock.waitFor(
      'the next ticker request',
      () => mock.requests((e) => e.endpoint === 'bybit-linear.tickers' && e.time > limited.time)[0],
      20_000,
    );
    expect(
      await wrongReadings(page, 5_000, { live: [viewAt(b, mock, undefined, P1), viewAt(b, mock, undefined, P2)] }),
    ).toEqual([]);
    expect((await next).time - limited.time, 'Retry-After: 8 obeyed').toBeGreaterThanOrEqual(7_900);
    await waitForEngineFigures(page, `REST price ${P2} through`, viewAt(b, mock, undefined, P2), {
      mark: 'live',
      timeoutMs: 10_000,
    });
  });

  test('stale mark: stream frozen and ticker failing → marked stale after 15 s; pings go on over the quiet socket; live again after', async ({
    page,
    mock,
  }) => {
    const b = await liveAtP1(page, mock);
    const frozenAt = Date.now();
    mock.freeze('bybit-linear');
    mock.fault('bybit-linear.tickers', '500');
    await waitForEngineFigures(page, 'stale', viewAt(b, mock, undefined, P1, 20_000), {
      mark: 'stale',
      timeoutMs: 30_000,
    });
    // The extension pings every 20 s; the mock answers with a pong even while frozen.
    await mock.waitFor('an {"op":"ping"} from the extension', () => receivedPings.some((t) => t > frozenAt), 15_000);
    expect(mock.requests((e) => e.endpoint === 'bybit-linear.ws' && e.time >= frozenAt)).toEqual([]);
    mock.freeze('bybit-linear', false);
    mock.resetFaults();
    mock.setPrice('bybit-linear', 'BTCUSDT', P2);
    await waitForEngineFigures(page, 'live again', viewAt(b, mock, undefined, P2), { mark: 'live', timeoutMs: 25_000 });
  });

  test('unavailable from the start: a limit order is quoted on its own price, a market order has none', async ({
    page,
    context,
    extensionId,
    serviceWorker,
    mock,
  }) => {
    // Start from nothing: the worker would otherwise restore the earlier tests' cached BTCUSDT figures.
    // Its cache writes are coalesced (2 s): let the last one land, clear it, then stop the worker.
    await page.waitForTimeout(2_500);
    await (await serviceWorker()).evaluate(() => (globalThis as any).chrome.storage.session.clear());
    const worker = await watchServiceWorker(context, extensionId);
    try {
      await worker.stopAll();
      await worker.waitFor('stopped');
    } finally {
      await worker.close();
    }
    mock.fault('bybit-linear.*', '500');
    const b = await new BybitPage(page).goto();
    await b.setMarginMode('isolated');
    await b.typeSize('0.200');
    await waitForEngineFigures(page, 'no market data, limit', () => expectedView(b.form(), null), { mark: 'missing' });
    await b.setType('market');
    await waitForOverlay(page, (r) => r.state === 'no-price', 'a market order without any price');
    mock.resetFaults();
    await waitForEngineFigures(page, 'data back, market', viewAt(b, mock), { mark: 'live', timeoutMs: 35_000 });
  });

  test('hostile stream messages (another symbol, a negative or numeric mark, garbage) change nothing', async ({
    page,
    mock,
  }) => {
    const b = await liveAtP1(page, mock);
    await mock.waitFor('a Bybit stream', () =>
      mock.openStreams().some((s) => s.venue === 'bybit-linear' && s.symbols.includes('BTCUSDT')),
    );
    mock.freeze('bybit-linear'); // only the messages below reach the extension
    const delta = (topic: string, symbol: string, mark: string) =>
      `{"topic":"${topic}","type":"delta","data":{"symbol":"${symbol}","markPrice":${mark}},"cs":1,"ts":${Date.now()}}`;
    for (const text of [
      delta('tickers.ETHUSDT', 'ETHUSDT', '"1.5"'),
      delta('tickers.BTCUSDT', 'ETHUSDT', '"1.5"'),
      delta('tickers.BTCUSDT', 'BTCUSDT', '"-64000"'),
      delta('tickers.BTCUSDT', 'BTCUSDT', '64000'),
      '{"topic":"tickers.BTCUSDT"',
      'null',
      '[]',
    ]) {
      expect(mock.pushWs('bybit-linear', text)).toBeGreaterThan(0);
    }
    expect(await wrongReadings(page, 1_500, { live: [viewAt(b, mock, undefined, P1)] })).toEqual([]);
    mock.freeze('bybit-linear', false);
    mock.setPrice('bybit-linear', 'BTCUSDT', P2);
    await waitForEngineFigures(page, `stream price ${P2}`, viewAt(b, mock, undefined, P2), {
      mark: 'live',
      timeoutMs: 10_000,
    });
  });
});

/** Chromium's own background traffic (not the extension's): the harness list, plus its device check-in. */
const BROWSER_OWN_REQUESTS: readonly RegExp[] = CHROMIUM_OWN_REQUESTS;

/** Exactly the public endpoints src/venues/bybit-linear/feed.ts calls. */
const BYBIT_REQUESTS: readonly RegExp[] = [
  /^api\.bybit\.com\/v5\/market\/(tickers|risk-limit|instruments-info)\?category=linear&symbol=(BTCUSDT|ETHUSDT)$/,
  /^stream\.bybit\.com\/v5\/public\/linear$/,
];

test('Bybit: only the allowlisted public endpoints are contacted, only by the service worker', async ({
  page,
  mock,
  seenRequests,
}) => {
  const b = await new BybitPage(page).goto();
  await waitForOverlay(page, (r) => r.state === 'ok' && r.mark === 'live', 'BTCUSDT overlay live');
  await b.switchSymbol('ETHUSDT');
  await waitForOverlay(
    page,
    (r) => r.state === 'ok' && r.mark === 'live' && r.text.includes('ETHUSDT'),
    'ETHUSDT overlay live',
  );
  await page.waitForTimeout(2_000);

  const offList = mock.log
    .map((e) => `${e.host}${e.path}`)
    .filter((hp) => !BROWSER_OWN_REQUESTS.some((re) => re.test(hp)))
    .filter((hp) => !hp.startsWith('www.bybit.com/trade/usdt/'))
    .filter((hp) => !BYBIT_REQUESTS.some((re) => re.test(hp)));
  expect(offList).toEqual([]);
  for (const path of ['tickers', 'risk-limit', 'instruments-info']) {
    expect(
      mock.log.some((e) => e.host === 'api.bybit.com' && e.path.startsWith(`/v5/market/${path}?`)),
      path,
    ).toBe(true);
  }
  expect(mock.log.some((e) => e.host === 'stream.bybit.com' && e.status === 101)).toBe(true);

  const fromWorker = seenRequests.filter((r) => r.fromServiceWorker).map((r) => new URL(r.url).host);
  expect(fromWorker.length).toBeGreaterThan(0);
  for (const host of fromWorker) expect(['api.bybit.com', 'stream.bybit.com']).toContain(host);
  const fromPage = seenRequests.filter((r) => !r.fromServiceWorker).map((r) => new URL(r.url).host);
  expect(fromPage.filter((host) => host !== 'www.bybit.com')).toEqual([]);
});

/** Every form control's value and state, as the page sees them. */
function formState(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('input, [role="tab"], [role="menuitemradio"], [aria-pressed], [aria-expanded]')].map(
      (el) => {
        const a = (n: string) => el.getAttribute(n) ?? '';
        const input = el instanceof HTMLInputElement ? `${el.value}|${String(el.checked)}|${String(el.disabled)}` : '';
        return `${el.tagName}[${el.textContent?.trim()}] ${input} selected=${a('aria-selected')} checked=${a('aria-checked')} pressed=${a('aria-pressed')} expanded=${a('aria-expanded')}`;
      },
    ),
  );
}

test('Bybit: the form and the page DOM are never changed by the extension, a held click included', async ({
  page,
  mock,
  setSettings,
}) => {
  await setSettings({ maxLeverage: '5' });
  const b = await new BybitPage(page).goto();
  await b.typePrice('64,321.5');
  await b.typeSize('0.350');
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
    mock.setPrice('bybit-linear', 'BTCUSDT', price);
    await page.waitForTimeout(700);
  }
  expect(await mutations()).toEqual([]);
  expect(await formState(page)).toEqual(before);

  // Leverage 10 is above the personal maximum of 5: the first Sell/Short click is held.
  await b.sellButton().click();
  await waitForOverlay(page, (r) => r.guard !== null, 'guard shown', 5_000);
  expect(await formState(page)).toEqual(before);
  expect(await mutations()).toEqual([]);
  expect(await b.submittedOrders()).toEqual([]);
  expect((await readOverlay(page)).state).toBe('ok');
});
