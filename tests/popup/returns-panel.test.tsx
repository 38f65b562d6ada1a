// @vitest-environment happy-dom
// The popup's returns panel (issue 12): ROE after fees at the take-profit and the stop, risk :
// reward, the exit price for a target ROE and the largest size at this leverage and balance.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Dec } from '../../src/core/decimal';
import { parseQuoteInput } from '../../src/core/input';
import { openingCost } from '../../src/core/max-size';
import { quote } from '../../src/core/quote';
import { DEFAULT_SETTINGS } from '../../src/settings/settings';
import { Calculator } from '../../src/ui/popup/Calculator';
import { EMPTY_CALCULATOR } from '../../src/ui/popup/storage';
import { bundledFacts } from '../../src/venues/bundled-facts';
import { NOW } from './orders';

let container: HTMLElement;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
});

function open(): void {
  act(() => {
    render(
      <Calculator
        settings={DEFAULT_SETTINGS}
        order={null}
        stored={EMPTY_CALCULATOR}
        now={NOW}
        locale="en-US"
        persist={() => undefined}
        saveBalance={async () => true}
      />,
      container,
    );
  });
}
const el = <T extends HTMLElement = HTMLInputElement>(selector: string): T => {
  const found = container.querySelector<T>(selector);
  if (!found) throw new Error(`${selector} not rendered`);
  return found;
};
const value = (key: string): string => el(`[data-figure="${key}"]`).getAttribute('data-value') ?? '';
const text = (key: string): string => el(`[data-figure="${key}"]`).textContent ?? '';
function type(id: string, typed: string): void {
  act(() => {
    const input = el(`#${id}`);
    input.value = typed;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('returns panel', () => {
  it('ROE at the take-profit and the stop = the P/L shown there / the initial margin; R:R from both', () => {
    open(); // Binance USDⓈ-M example: long 0.1 BTC at 100,000, 10× isolated.
    expect(container.querySelector('[data-figure="roeAtTakeProfit"]')).toBeNull();
    expect(el('[data-returns]').textContent).toContain('Add a take-profit and a stop-loss');
    type('stopLoss', '95000');
    type('takeProfit', '110000');
    const margin = new Dec(value('initialMargin'));
    const atTp = new Dec(value('pnl.atTakeProfit'));
    const atStop = new Dec(value('pnl.atStop'));
    expect(value('roeAtTakeProfit')).toBe(atTp.div(margin).toFixed());
    expect(value('roeAtStop')).toBe(atStop.div(margin).toFixed());
    expect(value('riskReward')).toBe(atTp.div(atStop.negated()).toFixed());
    // IM 1,000; at 110,000: +1,000 − maker 2 − taker 5.5 = 992.5 ⇒ 99.25 %; at 95,000: −500 − 2 − 4.75 = −506.75.
    expect(text('roeAtTakeProfit')).toBe('99.25 %');
    expect(text('roeAtStop')).toBe('\u221250.68 %');
    // 992.5 / 506.75 = 1.9585…
    expect(text('riskReward')).toBe('1 : 1.96');
    expect(el('[data-returns]').textContent).toContain('ROE at take-profit (after fees)');
  });

  it('a target ROE gives the exit price whose ROE is that; an unreachable loss says so', () => {
    open();
    type('targetRoe', '50');
    const price = el('[data-target-price]').getAttribute('data-target-price')!;
    // The exact price, typed back at 8 places as a take-profit: its ROE is 50 % (to the rounding).
    type('takeProfit', new Dec(price).toDecimalPlaces(8).toFixed());
    expect(new Dec(value('roeAtTakeProfit')).minus('0.5').abs().lessThan('1e-6')).toBe(true);
    expect(el('[data-target-price]').textContent).toContain('from the entry');
    type('targetRoe', '-150'); // isolated at 10×: liquidated long before −150 %
    expect(el('[data-target-price]').textContent).toContain('liquidated');
  });

  it('the largest size at this leverage: its margin and fees fit the balance; "Use this size" applies it', () => {
    open();
    expect(el('[data-max-size]').getAttribute('data-max-size')).toBe('needsBalance');
    type('balance', '1000');
    expect(el('[data-max-size]').getAttribute('data-max-size')).toBe('balance');
    // 1000 × 10 / (100000 × (1 + 10 × 0.0002)) = 0.0998003…; step 0.000001 ⇒ 0.0998
    const shown = el('[data-max-size] [data-value]').getAttribute('data-value')!;
    expect(shown).toBe('0.0998');
    act(() => el<HTMLButtonElement>('[data-action="apply-max-size"]').click());
    expect(el('#size').value).toBe('0.0998');
    const input = parseQuoteInput({
      venue: 'binance-usdm',
      marginMode: 'isolated',
      order: { symbol: 'BTCUSDT', side: 'long', price: '100000', quantity: shown, leverage: '10' },
    });
    expect(openingCost(quote(input, bundledFacts())).lessThanOrEqualTo(1000)).toBe(true);
  });
});
