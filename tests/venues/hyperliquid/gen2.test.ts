// @vitest-environment happy-dom
// Hyperliquid reader on the second page generation (e2e/fixtures/pages/hyperliquid.gen2.html, §8):
// "Cross / 20x / Classic", the Buy / Long – Sell / Short segmented control, the size % slider, the
// summary rows above the submit, builder perps (xyz:TSLA). And the page's own summary figures of
// BOTH generations: read as shown, and equal to Hyperliquid's rule (our engine) for the order shown.
import { describe, expect, it } from 'vitest';
import { Dec } from '../../../src/core/decimal';
import { quoteJson } from '../../../src/core/quote';
import { DEFAULT_SETTINGS } from '../../../src/settings/settings';
import { bundledFacts } from '../../../src/venues/bundled-facts';
import { Scan } from '../../../src/venues/dom/scan';
import { readPageEstimates } from '../../../src/venues/hyperliquid/summary-rows';
import { reader } from '../../../src/venues/hyperliquid/reader';
import { HYPERLIQUID_SELECTORS } from '../../../src/venues/hyperliquid/selectors';
import { planQuote } from '../../../src/venues/quote-input';
import { bundledPositionRate } from '../../../src/venues/quote-sides';
import type { FormReading, MarketSnapshot, OrderForm, PageEstimate } from '../../../src/venues/types';
import { $, loadPage } from '../../readers/load';
import { BUILDER_URL, GEN2 } from './states';

const URL_BTC = new URL('https://app.hyperliquid.xyz/trade/BTC');
const NOW = 1_800_000_000_000;

const hook = (doc: Document, name: string) => $(doc, `[data-fixture="${name}"]`);
const gen2 = () => loadPage(GEN2);

function form(reading: FormReading): OrderForm {
  if (reading.status !== 'ok') throw new Error(`unrecognised: ${reading.missing.join(', ')}`);
  return reading.form;
}
function missing(reading: FormReading): string[] {
  if (reading.status !== 'unrecognised') throw new Error('expected unrecognised');
  return reading.missing;
}

/** The segmented control: `side` checked, the other not (as the page's script renders it). */
function checkSide(doc: Document, side: 'long' | 'short'): void {
  for (const b of doc.querySelectorAll('[data-side]'))
    b.setAttribute('aria-checked', String((b as HTMLElement).dataset.side === side));
}

/** The page's estimates as the reader reads them, in the form it reads. */
function estimates(doc: Document, url = URL_BTC): PageEstimate[] {
  const scan = new Scan(doc, HYPERLIQUID_SELECTORS);
  const root = $(doc, '[data-fixture="order-form"]');
  expect(reader.formRoot(doc)).toBe(root);
  form(reader.read(doc, url));
  return readPageEstimates(scan, root, scan.formNumbers(root));
}

/** The engine's quote for the form read (the page's own account included in cross), its mark at `mark`. */
function engine(f: OrderForm, mark: string) {
  const fig = (value: string) => ({ value, receivedAt: NOW, exchangeTime: null, source: 'rest' as const });
  const snapshot: MarketSnapshot = {
    venue: 'hyperliquid',
    symbol: f.symbol,
    status: 'live',
    lastError: null,
    figures: { markPrice: fig(mark) },
  };
  const plan = planQuote(
    f,
    f.side === 'short' ? 'short' : 'long',
    snapshot,
    DEFAULT_SETTINGS,
    NOW,
    bundledPositionRate,
  );
  const quote = quoteJson(plan.input!, bundledFacts());
  if ('error' in quote) throw new Error(quote.error.message);
  return quote;
}

/** Within half a unit of the shown figure's last place. */
function agrees(shown: PageEstimate, ours: string): boolean {
  const half = new Dec(10).pow(-shown.decimals).div(2);
  return new Dec(shown.value).minus(ours).abs().lessThanOrEqualTo(half);
}

