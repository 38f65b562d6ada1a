// OKX USDT swap, second page generation (issue 13): okx-swap.gen2.html (okui- classes namespaced by
// bundle, Vite-hashed module classes, captions without <label>, Cost per side) served by the mock at
// the real URL https://www.okx.com/trade-swap/btc-usdt-swap. The overlay shows exactly the engine's
// figures for the order on the page (as loaded, typed, market in BTC, after an instrument switch), and
// the page's own Cost under each button follows OKX's rule, which is the engine's initial margin
// (order value / leverage, no fee): the fixture's own figure agrees with the order it shows. The
// first generation keeps its own spec (okx-swap.spec.ts, the /ru/ URL included).
import { Dec } from '../../src/core/decimal';
import { parseQuoteInput } from '../../src/core/input';
import type { Settings } from '../../src/settings/settings';
import { expectedFor, expectedView, snapshotFromMock, type ExpectedView } from '../harness/expected';
import { sameNumber, shownMark, waitForEngineFigures } from '../harness/figures';
import { OkxPage, type OkxInstrument } from '../harness/okx-swap-page';
import { attrs, cdpFor, findNode, waitForOverlay, type CdpNode } from '../harness/overlay';
import { ATTR, HOST_ATTRIBUTE } from '../../src/ui/overlay/contract';
import type { Page } from '../harness/test';
import { okxOrderCostOf } from '../../src/venues/okx-swap/order-cost';
import { expect, test } from '../harness/test';
import type { MockExchange } from '../mock/server';
import { OKX_INSTRUMENTS } from '../mock/venues/okx-swap';

const BTC: OkxInstrument = 'BTC-USDT-SWAP';
const ETH: OkxInstrument = 'ETH-USDT-SWAP';
/** The mock's default BTC mark, which the page's header shows too (65,010.2). */
const MARK = OKX_INSTRUMENTS.find((i) => i.instId === BTC)!.price;

const viewOf = (o: OkxPage, mock: MockExchange, settings: Settings) => (): ExpectedView =>
  expectedView(o.form(), snapshotFromMock(mock, 'okx-swap', o.inst), settings);

/**
 * The page's Cost under each button is OKX's rule (src/venues/okx-swap/order-cost.ts: the margin the
 * order adds plus its order loss) for the order the engine was given — the same quantity, price,
 * leverage, mark and page position — rounded to the page's cents. Without a position in the
 * instrument the margin part is the engine's own initial margin.
 */
async function expectPageCostsAgree(o: OkxPage, mock: MockExchange, settings: Settings): Promise<void> {
  for (const side of ['long', 'short'] as const) {
    const expected = expectedFor(o.form(), side, snapshotFromMock(mock, 'okx-swap', o.inst), settings);
    const input = parseQuoteInput(expected.plan.input);
    const rule = okxOrderCostOf(input, input.market.markPrice!);
    if (!input.account.positions.some((p) => p.symbol === o.inst))
      expect(rule.margin.equals(expected.figures!.initialMargin!), `${side}: margin = engine IM`).toBe(true);
    const shown = /^([\d,]+\.\d{2}) USDT$/.exec(await o.pageCost(side));
    expect(shown, `${side} Cost as the page shows it`).not.toBeNull();
    const cents = rule.total.toDecimalPlaces(2, Dec.ROUND_HALF_UP).toFixed(2);
    expect(shown![1]!.replace(/,/g, ''), `${side}: page Cost vs OKX's rule`).toBe(cents);
  }
}

/** The overlay's page cross-check: the quiet line's verdict, or each disagreeing row's numbers. */
async function pageCheckRows(page: Page): Promise<Array<Record<string, string>>> {
  const cdp = await cdpFor(page);
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
  const rows: Array<Record<string, string>> = [];
  const walk = (node: CdpNode) => {
    if (node.nodeType === 1 && attrs(node).has(ATTR.pageCheck)) rows.push(Object.fromEntries(attrs(node)));
    for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) walk(child);
  };
  const host = findNode(root, (n) => n.nodeType === 1 && attrs(n).has(HOST_ATTRIBUTE));
  if (host) walk(host);
  return rows;
}

test.beforeEach(({ mock }) => {
  mock.usePage('www.okx.com', 'okx-swap.gen2.html');
});

