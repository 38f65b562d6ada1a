// Hyperliquid, second-generation page (issue 13): the built extension in Chromium on
// e2e/fixtures/pages/hyperliquid.gen2.html served at https://app.hyperliquid.xyz/trade/<COIN>
// (mock.usePage): "Cross / 20x / Classic", the side as a segmented control, the size % slider and
// the summary rows above the submit. The overlay's figures must equal the engine's; the page's own
// Liquidation Price / Order Value / Margin Required (both generations) must be Hyperliquid's rule for
// the order shown, i.e. equal to the engine within the page's rounding ("N/A" where it finds none).
// A builder perp (xyz:TSLA) has no market data here: the overlay says the market is not supported.
import { Dec } from '../../src/core/decimal';
import type { QuoteJson } from '../../src/core/serialize';
import { expectedFor, expectedView, snapshotFromMock } from '../harness/expected';
import { waitForEngineFigures } from '../harness/figures';
import { HYPERLIQUID_GEN2_PAGE, HYPERLIQUID_HOST, HyperliquidPage } from '../harness/hyperliquid-page';
import { waitForOverlay } from '../harness/overlay';
import { expect, test, type Page } from '../harness/test';
import type { MockExchange } from '../mock/server';

/** The header's mark on both pages: a market order's page figures are priced at it. */
const PAGE_MARK = '65010';

const viewOf = (mock: MockExchange, h: HyperliquidPage) => () =>
  expectedView(h.form(), snapshotFromMock(mock, 'hyperliquid', h.coin));

async function gen2(page: Page, mock: MockExchange): Promise<HyperliquidPage> {
  mock.usePage(HYPERLIQUID_HOST, HYPERLIQUID_GEN2_PAGE);
  const h = await new HyperliquidPage(page, 2).goto();
  await expect(page.getByRole('button', { name: 'Classic', exact: true })).toBeVisible();
  return h;
}

/** "$13,000.00" / "60,952" → its value and the decimals shown. */
function shown(text: string): { value: Dec; decimals: number } {
  const plain = text.replace(/^\$/, '').replace(/,/g, '');
  expect(plain, text).toMatch(/^\d+(?:\.\d+)?$/);
  return { value: new Dec(plain), decimals: plain.includes('.') ? plain.length - plain.indexOf('.') - 1 : 0 };
}

/** The page's three figures are the engine's for the form (within half a unit of the last place shown). */
async function expectPageFiguresOfEngine(h: HyperliquidPage, mock: MockExchange, what: string): Promise<void> {
  const side = h.form().side as 'long' | 'short';
  const engine = expectedFor(h.form(), side, snapshotFromMock(mock, 'hyperliquid', h.coin)).quote as QuoteJson;
  expect(engine.notional, `${what}: engine`).toMatch(/^\d/);
  const page = await h.pageSummary();
  const pairs: Array<[string, string, string | null]> = [
    ['Order Value', page.orderValue, engine.notional],
    ['Margin Required', page.marginRequired, engine.initialMargin],
    ['Liquidation Price', page.liquidationPrice, engine.liquidationPrice],
  ];
  for (const [label, text, ours] of pairs) {
    if (ours === null) {
      expect(text, `${what}: ${label} where the engine finds none`).toBe('N/A');
      continue;
    }
    const { value, decimals } = shown(text);
    const half = new Dec(10).pow(-decimals).div(2);
    expect(value.minus(ours).abs().lessThanOrEqualTo(half), `${what}: ${label} ${text} vs engine ${ours}`).toBe(true);
  }
}

