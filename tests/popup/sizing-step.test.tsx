// @vitest-environment happy-dom
// Sizing in the popup opened on a page order (issue 12 #7): with the feed's lot step the suggested
// size is a whole number of steps and says so, and "Use this size" applies that size; without a
// step it keeps today's rounding and says the step is unknown.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { Calculator } from '../../src/ui/popup/Calculator';
import type { TabOrder } from '../../src/ui/popup/current-order';
import { EMPTY_CALCULATOR } from '../../src/ui/popup/storage';
import type { MarketSnapshot } from '../../src/venues/types';
import { NOW, SAMPLE_ORDERS, fig } from './orders';

let container: HTMLElement;

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});

afterEach(() => {
  render(null, container);
  container.remove();
});

function open(step: string | null): void {
  const sample = SAMPLE_ORDERS[0]!;
  const snapshot: MarketSnapshot = {
    ...sample.snapshot!,
    figures: { ...sample.snapshot!.figures, ...(step === null ? {} : { sizeStep: fig(step) }) },
  };
  const order: TabOrder = { venue: sample.form.venue, symbol: sample.form.symbol, form: sample.form, snapshot };
  act(() => {
    render(
      <Calculator
        settings={sample.settings}
        order={order}
        stored={EMPTY_CALCULATOR}
        now={NOW}
        locale="en-US"
        persist={() => {}}
        saveBalance={async () => true}
      />,
      container,
    );
  });
  act(() => {
    const mode = container.querySelector<HTMLSelectElement>('#riskMode')!;
    mode.value = 'amount';
    mode.dispatchEvent(new Event('change', { bubbles: true }));
  });
  act(() => {
    const risk = container.querySelector<HTMLInputElement>('#risk')!;
    risk.value = '100';
    risk.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

const sizingText = () => container.querySelector('[data-sizing]')?.textContent ?? '';

it("rounds down to the feed's lot step, says so, and applies that size", () => {
  open('0.001');
  expect(container.querySelector('[data-sizing]')?.getAttribute('data-sizing')).toBe('ok');
  expect(sizingText()).toContain('Size 0.049 BTC');
  expect(sizingText()).toContain('Rounded down to the lot step 0.001 BTC.');
  act(() => container.querySelector<HTMLButtonElement>('[data-action="apply-sizing"]')!.click());
  expect(container.querySelector<HTMLInputElement>('#size')!.value).toBe('0.049');
});

it('without a step keeps the decimals rule and says the step is unknown', () => {
  open(null);
  expect(sizingText()).toMatch(/Size 0\.04926 BTC/);
  expect(sizingText()).toContain("The venue's lot step is not known here: rounded down to 5 decimals");
});
