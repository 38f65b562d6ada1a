// OKX offline: an order sized in contracts quotes with the bundled, dated contract value when the
// live instruments answer is missing (offline, or that API blocked), and says so; a live value
// always wins; an instrument with no bundled value still waits, as before (plan.missing).
import { describe, expect, it } from 'vitest';
import { quoteSides } from '../../../src/venues/quote-sides';
import { DEFAULT_SETTINGS } from '../../../src/settings/settings';
import { bundledContractValue, parseContractValues } from '../../../src/venues/contract-values';
import okxValues from '../../../src/venues/okx-swap/contract-values.json';
import okxInstruments from '../../../src/venues/okx-swap/fixtures/api/instruments.json';
import type { Figure, MarketSnapshot, OrderForm } from '../../../src/venues/types';

type Json = any;
const NOW = 1_800_000_000_000;
const fig = (value: string): Figure => ({ value, receivedAt: NOW, exchangeTime: null, source: 'rest' });

/** Mark, funding and OKX position tiers in contracts (tier 1 up to 2,000 contracts at MMR 0.4 %), as the feed gives them. */
function snapshot(symbol: string, contractValue: string | null): MarketSnapshot {
  const figures: MarketSnapshot['figures'] = {
    markPrice: fig('60000'),
    fundingRate: fig('0.0001'),
    fundingIntervalHours: fig('8'),
  };
  if (contractValue !== null) figures.contractValue = fig(contractValue);
  return {
    venue: 'okx-swap',
    symbol,
    figures,
    status: 'degraded',
    lastError: 'HTTP 403 from www.okx.com',
    tiers: {
      table: {
        basis: 'contracts',
        rows: [
          { floor: '0', cap: '2000', maintenanceMarginRate: '0.004', maintenanceAmount: null, maxLeverage: '100' },
          { floor: '2000', cap: '5000', maintenanceMarginRate: '0.005', maintenanceAmount: null, maxLeverage: '75' },
        ],
      },
      receivedAt: NOW,
      source: 'rest',
    },
  };
}

const form = (symbol: string): OrderForm => ({
  venue: 'okx-swap',
  symbol,
  side: 'long',
  type: 'limit',
  marginMode: 'isolated',
  price: '60000',
  size: { unit: 'contracts', value: '10' },
  leverage: '10',
  marginEnabled: true,
  stopLoss: null,
  takeProfit: null,
  availableBalance: null,
});

describe('bundled OKX contract values', () => {
  it('hold only what the saved instruments answer says (BTC-USDT-SWAP 0.01 BTC), with its date', () => {
    const saved = (okxInstruments as Json).data.find((r: Json) => r.instId === 'BTC-USDT-SWAP');
    expect(bundledContractValue('okx-swap', 'BTC-USDT-SWAP')).toEqual({ value: saved.ctVal, asOf: '2026-11-30' });
    expect(saved.ctVal).toBe('0.01');
    expect(bundledContractValue('okx-swap', 'ETH-USDT-SWAP')).toBeNull();
    expect(bundledContractValue('bybit-linear', 'BTC-USDT-SWAP')).toBeNull();
  });

  it('refuse a malformed file', () => {
    expect(() => parseContractValues({ ...okxValues, contractValues: { 'BTC-USDT-SWAP': 0.01 } })).toThrow(
      /positive decimal string/,
    );
    expect(() => parseContractValues({ ...okxValues, contractValues: { 'BTC-USDT-SWAP': '0' } })).toThrow(
      /positive decimal string/,
    );
    expect(() => parseContractValues({ ...okxValues, asOf: 'Nov 2026' })).toThrow(/asOf/);
    expect(() => parseContractValues({ ...okxValues, ctVal: {} })).toThrow(/unknown key ctVal/);
  });
});

describe('an OKX order in contracts without a live contract value', () => {
  it('is sized with the bundled value: 10 contracts × 0.01 = 0.1 BTC, IM 0.1 × 60,000 / 10 = 600 (formulas.md §5.2)', () => {
    const [quote] = quoteSides(form('BTC-USDT-SWAP'), snapshot('BTC-USDT-SWAP', null), DEFAULT_SETTINGS, NOW);
    expect(quote?.plan.missing).toBeNull();
    expect(quote?.plan.bundledContractValue).toEqual({ value: '0.01', asOf: '2026-11-30' });
    expect((quote?.plan.input as Json).order.quantity).toBe('0.1');
    const result = quote?.result as Json;
    expect(result.initialMargin).toBe('600');
    expect(result.assumptions[0]).toBe(
      'contract value 0.01 per contract from bundled instrument facts dated 2026-11-30 (no live value)',
    );
  });

  it('quotes exactly as with the same live value, but for that one assumption', () => {
    const [bundled] = quoteSides(form('BTC-USDT-SWAP'), snapshot('BTC-USDT-SWAP', null), DEFAULT_SETTINGS, NOW);
    const [live] = quoteSides(form('BTC-USDT-SWAP'), snapshot('BTC-USDT-SWAP', '0.01'), DEFAULT_SETTINGS, NOW);
    expect(live?.plan.bundledContractValue).toBeNull();
    const { assumptions: a, ...restBundled } = bundled?.result as Json;
    const { assumptions: b, ...restLive } = live?.result as Json;
    expect(restBundled).toEqual(restLive);
    // The test clock (2027-01-15) is 46 days past the bundle's date: the quote also says the value is old.
    expect(a).toEqual([
      'contract value 0.01 per contract from bundled instrument facts dated 2026-11-30 (no live value)',
      ...(b as string[]).slice(0, 1), // the fee rates' age, as in the live quote
      "Contract value from bundled facts dated 2026-11-30 (46 days old): check the venue's current contract value",
      ...(b as string[]).slice(1),
    ]);
  });

  it('a live value wins over the bundle', () => {
    const [quote] = quoteSides(form('BTC-USDT-SWAP'), snapshot('BTC-USDT-SWAP', '0.001'), DEFAULT_SETTINGS, NOW);
    expect((quote?.plan.input as Json).order.quantity).toBe('0.01');
    expect((quote?.result as Json).assumptions.some((s: string) => s.startsWith('contract value'))).toBe(false);
  });

  it('an instrument with no bundled value still waits for the live one (no guessed size)', () => {
    const [quote] = quoteSides(form('ETH-USDT-SWAP'), snapshot('ETH-USDT-SWAP', null), DEFAULT_SETTINGS, NOW);
    expect(quote?.plan.missing).toBe('contractValue');
    expect(quote?.result).toBeNull();
  });

  it('an order in base units uses it only to find its tier in contracts (0.1 BTC = 10 contracts, tier 1), and says so', () => {
    const [quote] = quoteSides(
      { ...form('BTC-USDT-SWAP'), size: { unit: 'base', value: '0.1' } },
      snapshot('BTC-USDT-SWAP', null),
      DEFAULT_SETTINGS,
      NOW,
    );
    expect(quote?.plan.bundledContractValue).toEqual({ value: '0.01', asOf: '2026-11-30' });
    expect((quote?.plan.input as Json).market.maintenanceMarginRate).toBe('0.004');
    expect((quote?.result as Json).initialMargin).toBe('600');
    // Without a tier table counted in contracts, nothing needs the contract value: not used, not noted.
    const noTiers = { ...snapshot('BTC-USDT-SWAP', null), tiers: undefined };
    const [plain] = quoteSides(
      { ...form('BTC-USDT-SWAP'), size: { unit: 'base', value: '0.1' } },
      noTiers,
      DEFAULT_SETTINGS,
      NOW,
    );
    expect(plain?.plan.bundledContractValue).toBeNull();
  });
});
