// The mutation suite (issue 13, deliverable 5): every fixture page, of every generation, changed the
// way a redeploy of the exchange's front end or the page's own UI changes it (e2e/harness/mutations.ts).
// For each mutation the overlay must show the SAME figures as the unmutated page for the same order
// (expected = planQuote + quoteJson computed here, as in the venue specs), or say "not recognised" /
// refused — never a different number. The overlay is sampled the whole time, so a transient wrong
// figure fails too. Two kinds: applied by an init script on DOMContentLoaded, before the content
// script's first read (the page as loaded); and applied after load to a re-rendered copy of the form
// holding an order typed by the venue's page helper (a redeploy/re-mount while the trader works).
// The table mutation × page → same / not recognised is attached to each test and printed at the end.
import fs from 'node:fs';
import path from 'node:path';
import type { Settings } from '../../src/settings/settings';
import type { MarketSnapshot, OrderForm } from '../../src/venues/types';
import type { VenueId } from '../../src/core/types';
import { BinanceMarginPage } from '../harness/binance-margin-page';
import { BinancePage, type Gen2Variant } from '../harness/binance-usdm-page';
import { BYBIT_GEN2_PAGE, BYBIT_HOST, BybitPage } from '../harness/bybit-linear-page';
import { expectedView, servedSnapshot, snapshotFromMock, type ExpectedView } from '../harness/expected';
import { figureMismatches, waitForEngineFigures } from '../harness/figures';
import { BinanceMarginGen2Page } from '../harness/binance-margin-gen2-page';
import { HYPERLIQUID_GEN2_PAGE, HYPERLIQUID_HOST, HyperliquidPage } from '../harness/hyperliquid-page';
import { KrakenGen2Page } from '../harness/kraken-margin-gen2-page';
import { KrakenPage } from '../harness/kraken-margin-page';
import {
  applyAfterLoad,
  chooseMutation,
  installInitMutations,
  MUTATIONS,
  type MutationName,
} from '../harness/mutations';
import { OkxPage } from '../harness/okx-swap-page';
import { readOverlay, summary, type OverlayReading } from '../harness/overlay';
import { expect, test, type Page } from '../harness/test';
import type { MockExchange } from '../mock/server';
import { OKX_INSTRUMENTS } from '../mock/venues/okx-swap';

interface Ctx {
  page: Page;
  mock: MockExchange;
  setSettings: (change: Partial<Settings>) => Promise<Settings>;
}

/** A fixture page as loaded: what the overlay must show for its form now, and an order to type. */
interface Opened {
  view: () => ExpectedView;
  typeOrder: () => Promise<void>;
  /** The unmutated page shows no mark (a closing order is not quoted). */
  noMark?: boolean;
}

/** The feed's snapshot of the mock with the mark and last price at the served price (Bybit, Binance margin). */
function atServedPrice(mock: MockExchange, venue: VenueId, symbol: string): MarketSnapshot {
  const snapshot = snapshotFromMock(mock, venue, symbol);
  const price = mock.book.get(venue, symbol).price;
  for (const key of ['markPrice', 'lastPrice'] as const) {
    const figure = snapshot.figures[key];
    if (figure) snapshot.figures[key] = { ...figure, value: price };
  }
  return snapshot;
}

const served = (mock: MockExchange, book: string) => (form: OrderForm) =>
  servedSnapshot(form, mock.book.get(form.venue, book));

async function kraken({ page, mock, setSettings }: Ctx): Promise<Opened> {
  const settings = await setSettings({ accountBalance: { 'kraken-margin': '20000' } });
  mock.setPrice('kraken-margin', 'XBTUSD', '64210.5');
  const k = await new KrakenPage(page).goto();
  return {
    view: () => expectedView(k.form(), served(mock, 'XBTUSD')(k.form()), settings),
    typeOrder: () => k.typeSize('0.3'),
  };
}

async function krakenGen2({ page, mock, setSettings }: Ctx): Promise<Opened> {
  const settings = await setSettings({ accountBalance: { 'kraken-margin': '20000' } });
  mock.usePage('pro.kraken.com', 'kraken-margin.gen2.html');
  mock.setPrice('kraken-margin', 'XBTUSD', '94210.5');
  const k = await new KrakenGen2Page(page).goto('margin');
  return {
    view: () => expectedView(k.form(), served(mock, 'XBTUSD')(k.form()), settings),
    typeOrder: () => k.typeQuantity('0.04'),
  };
}

