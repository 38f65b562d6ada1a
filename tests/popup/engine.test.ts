// The popup's calculator runs the background's own computation: a page order left as it is gives
// the overlay's figures exactly; a scenario becomes the engine input one would write by hand.
import { describe, expect, it } from 'vitest';
import { quoteSides } from '../../src/venues/quote-sides';
import { quoteJson } from '../../src/core/quote';
import { VENUES } from '../../src/core/types';
import { DEFAULT_SETTINGS } from '../../src/settings/settings';
import { bundledFacts } from '../../src/venues/bundled-facts';
import { quoteScenario } from '../../src/ui/popup/engine';
import { buildFigures } from '../../src/ui/popup/figures-model';
import { defaultScenario, scenarioFromOrder, type PageOrigin, type Scenario } from '../../src/ui/popup/scenario';
import { NOW, SAMPLE_ORDERS } from './orders';

const ok = (outcome: ReturnType<typeof quoteScenario>) => {
  if (!outcome.ok) throw new Error(`scenario refused: ${JSON.stringify(outcome.errors)}`);
  return outcome;
};

/** An account without a positions list reads as one with none (input.ts): the popup always sends the list. */
const sameAccountForm = (input: Record<string, unknown> | null) => {
  const account = input?.account as Record<string, unknown> | undefined;
  return account === undefined ? input : { ...input, account: { positions: [], ...account } };
};

describe('page order → the overlay’s figures', () => {
  for (const sample of SAMPLE_ORDERS) {
    for (const locale of ['en-US', 'de-DE']) {
      it(`${sample.name} (${locale})`, () => {
        const background = quoteSides(sample.form, sample.snapshot, sample.settings, NOW);
        expect(background.length).toBeGreaterThan(0);
        const origin: PageOrigin = { form: sample.form, snapshot: sample.snapshot, at: NOW };
        const scenario = scenarioFromOrder(origin, sample.settings, locale);
        for (const side of background) {
          const popup = ok(quoteScenario({ ...scenario, side: side.side }, origin, sample.settings, NOW));
          expect(popup.quote.result).not.toBeNull();
          expect(popup.quote.result).toEqual(side.result);
          expect(sameAccountForm(popup.quote.input)).toEqual(sameAccountForm(side.plan.input));
        }
      });
    }
  }

  it('an edit changes the figures, and only for the popup (the origin is untouched)', () => {
    const sample = SAMPLE_ORDERS[1]!;
    const origin: PageOrigin = {
      form: structuredClone(sample.form),
      snapshot: structuredClone(sample.snapshot),
      at: NOW,
    };
    const scenario = scenarioFromOrder(origin, sample.settings, 'en-US');
    const before = ok(quoteScenario(scenario, origin, sample.settings, NOW)).quote.result as any;
    const after = ok(quoteScenario({ ...scenario, leverage: '50' }, origin, sample.settings, NOW)).quote.result as any;
    expect(after.liquidationPrice).not.toEqual(before.liquidationPrice);
    expect(origin.form).toEqual(sample.form);
    expect(origin.snapshot).toEqual(sample.snapshot);
  });
});

