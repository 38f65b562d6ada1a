// Firefox shows the figures Chromium shows (issue 16 item 6). For every venue's fixture page, first
// as loaded (the page's example order), then with a new size typed: Chromium (the suite's browser,
// Playwright) must show exactly the engine's figures for the order its page helper knows (the oracle
// the venue specs use: expectedView over snapshotFromMock); the same page in Firefox ESR with
// dist/firefox, with the same field values typed, must then show the same state, mark, figures and
// warnings as Chromium did in this run, and so the engine's too. Firefox's overlay is read over BiDi
// (e2e/harness/firefox.ts), Chromium's over CDP.
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
import type { Page as FirefoxPage } from 'puppeteer-core';
import { expect, test, type Page } from '../harness/test';
import type { VenueId } from '../../src/core/types';
import type { OrderForm } from '../../src/venues/types';

interface VenuePage {
  form(): OrderForm;
}

/**
 * Each venue's fixture page in Chromium, through the helper that knows the order it holds, and a
 * new size typed there like a trader (then mirrored into Firefox by typing, see mirrorInputs).
 */
const VENUES: Array<{ venue: VenueId; open: (page: Page) => Promise<VenuePage>; type: (p: never) => Promise<void> }> = [
  { venue: 'kraken-margin', open: (page) => new KrakenPage(page).goto(), type: (k: KrakenPage) => k.typeSize('0.75') },
  { venue: 'binance-usdm', open: (page) => new BinancePage(page).goto(), type: (b: BinancePage) => b.typeSize('0.25') },
  {
    venue: 'binance-margin',
    open: (page) => new BinanceMarginPage(page).goto(),
    type: (b: BinanceMarginPage) => b.typeAmount('long', '0.3'),
  },
  { venue: 'bybit-linear', open: (page) => new BybitPage(page).goto(), type: (b: BybitPage) => b.typeSize('0.25') },
  { venue: 'okx-swap', open: (page) => new OkxPage(page).goto(), type: (o: OkxPage) => o.typeSize('40') },
  {
    venue: 'hyperliquid',
    open: (page) => new HyperliquidPage(page).goto(),
    type: (h: HyperliquidPage) => h.typeSize('0.2'),
  },
];

/** Every text field's value on the page, in document order. */
const FIELD_VALUES = () =>
  [...document.querySelectorAll('input')]
    .filter((i) => !['checkbox', 'radio', 'range'].includes(i.type))
    .map((i) => i.value);

/** Types into Firefox's copy of the page whatever text field Chromium's copy holds differently: the same order in both. */
async function mirrorInputs(chromium: Page, firefoxTab: FirefoxPage): Promise<number> {
  const want = await chromium.evaluate(FIELD_VALUES);
  const have = await firefoxTab.evaluate(FIELD_VALUES);
  expect(have.length, 'the same fixture page in both browsers').toBe(want.length);
  const fields = await firefoxTab.$$('input:not([type=checkbox]):not([type=radio]):not([type=range])');
  let typed = 0;
  for (const [i, value] of want.entries()) {
    if (have[i] === value) continue;
    await fields[i]!.click({ count: 3 });
    await fields[i]!.type(value);
    typed++;
  }
  expect(await firefoxTab.evaluate(FIELD_VALUES)).toEqual(want);
  return typed;
}

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
  page: FirefoxPage,
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

for (const { venue, open, type } of VENUES) {
  test(`${venue}: Firefox shows the figures Chromium shows, for the page's order and a typed one (= engine)`, async ({
    page,
    mock,
    setSettings,
    firefox,
  }) => {
    const settings = await setSettings({}); // the defaults, as in Firefox's fresh profile
    const helper = await open(page);
    const expected = () => {
      const form = helper.form();
      return expectedView(form, snapshotFromMock(mock, venue, form.symbol), settings);
    };
    expect(expected().state, 'the fixture order is quoted').toBe('ok');
    let chromium = await waitForEngineFigures(page, `Chromium ${venue}`, expected, { mark: 'live' });

    const tab = await firefox.browser.newPage();
    try {
      await tab.setViewport({ width: 1280, height: 800 });
      await tab.goto(page.url());
      let inFirefox = await waitForFirefoxFigures(tab, `Firefox ${venue}`, expected);
      expect(shown(inFirefox)).toEqual(shown(chromium));
      expect(inFirefox.figures.some((f) => f.key === 'initialMargin' && f.value !== '')).toBe(true);

      // A new size typed in Chromium, the same typed in Firefox: both follow, with the same figures.
      const before = shown(chromium).figures;
      await type(helper as never);
      chromium = await waitForEngineFigures(page, `Chromium ${venue} after typing`, expected, { mark: 'live' });
      expect(shown(chromium).figures, 'the typed size changed the figures').not.toEqual(before);
      expect(await mirrorInputs(page, tab)).toBeGreaterThan(0);
      inFirefox = await waitForFirefoxFigures(tab, `Firefox ${venue} after typing`, expected);
      expect(shown(inFirefox)).toEqual(shown(chromium));
    } finally {
      await tab.close();
    }
  });
}
