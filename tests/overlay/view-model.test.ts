// The view model: the background's quotes (quote JSON + plan, as they travel) → states, rows,
// risk and banners, computed with the real engine.
import { describe, expect, it } from 'vitest';
import { FIGURES } from '../../src/ui/overlay/contract';
import { buildView, type OverlayModel } from '../../src/ui/overlay/view-model';
import type { FormReading, MarketSnapshot, OrderForm } from '../../src/venues/types';
import { binanceForm, krakenForm, marketOf, NOW, ok, settings, snapshot, wireQuotes } from '../content/fixtures';

function view(form: OrderForm, snap: MarketSnapshot | null, over: Partial<OverlayModel> = {}) {
  const s = over.settings ?? settings();
  return buildView({
    reading: ok(form),
    quotes: wireQuotes(form, snap, s),
    market: marketOf(snap),
    settings: s,
    guard: null,
    now: NOW,
    pending: false,
    ...over,
  });
}

const figure = (v: ReturnType<typeof view>, side: string, key: string) =>
  v.columns.find((c) => c.side === side)?.figures.find((f) => f.key === key);

describe('ok state', () => {
  it('one column per side for a two-button form, every FIGURE in order (no margin call at a perpetual venue), raw values kept', () => {
    const v = view(binanceForm(), snapshot('65010.2'));
    expect(v.state).toBe('ok');
    expect(v.mark).toBe('live');
    expect(v.columns.map((c) => c.side)).toEqual(['long', 'short']);
    for (const c of v.columns)
      expect(c.figures.map((f) => f.key)).toEqual(FIGURES.filter((k) => k !== 'marginCallPrice'));
    const liq = figure(v, 'long', 'liquidationPrice')!;
    expect(liq.value).toMatch(/^\d+\.\d{10,}$/); // unrounded engine string
    expect(liq.text).toMatch(/^5\d,\d{3}\.\d{1,2} USDT$/);
    expect(figure(v, 'long', 'liquidationDistance')!.text).toMatch(/^\d+(\.\d+)? %$/);
    expect(figure(v, 'long', 'fees.open')!.text).toBe('1.30 USDT');
    expect(figure(v, 'long', 'carry.total')!.label).toBe('Funding over 24 h');
    expect(figure(v, 'long', 'marginCallPrice')).toBeUndefined();
    expect(v.markLine).toMatchObject({ value: '65010.2', text: 'mark 65,010.2 USDT', ageMs: 2000, ageText: '2 s old' });
    // NOW is 2027-01-15: the bundled fee rates and brackets (2026-11-24) are over 30 days old.
    expect(v.banners).toEqual([
      {
        kind: 'old-facts',
        severity: 'info',
        text: "Fee rates from bundled facts dated 2026-11-24 (52 days old): check the venue's current rates",
      },
      {
        kind: 'old-facts',
        severity: 'info',
        text: "Maintenance tiers from bundled facts dated 2026-11-24 (52 days old): check the venue's current tiers",
      },
    ]);
    expect(v.columns[0]!.assumptions.length).toBeGreaterThan(0);
  });

  it('an unknown funding rate is not a zero carry (issue 12 #3)', () => {
    const unknown = figure(view(binanceForm(), snapshot('65010.2')), 'long', 'carry.total')!;
    expect(unknown).toMatchObject({ value: '', text: 'not included (rate unknown)' });
    const rate = (value: string) =>
      snapshot('65010.2', 2_000, {
        figures: {
          markPrice: { value: '65010.2', receivedAt: NOW - 2_000, exchangeTime: null, source: 'stream' },
          fundingRate: { value, receivedAt: NOW - 2_000, exchangeTime: null, source: 'stream' },
        },
      });
    const zero = figure(view(binanceForm(), rate('0')), 'long', 'carry.total')!;
    expect(zero.text).toBe('none');
    const paid = figure(view(binanceForm(), rate('0.0001')), 'long', 'carry.total')!;
    expect(paid.text).toMatch(/^\d[\d,]*\.\d{2} USDT \(paid\)$/);
  });

  it('one column for a one-side form', () => {
    const v = view(binanceForm({ side: 'short' }), snapshot('65010.2'));
    expect(v.columns.map((c) => c.side)).toEqual(['short']);
  });

  it('a margin call the venue has vs one that needs the balance', () => {
    // Binance USDⓈ-M has no margin call: no row at all (it used to say "none at this venue").
    expect(figure(view(binanceForm(), snapshot('65000')), 'long', 'marginCallPrice')).toBeUndefined();
    // Kraken has one, but cross margin without a balance cannot place it.
    const k = view(krakenForm(), null);
    expect(figure(k, 'long', 'marginCallPrice')).toMatchObject({ value: '', text: '— enter balance' });
    expect(figure(k, 'long', 'liquidationPrice')!.text).toBe('— enter balance');
    // With the balance it is a price, or none when no price reaches it (a well-funded account).
    const funded = view(krakenForm(), null, { settings: settings({ accountBalance: { 'kraken-margin': '10000' } }) });
    expect(figure(funded, 'long', 'marginCallPrice')).toMatchObject({ value: '', text: 'none (no price reaches it)' });
    const tight = view(krakenForm({ leverage: '5', size: { unit: 'base', value: '1' } }), null, {
      settings: settings({ accountBalance: { 'kraken-margin': '20000' } }),
    });
    expect(figure(tight, 'long', 'marginCallPrice')!.text).toMatch(/^\d[\d,]*(\.\d+)? USD$/);
  });

  it('pending: the figures answer an earlier form', () => {
    expect(view(binanceForm(), snapshot('65000')).pending).toBe(false);
    expect(view(binanceForm(), snapshot('65000'), { pending: true }).pending).toBe(true);
  });

  it('the header ages the mark on the page clock; the plan is the background’s', () => {
    const snap = snapshot('65010.2', 2_000);
    const v = view(binanceForm(), snap, { now: NOW + 20_000 });
    expect(v.markLine).toMatchObject({ ageMs: 22_000, ageText: '22 s old, stale' });
    expect(v.mark).toBe('stale'); // the quotes were computed while it was live; now it is not
  });

  it('margin level in the venue unit: percent for Kraken', () => {
    const v = view(krakenForm(), null, { settings: settings({ accountBalance: { 'kraken-margin': '10000' } }) });
    expect(figure(v, 'long', 'marginLevel')!.text).toMatch(/ %$/);
    // The opening fee and the rollovers together; the rows after it split them (issue 12, beginner words).
    expect(figure(v, 'long', 'carry.total')!.label).toBe('Margin fees over 24 h (opening + rollover)');
  });
});