describe('Hyperliquid reader, generation 2', () => {
  it('reads the example: the segmented control, Classic beside Cross and 20x, the slider not taken for the size', () => {
    const doc = gen2();
    expect(form(reader.read(doc, URL_BTC))).toEqual({
      venue: 'hyperliquid',
      symbol: 'BTC',
      side: 'long',
      type: 'limit',
      marginMode: 'cross',
      price: '65000',
      size: { unit: 'base', value: '0.2' },
      leverage: '20',
      marginEnabled: true,
      stopLoss: null,
      takeProfit: null,
      availableBalance: '887.8',
      account: {
        walletBalance: '1000',
        positions: [
          {
            symbol: 'SOL',
            side: 'short',
            quantity: '20',
            entryPrice: '150',
            markPrice: '148.2',
            maintenanceMargin: null,
          },
        ],
      },
      pageEstimates: [
        { kind: 'orderValue', side: null, value: '13000', decimals: 2 },
        { kind: 'initialMargin', side: null, value: '650', decimals: 2 },
        { kind: 'liquidationPrice', side: null, value: '60952', decimals: 0 },
      ],
    });
    // The slider at 50 %: the size is still the typed one.
    (hook(doc, 'size-slider') as HTMLInputElement).value = '50';
    (hook(doc, 'size-percent') as HTMLInputElement).value = '50';
    expect(form(reader.read(doc, URL_BTC)).size).toEqual({ unit: 'base', value: '0.2' });
  });

  it('Sell / Short from the segmented control; both or neither checked is no side', () => {
    const doc = gen2();
    checkSide(doc, 'short');
    expect(form(reader.read(doc, URL_BTC)).side).toBe('short');
    hook(doc, 'order-form').querySelector('[data-side="long"]')!.setAttribute('aria-checked', 'true');
    expect(missing(reader.read(doc, URL_BTC))).toContain('side');
    for (const b of doc.querySelectorAll('[data-side]')) b.setAttribute('aria-checked', 'false');
    expect(missing(reader.read(doc, URL_BTC))).toContain('side');
  });

  it('a "Classic" mode button is not the margin mode; "Isolated" still is', () => {
    const doc = gen2();
    hook(doc, 'margin-mode').textContent = 'Isolated';
    const f = form(reader.read(doc, URL_BTC));
    expect(f.marginMode).toBe('isolated');
    expect(f.account).toBeUndefined();
  });

  it('a builder perp (xyz:TSLA) is read as itself, never as BTC; a picker naming another coin is refused', () => {
    const doc = gen2();
    hook(doc, 'coin-button').textContent = 'xyz:TSLA-USDC';
    hook(doc, 'size-unit').textContent = 'TSLA';
    const f = form(reader.read(doc, new URL(BUILDER_URL)));
    expect(f.symbol).toBe('xyz:TSLA');
    expect(f.size.unit).toBe('base');
    hook(doc, 'coin-button').textContent = 'BTC-USDC';
    expect(missing(reader.read(doc, new URL(BUILDER_URL)))).toContain('symbol');
  });
});

describe("Hyperliquid page estimates: read as shown, and the page's rule is ours", () => {
  it('generation 2: Liquidation Price, Order Value and Margin Required, each equal to the engine', () => {
    const doc = gen2();
    const f = form(reader.read(doc, URL_BTC));
    const shown = estimates(doc);
    expect(shown.map((e) => e.kind).sort()).toEqual(['initialMargin', 'liquidationPrice', 'orderValue']);
    const quote = engine(f, '65010');
    const ours: Record<string, string | null> = {
      orderValue: quote.notional,
      initialMargin: quote.initialMargin,
      liquidationPrice: quote.liquidationPrice,
    };
    for (const e of shown) {
      expect(ours[e.kind], e.kind).toMatch(/^\d/);
      expect(agrees(e, ours[e.kind] as string), `${e.kind} ${e.value} vs ${ours[e.kind]}`).toBe(true);
    }
    expect(shown.find((e) => e.kind === 'orderValue')!.decimals).toBe(2);
  });

  it('generation 1: "N/A" where the engine finds no liquidation price, Order Value and Margin Required agree', () => {
    const doc = loadPage('hyperliquid.html');
    const f = form(reader.read(doc, URL_BTC));
    const quote = engine(f, '65010');
    expect(quote.liquidationPrice).toBeNull();
    expect(hook(doc, 'page-liq').textContent).toBe('N/A');
    const shown = estimates(doc);
    expect(shown.map((e) => e.kind).sort()).toEqual(['initialMargin', 'orderValue']);
    expect(
      agrees(
        shown.find((e) => e.kind === 'orderValue')!,
        quote.notional,
      ),
    ).toBe(true);
    expect(
      agrees(
        shown.find((e) => e.kind === 'initialMargin')!,
        quote.initialMargin,
      ),
    ).toBe(true);
  });

  it('a figure that does not read cleanly is left out; a row shown twice makes its key missing', () => {
    const doc = gen2();
    hook(doc, 'order-value').textContent = '13,000.00 USDC';
    expect(estimates(doc).map((e) => e.kind)).not.toContain('orderValue');
    const copy = hook(doc, 'page-liq').parentElement!.cloneNode(true);
    hook(doc, 'summary').append(copy);
    expect(missing(reader.read(doc, URL_BTC))).toContain('liquidationPrice');
  });
});
