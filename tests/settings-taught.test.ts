// The taught fields in storage.local (issue 14): read through parseTaught only, so a bad entry is
// dropped on its own; one entry per venue and page generation (language + the path's shape).
import { describe, expect, it } from 'vitest';
import {
  forgetTaught,
  MAX_TAUGHT_PAGES,
  pageKeyOf,
  parseTaught,
  putTaught,
  taughtFor,
  type TaughtPage,
} from '../src/settings/taught';

const priceLoc = { by: 'id', id: 'order-price-x' } as const;
const sizeLoc = { by: 'label', tag: 'input', label: 'Menge' } as const;
const good = (page = 'en /trade/usdt/*', venue = 'bybit-linear'): unknown => ({
  venue,
  page,
  taughtAt: 1_700_000_000_000,
  locators: { price: priceLoc, size: sizeLoc },
});

describe('parseTaught', () => {
  it('keeps well-formed entries as they are', () => {
    const list = parseTaught([good(), good('de /trade/usdt/*')]);
    expect(list).toHaveLength(2);
    expect(list[0]).toEqual(good());
    expect(list[1]!.page).toBe('de /trade/usdt/*');
  });

  it('drops each bad entry alone and keeps the rest', () => {
    const bad: unknown[] = [
      null,
      'x',
      { ...(good() as object), venue: 'mtgox' },
      { ...(good() as object), taughtAt: -1 },
      { ...(good() as object), extra: 1 },
      { ...(good() as object), locators: {} },
      { ...(good() as object), locators: { price: { by: 'xpath', path: '//input' } } },
      { ...(good() as object), locators: { 'price; x': priceLoc } },
      { ...(good() as object), locators: { price: { by: 'id', id: '' } } },
      { ...(good() as object), page: '' },
    ];
    const list = parseTaught([...bad, good('en /futures/*', 'binance-usdm')]);
    expect(list.map((e) => `${e.venue} ${e.page}`)).toEqual(['binance-usdm en /futures/*']);
  });

  it('reads anything that is not a list as nothing taught', () => {
    for (const raw of [undefined, null, {}, 'taught', 42, { 0: good() }]) expect(parseTaught(raw)).toEqual([]);
  });

  it('keeps the first entry of a page given twice, and at most MAX_TAUGHT_PAGES', () => {
    const twice = parseTaught([good(), { ...(good() as object), locators: { price: sizeLoc } }]);
    expect(twice).toHaveLength(1);
    expect(twice[0]!.locators.price).toEqual(priceLoc);
    const many = Array.from({ length: MAX_TAUGHT_PAGES + 5 }, (_, i) => good(`en /p${i}/*`));
    expect(parseTaught(many)).toHaveLength(MAX_TAUGHT_PAGES);
  });
});

describe('pageKeyOf', () => {
  it('is the language and the path with its market segment replaced', () => {
    expect(pageKeyOf(new URL('https://www.bybit.com/trade/usdt/BTCUSDT'), 'en')).toBe('en /trade/usdt/*');
    expect(pageKeyOf(new URL('https://www.bybit.com/trade/usdt/ETHUSDT?x=1#y'), 'EN')).toBe('en /trade/usdt/*');
    expect(pageKeyOf(new URL('https://www.binance.com/de/futures/BTCUSDT'), 'de-DE')).toBe('de-de /de/futures/*');
    expect(pageKeyOf(new URL('https://pro.kraken.com/app/trade/margin-btc-usd'), '')).toBe('- /app/trade/*');
  });

  it('gives a page without a market segment the same key as one with it (Hyperliquid /trade)', () => {
    const bare = pageKeyOf(new URL('https://app.hyperliquid.xyz/trade'), 'en');
    expect(bare).toBe('en /trade/*');
    expect(pageKeyOf(new URL('https://app.hyperliquid.xyz/trade/ETH'), 'en')).toBe(bare);
  });

  it('tells languages apart: a label taught in one is not looked for in another', () => {
    const url = new URL('https://www.okx.com/trade-swap/btc-usdt-swap');
    expect(pageKeyOf(url, 'en')).not.toBe(pageKeyOf(url, 'ru'));
  });
});

describe('putTaught and forgetTaught', () => {
  const base = parseTaught([good(), good('de /trade/usdt/*')]);

  it('sets one page’s locators, newest first, and leaves the other pages alone', () => {
    const next = putTaught(base, 'bybit-linear', 'de /trade/usdt/*', { price: sizeLoc }, 5);
    expect(next.map((e) => e.page)).toEqual(['de /trade/usdt/*', 'en /trade/usdt/*']);
    expect(taughtFor(next, 'bybit-linear', 'de /trade/usdt/*')).toEqual({
      venue: 'bybit-linear',
      page: 'de /trade/usdt/*',
      taughtAt: 5,
      locators: { price: sizeLoc },
    });
    expect(taughtFor(next, 'bybit-linear', 'en /trade/usdt/*')).toEqual(base[0]);
    expect(parseTaught(next)).toEqual(next); // what is written reads back
  });

  it('keys by venue and page together', () => {
    const next: TaughtPage[] = putTaught(base, 'okx-swap', 'en /trade/usdt/*', { price: priceLoc }, 9);
    expect(next).toHaveLength(3);
    expect(forgetTaught(next, 'okx-swap', 'en /trade/usdt/*')).toEqual(base);
    expect(taughtFor(forgetTaught(base, 'bybit-linear', 'en /trade/usdt/*'), 'bybit-linear', 'en /trade/usdt/*')).toBe(
      null,
    );
  });
});
