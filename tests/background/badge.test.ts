// The toolbar badge: text, colour and tooltip for a few quotes, and its life cycle per tab. It
// draws the quotes the background computed for the port (quoteSides), never its own.
import { beforeEach, describe, expect, it } from 'vitest';
import { createBackground, type Background } from '../../src/background/app';
import { BADGE_COLORS, computeBadge as drawBadge } from '../../src/background/badge/compute';
import { quoteSides } from '../../src/venues/quote-sides';
import { BADGE_UPDATE_MS } from '../../src/background/badge/controller';
import { formatBadgePercent, formatPrice } from '../../src/background/badge/format';
import { MARKET_PORT } from '../../src/messaging/messages';
import { DEFAULT_SETTINGS, SETTINGS_KEY, type Settings } from '../../src/settings/settings';
import type { Figure, MarketSnapshot, OrderForm } from '../../src/venues/types';
import {
  binanceTab,
  EXTENSION_ID,
  FakeAction,
  FakeClock,
  FakeFetch,
  FakePort,
  FakeStorage,
  fixture,
  jsonResponse,
  recordingLog,
  socketFactory,
  T0,
} from './fakes';

const fig = (value: string, ageMs = 3_000): Figure => ({
  value,
  receivedAt: T0 - ageMs,
  exchangeTime: null,
  source: 'stream',
});

const binanceForm: OrderForm = {
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
};
const binanceMarket = (mark = '20000', ageMs = 3_000, extra: Partial<MarketSnapshot> = {}): MarketSnapshot => ({
  venue: 'binance-usdm',
  symbol: 'BTCUSDT',
  figures: { markPrice: fig(mark, ageMs) },
  status: 'live',
  lastError: null,
  ...extra,
});
const krakenForm: OrderForm = {
  ...binanceForm,
  venue: 'kraken-margin',
  symbol: 'BTC/USD',
  marginMode: 'cross',
  size: { unit: 'base', value: '0.5' },
  leverage: '5',
};
const krakenMarket: MarketSnapshot = {
  venue: 'kraken-margin',
  symbol: 'BTC/USD',
  figures: { markPrice: fig('65000'), marginCallLevel: fig('80'), liquidationLevel: fig('40'), maxLeverage: fig('5') },
  status: 'live',
  lastError: null,
};
const withBalance: Settings = { ...DEFAULT_SETTINGS, accountBalance: { 'kraken-margin': '10000' } };

/** The badge for the quotes the background computes for this form, market and settings. */
function computeBadge(
  form: OrderForm,
  snapshot: MarketSnapshot | null,
  settings: Settings,
  now: number,
  quoteAsset: string | null,
) {
  return drawBadge(form, quoteSides(form, snapshot, settings, now), snapshot, settings, quoteAsset);
}

