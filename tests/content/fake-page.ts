// A minimal trade page for happy-dom tests: a form the fake reader reads by id, with a Buy
// and a Sell button (like Binance futures: side 'both', the button says which side).
import type { VenueReader } from '../../src/venues/readers';
import type { FormReading } from '../../src/venues/types';

export function buildPage(doc: Document): {
  form: HTMLFormElement;
  price: HTMLInputElement;
  size: HTMLInputElement;
  leverage: HTMLInputElement;
  buy: HTMLButtonElement;
  sell: HTMLButtonElement;
} {
  doc.body.replaceChildren();
  const form = doc.createElement('form');
  form.id = 'order';
  const input = (id: string, value: string): HTMLInputElement => {
    const el = doc.createElement('input');
    el.id = id;
    el.value = value;
    form.append(el);
    return el;
  };
  const price = input('price', '65000');
  const size = input('size', '0.1');
  const leverage = input('leverage', '10');
  const button = (id: string, text: string): HTMLButtonElement => {
    const el = doc.createElement('button');
    el.type = 'button';
    el.id = id;
    el.textContent = text;
    form.append(el);
    return el;
  };
  const buy = button('buy', 'Buy/Long');
  const sell = button('sell', 'Sell/Short');
  doc.body.append(form);
  return { form, price, size, leverage, buy, sell };
}

const value = (doc: Document, id: string): string | null => {
  const el = doc.getElementById(id);
  return el instanceof HTMLInputElement && /^\d+(\.\d+)?$/.test(el.value) && Number(el.value) > 0 ? el.value : null;
};

/** The account figure of the page (data-balance on the form), read only in a full reading: it ticks. */
const balance = (doc: Document): string | null => doc.getElementById('order')?.getAttribute('data-balance') ?? null;

/** Reads the fake page; the symbol comes from the URL path (/futures/BTCUSDT). */
export const fakeReader: VenueReader = {
  venue: 'binance-usdm',
  matchesUrl: (url) => /^\/futures\/[A-Z]+$/.test(url.pathname),
  selectors: () => ({}),
  teach: [],
  read(doc, url, scope = 'full'): FormReading {
    const price = value(doc, 'price');
    const size = value(doc, 'size');
    const leverage = value(doc, 'leverage');
    const missing = [price ? null : 'price', size ? null : 'size', leverage ? null : 'leverage'].filter(
      (m): m is string => m !== null,
    );
    if (!price || !size || !leverage) return { status: 'unrecognised', missing, matched: {} };
    const symbol = url.pathname.split('/')[2]!;
    return {
      status: 'ok',
      matched: {},
      form: {
        venue: 'binance-usdm',
        symbol,
        side: 'both',
        type: 'limit',
        marginMode: 'isolated',
        price,
        size: { unit: 'base', value: size },
        leverage,
        marginEnabled: true,
        stopLoss: null,
        takeProfit: null,
        availableBalance: scope === 'full' ? balance(doc) : null,
      },
    };
  },
  formRoot: (doc) => doc.getElementById('order'),
  submitButtons: (doc) => [...doc.querySelectorAll('#buy, #sell')],
  sideOfSubmit: (el) => (el.id === 'buy' ? 'long' : el.id === 'sell' ? 'short' : null),
};
