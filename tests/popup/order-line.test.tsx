// @vitest-environment happy-dom
// Issue 12 #5 in the popup: opened on the tab's order, it shows the overlay's order line — the
// order as read, with OKX contracts turned into base units (planQuote, as the overlay's quote).
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { Calculator } from '../../src/ui/popup/Calculator';
import { pageOrderLine } from '../../src/ui/popup/order-line';
import { EMPTY_CALCULATOR } from '../../src/ui/popup/storage';
import { NOW, SAMPLE_ORDERS, type SampleOrder } from './orders';

const sample = (prefix: string): SampleOrder => SAMPLE_ORDERS.find((s) => s.name.startsWith(prefix))!;
const origin = (s: SampleOrder) => ({ form: s.form, snapshot: s.snapshot, at: NOW });

describe('the page order line in the popup', () => {
  it('OKX: 250 contracts of 0.01 BTC read as 2.5 BTC', () => {
    const s = sample('OKX cross in contracts');
    expect(pageOrderLine(origin(s), s.settings, 'en-US')).toBe(
      'Limit · 2.5 BTC (250 ct) · 152,500.00 USDT · 10× cross',
    );
  });
  it('a market order on a (stale) mark: the notional is an estimate', () => {
    const s = sample('Kraken market order');
    expect(pageOrderLine(origin(s), s.settings, 'en-US')).toBe('Market · 0.5 BTC · ≈ 32,000.05 USD · 3× cross');
  });
  it('a quote total: the base quantity beside it', () => {
    const s = sample('Bybit cross');
    expect(pageOrderLine(origin(s), s.settings, 'en-US')).toMatch(
      /^Limit · 0\.2057\d{4} BTC \(12,345\.67 USDT\) · 12,345\.67 USDT · 20× cross$/,
    );
  });
  it('none for a spot order', () => {
    const s = sample('OKX cross in contracts');
    const spot = { ...origin(s), form: { ...s.form, marginEnabled: false } };
    expect(pageOrderLine(spot, s.settings, 'en-US')).toBeNull();
  });

  describe('rendered', () => {
    let container: HTMLElement | null = null;
    afterEach(() => {
      if (container) render(null, container);
      container?.remove();
    });
    it('under the "from this tab" line, only when the popup shows the page order', () => {
      const s = sample('OKX cross in contracts');
      container = document.createElement('div');
      document.body.append(container);
      const show = (withOrder: boolean) =>
        act(() => {
          render(
            <Calculator
              settings={s.settings}
              order={
                withOrder ? { venue: s.form.venue, symbol: s.form.symbol, form: s.form, snapshot: s.snapshot } : null
              }
              stored={EMPTY_CALCULATOR}
              now={NOW}
              locale="en-US"
              persist={() => undefined}
              saveBalance={async () => true}
            />,
            container!,
          );
        });
      show(true);
      expect(container.querySelector('[data-order-line]')?.textContent).toBe(
        'Limit · 2.5 BTC (250 ct) · 152,500.00 USDT · 10× cross',
      );
      render(null, container);
      show(false);
      expect(container.querySelector('[data-order-line]')).toBeNull();
    });

    it('a closing page order (Binance hedge Close tab): no order line, a note that it adds no new risk', () => {
      const s = sample('Binance futures isolated');
      const form = { ...s.form, intent: 'close' as const };
      expect(pageOrderLine({ form, snapshot: s.snapshot, at: NOW }, s.settings, 'en-US')).toBeNull();
      container = document.createElement('div');
      document.body.append(container);
      act(() => {
        render(
          <Calculator
            settings={s.settings}
            order={{ venue: form.venue, symbol: form.symbol, form, snapshot: s.snapshot }}
            stored={EMPTY_CALCULATOR}
            now={NOW}
            locale="en-US"
            persist={() => undefined}
            saveBalance={async () => true}
          />,
          container!,
        );
      });
      expect(container.querySelector('[data-order-line]')).toBeNull();
      expect(container.querySelector('[data-closing]')?.textContent).toContain('closes a position: no new risk');
    });
  });
});
