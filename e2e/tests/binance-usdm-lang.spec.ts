// Issue 13 deliverable 4, languages, on Binance USDⓈ-M's generation-2 one-way page translated
// (e2e/fixtures/pages/binance-usdm.gen2-{zh-CN,ru,xx}.html): a zh-CN page at /zh-CN/futures/BTCUSDT and a Russian
// page at /ru/ whose figures use decimal commas and (narrow) no-break-space groups are read with their label
// tables, the overlay's figures equal the engine's, and the overlay names the table; a page in a language we have
// no table for (lang="xx", labels we cannot translate) is not recognised, with the reason 'locale'.
import { BinancePage, type Gen2Variant } from '../harness/binance-usdm-page';
import { expectedView, servedSnapshot } from '../harness/expected';
import { sameNumber, shownMark, waitForEngineFigures } from '../harness/figures';
import { waitForOverlay } from '../harness/overlay';
import { expect, test } from '../harness/test';

const BALANCE = { accountBalance: { 'binance-usdm': '5000' } };

test.describe('Binance USDⓈ-M in other languages', () => {
  for (const [variant, table, path] of [
    ['gen2-zh-CN', 'zh-CN', '/zh-CN/futures/BTCUSDT'],
    ['gen2-ru', 'ru', '/ru/futures/BTCUSDT'],
  ] as const satisfies readonly (readonly [Gen2Variant, string, string])[]) {
    test(`${table} page at ${path}: overlay = engine, and the overlay names the ${table} table`, async ({
      page,
      mock,
      setSettings,
    }) => {
      const settings = await setSettings(BALANCE);
      mock.setPrice('binance-usdm', 'BTCUSDT', '65020.3', { fundingRate: '0.00025' });
      const b = await new BinancePage(page).gotoGen2(variant);
      expect(new URL(page.url()).pathname).toBe(path);
      const reading = await waitForEngineFigures(
        page,
        `Binance ${table}`,
        () => expectedView(b.form(), servedSnapshot(b.form(), mock.book.get('binance-usdm', 'BTCUSDT')), settings),
        { mark: 'live' },
      );
      expect(reading.sides.sort()).toEqual(['long', 'short']);
      expect(sameNumber(shownMark(reading), '65020.3')).toBe(true);
      expect(reading.text).toMatch(new RegExp(`Labels: [^·]+, ${table}`));
    });
  }

  test('a page in a language without a table (lang="xx"): not recognised, reason locale', async ({
    page,
    mock,
    setSettings,
  }) => {
    await setSettings(BALANCE);
    mock.setPrice('binance-usdm', 'BTCUSDT', '65020.3');
    await new BinancePage(page).gotoGen2('gen2-xx');
    const reading = await waitForOverlay(
      page,
      (r) => r.present && r.state === 'unrecognised' && (r.missing ?? '').split(',').includes('locale'),
      'overlay unrecognised with locale',
    );
    expect(reading.sides).toEqual([]);
  });
});
