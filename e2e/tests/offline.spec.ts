// Every market-data API unreachable from the start (TLS handshake refused for all API hosts):
// the overlay still quotes a limit order from the form alone and says the mark is missing.
// Its own browser: the shared one's service worker already holds market data from other tests.
import { BinancePage } from '../harness/binance-usdm-page';
import { currentServiceWorker, launchChromium } from '../harness/chromium';
import { expectedView } from '../harness/expected';
import { waitForEngineFigures } from '../harness/figures';
import { KrakenPage } from '../harness/kraken-margin-page';
import { expect, test } from '../harness/test';
import { DEFAULT_SETTINGS, SETTINGS_KEY } from '../../src/settings/settings';

test('all APIs unreachable: form-based figures with data-mark="missing"', async ({ mock }) => {
  mock.setUnreachable('api');
  // The bracket table lives on the page host (www.binance.com/bapi/…), which must still serve the
  // page: its one API path drops the connection instead, as an unreachable API would.
  mock.fault('binance-usdm.brackets', 'refuse');
  const session = await launchChromium({ port: mock.port });
  try {
    const settings = { ...DEFAULT_SETTINGS, accountBalance: { 'kraken-margin': '20000', 'binance-usdm': '5000' } };
    const sw = await currentServiceWorker(session.context, session.extensionId!);
    await sw.evaluate(([key, value]) => (globalThis as any).chrome.storage.sync.set({ [key]: value }), [
      SETTINGS_KEY,
      settings,
    ] as const);
    const page = await session.context.newPage();

    const k = await new KrakenPage(page).goto();
    await k.typePrice('64000');
    await k.typeSize('0.25');
    await waitForEngineFigures(page, 'Kraken offline', () => expectedView(k.form(), null, settings), {
      mark: 'missing',
      timeoutMs: 15_000,
    });

    const b = await new BinancePage(page).goto();
    await b.setMarginMode('isolated');
    await b.typePrice('64000');
    await b.typeSize('0.25');
    await waitForEngineFigures(page, 'Binance offline', () => expectedView(b.form(), null, settings), {
      mark: 'missing',
      timeoutMs: 15_000,
    });

    // It did try (and only at the handshake, where the mock refused it).
    const tried = mock.requests((e) => e.kind === 'tls-refused').map((e) => e.host);
    expect(tried).toEqual(expect.arrayContaining(['api.kraken.com', 'fapi.binance.com']));
    expect(
      mock.requests(
        (e) =>
          e.endpoint !== null &&
          e.kind !== 'tls-refused' &&
          !(e.endpoint === 'binance-usdm.brackets' && e.fault === 'refuse'),
      ),
    ).toEqual([]);
  } finally {
    await session.close();
  }
});
