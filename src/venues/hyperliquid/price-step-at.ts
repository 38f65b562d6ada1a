// Hyperliquid's price step (docs "Tick and lot size"), which unlike other venues' is no fixed
// tick: it depends on the coin's szDecimals and on the price itself, so it is recomputed from
// each mark rather than read from a field.
import { Dec } from '../../core/decimal';
import type { FigureUpdates } from '../feed-types';
import { decimalPlaces } from '../price-step';
import type { DecimalString } from '../types';

/** Perp prices have at most 6 − szDecimals decimals (docs "Tick and lot size": MAX_DECIMALS is 6 for perps). */
const PERP_MAX_DECIMALS = 6;
/** …and at most 5 significant figures, except that an integer price is always valid. */
const SIGNIFICANT_FIGURES = 5;

/**
 * Hyperliquid has no fixed tick: a perp price may have up to 5 significant figures and at most
 * 6 − szDecimals decimals, and an integer is always allowed. The step that matters is the one at
 * the current price, the coarser of the two rules, never coarser than 1: BTC (szDecimals 5) at
 * 65010 steps by 1, ETH (4) at 3501.3 by 0.1, SOL (2) at 148.2 by 0.01, kPEPE (0) at 0.011 by
 * 0.000001. It moves when the mark crosses a power of ten, and is recomputed on every
 * metaAndAssetCtxs answer: at start, and whenever the mark is polled because the stream is not
 * carrying it (the stream has no szDecimals). A step a decade off only shows one digit more or
 * less. A universe entry without szDecimals gives no step; a broken one rejects the body.
 */
export function priceStepAt(mark: DecimalString, szDecimals: number): DecimalString {
  const byDecimals = new Dec(10).pow(szDecimals - PERP_MAX_DECIMALS);
  const byFigures = Dec.min(1, new Dec(10).pow(new Dec(mark).e - (SIGNIFICANT_FIGURES - 1)));
  return Dec.max(byDecimals, byFigures).toFixed();
}

/** The step at `mark` for a universe entry's szDecimals; none when the entry has no szDecimals. */
export function tickFigures(szDecimals: unknown, mark: DecimalString): FigureUpdates {
  if (szDecimals === undefined) return {};
  return {
    tickSize: {
      value: priceStepAt(mark, decimalPlaces(szDecimals, 'szDecimals', PERP_MAX_DECIMALS)),
      exchangeTime: null,
    },
  };
}