describe('risk', () => {
  it('danger under half the limit, warn inside the limit, ok beyond (issue 12: graded)', () => {
    // 10× isolated long: liquidation roughly 9–10 % below entry.
    expect(
      view(binanceForm({ side: 'long' }), snapshot('65000'), { settings: settings({ minLiquidationDistance: '0.2' }) })
        .risk,
    ).toBe('danger');
    expect(
      view(binanceForm({ side: 'long' }), snapshot('65000'), { settings: settings({ minLiquidationDistance: '0.15' }) })
        .risk,
    ).toBe('warn');
    expect(
      view(binanceForm({ side: 'long' }), snapshot('65000'), { settings: settings({ minLiquidationDistance: '0.06' }) })
        .risk,
    ).toBe('ok');
    expect(
      view(binanceForm({ side: 'long' }), snapshot('65000'), { settings: settings({ minLiquidationDistance: '0.02' }) })
        .risk,
    ).toBe('ok');
  });

  it('danger from a danger warning and the guard wording names the numbers', () => {
    const form = binanceForm({ side: 'long', leverage: '50' });
    const s = settings({ minLiquidationDistance: '0.05' });
    const v = view(form, snapshot('65000'), {
      settings: s,
      guard: { codes: ['LIQUIDATION_NEAR'], side: 'long', via: 'click' },
    });
    expect(v.risk).toBe('danger');
    expect(v.columns[0]!.warnings.map((w) => w.code)).toContain('LIQUIDATION_NEAR');
    expect(v.guard!.codes).toEqual(['LIQUIDATION_NEAR']);
    expect(v.guard!.text).toMatch(
      /^Held once: liquidation \d\.\d+ % from mark \(your limit 5 %\)\. Click again to submit\.$/,
    );
  });

  it('guard text for leverage, stop and Enter', () => {
    const form = binanceForm({ side: 'long', leverage: '20', stopLoss: '50000' });
    const s = settings({ maxLeverage: '10', minLiquidationDistance: '0.01' });
    const v = view(form, snapshot('65000'), {
      settings: s,
      guard: { codes: ['LEVERAGE_ABOVE_PERSONAL_MAX', 'LIQ_BEYOND_STOP'], side: null, via: 'enter' },
    });
    // Isolated (issue 12 #2): the stop never fills; the loss is the margin and fees, said once.
    expect(v.guard!.text).toBe(
      'Held once: leverage 20× above your maximum 10×; you would be liquidated at ' +
        `${figure(v, 'long', 'liquidationPrice')!.text} before your stop; loss ≈ 325.00 USDT margin + fees. Press Enter again to submit.`,
    );
  });
});

