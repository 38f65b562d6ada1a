// @vitest-environment happy-dom
// The guard and teach mode (issue 14): after a redeploy renamed the Buy/Sell buttons (no buy/sell
// class, new texts), the reader no longer knows them, so a click is not guarded. Once the trader
// pointed at them, the reader's submit buttons include them (dom/taught.ts behind findAll) and the
// guard is told each button's side by its teach step (taughtSide), since the reader cannot read it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Side } from '../../src/core/types';
import { installGuardEvents } from '../../src/content/guard-events';
import { locatorFor } from '../../src/venues/dom/locator';
import { installTaught, taughtSide } from '../../src/venues/dom/taught';
import { readerForUrl } from '../../src/venues/readers';
import { loadPage } from '../readers/load';
import { FIXTURES } from '../venues/fixture-pages';

const url = new URL(FIXTURES['binance-usdm'].url);
const reader = readerForUrl(url)!;

function renameButtons(doc: Document): { buy: HTMLElement; sell: HTMLElement } {
  const buy = doc.querySelector<HTMLElement>('button.bn-button__buy')!;
  const sell = doc.querySelector<HTMLElement>('button.bn-button__sell')!;
  buy.className = 'bn-button';
  sell.className = 'bn-button';
  buy.textContent = 'Go long';
  sell.textContent = 'Go short';
  return { buy, sell };
}

describe('a taught Buy/Sell button is guarded with its side', () => {
  let abort: AbortController;
  let decided: (Side | null)[];
  beforeEach(() => {
    const page = loadPage(FIXTURES['binance-usdm'].page);
    for (const script of page.querySelectorAll('script')) script.remove();
    document.documentElement.setAttribute('lang', 'en');
    document.body.replaceChildren(...[...page.body.childNodes].map((node) => document.importNode(node, true)));
    abort = new AbortController();
    decided = [];
    installGuardEvents({
      win: window,
      doc: document,
      reader,
      signal: abort.signal,
      enabled: () => true,
      decide: (_target, side) => {
        decided.push(side);
        return 'hold';
      },
      holdingEnter: () => false,
      known: () => ({ buttons: [], root: null }),
    });
  });
  afterEach(() => {
    abort.abort();
    installTaught(document, reader.selectors(document, url), null);
  });

  it('renamed and not taught: the reader does not know the buttons, a click is not asked about', () => {
    const { buy } = renameButtons(document);
    expect(reader.submitButtons(document)).toEqual([]);
    expect(reader.formRoot(document)).toBeNull();
    buy.click();
    expect(decided).toEqual([]);
  });

  it('taught: both buttons are submit buttons again and each click carries its side', () => {
    const { buy, sell } = renameButtons(document);
    const locators = { buy: locatorFor(buy)!, sell: locatorFor(sell)! };
    expect(locators.buy).toEqual({ by: 'label', tag: 'button', label: 'Go long' });
    installTaught(document, reader.selectors(document, url), locators);
    expect(reader.submitButtons(document)).toEqual([buy, sell]);
    expect(reader.formRoot(document)?.contains(buy)).toBe(true);
    expect(reader.sideOfSubmit(buy)).toBeNull();
    expect(taughtSide(buy, reader.teach)).toBe('long');
    expect(taughtSide(sell, reader.teach)).toBe('short');
    buy.click();
    sell.click();
    expect(decided).toEqual(['long', 'short']);
  });

  it('taughtSide knows no side for an element no taught submit locator finds', () => {
    const { buy, sell } = renameButtons(document);
    installTaught(document, reader.selectors(document, url), { buy: locatorFor(buy)! });
    expect(taughtSide(sell, reader.teach)).toBeNull();
    expect(taughtSide(buy, [])).toBeNull();
    expect(taughtSide(document.body, reader.teach)).toBeNull();
  });

  it('the reader side wins where it still reads one (the guard asks the teach step only when it cannot)', () => {
    const buy = document.querySelector<HTMLElement>('button.bn-button__buy')!;
    buy.click();
    expect(decided).toEqual(['long']);
  });
});
