// "What if" sliders: leverage from 1× to the venue's maximum, and the price from −20 % to +20 %
// around the price the scenario started from (the limit price; for a market order the mark).
// Native range inputs: arrow keys, Page Up/Down, Home/End work, and aria-valuetext reads the
// price or leverage rather than a bare slider position. The figures follow on every step.
import { Dec } from '../../core/decimal';
import { formatFraction } from '../overlay/format';
import { inputText, readNumber } from './number-text';
import type { Scenario } from './scenario';
import { t } from '../i18n';

/** Slider steps are 0.1 % of the anchor price, up to ±20 %. */
const PRICE_STEPS = 200;
const STEP_FRACTION = new Dec('0.001');

/** A price on the slider: anchor × (1 + k ‰), rounded to the tick (or to six significant digits of the anchor). */
export function priceAtStep(anchor: string, k: number, tick: string | null): string {
  const raw = new Dec(anchor).times(new Dec(1).plus(STEP_FRACTION.times(k)));
  const step = tick !== null ? new Dec(tick) : new Dec(10).pow(new Dec(anchor).abs().log(10).floor().minus(5));
  return raw.div(step).toDecimalPlaces(0, Dec.ROUND_HALF_UP).times(step).toFixed();
}

/** Where a price sits on the slider (nearest step, clamped). */
export function stepOfPrice(anchor: string, price: string | null): number {
  if (price === null) return 0;
  const k = new Dec(price).div(anchor).minus(1).div(STEP_FRACTION).toDecimalPlaces(0, Dec.ROUND_HALF_UP).toNumber();
  return Math.max(-PRICE_STEPS, Math.min(PRICE_STEPS, k));
}

const parsed = (text: string): string | null => {
  const r = readNumber(text);
  return r.ok && new Dec(r.value).greaterThan(0) ? r.value : null;
};

export interface WhatIfProps {
  scenario: Scenario;
  edit(patch: Partial<Scenario>): void;
  maxLeverage: number;
  /** The price the price slider centres on; null: no valid price yet (slider off). */
  anchor: string | null;
  tick: string | null;
  locale: string;
  currency: string;
  formatPrice(v: string): string;
  /** Present when the scenario came from the page: puts every field back as the page has it. */
  onBackToOrder?: () => void;
}

export function WhatIf({
  scenario: s,
  edit,
  maxLeverage,
  anchor,
  tick,
  locale,
  currency,
  formatPrice,
  onBackToOrder,
}: WhatIfProps) {
  const leverageValue = parsed(s.leverage);
  const leverage =
    leverageValue === null ? 1 : Math.max(1, Math.min(maxLeverage, Math.round(new Dec(leverageValue).toNumber())));
  const market = s.orderType === 'market';
  const priceText = market ? s.mark : s.price;
  const price = parsed(priceText);
  const k = anchor === null ? 0 : stepOfPrice(anchor, price);
  const priceShown = price === null ? '—' : `${formatPrice(price)} ${currency}`;
  const offset = formatFraction(new Dec(k).times(STEP_FRACTION).toFixed(), { locale }) ?? '';
  const setPrice = (step: number) => {
    if (anchor === null) return;
    const text = inputText(priceAtStep(anchor, step, tick), locale);
    edit(market ? { mark: text } : { price: text });
  };
  return (
    <section aria-labelledby="whatif-heading">
      <h2 id="whatif-heading">{t('popup_whatIf')}</h2>
      <div class="field wide">
        <label for="whatif-leverage">{t('popup_whatIfLeverage', [`${leverage}×`])}</label>
        <input
          id="whatif-leverage"
          type="range"
          min={1}
          max={maxLeverage}
          step={1}
          value={leverage}
          aria-valuetext={`${leverage}×`}
          onInput={(e) => edit({ leverage: (e.currentTarget as HTMLInputElement).value })}
        />
      </div>
      <div class="field wide">
        <label for="whatif-price">{t('popup_whatIfPrice', [priceShown])}</label>
        <input
          id="whatif-price"
          type="range"
          min={-PRICE_STEPS}
          max={PRICE_STEPS}
          step={1}
          value={k}
          disabled={anchor === null}
          aria-valuetext={`${priceShown} (${k > 0 ? '+' : ''}${offset})`}
          onInput={(e) => setPrice(Number((e.currentTarget as HTMLInputElement).value))}
        />
        <p class="hint">{t('popup_whatIfPriceHelp', [anchor === null ? '—' : formatPrice(anchor), currency])}</p>
      </div>
      {onBackToOrder ? (
        <div class="actions">
          <button type="button" onClick={onBackToOrder}>
            {t('popup_whatIfReset')}
          </button>
        </div>
      ) : null}
    </section>
  );
}