describe('isolated stop beyond liquidation (issue 12 #2)', () => {
  it('says it once: the loss at liquidation, not the uncapped loss-limit figure as well', () => {
    const form = binanceForm({ side: 'long', leverage: '20', stopLoss: '50000', availableBalance: '10000' });
    const s = settings({ maxLossPercent: '1', minLiquidationDistance: '0.01' });
    const codes = view(form, snapshot('65000'), { settings: s }).columns[0]!.warnings.map((w) => w.code);
    expect(codes).toContain('LIQ_BEYOND_STOP');
    expect(codes).not.toContain('LOSS_AT_STOP_ABOVE_LIMIT');
    const guard = codes.filter((c) => c === 'LIQ_BEYOND_STOP' || c === 'LOSS_AT_STOP_ABOVE_LIMIT');
    const v = view(form, snapshot('65000'), { settings: s, guard: { codes: guard, side: 'long', via: 'click' } });
    expect(v.guard!.text).toMatch(
      /^Held once: you would be liquidated at [\d,.]+ USDT before your stop; loss ≈ 325\.00 USDT margin \+ fees\. Click again to submit\.$/,
    );
    expect(v.guard!.text).not.toContain('would lose');
  });
});

describe('mark states and banners', () => {
  it('stale mark with a limit price: figures shown, banner with the age', () => {
    const v = view(binanceForm(), snapshot('65010.2', 43_000));
    expect(v.state).toBe('ok');
    expect(v.mark).toBe('stale');
    expect(v.banners).toContainEqual({
      kind: 'mark-stale',
      severity: 'warn',
      text: 'Mark price stale (43 s) — figures use your limit price',
    });
    expect(v.markLine.ageText).toBe('43 s old, stale');
  });

  it('no mark with a limit price', () => {
    const v = view(binanceForm(), null);
    expect(v.state).toBe('ok');
    expect(v.mark).toBe('missing');
    expect(v.banners.map((b) => b.text)).toContain('No live price — figures use your limit price');
    expect(v.markLine).toMatchObject({ value: '', ageMs: null });
  });

  it('a snapshot for another symbol is not this form’s mark', () => {
    const v = view(binanceForm(), snapshot('3000', 1_000, { symbol: 'ETHUSDT' }));
    expect(v.mark).toBe('missing');
  });

  it('market order on a stale mark: figures on that old price, danger banner', () => {
    const v = view(binanceForm({ type: 'market', price: null }), snapshot('65010.2', 60_000));
    expect(v.state).toBe('ok');
    expect(v.banners[0]).toMatchObject({ kind: 'mark-stale', severity: 'danger' });
  });

  it('cross margin without a balance asks for one', () => {
    const v = view(binanceForm({ marginMode: 'cross' }), snapshot('65000'));
    expect(v.banners.map((b) => b.text)).toContain(
      'Enter your account balance in the toolbar popup for a liquidation price',
    );
    expect(figure(v, 'long', 'liquidationPrice')).toMatchObject({ value: '', text: '— enter balance' });
    // The warning stays (contract: data-warning) but is not shown twice next to the banner.
    expect(v.columns[0]!.warnings.find((w) => w.code === 'CROSS_BALANCE_UNKNOWN')?.inBanner).toBe(true);
    expect(v.risk).not.toBe('ok');
  });

  it('feed trouble is shown', () => {
    const v = view(
      binanceForm(),
      snapshot('65000', 1_000, { status: 'degraded', lastError: 'HTTP 429, retrying in 8 s' }),
    );
    expect(v.banners).toContainEqual({ kind: 'feed', severity: 'info', text: 'Price feed: HTTP 429, retrying in 8 s' });
  });
});