async function binanceUsdm({ page, mock, setSettings }: Ctx, variant: Gen2Variant | null): Promise<Opened> {
  const settings = await setSettings({ accountBalance: { 'binance-usdm': '5000' } });
  mock.setPrice('binance-usdm', 'BTCUSDT', '65020.3', { fundingRate: '0.00025' });
  const b = new BinancePage(page);
  await (variant ? b.gotoGen2(variant) : b.goto());
  // Generation 2 has no Size prefix (its size field is labelled "Amount"): typed by its fixture hook.
  const typeGen2 = async () => {
    await page.locator('[data-fixture="pane"] [data-fixture="size"]').fill('0.2');
    b.size = '0.2';
  };
  // Hedge mode's Close tab: never quoted as an opening, the overlay says "closing order" and shows no figure.
  if (variant === 'gen2-hedge-close')
    return {
      view: () => ({ state: 'closing', figures: {} }) as unknown as ExpectedView,
      typeOrder: typeGen2,
      noMark: true,
    };
  return {
    view: () => expectedView(b.form(), served(mock, 'BTCUSDT')(b.form()), settings),
    typeOrder: variant ? typeGen2 : () => b.typeSize('0.2'),
  };
}

async function bybit({ page, mock }: Ctx, generation: 1 | 2): Promise<Opened> {
  mock.setPrice('bybit-linear', 'BTCUSDT', '64210.5');
  if (generation === 2) mock.usePage(BYBIT_HOST, BYBIT_GEN2_PAGE);
  const b = await new BybitPage(page, generation).goto();
  return {
    view: () => expectedView(b.form(), atServedPrice(mock, 'bybit-linear', b.symbol)),
    typeOrder: () => b.typeSize('0.250'),
  };
}

async function okx({ page, mock, setSettings }: Ctx): Promise<Opened> {
  const settings = await setSettings({});
  mock.setPrice('okx-swap', 'BTC-USDT-SWAP', '64210.5');
  const o = await new OkxPage(page).goto();
  return {
    view: () => expectedView(o.form(), snapshotFromMock(mock, 'okx-swap', o.inst), settings),
    typeOrder: () => o.typeSize('40'),
  };
}

async function hyperliquid({ page, mock, setSettings }: Ctx): Promise<Opened> {
  const settings = await setSettings({});
  mock.setPrice('hyperliquid', 'BTC', '64980.5', { fundingRate: '0.0000125' });
  const h = await new HyperliquidPage(page).goto();
  return {
    view: () => expectedView(h.form(), snapshotFromMock(mock, 'hyperliquid', h.coin), settings),
    typeOrder: () => h.typeSize('0.5'),
  };
}

async function binanceMargin({ page, mock, setSettings }: Ctx): Promise<Opened> {
  const settings = await setSettings({});
  mock.setPrice('binance-margin', 'BTCUSDT', '64210.5');
  const b = await new BinanceMarginPage(page).goto();
  return {
    view: () => expectedView(b.form(), atServedPrice(mock, 'binance-margin', b.symbol), settings),
    typeOrder: () => b.order('long', '63,500', '0.4'),
  };
}

async function okxGen2({ page, mock, setSettings }: Ctx): Promise<Opened> {
  const settings = await setSettings({});
  mock.usePage('www.okx.com', 'okx-swap.gen2.html');
  // The mock's own mark: the page's Cost rows were computed at it (page estimates).
  mock.setPrice('okx-swap', 'BTC-USDT-SWAP', OKX_INSTRUMENTS.find((i) => i.instId === 'BTC-USDT-SWAP')!.price);
  const o = await new OkxPage(page, 2).goto();
  return {
    view: () => expectedView(o.form(), snapshotFromMock(mock, 'okx-swap', o.inst), settings),
    typeOrder: () => o.typeSize('40'),
  };
}

/** OKX generation 2 in Russian at /ru/ (its label table; the Cost rows carry no Russian word, so no cross-check). */
async function okxGen2Ru({ page, mock, setSettings }: Ctx): Promise<Opened> {
  const settings = await setSettings({});
  mock.usePage('www.okx.com', 'okx-swap.gen2-ru.html');
  const o = await new OkxPage(page, 2, { buy: 'Купить/Лонг', sell: 'Продать/Шорт' }).goto('BTC-USDT-SWAP', 'ru');
  return {
    view: () => expectedView(o.form(), snapshotFromMock(mock, 'okx-swap', o.inst), settings),
    typeOrder: () => o.typeSize('40'),
  };
}

async function hyperliquidGen2({ page, mock, setSettings }: Ctx): Promise<Opened> {
  const settings = await setSettings({});
  mock.usePage(HYPERLIQUID_HOST, HYPERLIQUID_GEN2_PAGE);
  // The mark the page's own summary rows were computed at.
  mock.setPrice('hyperliquid', 'BTC', '65010');
  const h = await new HyperliquidPage(page, 2).goto();
  return {
    view: () => expectedView(h.form(), snapshotFromMock(mock, 'hyperliquid', h.coin), settings),
    typeOrder: () => h.typeSize('0.3'),
  };
}