test('as loaded at the bare URL: generation 2 is served, the overlay equals the engine for both sides', async ({
  page,
  mock,
  setSettings,
}) => {
  const settings = await setSettings({});
  const o = await new OkxPage(page, 2).goto();
  expect(new URL(page.url()).pathname).toBe('/trade-swap/btc-usdt-swap');
  // Generation 2 for sure: namespaced okui classes, no <label> anywhere.
  await expect(page.locator('.trade_okui-input-input').first()).toBeVisible();
  await expect(page.locator('label')).toHaveCount(0);
  const reading = await waitForEngineFigures(page, 'gen 2 as loaded', viewOf(o, mock, settings), { mark: 'live' });
  expect(reading.sides.sort()).toEqual(['long', 'short']);
  expect(sameNumber(shownMark(reading), MARK)).toBe(true);
  await expectPageCostsAgree(o, mock, settings);
});

test('typed: isolated, 25×, another price and amount — overlay and the page Cost follow', async ({
  page,
  mock,
  setSettings,
}) => {
  const settings = await setSettings({});
  const o = await new OkxPage(page, 2).goto();
  await o.setMarginMode('isolated');
  await o.setLeverage(25);
  await o.typePrice('64,123.4');
  await o.typeSize('37');
  await waitForEngineFigures(page, 'gen 2 typed', viewOf(o, mock, settings), { mark: 'live' });
  await expectPageCostsAgree(o, mock, settings);
});

test('market, amount in BTC: priced at the mark', async ({ page, mock, setSettings }) => {
  const settings = await setSettings({});
  const o = await new OkxPage(page, 2).goto();
  await o.setMarginMode('isolated');
  await o.setType('market');
  await o.setUnit('base');
  await o.typeSize('0.25');
  await waitForEngineFigures(page, 'gen 2 market in BTC', viewOf(o, mock, settings), { mark: 'live' });
});

test('instrument switch to ETH (pushState, re-mounted form): read; the page Cost counts the ETH position', async ({
  page,
  mock,
  setSettings,
}) => {
  const settings = await setSettings({});
  const o = await new OkxPage(page, 2).goto();
  await waitForEngineFigures(page, 'gen 2 BTC', viewOf(o, mock, settings), { mark: 'live' });
  await o.switchInstrument(ETH);
  await waitForEngineFigures(page, 'gen 2 after the switch to ETH', viewOf(o, mock, settings), { mark: 'live' });
  await expectPageCostsAgree(o, mock, settings);
});

test.describe("the page's own Cost, cross-checked", () => {
  test('as loaded, the Cost under each button agrees: state ok, "matches the exchange\'s estimate"', async ({
    page,
    mock,
    setSettings,
  }) => {
    const settings = await setSettings({});
    const o = await new OkxPage(page, 2).goto();
    await waitForEngineFigures(page, 'gen 2 as loaded', viewOf(o, mock, settings), { mark: 'live' });
    await expect.poll(() => pageCheckRows(page)).toEqual([expect.objectContaining({ [ATTR.pageCheck]: 'matches' })]);
  });

  test('a Cost the page got wrong (a contract read as 0.001 BTC: 65.00): doubtful, both numbers, no figures of ours', async ({
    page,
    mock,
    setSettings,
  }) => {
    const settings = await setSettings({});
    const o = await new OkxPage(page, 2).goto();
    await waitForEngineFigures(page, 'gen 2 as loaded', viewOf(o, mock, settings), { mark: 'live' });
    await page.locator('[data-fixture="cost-long"]').evaluate((el) => (el.textContent = '65.00 USDT'));
    const doubtful = await waitForOverlay(page, (r) => r.state === 'doubtful', 'state doubtful');
    expect(doubtful.figures.filter((f) => f.side !== null && f.value !== '')).toEqual([]);
    const ours = okxOrderCostOf(
      parseQuoteInput(expectedFor(o.form(), 'long', snapshotFromMock(mock, 'okx-swap', BTC), settings).plan.input),
      new Dec(MARK),
    ).total;
    const rows = await pageCheckRows(page);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      [ATTR.pageCheck]: 'differs',
      [ATTR.estimate]: 'cost',
      [ATTR.estimateSide]: 'long',
      [ATTR.pageValue]: '65',
    });
    expect(new Dec(rows[0]![ATTR.ourValue]!).equals(ours)).toBe(true);
  });

  test("generation 1's single Cost (under both buttons) agrees too", async ({ page, mock, setSettings }) => {
    mock.usePage('www.okx.com', null);
    const settings = await setSettings({});
    const o = await new OkxPage(page).goto();
    await expect(page.locator('label', { hasText: 'Amount' })).toHaveCount(1); // generation 1 for sure
    await waitForEngineFigures(page, 'gen 1 as loaded', viewOf(o, mock, settings), { mark: 'live' });
    await expect.poll(() => pageCheckRows(page)).toEqual([expect.objectContaining({ [ATTR.pageCheck]: 'matches' })]);
  });
});
