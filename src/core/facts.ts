// Venue facts: what the engine falls back on when a quote input leaves a market figure
// out (fee schedule, tier table, maximum leverage, margin-call levels). Facts are data
// supplied by src/venues/<venue>/facts.json; core only defines their shape and the rule
// that every fallback used is written into the quote's assumptions.
import type { Dec } from './decimal';
import type { TierDraft } from './tiers';

export interface SymbolFacts {
  tiers?: TierDraft[];
  maxLeverage?: Dec;
  fundingIntervalHours?: Dec;
  marginCallLevel?: Dec;
  liquidationLevel?: Dec;
  openingFeeRate?: Dec;
  rolloverFeeRate?: Dec;
  /**
   * Binance spot margin: the hourly interest rate of the asset an order borrows, which depends
   * on the side: a long borrows the quote asset (USDT), a short the base asset (BTC).
   */
  borrowRatePerHourLong?: Dec;
  borrowRatePerHourShort?: Dec;
}

export interface VenueFacts {
  /** Date the figures were read from the venue's public pages, e.g. "2026-11-24". */
  asOf: string;
  source: string;
  takerFeeRate: Dec;
  makerFeeRate: Dec;
  defaults: SymbolFacts & { rolloverIntervalHours?: Dec };
  symbols: Record<string, SymbolFacts>;
}

export type FactsBook = Partial<Record<string, VenueFacts>>;
