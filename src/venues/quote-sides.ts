// The one quote computation of the extension: planQuote + quoteJson with the bundled facts, once
// per form and change. The background runs it for the overlay and the toolbar badge (so the two
// can never disagree) and the popup for its calculator; the page never runs the engine.
import { quoteJsonSafe, type QuoteResult } from '../core/quote';
import type { Side } from '../core/types';
import type { WireSide } from '../messaging/messages';
import type { Settings } from '../settings/settings';
import { bundledFacts } from './bundled-facts';
import { checkPageEstimates, type PageCheck } from './page-check';
import { tierPositionRate } from './position-rate';
import { withFactAges } from './quote-facts-age';
import { planQuote, withPlanNotes, type PositionRateLookup, type QuotePlan } from './quote-input';
import type { MarketSnapshot, OrderForm } from './types';

/** One quoted side: the plan from planQuote and the engine's answer (null without a price). */
export interface SideQuote {
  side: Side;
  plan: QuotePlan;
  result: QuoteResult | null;
  /** The cross-check with the figures the page itself shows for this side; null when it shows none we can check. */
  pageCheck: PageCheck | null;
}

const safeQuote = (input: Record<string, unknown>): QuoteResult => quoteJsonSafe(input, bundledFacts());

/** Another open position's maintenance rate from the bundled tiers of its symbol (position-rate.ts). */
export const bundledPositionRate: PositionRateLookup = tierPositionRate(bundledFacts);

/** One quote per side the form can submit; none for a spot order (nothing to liquidate). */
export function quoteSides(
  form: OrderForm,
  snapshot: MarketSnapshot | null,
  settings: Settings,
  now: number,
): SideQuote[] {
  // A closing order (Binance hedge mode's Close tab) adds no risk: it is never quoted as an opening.
  if (!form.marginEnabled || form.intent === 'close') return [];
  const sides: Side[] = form.side === 'both' ? ['long', 'short'] : [form.side];
  return sides.map((side) => {
    const plan = withFactAges(planQuote(form, side, snapshot, settings, now, bundledPositionRate), form, now);
    const result = plan.input === null ? null : withPlanNotes(plan, safeQuote(plan.input));
    const pageCheck =
      result === null || 'error' in result ? null : checkPageEstimates(form, side, result, plan, { snapshot, now });
    return { side, plan, result, pageCheck };
  });
}

/** What the content script gets: the same results, the plan without the engine input. */
export function toWire(sides: readonly SideQuote[]): WireSide[] {
  return sides.map(({ side, plan, result, pageCheck }) => ({
    side,
    plan: {
      markState: plan.markState,
      priceBasis: plan.priceBasis,
      markAgeMs: plan.markAgeMs,
      staleFigures: [...plan.staleFigures],
      needsBalance: plan.needsBalance,
      balanceSource: plan.balanceSource,
      balance: plan.balance,
      quantity: plan.quantity,
      pagePositions: plan.pagePositions,
      positionsUnknown: [...plan.positionsUnknown],
      positionsImplausible: [...plan.positionsImplausible],
      positionsTooMany: plan.positionsTooMany,
      tiers: plan.tiers,
      missing: plan.missing,
      lossLimitUnchecked: plan.lossLimitUnchecked,
      oldFacts: plan.oldFacts.map((fact) => ({ ...fact })),
    },
    result,
    pageCheck:
      pageCheck === null ? null : { verdict: pageCheck.verdict, checks: pageCheck.checks.map((c) => ({ ...c })) },
  }));
}
