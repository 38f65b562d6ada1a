// What planQuote (quote-input.ts) answers besides the engine input: where each figure came from,
// what was stale, missing or left out, so that the overlay, the popup and the badge can say so.
// And the notes the plan adds to the quote's assumptions (bundled contract value, live borrow rate).
import type { QuoteResult } from '../core/quote';
import { borrowRateNote, type LiveBorrowRate } from './borrow-rate';
import type { BundledContractValue } from './contract-values';
import { oldFactNote, type OldFact } from './facts-age';
import type { MarketFigureKey, MarkState } from './types';

export interface QuotePlan {
  /** Input for quoteJson(); null when no price at all is known (market order, no mark). */
  input: Record<string, unknown> | null;
  markState: MarkState;
  /** Where the entry price came from. */
  priceBasis: 'limit' | 'mark' | 'stale-mark' | 'none';
  /** Age of the mark price in ms, null without one. */
  markAgeMs: number | null;
  /** Market figures left out because they were stale (the engine then uses facts, and says so). */
  staleFigures: MarketFigureKey[];
  /** Cross margin with no balance, neither on the page nor entered by the user. */
  needsBalance: boolean;
  /** Cross margin: where the account balance came from ('page' wins over 'settings'); null otherwise. */
  balanceSource: 'page' | 'settings' | null;
  /** Cross margin: the balance the quote used (the page's wallet or the one entered in the popup); null otherwise. */
  balance: string | null;
  /**
   * The order's size in base units, as the engine gets it: OKX contracts × contract value, a
   * quote-currency total ÷ price; null when it cannot be worked out (no price, no contract value).
   */
  quantity: string | null;
  /** Other open positions read from the page and included; null when the page shows none or the order is isolated. */
  pagePositions: number | null;
  /**
   * Page positions whose maintenance margin could not be worked out (not shown, no tier known).
   * Then the account is left out of the quote (no liquidation price) rather than quoted too far away.
   */
  positionsUnknown: string[];
  /** Those of positionsUnknown whose prices on the page do not fit the market: misread, so not weighed. */
  positionsImplausible: string[];
  /**
   * Cross margin: the page lists more positions than a reader reads (PageAccount.positionsTooMany),
   * so the account cannot be weighed: it is left out (no liquidation price), as with positionsUnknown.
   */
  positionsTooMany: boolean;
  /** The venue's live tier table: used ('live'), too old and left out ('stale'), or none held. */
  tiers: 'live' | 'stale' | 'none';
  /** A figure without which the order cannot be sized (OKX contracts need the contract value). */
  missing: 'contractValue' | null;
  /**
   * The bundled, dated contract value, when no live one is held and the order needed one (sized
   * in contracts, or a tier table counted in contracts): said in the quote's assumptions
   * (planNotes); null otherwise.
   */
  bundledContractValue: BundledContractValue | null;
  /** The live borrow rate the order pays (Binance spot margin), said in the assumptions; null without one. */
  borrowRate: LiveBorrowRate | null;
  /** The loss limit (% of balance) is set but no balance is known, so the loss at the stop is not checked. */
  lossLimitUnchecked: boolean;
  /** Bundled figures the quote used from a file over OLD_FACT_DAYS old (filled by withFactAges; [] from planQuote). */
  oldFacts: OldFact[];
}

/** What the plan took from bundled data rather than the market, for the quote's assumptions. */
export function planNotes(plan: QuotePlan): string[] {
  const bundled = plan.bundledContractValue;
  const notes =
    bundled === null
      ? []
      : [
          `contract value ${bundled.value} per contract from bundled instrument facts dated ${bundled.asOf} (no live value)`,
        ];
  if (plan.borrowRate !== null) notes.push(borrowRateNote(plan.borrowRate));
  for (const fact of plan.oldFacts) notes.push(oldFactNote(fact));
  return notes;
}

/** The plan's own assumptions join the engine's (first), so the trader sees every bundled figure. */
export function withPlanNotes(plan: QuotePlan, result: QuoteResult): QuoteResult {
  const notes = planNotes(plan);
  return 'error' in result || notes.length === 0
    ? result
    : { ...result, assumptions: [...notes, ...result.assumptions] };
}
