// Firefox shows the figures Chromium shows (issue 16 item 6). For every venue's fixture page, as
// loaded (each page's prefilled example order): Chromium (the suite's browser, Playwright) must show
// exactly the engine's figures for the order its page helper knows (the oracle the venue specs use:
// expectedView over snapshotFromMock), then the same page in Firefox ESR with dist/firefox must show
// the same state and exactly the same figures, side by side, as Chromium did in this run, and so the
// engine's too. Firefox's overlay is read over BiDi (e2e/harness/firefox.ts), Chromium's over CDP.
import { expectedView, snapshotFromMock, type ExpectedView } from '../harness/expected';
import { figureMismatches, waitForEngineFigures } from '../harness/figures';
import { BinanceMarginPage } from '../harness/binance-margin-page';
import { BinancePage } from '../harness/binance-usdm-page';
import { BybitPage } from '../harness/bybit-linear-page';
import { readOverlayFirefox } from '../harness/firefox';
import { HyperliquidPage } from '../harness/hyperliquid-page';
import { KrakenPage } from '../harness/kraken-margin-page';
import { OkxPage } from '../harness/okx-swap-page';
import { summary, type OverlayReading } from '../harness/overlay';
import { expect, test, type Page } from '../harness/test';
import type { VenueId } from '../../src/core/types';
import type { OrderForm } from '../../src/venues/types';

interface VenuePage {
  form(): OrderForm;
}

/** Each venue's fixture page in Chromium, through the helper that knows the order it holds. */
const VENUES: Array<{ venue: VenueId; open: (page: Page) => Promise<VenuePage> }> = [
  { venue: 'kraken-margin', open: (page) => new KrakenPage(page).goto() },
  { venue: 'binance-usdm', open: (page) => new BinancePage(page).goto() },
  { venue: 'binance-margin', open: (page) => new BinanceMarginPage(page).goto() },
  { venue: 'bybit-linear', open: (page) => new BybitPage(page).goto() },
  { venue: 'okx-swap', open: (page) => new OkxPage(page).goto() },
  { venue: 'hyperliquid', open: (page) => new HyperliquidPage(page).goto() },
];

/** What the two browsers must agree on: state, mark, sides, every figure (not the mark's age) and every warning. */
function shown(r: OverlayReading) {
  return {
    state: r.state,
    mark: r.mark,
    sides: r.sides,
    figures: r.figures.filter((f) => f.key !== 'markAgeMs').map((f) => `${f.side ?? '-'}:${f.key}=${f.value}`),
    warnings: r.warnings.map((w) => `${w.side ?? '-'}:${w.code}`),
  };
}

/** Polls Firefox's overlay until it shows the engine's figures with a live mark; throws with what it showed. */
async function waitForFirefoxFigures(
  page: import('puppeteer-core').Page,
  what: string,
  expected: () => ExpectedView,
  timeoutMs = 15_000,
): Promise<OverlayReading> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const reading = await readOverlayFirefox(page);
    const problems = figureMismatches(reading, expected());
    if (reading.mark !== 'live') problems.push(`data-mark is ${reading.mark}, expected live`);
    if (problems.length === 0) return reading;
    if (Date.now() > end)
      throw new Error(
        `${what}: Firefox never showed the engine's figures:\n  ${problems.join('\n  ')}\nlast reading: ${JSON.stringify(summary(reading), null, 1)}`,
      );
    await new Promise((r) => setTimeout(r, 150));
  }
}

for (const { venue, open } of VENUES) {
  test(`${venue}: Firefox shows the figures Chromium shows for the fixture page's order (= engine)`, async ({
    page,
    mock,
    setSettings,
    firefox,
  }) => {
    const settings = await setSettings({}); // the defaults, as in Firefox's fresh profile
    const helper = await open(page);
    const form = helper.form();
    const expected = () => expectedView(form, snapshotFromMock(mock, venue, form.symbol), settings);
    expect(expected().state, 'the fixture order is quoted').toBe('ok');
    const chromium = await waitForEngineFigures(page, `Chromium ${venue}`, expected, { mark: 'live' });

    const tab = await firefox.browser.newPage();
    try {
      await tab.setViewport({ width: 1280, height: 800 });
      await tab.goto(page.url());
      const inFirefox = await waitForFirefoxFigures(tab, `Firefox ${venue}`, expected);
      expect(shown(inFirefox)).toEqual(shown(chromium));
      expect(inFirefox.figures.some((f) => f.key === 'initialMargin' && f.value !== '')).toBe(true);
    } finally {
      await tab.close();
    }
  });
}
