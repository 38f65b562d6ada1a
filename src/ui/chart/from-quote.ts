// One quoted side as the chart draws it, for the overlay and the popup alike. The engine's PnL
// line has the trading fees and the loan's opening charge in (carry.opening: Kraken's margin
// opening fee, zero elsewhere) and the carry over time out; the chart shows the trade held for the
// planned time, so the line is moved by the rest of the carry (carry.total − carry.opening, each
// fee once) and crosses zero exactly at the engine's break-even (which counts the whole carry).
// Isolated margin: from the liquidation price on, the line is flat at the engine's loss at
// liquidation (pnl.atLiquidation: margin and fees, the most it can lose).
// Exact decimal text throughout, no decimal.js (content-script side).
import { compareFixed, plainText } from '../../core/decimal-text';
import { t, type MessageKey } from '../i18n';
import { parseExact, subFixed } from './exact';
import type { ChartLine, ChartMarker, MarkerKind } from './geometry';

/** The parts of a quote (engine JSON, wire or popup) the chart reads. */
export interface ChartQuote {
  pnl: { atEntry: string; slope: string; atLiquidation?: string | null };
  /** total includes opening, which pnl.atEntry already pays (src/core/pnl.ts). */
  carry: { opening: string; total: string | null; hours: string };
  liquidationPrice: string | null;
  marginCallPrice: string | null;
  breakEvenPrice: string | null;
}

export interface ChartPrices {
  entry: string;
  mark: string | null;
  stopLoss: string | null;
  takeProfit: string | null;
}

export interface ChartModel {
  entry: string;
  pnl: ChartLine;
  markers: ChartMarker[];
  /** Whether the line includes the carry over the holding time (false: carry unknown, as in the break-even). */
  withCarry: boolean;
}

const LABELS: Record<MarkerKind, MessageKey> = {
  entry: 'chart_entry',
  mark: 'chart_mark',
  liquidation: 'chart_liquidation',
  marginCall: 'chart_marginCall',
  breakEven: 'chart_breakEven',
  stop: 'chart_stop',
  takeProfit: 'chart_takeProfit',
};

const SHORT: Record<MarkerKind, MessageKey> = {
  entry: 'chart_entryShort',
  mark: 'chart_markShort',
  liquidation: 'chart_liquidationShort',
  marginCall: 'chart_marginCallShort',
  breakEven: 'chart_breakEvenShort',
  stop: 'chart_stopShort',
  takeProfit: 'chart_takeProfitShort',
};

const samePrice = (a: string, b: string): boolean => {
  const x = parseExact(a);
  const y = parseExact(b);
  return x !== undefined && y !== undefined && compareFixed(x, y) === 0;
};

export function chartFromQuote(quote: ChartQuote, prices: ChartPrices): ChartModel {
  const atEntry = parseExact(quote.pnl.atEntry);
  const total = quote.carry.total === null ? undefined : parseExact(quote.carry.total);
  const opening = parseExact(quote.carry.opening);
  // The carry the engine line leaves out: the total less the opening charge already in atEntry.
  const carry = total === undefined || opening === undefined ? undefined : subFixed(total, opening);
  const withCarry = atEntry !== undefined && carry !== undefined;
  const pnl: ChartLine = {
    atEntry: withCarry ? plainText(subFixed(atEntry, carry)) : quote.pnl.atEntry,
    slope: quote.pnl.slope,
  };
  const floor = quote.pnl.atLiquidation ?? null;
  if (floor !== null && quote.liquidationPrice !== null) pnl.floor = { price: quote.liquidationPrice, pnl: floor };
  const candidates: Array<[MarkerKind, string | null]> = [
    ['entry', prices.entry],
    ['mark', prices.mark !== null && !samePrice(prices.mark, prices.entry) ? prices.mark : null],
    ['liquidation', quote.liquidationPrice],
    ['marginCall', quote.marginCallPrice],
    ['breakEven', quote.breakEvenPrice],
    ['stop', prices.stopLoss],
    ['takeProfit', prices.takeProfit],
  ];
  const markers = candidates.flatMap(([kind, price]) =>
    price !== null && parseExact(price) !== undefined
      ? [{ kind, price, label: t(LABELS[kind]), short: t(SHORT[kind]) }]
      : [],
  );
  return { entry: prices.entry, pnl, markers, withCarry };
}
