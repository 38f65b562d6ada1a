// @vitest-environment happy-dom
// Teach mode's flow (issue 14), with a reader whose reading follows what was taught: the steps come
// one at a time from the reading after each pick; an element that cannot be recognised again is
// refused; a size whose unit the element cannot tell is asked once; Escape or Cancel gives up (a
// redo given up keeps the earlier picks); Forget drops the page; the report is copied or shown.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setBody } from '../helpers/html-body';
import { createTeaching, pairOfPath, type Teaching } from '../../src/content/teach/teaching';
import type { PageTools } from '../../src/ui/overlay/tools-types';
import type { Locator } from '../../src/venues/dom/locator';
import type { VenueReader } from '../../src/venues/readers';
import type { TeachStep } from '../../src/venues/teach';
import type { FormReading } from '../../src/venues/types';

type Locators = Readonly<Record<string, Locator>>;
const STEPS: TeachStep[] = [
  { prompt: 'price', keys: ['price'], element: 'field' },
  { prompt: 'size', keys: ['sizeBase', 'sizeQuote'], ask: 'unit', element: 'field', covers: ['size'] },
  { prompt: 'buy', keys: ['buy'], element: 'control', side: 'long' },
];
const reader = { venue: 'kraken-margin', teach: STEPS } as unknown as VenueReader;
const loc = (id: string): Locator => ({ by: 'id', id });