describe('badge view', () => {
  it('amber with the key figures in the title when liquidation is inside the limit (issue 12: graded)', () => {
    const view = computeBadge(binanceForm, binanceMarket(), DEFAULT_SETTINGS, T0, 'USDT');
    expect(view.text).toBe('4.6%');
    expect(view.color).toBe(BADGE_COLORS.warn); // 4.6 % inside a 5 % limit: amber, red only under 2.5 %
    expect(view.title.split('\n')[0]).toBe(
      'Margin Preflight — BTCUSDT long 20×: liquidation 19,076.3 (4.6 % from mark 20,000), margin level 8 %, initial margin 1,000 USDT; mark 3 s old',
    );
    expect(view.title).toMatch(/⚠ Liquidation is 4\.62 %/);
  });

  it('red under half the limit, amber inside it, green beyond it (issue 12: graded)', () => {
    expect(computeBadge({ ...binanceForm, leverage: '50' }, binanceMarket(), DEFAULT_SETTINGS, T0, 'USDT').color).toBe(
      BADGE_COLORS.danger,
    );
    expect(
      computeBadge({ ...binanceForm, leverage: '10' }, binanceMarket(), DEFAULT_SETTINGS, T0, 'USDT'),
    ).toMatchObject({ text: '9.6%', color: BADGE_COLORS.ok });
    expect(
      computeBadge({ ...binanceForm, leverage: '5' }, binanceMarket(), DEFAULT_SETTINGS, T0, 'USDT'),
    ).toMatchObject({ text: '19%', color: BADGE_COLORS.ok });
    // A stricter personal limit turns the same order red (19 % is under half of 40 %).
    const strict = { ...DEFAULT_SETTINGS, minLiquidationDistance: '0.4' };
    expect(computeBadge({ ...binanceForm, leverage: '5' }, binanceMarket(), strict, T0, 'USDT').color).toBe(
      BADGE_COLORS.danger,
    );
  });

  it('quotes both sides of a Binance form and shows the worse', () => {
    const view = computeBadge({ ...binanceForm, side: 'both' }, binanceMarket(), DEFAULT_SETTINGS, T0, 'USDT');
    expect(view.text).toBe('4.5%');
    expect(view.title.split('\n').slice(0, 3)).toEqual([
      'Margin Preflight — BTCUSDT 20×',
      'long: liquidation 19,076.3 (4.6 % from mark 20,000), margin level 8 %, initial margin 1,000 USDT',
      'short: liquidation 20,916.3 (4.5 % from mark 20,000), margin level 8 %, initial margin 1,000 USDT',
    ]);
  });

  it('Kraken cross margin with a balance: distance, margin level in percent', () => {
    const view = computeBadge(krakenForm, krakenMarket, withBalance, T0, 'USD');
    expect(view).toMatchObject({ text: '22%', color: BADGE_COLORS.ok });
    expect(view.title).toBe(
      'Margin Preflight — BTC/USD long 5×: liquidation 50,200 (22.7 % from mark 65,000), margin level 153.8 %, initial margin 6,500 USD; mark 3 s old',
    );
  });

  it('"!" and grey when it cannot know: no price, or cross margin without a balance', () => {
    expect(computeBadge(binanceForm, null, DEFAULT_SETTINGS, T0, 'USDT')).toMatchObject({
      text: '!',
      color: BADGE_COLORS.unknown,
    });
    const noBalance = computeBadge(krakenForm, krakenMarket, DEFAULT_SETTINGS, T0, 'USD');
    expect(noBalance).toMatchObject({ text: '!', color: BADGE_COLORS.unknown });
    expect(noBalance.title).toMatch(/enter your account balance/);
  });

  it('"!" and grey, not a green "–", when the page’s open positions cannot be weighed', () => {
    const bybitForm: OrderForm = { ...binanceForm, venue: 'bybit-linear', marginMode: 'cross', leverage: '5' };
    const bybitMarket: MarketSnapshot = { ...binanceMarket(), venue: 'bybit-linear' };
    const tooMany = computeBadge(
      { ...bybitForm, account: { walletBalance: '20000', positions: null, positionsTooMany: true } },
      bybitMarket,
      DEFAULT_SETTINGS,
      T0,
      'USDT',
    );
    expect(tooMany).toMatchObject({ text: '!', color: BADGE_COLORS.unknown });
    expect(tooMany.title).toMatch(/more open positions than are read, so no liquidation price/);
    const misread = {
      symbol: 'ETHUSDT',
      side: 'short' as const,
      quantity: '2',
      entryPrice: '3',
      markPrice: '3100',
      maintenanceMargin: '31',
    };
    const unknown = computeBadge(
      { ...bybitForm, account: { walletBalance: '20000', positions: [misread] } },
      bybitMarket,
      DEFAULT_SETTINGS,
      T0,
      'USDT',
    );
    expect(unknown).toMatchObject({ text: '!', color: BADGE_COLORS.unknown });
    expect(unknown.title).toMatch(/open positions ETHUSDT cannot be weighed/);
    // The control: the same position read right is weighed and the badge shows the distance.
    expect(
      computeBadge(
        { ...bybitForm, account: { walletBalance: '20000', positions: [{ ...misread, entryPrice: '3000' }] } },
        bybitMarket,
        DEFAULT_SETTINGS,
        T0,
        'USDT',
      ).text,
    ).toMatch(/^\d+(\.\d)?%$/);
  });

  it('"–" when nothing can be liquidated', () => {
    expect(
      computeBadge({ ...binanceForm, leverage: '1' }, binanceMarket(), DEFAULT_SETTINGS, T0, 'USDT'),
    ).toMatchObject({ text: '–', color: BADGE_COLORS.ok });
    expect(
      computeBadge({ ...krakenForm, marginEnabled: false }, krakenMarket, DEFAULT_SETTINGS, T0, 'USD'),
    ).toMatchObject({ text: '–' });
  });

  it('never green on a stale mark, and says why', () => {
    const stale = binanceMarket('20000', 60_000, {
      status: 'degraded',
      lastError: 'HTTP 500 from fapi.binance.com, retrying in 4 s',
    });
    const view = computeBadge({ ...binanceForm, leverage: '3' }, stale, DEFAULT_SETTINGS, T0, 'USDT');
    expect(view.color).toBe(BADGE_COLORS.unknown);
    expect(view.title).toMatch(
      /from price 20,000\), .*; mark 60 s old \(stale\)\nOLD: the figures rest on an old mark price; they update when a fresh one arrives\nMarket data: HTTP 500 from fapi\.binance\.com, retrying in 4 s$/,
    );
  });

  it('a market order on a stale mark: a grey "OLD", not a distance (issue 12 #8)', () => {
    // 3× isolated, 33 % from liquidation: green on a fresh mark.
    const fresh = computeBadge({ ...binanceForm, leverage: '3' }, binanceMarket(), DEFAULT_SETTINGS, T0, 'USDT');
    expect(fresh).toMatchObject({ text: '33%', color: BADGE_COLORS.ok });
    const old = computeBadge(
      { ...binanceForm, leverage: '3' },
      binanceMarket('20000', 60_000),
      DEFAULT_SETTINGS,
      T0,
      'USDT',
    );
    expect(old).toMatchObject({ text: 'OLD', color: BADGE_COLORS.unknown });
    expect(old.text.length).toBeLessThanOrEqual(4);
    const both = computeBadge(
      { ...binanceForm, side: 'both', leverage: '1' },
      binanceMarket('20000', 60_000),
      DEFAULT_SETTINGS,
      T0,
      'USDT',
    );
    expect(both).toMatchObject({ text: 'OLD', color: BADGE_COLORS.unknown });
    // A limit order rests on its own price: the distance stays, grey without a fresh mark.
    const limit = computeBadge(
      { ...binanceForm, leverage: '3', type: 'limit', price: '20000' },
      binanceMarket('20000', 60_000),
      DEFAULT_SETTINGS,
      T0,
      'USDT',
    );
    expect(limit).toMatchObject({ text: '33%', color: BADGE_COLORS.unknown });
  });

  it('formats short numbers', () => {
    expect(['0.0421', '0.12', '0.0999', '0.00049', '3.5', '12'].map(formatBadgePercent)).toEqual([
      '4.2%',
      '12%',
      '9.9%',
      '0.0%',
      '350%',
      '999+',
    ]);
    expect(['19700', '65000.123', '0.000123456789', '1234567.8'].map(formatPrice)).toEqual([
      '19,700',
      '65,000.1',
      '0.000123457',
      '1,234,570',
    ]);
  });
});

