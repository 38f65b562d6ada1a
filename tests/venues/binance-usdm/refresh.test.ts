// @vitest-environment happy-dom
// The typing fast path (VenueReader.refresh) of the Binance USDⓈ-M reader: with only typed values changed, it
// returns exactly what a full read returns; whenever it cannot be sure (a value that does not parse,
// an input gone, an unreadable reading), it says null and the caller reads in full.
import { describe, expect, it } from 'vitest';
import { reader as binance } from '../../../src/venues/binance-usdm/reader';
import type { FormReading } from '../../../src/venues/types';
import { $, byText, loadPage } from '../../readers/load';

const BINANCE_URL = new URL('https://www.binance.com/en/futures/BTCUSDT');

const typeInto = (el: HTMLElement, value: string) => {
  (el as HTMLInputElement).value = value;
};

function refreshOk(refresh: (r: FormReading) => FormReading | null, previous: FormReading): FormReading {
  const next = refresh(previous);
  if (next === null) throw new Error('refresh gave up');
  return next;
}

describe('Binance: refresh = read when only typed values change', () => {
  const field = (doc: Document, label: string) => {
    const prefix = [...doc.querySelectorAll('.bn-textField-prefix')].find((p) => p.textContent?.trim() === label)!;
    return prefix.parentElement!.querySelector('input') as HTMLElement;
  };

  it('price, size and the TP/SL triggers', () => {
    const doc = loadPage('binance-usdm.html');
    byText(doc, '[role="checkbox"]', 'TP/SL').setAttribute('aria-checked', 'true');
    $(doc, '[data-fixture="tpsl-fields"]').hidden = false;
    let reading = binance.read(doc, BINANCE_URL);
    for (const [price, size, tp, sl] of [
      ['64,000', '0.2', '', ''],
      ['64,000', '0.25', '70,000', ''],
      ['64,000', '0.25', '70,000', '61,500.5'],
      ['64000.1', '3', '', '60000'],
    ] as const) {
      typeInto(field(doc, 'Price'), price);
      typeInto(field(doc, 'Size'), size);
      typeInto(field(doc, 'Take Profit'), tp);
      typeInto(field(doc, 'Stop Loss'), sl);
      reading = refreshOk(binance.refresh!, reading);
      expect(reading).toEqual(binance.read(doc, BINANCE_URL));
    }
    typeInto(field(doc, 'Stop Loss'), 'abc');
    expect(binance.refresh!(reading)).toBeNull();
    expect(binance.read(doc, BINANCE_URL).status).toBe('unrecognised');
  });
});
