/// <reference types="vite/client" />
// The cross-check with what the page itself shows (OrderForm.pageEstimates): for each figure the
// page shows for a quoted side, our own figure by the venue's rule (src/venues/<venue>/
// page-estimates.ts, collected by folder like the feeds, so a venue adds its rules without
// touching any other file), and whether the two agree within the page's rounding — half a unit
// of its last decimal place — plus the leeway the venue's definition leaves. A page figure that
// disagrees means one of us misread the order: the quote is then doubtful, not confident.
// Background side (decimal.js); the content script only reads the page's text.
import { Dec } from '../core/decimal';
import type { QuoteJson } from '../core/serialize';
import type { Side, VenueId } from '../core/types';
import { VENUE_IDS } from './registry';
import {
  roundingTolerance,
  type EstimateContext,
  type OurEstimate,
  type VenueEstimateRules,
} from './page-estimate-rule';
import type { QuotePlan } from './quote-plan';
import type { MarketSnapshot, OrderForm, PageEstimate, PageEstimateKind } from './types';

/** One page figure next to ours: `ours` unrounded, `agrees` within the tolerance. */
export interface EstimateCheck {
  kind: PageEstimateKind;
  page: string;
  ours: string;
  /** The page's decimal places: ours is shown rounded to them. */
  decimals: number;
  agrees: boolean;
}

/** Per quoted side: 'matches' (every figure agrees) or 'differs' (at least one does not), with the figures. */
export interface PageCheck {
  verdict: 'matches' | 'differs';
  checks: EstimateCheck[];
}

const modules = import.meta.glob<{ pageEstimates: VenueEstimateRules }>('./*/page-estimates.ts', { eager: true });

function collect(): Partial<Record<VenueId, VenueEstimateRules>> {
  const out: Partial<Record<VenueId, VenueEstimateRules>> = {};
  for (const venue of VENUE_IDS) {
    const found = modules[`./${venue}/page-estimates.ts`]?.pageEstimates;
    if (found === undefined) continue;
    // A copy-pasted file answering for another venue would judge one page by another's rules.
    if (found.venue !== venue) throw new Error(`src/venues/${venue}/page-estimates.ts declares venue ${found.venue}`);
    out[venue] = found;
  }
  return out;
}

export const ESTIMATE_RULES: Readonly<Partial<Record<VenueId, VenueEstimateRules>>> = collect();

/** Whether the page's figure lies within our figure's range, widened by the page's rounding (edges included). */
export function agrees(page: Dec, ours: OurEstimate, decimals: number): boolean {
  const half = roundingTolerance(decimals);
  return (
    page.greaterThanOrEqualTo(ours.value.minus(ours.below).minus(half)) &&
    page.lessThanOrEqualTo(ours.value.plus(ours.above).plus(half))
  );
}

/** Figures of the order alone, not of the position it adds to. */
const PER_ORDER: ReadonlySet<PageEstimateKind> = new Set(['orderValue', 'cost', 'initialMargin']);

/** Whether the page lists a position in the form's own market: the quote is then of the combined position. */
const addsToPosition = (form: OrderForm): boolean =>
  form.account?.positions?.some((p) => p.symbol === form.symbol) ?? false;

/** The page's figures that are for `side`: its own, or the form's (side null). */
const forSide = (estimates: readonly PageEstimate[], side: Side): PageEstimate[] =>
  estimates.filter((e) => e.side === null || e.side === side);

/**
 * The cross-check of one quoted side; null when the page shows nothing for it, or nothing we can
 * work out (a kind without a rule at this venue, a figure the rule cannot compute for this order).
 */
export function checkPageEstimates(
  form: OrderForm,
  side: Side,
  quote: QuoteJson,
  plan: QuotePlan,
  market: { snapshot: MarketSnapshot | null; now: number },
  rules: Partial<Record<VenueId, VenueEstimateRules>> = ESTIMATE_RULES,
): PageCheck | null {
  const venueRules = rules[form.venue]?.rules;
  if (venueRules === undefined || form.pageEstimates === undefined) return null;
  const checks: EstimateCheck[] = [];
  for (const estimate of forSide(form.pageEstimates, side)) {
    const ctx: EstimateContext = { estimate, form, side, quote, plan, ...market };
    const rule = venueRules[estimate.kind];
    if (rule === undefined || (PER_ORDER.has(estimate.kind) && addsToPosition(form) && !rule.positionAware)) continue;
    const ours = rule.ours(ctx);
    if (ours === null) continue;
    checks.push({
      kind: estimate.kind,
      page: estimate.value,
      ours: ours.value.toFixed(),
      decimals: estimate.decimals,
      agrees: agrees(new Dec(estimate.value), ours, estimate.decimals),
    });
  }
  if (checks.length === 0) return null;
  return { verdict: checks.every((c) => c.agrees) ? 'matches' : 'differs', checks };
}