describe('other states', () => {
  it('unrecognised, with what is missing, never "ok"', () => {
    const reading: FormReading = { status: 'unrecognised', missing: ['price', 'leverage'], matched: {} };
    const v = buildView({
      reading,
      quotes: [],
      market: null,
      settings: settings(),
      guard: null,
      now: NOW,
      pending: false,
    });
    expect(v).toMatchObject({
      state: 'unrecognised',
      message: 'Form not recognised',
      missing: ['price', 'leverage'],
      risk: 'warn',
      columns: [],
    });
  });

  it('no price: market order without a mark', () => {
    const v = view(binanceForm({ type: 'market', price: null }), null);
    expect(v).toMatchObject({ state: 'no-price', risk: 'warn', columns: [] });
  });

  it('spot: Kraken with margin off', () => {
    const v = view(krakenForm({ marginEnabled: false, leverage: '1' }), null);
    expect(v).toMatchObject({
      state: 'spot',
      message: 'Spot order — no borrowing, nothing to liquidate',
      risk: 'ok',
      columns: [],
    });
  });

  it('closing: Binance hedge mode Close tab — no side, no order line, never an opening', () => {
    const v = view(binanceForm({ intent: 'close' }), snapshot('65000'));
    expect(v).toMatchObject({
      state: 'closing',
      message: 'Closing order — no new risk: it reduces a position you hold',
      risk: 'ok',
      columns: [],
      orderLine: null,
    });
    // The same order on the Open tab is quoted on both sides, as an opening.
    const opening = view(binanceForm({ intent: 'open' }), snapshot('65000'));
    expect(opening.state).toBe('ok');
    expect(opening.columns).toHaveLength(2);
  });

  it("error: the engine refuses the input — said in the trader's words, neutral, the technical text only in the detail", () => {
    const v = view(binanceForm({ leverage: '0.5' }), snapshot('65000'));
    expect(v.state).toBe('error');
    expect(v.risk).toBe('neutral');
    expect(v.message).toBe('No figures for this leverage — check it in the order form');
    expect(v.message).not.toMatch(/order\.|OUT_OF_RANGE/);
    expect(v.detail).toMatch(/^OUT_OF_RANGE order\.leverage: order\.leverage must be/);
  });

  it('error (issue 12 #9): no maintenance tiers for the market — no "market." path text, a neutral badge', () => {
    const form = binanceForm({ symbol: 'ZZZUSDT' });
    const v = view(form, snapshot('65000', 2_000, { symbol: 'ZZZUSDT' }));
    expect(v.state).toBe('error');
    expect(v.risk).toBe('neutral');
    expect(v.message).toBe(
      "This market's maintenance tiers are not loaded yet — no liquidation price until they arrive",
    );
    expect(v.message).not.toMatch(/market\.|is required|MISSING_FIELD/);
    expect(v.detail).toMatch(
      /^MISSING_FIELD market\.maintenanceMarginRate: market\.maintenanceMarginRate or market\.tiers is required/,
    );
  });
});

