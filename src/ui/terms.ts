// The beginner's words, the same on the overlay and the popup: each venue's own name for its
// "margin level" (four different figures go by that name), that figure with the level the venue
// acts at ("0.741 % — liquidated at 100 %"), and a one-line definition of every figure, shown on
// hover and keyboard focus (src/ui/term.tsx). The levels come from the quote (the live market
// figures, else the venue's facts.json), else the constant the venue documents (its about.json).
import type { MarginMode, VenueId } from '../core/types';
import type { MarginLevelTerm } from '../venues/about';
import { MARGIN_LEVEL } from '../venues/labels';
import { formatPercentValue, formatRatio, toDecimal, type FormatOptions } from './overlay/format';
import { t, type MessageKey } from './i18n';

interface LevelWords {
  name: MessageKey;
  /** The venue names it otherwise in cross margin (Hyperliquid: "Cross margin ratio"). */
  crossName?: MessageKey;
  definition: MessageKey;
}

const LEVEL_WORDS: Record<MarginLevelTerm, LevelWords> = {
  krakenMarginLevel: { name: 'figure_marginLevel', definition: 'term_marginLevelKraken' },
  binanceMarginLevel: { name: 'figure_marginLevel', definition: 'term_marginLevelBinanceMargin' },
  binanceMarginRatio: { name: 'figure_marginRatio', definition: 'term_marginRatioBinanceFutures' },
  bybitMmr: { name: 'figure_maintenanceMarginRate', definition: 'term_maintenanceMarginRateBybit' },
  okxMarginRatio: { name: 'figure_marginRatio', definition: 'term_marginRatioOkx' },
  hyperliquidMarginRatio: {
    name: 'figure_marginRatio',
    crossName: 'figure_crossMarginRatio',
    definition: 'term_marginRatioHyperliquid',
  },
};

const levelWords = (venue: VenueId): LevelWords => LEVEL_WORDS[MARGIN_LEVEL[venue].term];

/** The venue's own name for the figure the engine calls marginLevel ("Maintenance margin rate (MMR)" on Bybit). */
export function marginLevelName(venue: VenueId, mode: MarginMode | null): string {
  const words = levelWords(venue);
  return t(mode === 'cross' && words.crossName !== undefined ? words.crossName : words.name);
}

/** What the quote says about the venue's levels (details), as decimal text. */
export interface LevelQuote {
  venue: VenueId;
  marginLevelUnit: 'percent' | 'ratio';
  details: Partial<Record<string, string | null>>;
}

/** The margin level with the level(s) the venue acts at: "307 % — margin call at 80 %, liquidation at 40 %". */
export function marginLevelText(value: string, quote: LevelQuote, options: FormatOptions): string {
  const level = (v: string): string => {
    if (quote.marginLevelUnit === 'ratio') return formatRatio(v, options) ?? v;
    const dec = toDecimal(v);
    return dec === undefined ? v : formatPercentValue(dec, options);
  };
  const shown = quote.marginLevelUnit === 'ratio' ? t('figure_ratio', [level(value)]) : level(value);
  const liquidation = quote.details.marginLevelAtLiquidation ?? MARGIN_LEVEL[quote.venue].liquidationLevel ?? null;
  const call = quote.details.marginLevelAtMarginCall ?? null;
  if (liquidation === null) return shown;
  if (call === null) return t('figure_levelLiquidatedAt', [shown, level(liquidation)]);
  return t('figure_levelCallAndLiquidation', [shown, level(call), level(liquidation)]);
}

/** One-line definitions of the figures by their key (the overlay's and the popup's data-figure). */
const FIGURE_TERMS: Partial<Record<string, MessageKey>> = {
  liquidationPrice: 'term_liquidation',
  liquidationDistance: 'term_liquidationDistance',
  marginCallPrice: 'term_marginCall',
  notional: 'term_notional',
  initialMargin: 'term_initialMargin',
  maintenanceMargin: 'term_maintenanceMargin',
  'fees.open': 'term_tradingFee',
  'fees.close': 'term_tradingFee',
  breakEvenPrice: 'term_breakEven',
  'carry.opening': 'term_marginOpeningFee',
  'carry.rollover': 'term_rollover',
  borrowed: 'term_borrowed',
  borrowRate: 'term_borrowRate',
  marginFeeRates: 'term_marginFeeRates',
  'pnl.atStop': 'term_pnl',
  'pnl.atTakeProfit': 'term_pnl',
};

const CARRY_TERMS: Record<string, MessageKey> = {
  funding: 'term_funding',
  interest: 'term_interest',
  rollover: 'term_marginFees',
};

/** The one-line definition shown on hover and focus of a figure's label; undefined for a figure without one. */
export function figureHint(key: string, venue: VenueId, carryKind: string): string | undefined {
  if (key === 'marginLevel') return t(levelWords(venue).definition);
  const msg = key === 'carry.total' ? CARRY_TERMS[carryKind] : FIGURE_TERMS[key];
  return msg === undefined ? undefined : t(msg);
}