describe('teach flow', () => {
  let life: AbortController;
  let teaching: Teaching;
  let stored: Locators | null;
  let installed: Locators | null;
  let tools: PageTools[];
  let outlined: (Element | null)[];
  let writeText: ReturnType<typeof vi.fn>;

  /** The page: the built-in reader finds the buy button only; price and size only when taught. */
  const reading = (): FormReading => {
    const missing = [
      ...(installed?.price ? [] : ['price']),
      ...(installed?.sizeBase || installed?.sizeQuote ? [] : ['size']),
    ];
    const taught = Object.keys(installed ?? {});
    const matched = { price: 0, sizeBase: 0, sizeQuote: 0, buy: 1 };
    return missing.length === 0
      ? ({ status: 'ok', form: {}, matched, taught } as unknown as FormReading)
      : { status: 'unrecognised', missing, matched, ...(taught.length > 0 ? { taught } : {}) };
  };
  const $ = (id: string) => document.getElementById(id)!;
  const last = () => tools.at(-1)!;
  const click = (el: Element) => el.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));

  const start = (url = 'https://pro.kraken.com/app/trade/margin-btc-usd') => {
    teaching = createTeaching({
      win: window,
      doc: document,
      signal: life.signal,
      reader,
      drawer: { tools: (t) => tools.push(t), outline: (el) => outlined.push(el), owns: () => false },
      url: () => new URL(url),
      reading,
      stored: () => stored,
      use: (l) => {
        installed = l;
        teaching.update();
      },
      persist: (l) => (stored = l),
      reportText: () => '{"report":true}',
      // The real locatorFor is h1's (tested there); here an element with an id is recognisable, one without is not.
      locate: (el) => (el.id.startsWith('anon') ? null : loc(el.id)),
    });
    teaching.update();
  };

  beforeEach(() => {
    setBody(`<input id="p" type="text"><input id="anon" type="text"><input id="s" type="text">
      <button id="b">Buy</button>`);
    life = new AbortController();
    stored = null;
    installed = null;
    tools = [];
    outlined = [];
    writeText = vi.fn(async () => undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    start();
  });
  afterEach(() => {
    life.abort();
    vi.unstubAllGlobals();
  });

  it('offers teaching while a step can help, walks the missing fields and stops when the form is read', () => {
    expect(last()).toMatchObject({ canTeach: true, teaching: null, taught: [], lost: false });
    expect(teaching.start()).toBe(true);
    expect(teaching.start()).toBe(true); // already on: the same run
    expect(last().teaching).toEqual({ prompt: 'price', unit: null, refused: false });
    click($('anon'));
    expect(last().teaching).toEqual({ prompt: 'price', unit: null, refused: true }); // pick another
    expect(stored).toBeNull();
    click($('p'));
    expect(stored).toEqual({ price: loc('p') });
    expect(installed).toEqual({ price: loc('p') });
    // The size: the element cannot tell its unit; asked once, named by the pair in the URL.
    expect(last().teaching).toEqual({ prompt: 'size', unit: null, refused: false });
    click($('s'));
    expect(last().teaching).toEqual({ prompt: 'size', unit: { base: 'BTC', quote: 'USD' }, refused: false });
    click($('p')); // no other pick while the question is open
    teaching.actions.choose('quote');
    expect(stored).toEqual({ price: loc('p'), sizeQuote: loc('s') });
    // The reading is whole now: no buy step (the built-in found it), the run is over.
    expect(last()).toMatchObject({ canTeach: false, teaching: null, taught: ['price', 'sizeQuote'] });
    expect(teaching.active).toBe(false);
    expect(outlined.at(-1)).toBeNull();
  });

  it('keyboard: ↓ outlines the next field, Enter picks it; Escape cancels and the page keeps what it had', () => {
    teaching.start();
    teaching.actions.next();
    expect(outlined.at(-1)).toBe($('p'));
    teaching.actions.pick();
    expect(stored).toEqual({ price: loc('p') });
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(teaching.active).toBe(false);
    expect(last().teaching).toBeNull();
    expect(installed).toEqual({ price: loc('p') });
  });

  it('from the popup on a recognised page: every step is offered, each may be skipped', () => {
    stored = { price: loc('p'), sizeBase: loc('s') };
    installed = stored;
    teaching.update();
    expect(last()).toMatchObject({ canTeach: false, taught: ['price', 'sizeBase'] });
    teaching.start();
    expect(last().teaching?.prompt).toBe('price');
    teaching.actions.skip();
    teaching.actions.skip();
    expect(last().teaching?.prompt).toBe('buy');
    click($('b'));
    expect(stored).toEqual({ price: loc('p'), sizeBase: loc('s'), buy: loc('b') });
    expect(teaching.active).toBe(false);
  });

  it('says when nothing can be taught: a venue without teach steps', () => {
    const steps = STEPS.splice(0, STEPS.length);
    try {
      expect(teaching.start()).toBe(false);
      expect(teaching.active).toBe(false);
      expect(last().teaching).toBeNull();
    } finally {
      STEPS.push(...steps);
    }
  });

  it('redo reads without the earlier picks; given up, the earlier picks are back', () => {
    stored = { price: loc('p'), sizeBase: loc('s') };
    installed = stored;
    teaching.actions.redo();
    expect(installed).toEqual({});
    expect(last().teaching?.prompt).toBe('price');
    teaching.actions.cancel();
    expect(installed).toEqual({ price: loc('p'), sizeBase: loc('s') });
  });

  it('says a taught field is no longer found, and Forget drops the page', () => {
    stored = { price: loc('p'), sizeBase: loc('s') };
    installed = { price: loc('p') }; // the size locator found nothing: the reading misses "size"
    teaching.update();
    expect(last()).toMatchObject({ lost: true, canTeach: true });
    teaching.actions.forget();
    expect(stored).toBeNull();
    expect(installed).toBeNull();
    expect(last().lost).toBe(false);
  });

  it('copies the report, or shows it when the clipboard refuses', async () => {
    teaching.actions.report();
    await Promise.resolve();
    expect(writeText).toHaveBeenCalledWith('{"report":true}');
    expect(last().report).toEqual({ state: 'copied' });
    writeText.mockRejectedValueOnce(new Error('NotAllowedError'));
    teaching.actions.report();
    await new Promise((r) => setTimeout(r, 0));
    expect(last().report).toEqual({ state: 'shown', text: '{"report":true}' });
  });
});

describe('pairOfPath', () => {
  it('names base and quote where the last segment is a pair, else nothing', () => {
    expect(pairOfPath(new URL('https://pro.kraken.com/app/trade/btc-usd'))).toEqual({ base: 'BTC', quote: 'USD' });
    expect(pairOfPath(new URL('https://www.binance.com/en/trade/BTC_USDT'))).toEqual({ base: 'BTC', quote: 'USDT' });
    expect(pairOfPath(new URL('https://www.bybit.com/trade/usdt/BTCUSDT'))).toEqual({ base: null, quote: null });
    expect(pairOfPath(new URL('https://www.okx.com/trade-swap/btc-usdt-swap'))).toEqual({ base: null, quote: null });
  });
});
