// @vitest-environment happy-dom
// Hyperliquid's page estimates end to end on the fixture pages: the reader reads the summary rows
// into OrderForm.pageEstimates, the quote path (quoteSides) holds them to Hyperliquid's rule
// (src/venues/hyperliquid/page-estimates.ts). An agreeing page matches; a page whose figure
// disagrees beyond its rounding and the rule's leeway is 'differs', both numbers given. Our
// figures here are worked out from Hyperliquid's formulas (formulas.md §6), not from the code under test.
import { describe, expect, it } from 'vitest';
import { Dec } from '../../../src/core/decimal';
import { DEFAULT_SETTINGS } from '../../../src/settings/settings';
import { reader } from '../../../src/venues/hyperliquid/reader';
import { quoteSides } from '../../../src/venues/quote-sides';
import type { FormReading, MarketSnapshot, OrderForm } from '../../../src/venues/types';
import { $, byText, loadPage } from '../../readers/load';
import { GEN2 } from './states';

const URL_BTC = new URL('https://app.hyperliquid.xyz/trade/BTC');
const NOW = 1_800_000_000_000;
const MARK = '65010';
const snapshot: MarketSnapshot = {
  venue: 'hyperliquid',
  symbol: 'BTC',
  status: 'live',
  lastError: null,
  figures: { markPrice: { value: MARK, receivedAt: NOW - 1_000, exchangeTime: null, source: 'stream' } },
};

const hook = (doc: Document, name: string) => $(doc, `[data-fixture="${name}"]`);
function form(reading: FormReading): OrderForm {
  if (reading.status !== 'ok') throw new Error(`unrecognised: ${reading.missing.join(', ')}`);
  return reading.form;
}
const check = (f: OrderForm) => quoteSides(f, snapshot, DEFAULT_SETTINGS, NOW)[0]!.pageCheck;

/**
 * Hyperliquid's liquidation price for the generation-2 example (cross: Balance 1,000 + the SOL
 * short's PnL, less its maintenance margin and the order's, MMR = 1 / (2 × 40) for BTC, 1 / (2 × 20) for SOL).
 */
function hyperliquidLiq(): Dec {
  const mmrBtc = new Dec(1).div(80);
  const sol = { size: new Dec(20), entry: new Dec(150), mark: new Dec('148.2') };
  const accountValue = new Dec(1000).plus(sol.entry.minus(sol.mark).times(sol.size));
  const solMaintenance = sol.size.times(sol.mark).div(40);
  const qty = new Dec('0.2');
  const price = new Dec(65000);
  const available = accountValue.minus(solMaintenance).minus(qty.times(price).times(mmrBtc));
  return price.minus(available.div(qty).div(new Dec(1).minus(mmrBtc)));
}
/** The opening fee per unit the rule allows the page either way, twice over (see the rule's comment). */
const feeLeeway = (rate: string) => new Dec(65000).times(rate).times(2);

describe('Hyperliquid page estimates through the quote path', () => {
  it('generation 2 as loaded: all three figures match (the page rounds the liquidation price to 5 digits)', () => {
    const doc = loadPage(GEN2);
    const f = form(reader.read(doc, URL_BTC));
    expect(f.pageEstimates?.map((e) => e.kind)).toEqual(['orderValue', 'initialMargin', 'liquidationPrice']);
    const pc = check(f)!;
    expect(pc.verdict).toBe('matches');
    expect(pc.checks.map((c) => [c.kind, c.agrees])).toEqual([
      ['orderValue', true],
      ['initialMargin', true],
      ['liquidationPrice', true],
    ]);
    const liq = pc.checks.find((c) => c.kind === 'liquidationPrice')!;
    expect(new Dec(liq.ours).minus(hyperliquidLiq()).abs().lessThan('0.000001')).toBe(true);
  });

  it('a liquidation price beyond rounding and the fee leeway differs, both numbers given', () => {
    const doc = loadPage(GEN2);
    // Far enough off that no fee rate Hyperliquid charges (taker 0.045 %) explains it.
    const off = hyperliquidLiq().plus(feeLeeway('0.00045')).plus(1).toDecimalPlaces(0);
    hook(doc, 'page-liq').textContent = off.toNumber().toLocaleString('en-US');
    const pc = check(form(reader.read(doc, URL_BTC)))!;
    expect(pc.verdict).toBe('differs');
    const liq = pc.checks.find((c) => c.kind === 'liquidationPrice')!;
    expect(liq).toMatchObject({ page: off.toFixed(), agrees: false, decimals: 0 });
    expect(new Dec(liq.ours).minus(hyperliquidLiq()).abs().lessThan('0.000001')).toBe(true);
    // The other two still agree: only the figure that is off is marked.
    expect(pc.checks.filter((c) => !c.agrees).map((c) => c.kind)).toEqual(['liquidationPrice']);
  });

  it('an Order Value ten times ours (a size misread by one of us) differs; so does a cent off (two decimals shown: half a cent is the rounding)', () => {
    const doc = loadPage(GEN2);
    const value = new Dec('0.2').times(65000);
    hook(doc, 'order-value').textContent = `$${value.times(10).toNumber().toLocaleString('en-US')}.00`;
    expect(check(form(reader.read(doc, URL_BTC)))!.verdict).toBe('differs');
    hook(doc, 'order-value').textContent = `$${value.plus('0.01').toFixed(2)}`;
    expect(check(form(reader.read(doc, URL_BTC)))!.verdict).toBe('differs');
  });

  it('Margin Required is Order Value ÷ leverage: at another leverage it differs', () => {
    const doc = loadPage(GEN2);
    hook(doc, 'leverage').textContent = '10x';
    const pc = check(form(reader.read(doc, URL_BTC)))!;
    expect(pc.checks.find((c) => c.kind === 'initialMargin')).toMatchObject({ agrees: false, page: '650' });
    expect(
      new Dec(pc.checks.find((c) => c.kind === 'initialMargin')!.ours).eq(new Dec('0.2').times(65000).div(10)),
    ).toBe(true);
  });

  it('generation 1: "N/A" is no estimate, the two money rows match', () => {
    const doc = loadPage('hyperliquid.html');
    const f = form(reader.read(doc, URL_BTC));
    expect(f.pageEstimates?.map((e) => e.kind)).toEqual(['orderValue', 'initialMargin']);
    expect(check(f)).toMatchObject({ verdict: 'matches' });
  });

  it('a market order is not checked: the page prices it at its own book', () => {
    const doc = loadPage(GEN2);
    const tabs = '[data-fixture="order-form"] [role="tab"]';
    for (const t of doc.querySelectorAll(tabs))
      t.setAttribute('aria-selected', String(t === byText(doc, tabs, 'Market')));
    hook(doc, 'price-field').hidden = true;
    const f = form(reader.read(doc, URL_BTC));
    expect(f.type).toBe('market');
    expect(f.pageEstimates).toHaveLength(3);
    expect(check(f)).toBeNull();
  });

  it('typing fast path: a reading that carries the summary is read again whole (never old figures beside a new order)', () => {
    const doc = loadPage(GEN2);
    const first = reader.read(doc, URL_BTC);
    expect(reader.refresh!(first)).toBeNull();
    for (const key of ['page-liq', 'order-value', 'margin-required']) hook(doc, key).parentElement!.remove();
    const bare = reader.read(doc, URL_BTC);
    expect(form(bare).pageEstimates).toBeUndefined();
    expect(reader.refresh!(bare)).not.toBeNull();
  });
});