describe('badge per tab', () => {
  let clock: FakeClock;
  let action: FakeAction;
  let sync: FakeStorage;
  let app: Background;
  let port: FakePort;
  const tab = 8;

  beforeEach(async () => {
    clock = new FakeClock();
    action = new FakeAction();
    sync = new FakeStorage({ [SETTINGS_KEY]: { minLiquidationDistance: '0.02' } });
    const fetch = new FakeFetch()
      .route('/fapi/v1/premiumIndex', () =>
        jsonResponse({ ...(fixture('binance-usdm', 'premium-index.json') as object), markPrice: '20000', time: T0 }),
      )
      .route('/fapi/v1/fundingInfo', () => jsonResponse([]));
    app = createBackground({
      extensionId: EXTENSION_ID,
      extensionOrigin: 'chrome-extension://margin-preflight-test',
      clock,
      fetch: fetch.fn,
      sockets: socketFactory().Socket,
      random: () => 0.5,
      log: recordingLog(),
      cacheArea: new FakeStorage(),
      syncArea: sync,
      action,
    });
    await app.ready;
    port = new FakePort(MARKET_PORT, binanceTab(tab));
    app.onConnect(port);
    port.emit(formMessage(null));
    await clock.advance(0);
  });

  let seq = 0;
  const formMessage = (form: OrderForm | null) => ({
    type: 'cs→bg:form-changed',
    seq: ++seq,
    venue: 'binance-usdm',
    symbol: 'BTCUSDT',
    form,
  });

  it('follows the form with the background’s own snapshot and the stored settings', async () => {
    port.emit(formMessage(binanceForm));
    await clock.advance(0);
    // Stored limit 2 %: 4.6 % is more than twice that, so green.
    expect(action.text.get(tab)).toBe('4.6%');
    expect(action.color.get(tab)).toBe(BADGE_COLORS.ok);
    expect(action.title.get(tab)).toMatch(
      /^Margin Preflight — BTCUSDT long 20×: liquidation 19,076\.3 \(4\.6 % from mark 20,000\)/,
    );

    // The user tightens the limit: the badge turns red without a new form message (4.6 % is under half of 10 %).
    app.onStorageChanged({ [SETTINGS_KEY]: { newValue: { minLiquidationDistance: '0.1' } } }, 'sync');
    await clock.advance(BADGE_UPDATE_MS);
    expect(action.color.get(tab)).toBe(BADGE_COLORS.danger);
    // Changes in another storage area are not settings.
    app.onStorageChanged({ [SETTINGS_KEY]: { newValue: { minLiquidationDistance: '0.001' } } }, 'local');
    await clock.advance(BADGE_UPDATE_MS);
    expect(action.color.get(tab)).toBe(BADGE_COLORS.danger);
  });

  it('clears on a null form and when the content script goes away', async () => {
    port.emit(formMessage(binanceForm));
    await clock.advance(0);
    port.emit(formMessage(null));
    await clock.advance(0);
    expect(action.text.get(tab)).toBe('');
    expect(action.title.get(tab)).toBe('Margin Preflight');
    port.emit(formMessage(binanceForm));
    await clock.advance(BADGE_UPDATE_MS);
    expect(action.text.get(tab)).toBe('4.6%');
    port.close();
    expect(action.text.get(tab)).toBe('');
  });

  it('clears when the form is refused, stays clear while the market ticks, and comes back with a good form', async () => {
    port.emit(formMessage(binanceForm));
    await clock.advance(0);
    expect(action.text.get(tab)).toBe('4.6%');
    // A schema refusal, then a price that does not fit the market (mark 20,000).
    for (const refused of [
      { ...binanceForm, leverage: '-20' },
      { ...binanceForm, type: 'limit' as const, price: '20' },
    ]) {
      port.emit(formMessage(refused));
      await clock.advance(0);
      expect(action.text.get(tab)).toBe('');
      expect(action.title.get(tab)).toBe('Margin Preflight');
      await clock.advance(10 * BADGE_UPDATE_MS); // staleness ticks and throttled updates: nothing brings the old figures back
      expect(action.text.get(tab)).toBe('');
      port.emit(formMessage(binanceForm));
      await clock.advance(BADGE_UPDATE_MS);
      expect(action.text.get(tab)).toBe('4.6%');
    }
  });

  it('a refusal right after a new form cancels the throttled badge update of that form', async () => {
    port.emit(formMessage(binanceForm));
    await clock.advance(0);
    port.emit(formMessage({ ...binanceForm, leverage: '10' })); // waits for the badge's 500 ms
    port.emit(formMessage({ ...binanceForm, leverage: 'ten' }));
    await clock.advance(2 * BADGE_UPDATE_MS);
    expect(action.text.get(tab)).toBe('');
  });

  it('does not call the browser again when nothing visible changed', async () => {
    port.emit(formMessage(binanceForm));
    await clock.advance(0);
    const calls = action.calls;
    port.emit(formMessage(binanceForm));
    await clock.advance(BADGE_UPDATE_MS);
    expect(action.calls).toBe(calls);
    app.onTabRemoved(tab);
    port.emit(formMessage({ ...binanceForm, leverage: '50' }));
    await clock.advance(BADGE_UPDATE_MS);
    expect(action.text.get(tab)).toBe('1.6%');
  });
});
