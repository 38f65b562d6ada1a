// @vitest-environment happy-dom
// The calculator as a user meets it: opened on a page order it shows the overlay's figures; an
// example otherwise; typed values are checked inline; sliders and "Apply" change the figures;
// what is typed is kept per venue and comes back.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { quoteSides } from '../../src/venues/quote-sides';
import { Dec } from '../../src/core/decimal';
import type { VenueId } from '../../src/core/types';
import { DEFAULT_SETTINGS, type Settings } from '../../src/settings/settings';
import { Calculator } from '../../src/ui/popup/Calculator';
import type { TabOrder } from '../../src/ui/popup/current-order';
import { ANNOUNCE_DELAY_MS } from '../../src/ui/popup/figures';
import { defaultScenario } from '../../src/ui/popup/scenario';
import { EMPTY_CALCULATOR, parseCalculator, type StoredCalculator } from '../../src/ui/popup/storage';
import { NOW, SAMPLE_ORDERS } from './orders';

let container: HTMLElement;
let persisted: StoredCalculator[];
let balances: Array<[VenueId, string | null]>;

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  persisted = [];
  balances = [];
});

afterEach(() => {
  render(null, container);
  container.remove();
  vi.useRealTimers();
});

function open(
  options: { order?: TabOrder | null; stored?: StoredCalculator; settings?: Settings; locale?: string } = {},
): void {
  act(() => {
    render(
      <Calculator
        settings={options.settings ?? DEFAULT_SETTINGS}
        order={options.order ?? null}
        stored={options.stored ?? EMPTY_CALCULATOR}
        now={NOW}
        locale={options.locale ?? 'en-US'}
        persist={(s) => persisted.push(s)}
        saveBalance={async (venue, balance) => {
          balances.push([venue, balance]);
          return true;
        }}
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
const figure = (key: string): string => el(`[data-figure="${key}"]`).getAttribute('data-value') ?? '';
const figureText = (key: string): string => el(`[data-figure="${key}"]`).textContent ?? '';

function type(id: string, value: string): void {
  act(() => {
    const input = el(`#${id}`);
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

function choose(id: string, value: string): void {
  act(() => {
    const select = el<HTMLSelectElement>(`#${id}`);
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

function click(selector: string): void {
  act(() => {
    el<HTMLButtonElement>(selector).click();
  });
}

// No marginCallPrice: the sample is Bybit, which has no margin call (no row since issue 12).
const FIGURE_KEYS = [
  'liquidationPrice',
  'liquidationDistance',
  'marginLevel',
  'initialMargin',
  'maintenanceMargin',
  'fees.open',
  'fees.close',
  'carry.total',
  'breakEvenPrice',
];
const valueAt = (result: any, key: string): string => {
  const [head, tail] = key.split('.');
  const v = tail === undefined ? result[head!] : result[head!][tail];
  return v ?? '';
};

describe('opened on the tab’s order', () => {
  it('shows the background’s figures for each side, marked as from the tab', () => {
    const sample = SAMPLE_ORDERS[0]!;
    const order: TabOrder = {
      venue: sample.form.venue,
      symbol: sample.form.symbol,
      form: sample.form,
      snapshot: sample.snapshot,
    };
    open({ order, settings: sample.settings });
    expect(el('main').getAttribute('data-source')).toBe('page');
    expect(el('.source').textContent).toContain('BTCUSDT');
    const background = quoteSides(sample.form, sample.snapshot, sample.settings, NOW);
    for (const side of background) {
      choose('side', side.side);
      for (const key of FIGURE_KEYS) expect(figure(key), `${side.side} ${key}`).toBe(valueAt(side.result, key));
      expect(figure('pnl.atStop')).toBe((side.result as any).pnl.atStop);
      expect(figure('pnl.atTakeProfit')).toBe((side.result as any).pnl.atTakeProfit);
    }
    // Prices at the feed's tick precision (0.1), with the unit.
    expect(figureText('breakEvenPrice')).toMatch(/^[\d,]+\.\d USDT$/);
  });

  it('an edit says so, and "Back to the order" restores the page’s figures', () => {
    const sample = SAMPLE_ORDERS[1]!;
    open({
      order: { venue: sample.form.venue, symbol: sample.form.symbol, form: sample.form, snapshot: sample.snapshot },
      settings: sample.settings,
    });
    const before = figure('liquidationPrice');
    // Either side is the page's order (one button per side): switching is not an edit.
    choose('side', 'short');
    expect(el('.source').textContent).not.toContain('edited');
    choose('side', 'long');
    type('leverage', '5');
    expect(figure('liquidationPrice')).not.toBe(before);
    expect(el('.source').textContent).toContain('edited');
    type('leverage', '25');
    expect(el('.source').textContent).not.toContain('edited');
    type('leverage', '5');
    click('section[aria-labelledby="whatif-heading"] .actions button');
    expect(figure('liquidationPrice')).toBe(before);
    expect(el<HTMLInputElement>('#leverage').value).toBe('25');
  });
});

describe('without an order', () => {
  it('opens an example, labelled as one, with figures', () => {
    open();
    expect(el('main').getAttribute('data-source')).toBe('example');
    expect(el('.source').textContent).toMatch(/Example/);
    expect(el('main').getAttribute('data-venue')).toBe('binance-usdm');
    expect(figure('liquidationPrice')).toMatch(/^\d+(\.\d+)?$/);
    expect(figureText('liquidationPrice')).toMatch(/ USDT$/);
  });

  it('typing keeps the scenario per venue; reopening restores it; another venue has its own', () => {
    open();
    type('leverage', '20');
    type('price', '95000');
    const stored = persisted.at(-1)!;
    expect(stored.venues['binance-usdm']).toMatchObject({ leverage: '20', price: '95000' });
    const liq = figure('liquidationPrice');
    render(null, container);
    open({ stored: parseCalculator(JSON.parse(JSON.stringify(stored))) });
    expect(el('main').getAttribute('data-source')).toBe('stored');
    expect(el<HTMLInputElement>('#leverage').value).toBe('20');
    expect(figure('liquidationPrice')).toBe(liq);
    choose('venue', 'hyperliquid');
    expect(el('main').getAttribute('data-source')).toBe('example');
    expect(el<HTMLInputElement>('#symbol').value).toBe('BTC');
    choose('venue', 'binance-usdm');
    expect(el<HTMLInputElement>('#leverage').value).toBe('20');
    expect(persisted.at(-1)!.lastVenue).toBe('binance-usdm');
  });

  it('a corrupt store opens the example', () => {
    open({
      stored: parseCalculator({ version: 1, lastVenue: 'bybit-linear', venues: { 'bybit-linear': { price: 5 } } }),
    });
    expect(el('main').getAttribute('data-venue')).toBe('bybit-linear');
    expect(el('main').getAttribute('data-source')).toBe('example');
  });

  it('"Reset this venue" goes back to the example and forgets what was typed', () => {
    open();
    type('leverage', '33');
    click('main > .actions button');
    expect(el<HTMLInputElement>('#leverage').value).toBe('10');
    expect(persisted.at(-1)!.venues['binance-usdm']).toBeUndefined();
  });
});

describe('validation', () => {
  it('refuses text, ambiguous numbers and out-of-range values inline, and shows no figures meanwhile', () => {
    open();
    type('price', 'abc');
    expect(el('#price').getAttribute('aria-invalid')).toBe('true');
    expect(el('#price-error').textContent).toMatch(/number/);
    expect(el('#price').getAttribute('aria-describedby')).toContain('price-error');
    expect(el('section[data-state]').getAttribute('data-state')).toBe('fields');
    expect(container.querySelector('[data-figure]')).toBeNull();
    type('price', '95,000');
    expect(el('#price-error').textContent).toContain('95,000');
    expect(el('#price-error').textContent).toContain('95');
    type('price', '95000');
    expect(container.querySelector('#price-error')).toBeNull();
    type('leverage', '0.5');
    expect(el('#leverage-error').textContent).toBe('Enter 1 or more');
    type('holdHours', '9000');
    expect(el('#holdHours-error').textContent).toBe('Enter 8,760 or less');
    type('size', '');
    expect(el('#size-error').textContent).toBe('Required');
  });

  it('reads numbers in the user’s locale and fills values in it', () => {
    open({ locale: 'de-DE' });
    expect(el<HTMLInputElement>('#size').value).toBe('0,1');
    type('price', '95.000,5');
    expect(el('section[data-state]').getAttribute('data-state')).toBe('ok');
    expect(persisted.at(-1)!.venues['binance-usdm']!.price).toBe('95.000,5');
  });

  it('cross: other positions can be added, are checked, and count; removing one moves focus to "Add"', () => {
    open({
      stored: {
        version: 1,
        lastVenue: 'bybit-linear',
        venues: {
          'bybit-linear': {
            ...defaultScenario('bybit-linear', DEFAULT_SETTINGS, 'en-US'),
            marginMode: 'cross',
            balance: '5000',
          },
        },
      },
    });
    const alone = figure('liquidationPrice');
    click('#add-position');
    expect(document.activeElement?.id).toBe('positions-0-symbol');
    // An empty row is no position yet; once something is typed, the whole row is checked.
    expect(figure('liquidationPrice')).toBe(alone);
    type('positions-0-symbol', 'ETHUSDT');
    expect(el('#positions-0-quantity-error').textContent).toBe('Required');
    expect(el('section[data-state]').getAttribute('data-state')).toBe('fields');
    type('positions-0-quantity', '2');
    type('positions-0-entry', '3000');
    type('positions-0-mark', '2500');
    type('positions-0-ratePercent', '1');
    expect(el('section[data-state]').getAttribute('data-state')).toBe('ok');
    // Another position losing 1,000 USDT brings the liquidation price closer.
    expect(new Dec(figure('liquidationPrice')).greaterThan(alone)).toBe(true);
    click('.position button');
    expect(container.querySelector('.position')).toBeNull();
    expect(document.activeElement?.id).toBe('add-position');
    expect(figure('liquidationPrice')).toBe(alone);
  });
});

describe('what if', () => {
  it('the leverage slider follows the venue maximum and moves the figures; the live region says so after a pause', () => {
    vi.useFakeTimers();
    open();
    const slider = el('#whatif-leverage');
    expect(slider.getAttribute('max')).toBe('125');
    expect(slider.getAttribute('aria-valuetext')).toBe('10×');
    const before = figure('liquidationPrice');
    act(() => {
      slider.value = '50';
      slider.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(el<HTMLInputElement>('#leverage').value).toBe('50');
    expect(el('#whatif-leverage').getAttribute('aria-valuetext')).toBe('50×');
    expect(figure('liquidationPrice')).not.toBe(before);
    const live = el('[aria-live="polite"]');
    expect(live.textContent).toBe('');
    act(() => void vi.advanceTimersByTime(ANNOUNCE_DELAY_MS));
    expect(live.textContent).toContain(figureText('liquidationPrice'));
  });

  it('the price slider moves the price ±20 % in 0.1 % steps around the typed price', () => {
    open();
    const slider = el('#whatif-price');
    expect([slider.getAttribute('min'), slider.getAttribute('max'), slider.value]).toEqual(['-200', '200', '0']);
    act(() => {
      slider.value = '-200';
      slider.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(el<HTMLInputElement>('#price').value).toBe('80000');
    expect(el('#whatif-price').getAttribute('aria-valuetext')).toBe('80,000 USDT (−20 %)');
    expect(new Dec(figure('liquidationPrice')).lessThan(80000)).toBe(true);
  });
});

describe('position sizing', () => {
  it('applies the size and leverage that fit the risk', () => {
    open({
      stored: {
        version: 1,
        lastVenue: 'bybit-linear',
        venues: {
          'bybit-linear': {
            ...defaultScenario('bybit-linear', DEFAULT_SETTINGS, 'en-US'),
            stopLoss: '97000',
            riskMode: 'amount',
            risk: '300',
          },
        },
      },
    });
    expect(el('[data-sizing]').getAttribute('data-sizing')).toBe('ok');
    click('[data-action="apply-sizing"]');
    const loss = new Dec(figure('pnl.atStop')).negated();
    expect(loss.lessThanOrEqualTo(300)).toBe(true);
    expect(loss.greaterThan(299)).toBe(true);
    expect(Number(el<HTMLInputElement>('#leverage').value)).toBeGreaterThan(1);
    expect(container.querySelector('[data-warning="LIQ_BEYOND_STOP"]')).toBeNull();
  });

  it('asks for a stop-loss first; a percent needs a balance', () => {
    open();
    expect(el('[data-sizing]').getAttribute('data-sizing')).toBe('needsStop');
    type('stopLoss', '95000');
    expect(el('[data-sizing]').getAttribute('data-sizing')).toBe('needsBalance');
    type('balance', '10000');
    expect(el('[data-sizing]').getAttribute('data-sizing')).toBe('ok');
    type('risk', '101');
    expect(el('#risk-error').textContent).toBe('Enter 100 or less');
  });
});

describe('balance for the overlay', () => {
  it('stores the typed balance in the settings on request only', async () => {
    open();
    type('balance', '12 500,5');
    expect(balances).toEqual([]);
    await act(async () => el<HTMLButtonElement>('#save-balance').click());
    expect(balances).toEqual([['binance-usdm', '12500.5']]);
    expect(el('.status').textContent).toMatch(/Saved/);
  });
});