async function binanceMarginGen2({ page, mock, setSettings }: Ctx): Promise<Opened> {
  const settings = await setSettings({});
  mock.setPrice('binance-margin', 'BTCUSDT', '64210.5');
  const b = await new BinanceMarginGen2Page(page).goto();
  return {
    view: () => expectedView(b.form(), atServedPrice(mock, 'binance-margin', 'BTCUSDT'), settings),
    typeOrder: () => b.typeLimit('63,500.5', '0.45'),
  };
}

/** Every fixture page of every generation: a page added later joins with one line. */
const PAGES: Array<{ file: string; open: (ctx: Ctx) => Promise<Opened> }> = [
  { file: 'kraken-margin.html', open: kraken },
  { file: 'kraken-margin.gen2.html', open: krakenGen2 },
  { file: 'binance-usdm.html', open: (c) => binanceUsdm(c, null) },
  { file: 'binance-usdm.gen2-oneway.html', open: (c) => binanceUsdm(c, 'gen2-oneway') },
  { file: 'binance-usdm.gen2-hedge-open.html', open: (c) => binanceUsdm(c, 'gen2-hedge-open') },
  { file: 'binance-usdm.gen2-hedge-close.html', open: (c) => binanceUsdm(c, 'gen2-hedge-close') },
  { file: 'bybit-linear.html', open: (c) => bybit(c, 1) },
  { file: 'bybit-linear.gen2.html', open: (c) => bybit(c, 2) },
  { file: 'okx-swap.html', open: okx },
  { file: 'hyperliquid.html', open: hyperliquid },
  { file: 'binance-margin.html', open: binanceMargin },
  { file: 'binance-margin.gen2.html', open: binanceMarginGen2 },
  { file: 'binance-usdm.gen2-zh-CN.html', open: (c) => binanceUsdm(c, 'gen2-zh-CN') },
  { file: 'okx-swap.gen2.html', open: okxGen2 },
  { file: 'okx-swap.gen2-ru.html', open: okxGen2Ru },
  { file: 'hyperliquid.gen2.html', open: hyperliquidGen2 },
];

/** After-load (redeploy) mutations: the ones a re-render or the page's own UI makes while a trader works. */
const AFTER_LOAD: readonly MutationName[] = [
  'hashed-classes',
  'id-suffixes',
  'hidden-copy',
  'decoys',
  'late-form',
  'fields-one-by-one',
];

/** How long a mutation is watched at least: the late ones until everything has arrived. */
const WATCH_MS: Partial<Record<MutationName, number>> = { 'late-form': 800, 'fields-one-by-one': 900 };
const SETTLED_MS = 300;
/** A not-recognised state is watched this long for the figures to come back (the session re-reads every second). */
const NOT_RECOGNISED_MS = 900;
const GIVE_UP_MS = 8_000;

type Verdict = 'same' | 'not recognised' | 'pending' | 'wrong';

function verdictOf(r: OverlayReading, expected: ExpectedView): Verdict {
  if (!r.present || r.state === null || r.state === 'waiting') return 'pending';
  if (r.state === 'ok' && r.mark === 'stale') return 'pending';
  if (figureMismatches(r, expected).length === 0) return 'same';
  // 'doubtful': the page's own figure disagrees; the overlay shows both numbers and none of ours as confident.
  if (r.state === 'unrecognised' || r.state === 'refused' || r.state === 'doubtful') return 'not recognised';
  return 'wrong';
}

/**
 * Watches the overlay from now on: every reading is 'same', 'not recognised' or not yet there;
 * returns the final verdict (with what is missing or refused) and every wrong reading seen.
 */
async function watch(page: Page, view: () => ExpectedView, mutation: MutationName | null) {
  const start = Date.now();
  const wrong: string[] = [];
  let last: Verdict;
  let reading: OverlayReading | undefined;
  for (;;) {
    reading = await readOverlay(page);
    last = verdictOf(reading, view());
    if (last === 'wrong') wrong.push(JSON.stringify(summary(reading)));
    const age = Date.now() - start;
    const minimum = (mutation === null ? 0 : (WATCH_MS[mutation] ?? 0)) + SETTLED_MS;
    if (age > GIVE_UP_MS) break;
    if ((last === 'same' || last === 'wrong') && age > minimum) break;
    if (last === 'not recognised' && age > minimum + NOT_RECOGNISED_MS) break;
    await new Promise((r) => setTimeout(r, 80));
  }
  const detail = last === 'not recognised' ? ` (${reading.reason ?? `missing: ${reading.missing ?? '?'}`})` : '';
  return { verdict: last, text: `${last}${detail}`, wrong };
}

