// The overlay's compact lines (issue 12): per side the liquidation price at the venue's tick and
// the move to it ("Liq 58,850.5 · −9.5 %"), and one line of the main secondary figures. The full
// figure list stays in the DOM under "Details". Built from the column's figures, so the compact
// lines always show the same numbers as the list.
import { compareFixed } from '../../core/decimal-text';
import type { Side } from '../../core/types';
import { t } from '../i18n';
import { formatFraction, formatPrice, toDecimal } from './format';
import type { OverlayView, SideColumn } from './view-types';

export interface CompactLine {
  side: Side;
  /** "Liq 58,850.5 · −9.5 %" (or "Liq — enter balance" while the figure is not known). */
  liq: string;
  /** "Margin 325.00 USDT · Break-even 65,120.5". */
  secondary: string;
}

const valueOf = (column: SideColumn, key: string): string => column.figures.find((f) => f.key === key)?.value ?? '';
const textOf = (column: SideColumn, key: string): string => column.figures.find((f) => f.key === key)?.text ?? '';

/** The move to liquidation, signed as the price must move: down (−) for a long, up (+) for a short. */
function signedDistance(side: Side, value: string, locale: string): string | null {
  const text = formatFraction(value, { locale, decimals: 1 });
  if (text === null) return null;
  return `${side === 'long' ? '−' : '+'}${text}`;
}

export function compactLine(column: SideColumn, format: OverlayView['format']): CompactLine {
  const { locale, priceDecimals } = format;
  const price = valueOf(column, 'liquidationPrice');
  const distance = valueOf(column, 'liquidationDistance');
  const priceText = price === '' ? null : formatPrice(price, { locale, decimals: priceDecimals });
  const distanceText = distance === '' ? null : signedDistance(column.side, distance, locale);
  const liq =
    priceText !== null && distanceText !== null
      ? t('overlay_compactLiq', [priceText, distanceText])
      : t('overlay_compactLiqOnly', [priceText ?? textOf(column, 'liquidationPrice')]);
  // The margin is money: it keeps its currency (the column's own text, "650.00 USDT"). Prices go without one,
  // as in the liquidation line: the mark line under the head names the quote currency.
  const breakEven = valueOf(column, 'breakEvenPrice');
  const secondary = [
    t('overlay_compactMargin', [textOf(column, 'initialMargin')]),
    t('overlay_compactBreakEven', [
      (breakEven === '' ? null : formatPrice(breakEven, { locale, decimals: priceDecimals })) ??
        textOf(column, 'breakEvenPrice'),
    ]),
  ].join(' · ');
  return { side: column.side, liq, secondary };
}

/** The side nearer to liquidation (the collapsed bar shows it); the first when distances are unknown. */
export function nearerSide(columns: readonly SideColumn[]): Side | null {
  let best: { side: Side; distance: ReturnType<typeof toDecimal> } | null = null;
  for (const c of columns) {
    const distance = toDecimal(valueOf(c, 'liquidationDistance'));
    if (best === null) best = { side: c.side, distance };
    else if (distance !== undefined && (best.distance === undefined || compareFixed(distance, best.distance) < 0))
      best = { side: c.side, distance };
  }
  return best?.side ?? null;
}
