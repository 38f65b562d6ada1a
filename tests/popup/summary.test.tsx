// @vitest-environment happy-dom
// Issue 12 "Compact and readable", popup: a sticky summary (liquidation price and distance in the
// overlay's risk colour, graded by the overlay's own rule) above the inputs, and the inputs
// before the figures.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../src/settings/settings';
import { Calculator } from '../../src/ui/popup/Calculator';
import { POPUP_CSS } from '../../src/ui/popup/styles';
import { EMPTY_CALCULATOR } from '../../src/ui/popup/storage';
import { defaultScenario } from '../../src/ui/popup/scenario';
import { quoteScenario } from '../../src/ui/popup/engine';
import { columnRisk } from '../../src/ui/overlay/risk';
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

function open(settings: Settings = DEFAULT_SETTINGS): void {
  act(() => {
    render(
      <Calculator
        settings={settings}
        order={null}
        stored={EMPTY_CALCULATOR}
        now={NOW}
        locale="en-US"
        persist={() => {}}
        saveBalance={async () => true}
      />,
      container,
    );
  });
}
const el = (selector: string): HTMLElement => {
  const found = container.querySelector<HTMLElement>(selector);
  if (!found) throw new Error(`${selector} not rendered`);
  return found;
};
const before = (a: Element, b: Element): boolean =>
  (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;

describe('popup layout', () => {
  it('a summary with the liquidation price and distance comes first, then the inputs, then the figures', () => {
    open();
    const summary = el('[data-summary]');
    const figures = el('section[aria-labelledby="figures-heading"]');
    const venue = el('#venue');
    const leverage = el('#leverage');
    expect(before(summary, venue)).toBe(true);
    expect(before(venue, figures)).toBe(true);
    expect(before(leverage, figures)).toBe(true);
    expect(before(figures, el('section[aria-labelledby="chart-heading"]'))).toBe(true);
    const price = el('[data-summary-figure="liquidationPrice"]');
    expect(price.getAttribute('data-value')).toBe(el('[data-figure="liquidationPrice"]').getAttribute('data-value'));
    expect(price.textContent).toMatch(/ USDT$/);
    expect(el('[data-summary-figure="liquidationDistance"]').textContent).toBe(
      el('[data-figure="liquidationDistance"]').textContent,
    );
    // The summary's heading names it for a screen reader.
    expect(summary.getAttribute('aria-labelledby')).toBe('summary-heading');
  });

  it('the summary stays visible while the popup scrolls', () => {
    expect(POPUP_CSS).toMatch(/\.summary \{[^}]*position: sticky;[^}]*top: 0/);
  });

  it('is coloured by the overlay’s own risk grading (columnRisk), with its verdict word', () => {
    // Limits from far (the example is well inside: danger) to near zero (ok), and the default.
    const seen = new Set<string>();
    for (const limit of ['0.9', '0.2', '0.05', '0.0001']) {
      const settings = { ...DEFAULT_SETTINGS, minLiquidationDistance: limit };
      open(settings);
      const outcome = quoteScenario(defaultScenario('binance-usdm', settings, 'en-US'), null, settings, NOW);
      if (!outcome.ok || outcome.quote.result === null || 'error' in outcome.quote.result) throw new Error('no quote');
      const expected = columnRisk(outcome.quote.result as never, settings);
      const summary = el('[data-summary]');
      expect(summary.getAttribute('data-risk'), limit).toBe(expected);
      seen.add(expected);
      expect(el('[data-summary] .verdict').textContent).toBe(
        { danger: 'DANGER', warn: 'CAUTION', ok: 'OK', neutral: 'NO FIGURES' }[expected],
      );
      render(null, container);
    }
    expect(seen.has('danger')).toBe(true);
    expect(seen.has('ok')).toBe(true);
    expect(POPUP_CSS).toMatch(/\.summary\[data-risk="danger"\][^{]*\{[^}]*var\(--mp-danger\)/);
    expect(POPUP_CSS).toMatch(/\.summary\[data-risk="warn"\][^{]*\{[^}]*var\(--mp-warn\)/);
  });

  it('without figures the summary says what is missing, neutral', () => {
    open();
    act(() => {
      const input = el('#leverage') as HTMLInputElement;
      input.value = 'abc';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(el('[data-summary]').getAttribute('data-risk')).toBe('neutral');
    expect(el('[data-summary]').textContent).toMatch(/complete the order/);
  });
});
