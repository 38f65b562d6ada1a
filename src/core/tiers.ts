// Tiered maintenance margin ("brackets", "risk limits", "position tiers"): a table of
// notional bands, each with its own maintenance-margin rate (MMR).
//
// Two conventions exist:
// - cumulative (Binance, Bybit, Hyperliquid): each slice of notional pays its own tier's
//   rate; written as notional × MMR_n − amount_n with
//     amount_n = floor_n × (MMR_n − MMR_{n−1}) + amount_{n−1}
//   which keeps the requirement continuous across tier boundaries.
// - whole position (OKX): the tier's rate applies to the whole notional, amount 0, so the
//   requirement jumps at a boundary.
import { Dec, ZERO } from './decimal';
import { InputError } from './errors';
import type { Tier } from './types';

export type TierConvention = 'cumulative' | 'wholePosition';

export interface TierDraft {
  notionalFloor: Dec;
  notionalCap: Dec | null;
  maintenanceMarginRate: Dec;
  maintenanceAmount: Dec | undefined;
  maxLeverage: Dec | null;
}

/** Tiers must start at 0, be sorted and leave no gap; only the last may be open-ended. */
export function checkTierOrder(drafts: readonly TierDraft[], path = 'tiers'): void {
  drafts.forEach((draft, index) => {
    const where = `${path}[${index}]`;
    const previous = drafts[index - 1];
    if (previous === undefined) {
      if (!draft.notionalFloor.isZero())
        throw new InputError(
          'OUT_OF_RANGE',
          `${where}.notionalFloor of the first tier must be 0`,
          `${where}.notionalFloor`,
        );
    } else if (previous.notionalCap === null || !previous.notionalCap.equals(draft.notionalFloor)) {
      throw new InputError(
        'OUT_OF_RANGE',
        `${where}.notionalFloor must equal the previous tier's notionalCap (tiers sorted, no gaps)`,
        `${where}.notionalFloor`,
      );
    }
    if (draft.notionalCap !== null && draft.notionalCap.lessThanOrEqualTo(draft.notionalFloor)) {
      throw new InputError(
        'OUT_OF_RANGE',
        `${where}.notionalCap must be above its notionalFloor`,
        `${where}.notionalCap`,
      );
    }
  });
}

/** Fills missing maintenance amounts by the venue's convention; given amounts are kept. */
export function completeTiers(drafts: readonly TierDraft[], convention: TierConvention): Tier[] {
  const tiers: Tier[] = [];
  drafts.forEach((draft, index) => {
    const previous = tiers[index - 1];
    const derived =
      previous === undefined || convention === 'wholePosition'
        ? ZERO
        : draft.notionalFloor
            .times(draft.maintenanceMarginRate.minus(previous.maintenanceMarginRate))
            .plus(previous.maintenanceAmount);
    tiers.push({ ...draft, maintenanceAmount: draft.maintenanceAmount ?? derived });
  });
  return tiers;
}

/** Index of the tier whose band [floor, cap) holds the notional; the last tier is open-ended. */
export function tierIndexFor(tiers: readonly Tier[], notional: Dec): number {
  for (let i = 0; i < tiers.length; i++) {
    const cap = tiers[i]!.notionalCap;
    if (cap === null || notional.lessThan(cap)) return i;
  }
  return tiers.length - 1;
}

export function tierFor(tiers: readonly Tier[], notional: Dec): Tier {
  const tier = tiers[tierIndexFor(tiers, notional)];
  if (tier === undefined) throw new Error('empty tier table');
  return tier;
}

/** Notional at or beyond the last tier's cap: the venue would reject the order. */
export function exceedsTable(tiers: readonly Tier[], notional: Dec): boolean {
  const last = tiers[tiers.length - 1];
  return last !== undefined && last.notionalCap !== null && notional.greaterThanOrEqualTo(last.notionalCap);
}

/** Maintenance margin of a position with this notional: notional × MMR − amount. */
export function maintenanceFor(tiers: readonly Tier[], notional: Dec): Dec {
  const tier = tierFor(tiers, notional);
  return notional.times(tier.maintenanceMarginRate).minus(tier.maintenanceAmount);
}

/** Maintenance margin with each slice of notional at its own tier's rate (the definition). */
export function maintenanceBySlices(tiers: readonly Tier[], notional: Dec): Dec {
  let total = ZERO;
  for (const tier of tiers) {
    if (notional.lessThanOrEqualTo(tier.notionalFloor)) break;
    const top = tier.notionalCap === null || notional.lessThan(tier.notionalCap) ? notional : tier.notionalCap;
    total = total.plus(top.minus(tier.notionalFloor).times(tier.maintenanceMarginRate));
  }
  return total;
}

/** A one-row table for the "single maintenance rate" shortcut. */
export function singleTier(rate: Dec, amount: Dec = ZERO, maxLeverage: Dec | null = null): Tier[] {
  return [
    { notionalFloor: ZERO, notionalCap: null, maintenanceMarginRate: rate, maintenanceAmount: amount, maxLeverage },
  ];
}