/** Each test writes its page's verdicts here; the table is assembled from every file present. */
const TABLE_DIR = path.join('test-results', 'mutation-table');

function record(verdicts: Record<string, string>, mutation: string, text: string): void {
  verdicts[mutation] = text;
  test.info().annotations.push({ type: `mutation ${mutation}`, description: text });
}

/** Applies every mutation in turn; returns the problems (a wrong reading, or no answer at all). */
async function mutateAll(
  page: Page,
  view: () => ExpectedView,
  verdicts: Record<string, string>,
  kind: 'init' | 'after load',
  mutations: readonly MutationName[],
  apply: (mutation: MutationName) => Promise<() => Promise<void>>,
): Promise<string[]> {
  const problems: string[] = [];
  for (const mutation of mutations) {
    const undo = await apply(mutation);
    const seen = await watch(page, view, mutation);
    record(verdicts, `${mutation} (${kind})`, seen.text);
    if (seen.verdict === 'wrong' || seen.verdict === 'pending' || seen.wrong.length > 0)
      problems.push(`${mutation} (${kind}): ended ${seen.text}; wrong readings: ${seen.wrong.slice(0, 2).join(' | ')}`);
    await undo();
  }
  return problems;
}

test.describe('mutation suite: the same figures or "not recognised", never a different number', () => {
  for (const { file, open } of PAGES) {
    test(`${file}: mutated before the first read, then after load with a typed order`, async ({
      page,
      mock,
      setSettings,
    }) => {
      const verdicts: Record<string, string> = {};
      await installInitMutations(page);
      const { view, typeOrder, noMark } = await open({ page, mock, setSettings });
      const options = noMark ? {} : ({ mark: 'live' } as const);
      await waitForEngineFigures(page, `${file} unmutated`, view, options);
      const reload = async (mutation: MutationName | null) => {
        await chooseMutation(page, mutation);
        await page.reload();
      };
      const problems = await mutateAll(page, view, verdicts, 'init', MUTATIONS, async (mutation) => {
        await reload(mutation);
        return async () => {};
      });
      await reload(null);
      await typeOrder();
      await waitForEngineFigures(page, `${file} typed, unmutated`, view, options);
      problems.push(
        ...(await mutateAll(page, view, verdicts, 'after load', AFTER_LOAD, async (mutation) => {
          const undo = await applyAfterLoad(page, mutation);
          return async () => {
            await undo();
            await waitForEngineFigures(page, `${file} back after ${mutation}`, view, options);
          };
        })),
      );
      fs.mkdirSync(TABLE_DIR, { recursive: true });
      fs.writeFileSync(path.join(TABLE_DIR, `${file}.json`), JSON.stringify(verdicts));
      expect(problems).toEqual([]);
    });
  }

  test('control: a different number is caught (the quantity changed behind the page helper)', async ({
    page,
    mock,
    setSettings,
  }) => {
    const { view } = await kraken({ page, mock, setSettings });
    await waitForEngineFigures(page, 'kraken-margin.html unmutated', view, { mark: 'live' });
    await page.getByRole('textbox', { name: 'Quantity', exact: true }).fill('0.7');
    const seen = await watch(page, view, null);
    expect(seen.verdict).toBe('wrong');
    expect(seen.wrong.length).toBeGreaterThan(0);
  });

  test.beforeAll(() => fs.rmSync(TABLE_DIR, { recursive: true, force: true }));

  test.afterAll(() => {
    if (!fs.existsSync(TABLE_DIR)) return;
    const columns = PAGES.map((p) => p.file).filter((f) => fs.existsSync(path.join(TABLE_DIR, `${f}.json`)));
    const verdicts = columns.map((f) => JSON.parse(fs.readFileSync(path.join(TABLE_DIR, `${f}.json`), 'utf8')));
    const rows = [...new Set(verdicts.flatMap((v: Record<string, string>) => Object.keys(v)))];
    const lines = [`| mutation | ${columns.join(' | ')} |`, `|---|${columns.map(() => '---').join('|')}|`];
    for (const row of rows)
      lines.push(`| ${row} | ${verdicts.map((v: Record<string, string>) => v[row] ?? '').join(' | ')} |`);
    fs.writeFileSync(path.join(TABLE_DIR, 'table.md'), `${lines.join('\n')}\n`);
    console.log(`\nMutation suite: mutation × page (${TABLE_DIR}/table.md)\n${lines.join('\n')}\n`);
  });
});
