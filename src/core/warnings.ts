// The warnings every venue shares. Each has a stable code the overlay and the pre-submit
// guard key on; the message is for people.
import type { Dec } from './decimal';
import { exceedsTable, tierFor } from './tiers';
import type { QuoteInput, Tier, Warning } from './types';

export interface WarningContext {
  input: QuoteInput;
  markPrice: Dec;
  liquidationPrice: Dec | null;
  liquidationDistance: Dec | null;
  immediate: boolean;
  venueMaxLeverage: Dec | undefined;
  tiers: readonly Tier[] | undefined;
  notional: Dec;
}

function fmt(value: Dec): string {
  return value.toSignificantDigits(8).toFixed();
}

export function commonWarnings(ctx: WarningContext): Warning[] {
  const { order, limits } = ctx.input;
  const warnings: Warning[] = [];
  const add = (code: string, severity: Warning['severity'], message: string): void => {
    warnings.push({ code, severity, message });
  };
  if (ctx.immediate) {
    add(
      'LIQUIDATION_IMMEDIATE',
      'danger',
      'This position would fail its maintenance test at the entry price: it would be liquidated at once.',
    );
  } else if (ctx.liquidationPrice !== null && ctx.liquidationDistance !== null) {
    const beyondMark =
      order.side === 'long'
        ? ctx.liquidationPrice.greaterThanOrEqualTo(ctx.markPrice)
        : ctx.liquidationPrice.lessThanOrEqualTo(ctx.markPrice);
    if (beyondMark) {
      add(
        'LIQUIDATION_AT_MARK',
        'danger',
        `The mark price ${fmt(ctx.markPrice)} is already past the liquidation price ${fmt(ctx.liquidationPrice)}.`,
      );
    } else if (ctx.liquidationDistance.lessThan(limits.minLiquidationDistance)) {
      const pct = ctx.liquidationDistance.times(100).toSignificantDigits(3).toFixed();
      // Graded (issue 12): inside the limit is a caution, under half of it a danger.
      const underHalf = ctx.liquidationDistance.times(2).lessThan(limits.minLiquidationDistance);
      add(
        'LIQUIDATION_NEAR',
        underHalf ? 'danger' : 'warn',
        `Liquidation is ${pct} % from the mark price, inside your ${limits.minLiquidationDistance.times(100).toFixed()} % limit.`,
      );
    }
  }
  if (order.stopLoss !== null) {
    const stop = order.stopLoss;
    const wrongSide =
      order.side === 'long' ? stop.greaterThanOrEqualTo(order.price) : stop.lessThanOrEqualTo(order.price);
    if (wrongSide)
      add(
        'STOP_WRONG_SIDE',
        'warn',
        `The stop-loss ${fmt(stop)} is on the profit side of the entry ${fmt(order.price)}.`,
      );
    if (ctx.liquidationPrice !== null) {
      const beyond =
        order.side === 'long'
          ? stop.lessThanOrEqualTo(ctx.liquidationPrice)
          : stop.greaterThanOrEqualTo(ctx.liquidationPrice);
      if (beyond)
        add(
          'LIQ_BEYOND_STOP',
          'danger',
          `Liquidation at ${fmt(ctx.liquidationPrice)} comes before your stop-loss at ${fmt(stop)}: the stop will never fire.`,
        );
    }
  }
  if (ctx.venueMaxLeverage !== undefined && order.leverage.greaterThan(ctx.venueMaxLeverage)) {
    add(
      'LEVERAGE_ABOVE_MAX',
      'danger',
      `Leverage ${fmt(order.leverage)}× is above the venue maximum of ${fmt(ctx.venueMaxLeverage)}× for this symbol.`,
    );
  }
  if (ctx.tiers) {
    if (exceedsTable(ctx.tiers, ctx.notional)) {
      add(
        'SIZE_OUTSIDE_TIER',
        'danger',
        `Notional ${fmt(ctx.notional)} is beyond the largest tier of the table; the venue would reject it.`,
      );
    } else {
      const tierMax = tierFor(ctx.tiers, ctx.notional).maxLeverage;
      if (tierMax !== null && order.leverage.greaterThan(tierMax)) {
        add(
          'SIZE_OUTSIDE_TIER',
          'danger',
          `At notional ${fmt(ctx.notional)} the tier allows at most ${fmt(tierMax)}× leverage; ${fmt(order.leverage)}× is too high for this size.`,
        );
      }
    }
  }
  if (limits.maxLeverage !== null && order.leverage.greaterThan(limits.maxLeverage)) {
    add(
      'LEVERAGE_ABOVE_PERSONAL_MAX',
      'warn',
      `Leverage ${fmt(order.leverage)}× is above your personal maximum of ${fmt(limits.maxLeverage)}×.`,
    );
  }
  return warnings;
}