test.describe('Hyperliquid, second-generation page: overlay = engine, page figures = engine', () => {
  test('as loaded: cross limit long with the page account; the page shows a liquidation price, ours', async ({
    page,
    mock,
  }) => {
    mock.setPrice('hyperliquid', 'BTC', PAGE_MARK);
    const h = await gen2(page, mock);
    expect(h.form()).toMatchObject({ size: { unit: 'base', value: '0.2' }, account: { walletBalance: '1000' } });
    const reading = await waitForEngineFigures(page, 'gen 2 as loaded', viewOf(mock, h), { mark: 'live' });
    expect(reading.sides).toEqual(['long']);
    await expectPageFiguresOfEngine(h, mock, 'gen 2 as loaded');
    expect((await h.pageSummary()).liquidationPrice).not.toBe('N/A');
  });

  test('Sell / Short from the segmented control, isolated 40x, typed price and size; then market in USDC', async ({
    page,
    mock,
  }) => {
    mock.setPrice('hyperliquid', 'BTC', PAGE_MARK);
    const h = await gen2(page, mock);
    await h.setSide('short');
    await h.setMarginMode('isolated');
    await h.setLeverage(40);
    await h.typePrice('65,500.5');
    await h.typeSize('0.3');
    await waitForEngineFigures(page, 'gen 2 isolated short', viewOf(mock, h), { mark: 'live' });
    await expectPageFiguresOfEngine(h, mock, 'gen 2 isolated short');
    await h.setType('market');
    await h.setUnit('quote');
    await h.typeSize('2,500');
    await waitForEngineFigures(page, 'gen 2 market in USDC', viewOf(mock, h), { mark: 'live' });
    await expectPageFiguresOfEngine(h, mock, 'gen 2 market in USDC');
  });

  test('the size slider moved: not taken for the size, the figures stay the engine’s', async ({ page, mock }) => {
    const h = await gen2(page, mock);
    await page.getByRole('slider', { name: 'Size percentage' }).fill('50');
    await expect(page.getByRole('textbox', { name: 'Size percent' })).toHaveValue('50');
    await waitForEngineFigures(page, 'gen 2 slider at 50 %', viewOf(mock, h), { mark: 'live' });
  });

  test('a builder perp (xyz:TSLA): "not supported", no figures, no market data asked for it', async ({
    page,
    mock,
  }) => {
    mock.usePage(HYPERLIQUID_HOST, HYPERLIQUID_GEN2_PAGE);
    const h = await new HyperliquidPage(page, 2).goto('xyz:TSLA');
    await expect(page.getByRole('button', { name: 'xyz:TSLA-USDC', exact: true })).toBeVisible();
    const refused = await waitForOverlay(
      page,
      (r) => r.present && r.state === 'refused' && r.reason === 'UNSUPPORTED_MARKET:symbol',
      'refused: UNSUPPORTED_MARKET:symbol',
    );
    expect(refused.figures.filter((f) => f.side !== null)).toEqual([]);
    expect(refused.text).toContain('xyz:TSLA');
    expect(refused.text).toMatch(/not supported/);
    expect(mock.openStreams().some((s) => s.symbols.includes('xyz:TSLA'))).toBe(false);
    // Back to BTC by the coin menu: quoted again, with BTC's own data.
    await h.switchCoin('BTC');
    await waitForEngineFigures(page, 'gen 2 back on BTC', viewOf(mock, h), { mark: 'live' });
  });
});

test.describe("Hyperliquid, first-generation page: the page's own figures are Hyperliquid's rule", () => {
  test('as loaded "N/A" (the engine finds no liquidation price); isolated 40x short shows ours', async ({
    page,
    mock,
  }) => {
    mock.setPrice('hyperliquid', 'BTC', PAGE_MARK);
    const h = await new HyperliquidPage(page).goto();
    await waitForEngineFigures(page, 'gen 1 as loaded', viewOf(mock, h), { mark: 'live' });
    await expectPageFiguresOfEngine(h, mock, 'gen 1 as loaded');
    expect((await h.pageSummary()).liquidationPrice).toBe('N/A');
    await h.setMarginMode('isolated');
    await h.setSide('short');
    await h.setLeverage(40);
    await h.typeSize('0.5');
    await waitForEngineFigures(page, 'gen 1 isolated short', viewOf(mock, h), { mark: 'live' });
    await expectPageFiguresOfEngine(h, mock, 'gen 1 isolated short');
  });
});
