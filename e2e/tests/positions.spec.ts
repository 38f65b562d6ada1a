// Adding to a position the account already holds in the order's own market (issue 10): on every
// venue whose page shows positions, the overlay quotes the position the order leaves (combined
// size, average entry, the tier of the combined notional) and says so, with the engine's figures.
// The fixture pages list positions in other markets only; each test adds a row for the order's
// own market the way the exchange's table renders one (a clone of a row, new texts).
import type { Page } from 'playwright-core';
import type { PagePosition } from '../../src/venues/types';
import { BybitPage } from '../harness/bybit-linear-page';
import { expectedView, snapshotFromMock } from '../harness/expected';
import { waitForEngineFigures } from '../harness/figures';
import { HyperliquidPage } from '../harness/hyperliquid-page';
import { OkxPage } from '../harness/okx-swap-page';
import { readOverlay } from '../harness/overlay';
import { expect, test } from '../harness/test';

/**
 * Clones the first row of the table whose body matches `body`: in its first cell every text and link
 * has `rename[0]` replaced by `rename[1]` (the market), the other cells get `cells` (index → text);
 * `tab`: the start of the positions tab's text, whose "(n)" count the page keeps in step with its rows.
 */
async function addRow(
  page: Page,
  body: string,
  rename: [string, string],
  cells: Record<number, string>,
  tab?: string,
): Promise<void> {
  await page.evaluate(
    ([sel, [from, to], texts, tabSel]) => {
      if (tabSel) {
        const t = [...document.querySelectorAll('[role="tab"]')].find((el) =>
          el.textContent!.trim().startsWith(tabSel),
        )!;
        t.textContent = t.textContent!.replace(/\((\d+)\)/, (_, n: string) => `(${Number(n) + 1})`);
      }
      const tbody = document.querySelector(sel!)!;
      const row = tbody.querySelector('tr')!.cloneNode(true) as HTMLTableRowElement;
      const first = row.children[0]!;
      const walker = document.createTreeWalker(first, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n !== null; n = walker.nextNode())
        n.nodeValue = n.nodeValue!.split(from!).join(to!);
      for (const a of first.querySelectorAll('a[href]'))
        a.setAttribute('href', a.getAttribute('href')!.split(from!.toLowerCase()).join(to!.toLowerCase()));
      for (const [i, text] of Object.entries(texts as Record<string, string>))
        row.children[Number(i)]!.textContent = text;
      tbody.append(row);
    },
    [body, rename, cells, tab ?? null] as const,
  );
}

async function positionLine(page: Page): Promise<string> {
  const text = (await readOverlay(page)).text;
  const m = /After this order: (?:long|short) [\d.,]+ \w+ @ [\d.,]+ \w+/.exec(text);
  return m ? m[0] : '';
}

test('Bybit cross: adding to the open BTCUSDT long quotes the combined position', async ({ page, mock }) => {
  const b = await new BybitPage(page).goto();
  const own: PagePosition = {
    symbol: 'BTCUSDT',
    side: 'long',
    quantity: '0.05',
    entryPrice: '64000',
    markPrice: '65010.2',
    maintenanceMargin: '16.28',
  };
  await addRow(page, '.by-table tbody', ['SOLUSDT', 'BTCUSDT'], {
    // the first row is a cross SOLUSDT long
    1: '0.050',
    2: '3,250.51 USDT',
    3: '64,000.0',
    4: '65,010.2',
    5: '--',
    6: '325.05 USDT',
    7: '16.28 USDT',
    8: '+50.51 USDT',
  });
  await b.typeSize('0.150');
  await waitForEngineFigures(page, 'figures of the combined long', () => {
    const form = b.form();
    form.account!.positions = [...form.account!.positions!, own];
    return expectedView(form, snapshotFromMock(mock, 'bybit-linear', 'BTCUSDT'));
  });
  // 0.05 @ 64,000 + 0.15 @ 65,000 = 0.2 @ 64,750 (size-weighted average entry).
  expect(await positionLine(page)).toMatch(/^After this order: long 0\.2 BTC @ 64,750(\.0+)? USDT$/);
});

test('OKX cross: adding to the open BTC-USDT-SWAP long, sized in contracts, quotes the combined position', async ({
  page,
  mock,
}) => {
  const o = await new OkxPage(page).goto();
  const own: PagePosition = {
    symbol: 'BTC-USDT-SWAP',
    side: 'long',
    quantity: '0.02',
    entryPrice: '64000',
    markPrice: '65010.2',
    maintenanceMargin: '5.2',
  };
  await addRow(
    page,
    'tbody.okui-table-tbody',
    ['ETH', 'BTC'],
    {
      // the first row is a cross ETHUSDT long
      1: '0.02 BTC',
      2: '64,000.00',
      3: '65,010.20',
      4: '--',
      5: '130.02 USDT',
      6: '5.20 USDT',
      7: '999.00%',
      8: '+20.20 USDT (+15.54%)',
    },
    'Positions',
  );
  await o.typeSize('3');
  await waitForEngineFigures(page, 'figures of the combined long', () => {
    const form = o.form();
    form.account!.positions = [...form.account!.positions!, own];
    return expectedView(form, snapshotFromMock(mock, 'okx-swap', 'BTC-USDT-SWAP'));
  });
  expect(await positionLine(page)).toMatch(/^After this order: long 0\.05 BTC @ /);
});

test('Hyperliquid cross: adding to the open BTC long quotes the combined position', async ({ page, mock }) => {
  const h = await new HyperliquidPage(page).goto();
  const own: PagePosition = {
    symbol: 'BTC',
    side: 'long',
    quantity: '0.1',
    entryPrice: '64000',
    markPrice: '65000',
    maintenanceMargin: null,
  };
  // The first row is a cross SOL short: the clone is made a long by its signed size.
  await addRow(
    page,
    'tbody',
    ['SOL', 'BTC'],
    {
      1: '0.10000 BTC',
      2: '$6,500.00',
      3: '64,000',
      4: '65,000',
      5: '+$100.00 (+31.2%)',
      6: '--',
      7: '$325.00 (Cross)',
      8: '-$0.10',
    },
    'Positions',
  );
  await waitForEngineFigures(page, 'figures of the combined long', () => {
    const form = h.form();
    form.account = { ...form.account!, positions: [...form.account!.positions!, own] };
    return expectedView(form, snapshotFromMock(mock, 'hyperliquid', 'BTC'));
  });
  expect(await positionLine(page)).toMatch(/^After this order: long [\d.]+ BTC @ /);
});
