// What the extension must never do: talk to a host outside the public market-data allowlist,
// or change anything on the exchange's page.
import { BinancePage } from '../harness/binance-usdm-page';
import { CHROMIUM_OWN_REQUESTS } from '../harness/chromium';
import { waitForOverlay } from '../harness/overlay';
import { KrakenPage } from '../harness/kraken-margin-page';
import { expect, test, type Page } from '../harness/test';
import { API_HOSTS, isApiUrl, PAGE_HOSTS } from '../mock/hosts';

/** Exactly the public endpoints the feeds are documented to call (src/venues/<venue>/feed.ts). */
const API_REQUESTS: readonly RegExp[] = [
  /^api\.kraken\.com\/0\/public\/(Ticker|AssetPairs)\?pair=(XBTUSD|ETHUSD)$/,
  /^ws\.kraken\.com\/v2$/,
  /^fapi\.binance\.com\/fapi\/v1\/premiumIndex\?symbol=(BTCUSDT|ETHUSDT)$/,
  /^fapi\.binance\.com\/fapi\/v1\/(fundingInfo|exchangeInfo)$/,
  // One socket for every Binance market: the streams are subscribed by message, not in the URL.
  /^fstream\.binance\.com\/ws$/,
  /^www\.binance\.com\/bapi\/futures\/v1\/friendly\/future\/common\/brackets$/,
];

test('no request leaves for a host outside the allowlist', async ({ page, mock, seenRequests, setSettings }) => {
  await setSettings({ accountBalance: { 'kraken-margin': '20000', 'binance-usdm': '5000' } });
  const k = await new KrakenPage(page).goto();
  await k.typeSize('0.3');
  await waitForOverlay(page, (r) => r.state === 'ok' && r.mark === 'live', 'Kraken overlay live');
  await k.switchPair('eth-usd');
  await waitForOverlay(
    page,
    (r) => r.state === 'ok' && r.mark === 'live' && r.text.includes('ETH/USD'),
    'ETH/USD overlay live',
  );
  const b = await new BinancePage(page).goto();
  await b.typeSize('0.2');
  await waitForOverlay(page, (r) => r.state === 'ok' && r.mark === 'live', 'Binance overlay live');
  await page.waitForTimeout(2_000); // a few stream beats and polls

  // Everything that reached the mock (all hosts are mapped to it, a catch-all included).
  const offList = mock.log
    .map((e) => `${e.host}${e.path}`)
    .filter((hp) => !CHROMIUM_OWN_REQUESTS.some((re) => re.test(hp)))
    .filter((hp) => {
      const host = hp.split('/')[0]!;
      // Pages are the browser's; an API path on a page host (www.binance.com/bapi/) is the worker's and is checked.
      if ((PAGE_HOSTS as readonly string[]).includes(host) && !isApiUrl(new URL(`https://${hp}`))) return false;
      return !API_REQUESTS.some((re) => re.test(hp));
    });
  expect(offList).toEqual([]);
  expect(mock.log.some((e) => e.host === 'api.kraken.com')).toBe(true);
  expect(mock.log.some((e) => e.host === 'fstream.binance.com')).toBe(true);

  // What the browser says the pages and the service worker asked for.
  const fromWorker = seenRequests.filter((r) => r.fromServiceWorker).map((r) => new URL(r.url).host);
  expect(fromWorker.length).toBeGreaterThan(0);
  for (const host of fromWorker) expect(API_HOSTS as readonly string[]).toContain(host);
  const fromPages = seenRequests.filter((r) => !r.fromServiceWorker).map((r) => new URL(r.url));
  for (const url of fromPages) expect([...PAGE_HOSTS, ...API_HOSTS] as string[], url.href).toContain(url.host);
  // The content script itself fetches nothing: API requests come only from the worker.
  expect(fromPages.filter(isApiUrl).map((u) => u.href)).toEqual([]);
});

/** Every form control's value and state, as the page sees them. */
function formState(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [
      ...document.querySelectorAll(
        'input, select, textarea, [role="tab"], [role="radio"], [role="switch"], [role="checkbox"], [aria-pressed]',
      ),
    ].map((el) => {
      const a = (n: string) => el.getAttribute(n) ?? '';
      const value =
        el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement
          ? el.value
          : '';
      return `${el.tagName}#${el.id}[${a('role')}|${el.textContent?.trim()}] value=${value} selected=${a('aria-selected')} checked=${a('aria-checked')} pressed=${a('aria-pressed')} disabled=${String((el as HTMLInputElement).disabled ?? '')}`;
    }),
  );
}

/** Records, in the page, every DOM change under <body> from now on (the overlay lives on <html>, outside). */
async function recordPageMutations(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const w = window as unknown as { __mutations: string[] };
    w.__mutations = [];
    new MutationObserver((records) => {
      for (const r of records)
        w.__mutations.push(`${r.type} ${(r.target as Element).nodeName ?? ''} ${r.attributeName ?? ''}`);
    }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  return () => page.evaluate(() => (window as unknown as { __mutations: string[] }).__mutations);
}

for (const venue of ['Kraken', 'Binance'] as const) {
  test(`${venue}: form values and the page DOM are never changed by the extension`, async ({
    page,
    mock,
    setSettings,
  }) => {
    await setSettings({ accountBalance: { 'kraken-margin': '20000', 'binance-usdm': '5000' }, maxLeverage: '3' });
    if (venue === 'Kraken') {
      const k = await new KrakenPage(page).goto();
      await k.setSide('short');
      await k.typePrice('66100.5');
      await k.typeSize('0.35');
    } else {
      const b = await new BinancePage(page).goto();
      await b.typePrice('64321.5');
      await b.typeSize('0.35');
    }
    await waitForOverlay(page, (r) => r.state === 'ok' && r.mark === 'live', 'overlay live');
    const before = await formState(page);
    const mutations = await recordPageMutations(page);

    // Quiet period with the overlay working: price ticks, stream beats, re-renders.
    for (const price of ['64000.1', '64500.2', '65000.3']) {
      mock.setPrice('kraken-margin', 'XBTUSD', price);
      mock.setPrice('binance-usdm', 'BTCUSDT', price);
      await page.waitForTimeout(700);
    }
    expect(await mutations()).toEqual([]);
    expect(await formState(page)).toEqual(before);

    // A held submit click (guard: leverage above the personal maximum of 3) changes nothing either.
    const submit =
      venue === 'Kraken'
        ? page.getByRole('button', { name: /^(Buy|Sell) BTC$/ })
        : page.getByRole('button', { name: 'Buy/Long' });
    await submit.click();
    await waitForOverlay(page, (r) => r.guard !== null, 'guard shown', 5_000);
    expect(await formState(page)).toEqual(before);
    expect(await mutations()).toEqual([]);
  });
}