describe('cross margin: where the account figures came from (issue 4)', () => {
  const position = {
    symbol: 'ETHUSDT',
    side: 'short' as const,
    quantity: '2',
    entryPrice: '3000',
    markPrice: '3050',
    maintenanceMargin: '30.5',
  };
  const banner = (v: ReturnType<typeof view>, kind: string) => v.banners.find((b) => b.kind === kind);

  it('says the balance and positions were read from the page', () => {
    const v = view(
      binanceForm({ marginMode: 'cross', account: { walletBalance: '8000', positions: [position] } }),
      snapshot('65000'),
    );
    expect(v.state).toBe('ok');
    expect(banner(v, 'balance-source')).toMatchObject({
      severity: 'info',
      text: 'Cross: wallet 8,000.00 USDT and 1 open position, read from the page',
    });
    expect(banner(v, 'balance')).toBeUndefined();
    expect(v.columns[0]!.warnings.map((w) => w.code)).not.toContain('CROSS_BALANCE_UNKNOWN');
  });

  it('says the balance is the one the user entered when the page shows none', () => {
    const v = view(binanceForm({ marginMode: 'cross' }), snapshot('65000'), {
      settings: settings({ accountBalance: { 'binance-usdm': '5000' } }),
    });
    expect(banner(v, 'balance-source')!.text).toBe(
      'Cross: wallet 5,000.00 USDT, as you entered it in the toolbar popup (edit it there); other open positions not included — the page shows no balance',
    );
  });

  it('a position it cannot weigh: a danger banner and no liquidation price, not a number too far away', () => {
    const v = view(
      binanceForm({
        marginMode: 'cross',
        account: { walletBalance: '8000', positions: [{ ...position, symbol: 'BTCUSDT' }] },
      }),
      snapshot('65000'),
    );
    expect(banner(v, 'positions-unknown')).toMatchObject({ severity: 'danger' });
    expect(banner(v, 'positions-unknown')!.text).toContain('BTCUSDT');
    expect(figure(v, 'long', 'liquidationPrice')).toMatchObject({ value: '', text: '— open positions unknown' });
    expect(banner(v, 'balance')).toBeUndefined();
  });

  it('an OKX order in contracts waits for the contract value instead of guessing it', () => {
    // ETH: no bundled contract value (BTC-USDT-SWAP has one, src/venues/okx-swap/contract-values.json).
    const okx = binanceForm({ venue: 'okx-swap', symbol: 'ETH-USDT-SWAP', size: { unit: 'contracts', value: '10' } });
    const snap: MarketSnapshot = { ...snapshot('65000'), venue: 'okx-swap', symbol: 'ETH-USDT-SWAP' };
    const v = view(okx, snap);
    expect(v.state).toBe('no-price');
    expect(v.message).toMatch(/contract value/);
  });
});