describe('scenario → engine input', () => {
  it('the Bybit example: the input written by hand, and quoteJson of that input', () => {
    const scenario = defaultScenario('bybit-linear', DEFAULT_SETTINGS, 'en-US');
    const popup = ok(
      quoteScenario(
        { ...scenario, side: 'short', stopLoss: '102000', takeProfit: '95000', mark: '99000.5' },
        null,
        DEFAULT_SETTINGS,
        NOW,
      ),
    );
    const byHand = {
      venue: 'bybit-linear',
      marginMode: 'isolated',
      order: {
        symbol: 'BTCUSDT',
        side: 'short',
        type: 'limit',
        price: '100000',
        quantity: '0.1',
        leverage: '10',
        stopLoss: '102000',
        takeProfit: '95000',
      },
      market: { markPrice: '99000.5' },
      holdHours: '24',
      limits: { minLiquidationDistance: '0.05' },
    };
    expect(popup.quote.input).toEqual(byHand);
    // NOW (2027-01-15) is 52 days after the bundled facts: the quote says which figures rest on them, first.
    const engine = quoteJson(byHand, bundledFacts()) as { assumptions: string[] };
    expect(popup.quote.result).toEqual({
      ...engine,
      assumptions: [
        "Fee rates from bundled facts dated 2026-11-24 (52 days old): check the venue's current rates",
        "Maintenance tiers from bundled facts dated 2026-11-24 (52 days old): check the venue's current tiers",
        ...engine.assumptions,
      ],
    });
    expect((popup.quote.result as any).pnl.atStop).toMatch(/^-/);
  });

  it('cross with typed positions, a quote-currency size, a typed maintenance rate and a market order', () => {
    const scenario: Scenario = {
      ...defaultScenario('binance-usdm', DEFAULT_SETTINGS, 'de-DE'),
      marginMode: 'cross',
      orderType: 'market',
      price: '',
      mark: '50000',
      size: '5000',
      sizeUnit: 'quote',
      balance: '10.000,5',
      holdHours: '8',
      maintenancePercent: '0,5',
      positions: [
        {
          symbol: 'ETHUSDT',
          side: 'long',
          quantity: '2',
          entry: '3000',
          mark: '2900',
          ratePercent: '1',
          pageMargin: null,
        },
      ],
    };
    const popup = ok(quoteScenario(scenario, null, DEFAULT_SETTINGS, NOW));
    expect(popup.quote.input).toEqual({
      venue: 'binance-usdm',
      marginMode: 'cross',
      order: { symbol: 'BTCUSDT', side: 'long', type: 'market', price: '50000', quantity: '0.1', leverage: '10' },
      market: { markPrice: '50000', maintenanceMarginRate: '0.005' },
      holdHours: '8',
      limits: { minLiquidationDistance: '0.05' },
      account: {
        walletBalance: '10000.5',
        positions: [
          {
            symbol: 'ETHUSDT',
            side: 'long',
            quantity: '2',
            entryPrice: '3000',
            markPrice: '2900',
            maintenanceMarginRate: '0.01',
            maintenanceAmount: '0',
          },
        ],
      },
    });
    const engine = quoteJson(popup.quote.input, bundledFacts()) as { assumptions: string[] };
    expect(popup.quote.result).toEqual({
      ...engine,
      assumptions: [
        "Fee rates from bundled facts dated 2026-11-24 (52 days old): check the venue's current rates",
        ...engine.assumptions,
      ],
    });
  });

  it("a typed position in the order's own market: the popup quotes what the order leaves, and says so above the figures", () => {
    const scenario: Scenario = {
      ...defaultScenario('binance-usdm', DEFAULT_SETTINGS, 'en-US'),
      marginMode: 'cross',
      orderType: 'limit',
      price: '60000',
      size: '1',
      sizeUnit: 'base',
      balance: '20000',
      side: 'long',
      maintenancePercent: '0.5',
      positions: [
        {
          symbol: 'BTCUSDT',
          side: 'long',
          quantity: '1',
          entry: '50000',
          mark: '60000',
          ratePercent: '0.5',
          pageMargin: null,
        },
      ],
    };
    const popup = ok(quoteScenario(scenario, null, DEFAULT_SETTINGS, NOW));
    const result = popup.quote.result as {
      position?: { change: string; after: { quantity: string; entryPrice: string } | null };
    };
    // 1 @ 50,000 + 1 @ 60,000 = 2 @ 55,000.
    expect(result.position).toMatchObject({
      change: 'add',
      after: { side: 'long', quantity: '2', entryPrice: '55000' },
    });
    const view = buildFigures({ outcome: popup, scenario, origin: null, locale: 'en-US' });
    expect(view.notes[0]).toEqual({
      kind: 'position',
      severity: 'info',
      text: 'After this order: long 2 BTC @ 55,000 USDT',
    }); // no tick known for a typed scenario: as many places as the price has
  });

  it('every venue’s example quotes without refusal, except OKX (no bundled tiers) until a maintenance rate is typed', () => {
    for (const venue of VENUES) {
      const outcome = ok(quoteScenario(defaultScenario(venue, DEFAULT_SETTINGS, 'en-US'), null, DEFAULT_SETTINGS, NOW));
      const result = outcome.quote.result as any;
      if (venue === 'okx-swap') {
        expect(result.error.path).toBe('market.maintenanceMarginRate');
        const typed = ok(
          quoteScenario(
            { ...defaultScenario(venue, DEFAULT_SETTINGS, 'en-US'), maintenancePercent: '0.4' },
            null,
            DEFAULT_SETTINGS,
            NOW,
          ),
        );
        expect((typed.quote.result as any).liquidationPrice).toMatch(/^\d/);
      } else {
        expect(result.error).toBeUndefined();
        expect(result.liquidationPrice).toMatch(/^\d/);
      }
    }
  });

  it("an engine input error (issue 12 #9): the trader's sentence, a neutral tone, the path only in the collapsed detail", () => {
    const scenario = defaultScenario('okx-swap', DEFAULT_SETTINGS, 'en-US');
    const outcome = quoteScenario(scenario, null, DEFAULT_SETTINGS, NOW);
    const view = buildFigures({ outcome, scenario, origin: null, locale: 'en-US' });
    expect(view.state).toBe('error');
    expect(view.tone).toBe('neutral');
    expect(view.message).toBe(
      "This market's maintenance tiers are not known — type a maintenance rate above to see a liquidation price",
    );
    expect(view.message).not.toMatch(/market\.|is required|MISSING_FIELD/);
    expect(view.detail).toMatch(/^MISSING_FIELD market\.maintenanceMarginRate: market\.maintenanceMarginRate or/);
  });

  it('the typed balance is used for this quote, settings are not changed', () => {
    const settings = { ...DEFAULT_SETTINGS, accountBalance: { 'kraken-margin': '5000' } };
    const scenario = { ...defaultScenario('kraken-margin', settings, 'en-US'), balance: '20000' };
    const popup = ok(quoteScenario(scenario, null, settings, NOW));
    expect((popup.quote.input as any).account.walletBalance).toBe('20000');
    expect(settings.accountBalance['kraken-margin']).toBe('5000');
  });
});
