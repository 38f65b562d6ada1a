// The PnL chart panel in the browser (issue 15: its model is built only while it is open): closed,
// nothing is drawn; opened, one chart per quoted side with the column's prices marked, following a
// new price typed in the form; closed again, gone.
import type { Page } from 'playwright-core';
import { ATTR } from '../../src/ui/overlay/contract';
import { BinancePage } from '../harness/binance-usdm-page';
import { attrs, cdpFor, findNode, readOverlay, waitForOverlay, type CdpNode } from '../harness/overlay';
import { expect, test } from '../harness/test';

/** The overlay's shadow tree as CDP sees it (the root is closed to page scripts). */
async function tree(page: Page): Promise<CdpNode> {
  const cdp = await cdpFor(page);
  return ((await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode }).root;
}

function all(node: CdpNode, test: (n: CdpNode) => boolean, found: CdpNode[] = []): CdpNode[] {
  if (test(node)) found.push(node);
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) all(child, test, found);
  return found;
}

/** Per drawn chart side: its markers as kind → raw price. */
async function charts(page: Page): Promise<Record<string, Record<string, string>>> {
  const sides = all(await tree(page), (n) => n.nodeType === 1 && attrs(n).has(ATTR.chartSide));
  return Object.fromEntries(
    sides
      .filter((s) => all(s, (n) => n.nodeName.toLowerCase() === 'svg').length > 0)
      .map((s) => [
        attrs(s).get(ATTR.chartSide)!,
        Object.fromEntries(
          all(s, (n) => n.nodeType === 1 && attrs(n).has(ATTR.marker)).map((m) => [
            attrs(m).get(ATTR.marker)!,
            attrs(m).get(ATTR.value) ?? '',
          ]),
        ),
      ]),
  );
}

/** A real mouse click on the chart panel's button, found through CDP. */
async function clickChartButton(page: Page): Promise<void> {
  const cdp = await cdpFor(page);
  const button = findNode(await tree(page), (n) => n.nodeType === 1 && attrs(n).get(ATTR.action) === 'chart');
  if (button === undefined) throw new Error('no chart button');
  const { model } = (await cdp.send('DOM.getBoxModel', { nodeId: button.nodeId })) as { model: { content: number[] } };
  const [x1 = 0, y1 = 0, , , x3 = 0, y3 = 0] = model.content;
  await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
}

test('Binance: the chart panel draws one chart per side only while open, with the column’s prices', async ({
  page,
  mock,
}) => {
  mock.setPrice('binance-usdm', 'BTCUSDT', '65020.3');
  const b = await new BinancePage(page).goto();
  await waitForOverlay(page, (r) => r.state === 'ok' && r.sides.length === 2, 'figures on both sides');
  expect(await charts(page)).toEqual({});

  await clickChartButton(page);
  await expect.poll(async () => Object.keys(await charts(page)).sort()).toEqual(['long', 'short']);
  // The charts mark what the columns show now (the figures may have settled since the first reading).
  const breakEvens = async () => {
    const now = await readOverlay(page);
    return Object.fromEntries(
      now.figures.filter((f) => f.key === 'breakEvenPrice').map((f) => [f.side, f.value] as const),
    );
  };
  const markedBreakEvens = async () =>
    Object.fromEntries(Object.entries(await charts(page)).map(([side, m]) => [side, m.breakEven]));
  // Both read in the same poll: a figure that settles (funding, tiers arriving) moves columns and charts together.
  const chartsMatchColumns = async () => {
    const shown = await breakEvens();
    const marked = await markedBreakEvens();
    const text = (o: Record<string, unknown>) => JSON.stringify(Object.entries(o).sort());
    return text(marked) === text(shown) ? 'same' : `charts ${text(marked)}, columns ${text(shown)}`;
  };
  await expect.poll(chartsMatchColumns).toBe('same');
  expect(Object.values(await charts(page)).map((m) => m.mark)).toEqual(['65020.3', '65020.3']);

  // A new limit price while open: the charts follow the new quote.
  const before = await breakEvens();
  await b.typePrice('64000');
  await waitForOverlay(
    page,
    (r) => r.figures.some((f) => f.key === 'breakEvenPrice' && f.side === 'long' && f.value !== before.long),
    'figures for the new price',
  );
  await expect.poll(async () => (await charts(page)).long?.entry).toBe('64000');
  await expect.poll(chartsMatchColumns).toBe('same');

  await clickChartButton(page);
  await expect.poll(() => charts(page)).toEqual({});
});