describe('refused and guard states (issue 9)', () => {
  it("a refused form shows no figures, the background's reason, and data-reason", () => {
    const refusal = {
      code: 'IMPLAUSIBLE',
      field: 'price',
      text: 'The price read from the page (65) is 1,000× below the market (65,000): probably misread.',
    };
    const v = view(binanceForm({ price: '65' }), snapshot('65000'), { quotes: [], refusal });
    expect(v.state).toBe('refused');
    expect(v.reason).toBe('IMPLAUSIBLE:price');
    expect(v.columns).toEqual([]);
    expect(v.risk).toBe('warn');
    expect(v.message).toContain('probably misread');
  });

  it('an unsupported market (a Hyperliquid builder perp) says so by name, with no figures', () => {
    const builder = binanceForm({ venue: 'hyperliquid', symbol: 'xyz:TSLA', price: '250' });
    const snap: MarketSnapshot = { ...snapshot('65000'), venue: 'hyperliquid', symbol: 'xyz:TSLA' };
    const refusal = { code: 'UNSUPPORTED_MARKET', field: 'symbol', text: 'xyz:TSLA is a market … not support' };
    const v = view(builder, snap, { quotes: [], refusal });
    expect(v.state).toBe('refused');
    expect(v.reason).toBe('UNSUPPORTED_MARKET:symbol');
    expect(v.columns).toEqual([]);
    expect(v.message).toContain('xyz:TSLA');
    expect(v.message).toMatch(/not supported/);
  });

  it('without a refusal there is no reason', () => {
    expect(view(binanceForm(), snapshot('65000')).reason).toBeNull();
  });

  it('a click held while its order is checked is explained in the waiting state too', () => {
    const form = binanceForm();
    const v = buildView({
      reading: ok(form),
      quotes: [],
      market: null,
      settings: settings(),
      guard: { codes: ['ORDER_UNCHECKED'], side: 'long', via: 'click', unchecked: 'checking' },
      now: NOW,
      pending: false,
      waiting: true,
    });
    expect(v.state).toBe('waiting');
    expect(v.guard).toEqual({
      codes: ['ORDER_UNCHECKED'],
      text: 'Held: checking this order — its figures are not in yet.',
    });
  });

  it('an order that could not be checked says so, with the local reason and the way on', () => {
    const form = binanceForm({ leverage: '20' });
    const s = settings({ maxLeverage: '10' });
    const v = view(form, snapshot('65000'), {
      settings: s,
      quotes: [],
      guard: {
        codes: ['LEVERAGE_ABOVE_PERSONAL_MAX', 'ORDER_UNCHECKED'],
        side: 'long',
        via: 'click',
        unchecked: 'timeout',
      },
    });
    expect(v.guard!.text).toBe(
      "This order could not be checked (no answer from the extension's background). Held once: leverage 20× above your maximum 10×. Click again to submit.",
    );
  });

  it('too many positions and misread positions are said, and the balance figures say why they are empty', () => {
    const form = binanceForm({ marginMode: 'cross' });
    const base = view(form, snapshot('65000'), { settings: settings({ accountBalance: { 'binance-usdm': '5000' } }) });
    const quotes =
      base.columns.length > 0
        ? wireQuotes(form, snapshot('65000'), settings({ accountBalance: { 'binance-usdm': '5000' } }))
        : [];
    const tooMany = quotes.map((q) => ({ ...q, plan: { ...q.plan, positionsTooMany: true } }));
    const v = view(form, snapshot('65000'), { quotes: tooMany });
    expect(v.banners.map((b) => b.text)).toContain(
      'More open positions on the page than can be read — no liquidation price',
    );
    const misread = quotes.map((q) => ({
      ...q,
      plan: { ...q.plan, positionsUnknown: ['XRPUSDT'], positionsImplausible: ['XRPUSDT'] },
    }));
    const m = view(form, snapshot('65000'), { quotes: misread });
    expect(m.banners.map((b) => b.text)).toContain(
      'Open position XRPUSDT: the prices read from the page do not fit the market (misread?) — no liquidation price',
    );
    expect(m.banners.some((b) => b.text.includes('cannot be weighed'))).toBe(false);
  });
});

describe("a position in the order's own market (issue 10)", () => {
  it('the column says what the order leaves: average entry, realised P/L, closed', () => {
    const form = binanceForm({ side: 'long' });
    const quotes = wireQuotes(form, snapshot('65000'), settings());
    const base = quotes[0]!.result as Exclude<(typeof quotes)[0]['result'], null | { error: unknown }>;
    const withPosition = (position: NonNullable<typeof base.position>) => [
      { ...quotes[0]!, result: { ...base, position } },
    ];
    const add = view(form, snapshot('65000'), {
      quotes: withPosition({
        change: 'add',
        before: { side: 'long', quantity: '1', entryPrice: '20000' },
        after: { side: 'long', quantity: '1.5', entryPrice: '20333.33333333333333333' },
        closedQuantity: '0',
        realisedPnl: '0',
        closingFee: '0',
        realisedPnlNet: '0',
        hedge: false,
        summary: 'after this order: position long 1.5 @ 20333.33333',
      }),
    });
    expect(add.columns[0]!.position).toEqual({
      change: 'add',
      text: 'After this order: long 1.5 BTC @ 20,333.33 USDT',
    });
    const closed = view(form, snapshot('65000'), {
      quotes: withPosition({
        change: 'close',
        before: { side: 'short', quantity: '0.1', entryPrice: '66000' },
        after: null,
        closedQuantity: '0.1',
        realisedPnl: '100',
        closingFee: '2.6',
        realisedPnlNet: '97.4',
        hedge: true,
        summary: 'after this order: position closed',
      }),
    });
    expect(closed.columns[0]!.position).toEqual({
      change: 'close',
      text: 'After this order: position closed · realised P/L 97.40 USDT after fees · hedge mode: the position on this side',
    });
    expect(view(form, snapshot('65000')).columns[0]!.position).toBeNull();
  });
});
