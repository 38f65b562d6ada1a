// The toolbar badge: a browser-owned surface a hostile page cannot draw over or fake
// (reference B.4). It shows the very quotes the background computed for the tab's form (from the
// form fields, its own market snapshot and the user's settings) and sent to the overlay.
import { Dec } from '../../core/decimal';
import type { QuoteJson } from '../../core/serialize';
import type { Side } from '../../core/types';
import type { Settings } from '../../settings/settings';
import type { QuotePlan } from '../../venues/quote-input';
import type { MarketSnapshot, OrderForm } from '../../venues/types';
import type { SideQuote } from '../../venues/quote-sides';
import {
  formatAge,
  formatBadgePercent,
  formatLevel,
  formatMoney,
  formatPercent,
  formatPrice,
  STALE_BADGE_TEXT,
} from './format';

export const BADGE_COLORS = { danger: '#c62828', warn: '#f9a825', ok: '#2e7d32', unknown: '#757575' } as const;
export const DEFAULT_TITLE = 'Margin Preflight';

export interface BadgeView {
  text: string;
  color: string;
  title: string;
}

interface BadgeSide {
  side: Side;
  plan: QuotePlan | null;
  quote: QuoteJson | null;
  /** Why there is no quote: no price known yet, or the engine refused the input. */
  problem: string | null;
}

function judge({ side, plan, result }: SideQuote): BadgeSide {
  if (plan.input === null || result === null)
    return { side, plan, quote: null, problem: 'no price yet (no mark price and no limit price)' };
  // Without the account balance a cross-margin quote has no liquidation price, which the badge
  // would show as a reassuring "–". Unknown is the honest answer.
  if (plan.needsBalance)
    return {
      side,
      plan,
      quote: null,
      problem: 'cross margin: enter your account balance in the options to see liquidation',
    };
  // The account was left out (a position that cannot be weighed, or too many to read): the
  // quote has no liquidation price, which is no reason for a green "–".
  if (plan.positionsTooMany)
    return {
      side,
      plan,
      quote: null,
      problem: 'cross margin: the page lists more open positions than are read, so no liquidation price',
    };
  if (plan.positionsUnknown.length > 0)
    return {
      side,
      plan,
      quote: null,
      problem: `cross margin: open positions ${plan.positionsUnknown.join(', ')} cannot be weighed, so no liquidation price`,
    };
  if ('error' in result) return { side, plan, quote: null, problem: `cannot quote: ${result.error.message}` };
  return { side, plan, quote: result, problem: null };
}

/** Sort key, worst first: no quote, then the nearest liquidation, then none at all. */
function closeness(q: BadgeSide): Dec {
  if (q.quote === null) return new Dec(-1);
  return q.quote.liquidationDistance === null ? new Dec(Number.MAX_SAFE_INTEGER) : new Dec(q.quote.liquidationDistance);
}

/** Graded as the overlay (issue 12): red under half the trader's limit (or a danger warning)… */
function isDanger(q: BadgeSide, min: Dec): boolean {
  if (q.quote === null) return false;
  const distance = q.quote.liquidationDistance;
  return (
    q.quote.warnings.some((w) => w.severity === 'danger') ||
    (distance !== null && new Dec(distance).times(2).lessThan(min))
  );
}

/** …amber inside the limit. */
function isNear(q: BadgeSide, min: Dec): boolean {
  const distance = q.quote?.liquidationDistance ?? null;
  return distance !== null && new Dec(distance).lessThan(min);
}

function describeSide(q: BadgeSide, quoteAsset: string | null): string {
  if (q.quote === null || q.plan === null || q.plan.input === null) return q.problem ?? 'no quote';
  const quote = q.quote;
  const input = q.plan.input as { order: { price: string }; market: { markPrice?: string } };
  const reference =
    q.plan.markState === 'live' && input.market.markPrice !== undefined
      ? `mark ${formatPrice(input.market.markPrice)}`
      : `price ${formatPrice(input.order.price)}`;
  const parts = [
    quote.liquidationPrice === null
      ? 'no liquidation price'
      : `liquidation ${formatPrice(quote.liquidationPrice)}${quote.liquidationDistance === null ? '' : ` (${formatPercent(quote.liquidationDistance)} from ${reference})`}`,
  ];
  if (quote.marginLevel !== null) parts.push(`margin level ${formatLevel(quote.marginLevel, quote.marginLevelUnit)}`);
  parts.push(`initial margin ${formatMoney(quote.initialMargin)}${quoteAsset ? ` ${quoteAsset}` : ''}`);
  return parts.join(', ');
}

function markNote(plan: QuotePlan | null): string {
  if (plan === null || plan.markAgeMs === null) return 'no mark price';
  return `mark ${formatAge(plan.markAgeMs)} old${plan.markState === 'stale' ? ' (stale)' : ''}`;
}

function leverageText(leverage: string): string {
  return `${new Dec(leverage).toSignificantDigits(4).toFixed()}×`;
}

/**
 * A figure the exchange's page shows that disagrees with ours: the reading is in doubt, so the
 * badge shows no figure of ours (grey "?"), only the disagreement; null when nothing disagrees.
 */
function pageDoubt(sides: readonly SideQuote[], quoteAsset: string | null): string | null {
  // Both at the page's own decimal places, so the two read alike.
  const amount = (value: string, decimals: number): string =>
    `${new Dec(value).toFixed(decimals)}${quoteAsset ? ` ${quoteAsset}` : ''}`;
  const differing = sides.flatMap((q) =>
    (q.pageCheck?.checks ?? [])
      .filter((c) => !c.agrees)
      .map(
        (c) =>
          `${c.kind} ${q.side}: exchange shows ${amount(c.page, c.decimals)}, we compute ${amount(c.ours, c.decimals)}`,
      ),
  );
  return differing.length === 0
    ? null
    : `the exchange's own estimate differs from ours (${differing.join('; ')}); one of us misread the order, no figures until they agree`;
}

/** The badge for `sides`, the quotes computed for `form` (see src/venues/quote-sides.ts). */
export function computeBadge(
  form: OrderForm,
  sides: readonly SideQuote[],
  snapshot: MarketSnapshot | null,
  settings: Settings,
  quoteAsset: string | null,
): BadgeView {
  const head = `${DEFAULT_TITLE} — ${form.symbol}`;
  if (!form.marginEnabled) {
    return {
      text: '–',
      color: BADGE_COLORS.ok,
      title: `${head}: margin is off (spot order), nothing can be liquidated`,
    };
  }
  if (form.intent === 'close') {
    return { text: '–', color: BADGE_COLORS.ok, title: `${head}: closing order, no new risk` };
  }
  if (sides.length === 0) return { text: '!', color: BADGE_COLORS.unknown, title: `${head}: no quote` };
  const doubt = pageDoubt(sides, quoteAsset);
  if (doubt !== null) return { text: '?', color: BADGE_COLORS.unknown, title: `${head}: ${doubt}` };
  const quotes = sides.map(judge);
  const worst = quotes.reduce((a, b) => (closeness(b).lessThan(closeness(a)) ? b : a));
  const min = new Dec(settings.minLiquidationDistance);

  const distance = worst.quote?.liquidationDistance ?? null;
  // A market order quoted at a stale mark: every figure rests on an old price, so the badge shows
  // no distance (neither "–" nor a percentage reads as a reassurance) but "OLD", grey unless a
  // danger warning stands.
  const oldPrice = quotes.some((q) => q.quote !== null && q.plan?.priceBasis === 'stale-mark');
  const text =
    worst.quote === null ? '!' : oldPrice ? STALE_BADGE_TEXT : distance === null ? '–' : formatBadgePercent(distance);
  let color: string = BADGE_COLORS.ok;
  if (quotes.some((q) => isDanger(q, min))) color = BADGE_COLORS.danger;
  else if (worst.quote === null || oldPrice) color = BADGE_COLORS.unknown;
  else if (quotes.some((q) => isNear(q, min))) color = BADGE_COLORS.warn;
  // Green is a reassurance; it needs a fresh mark behind it.
  else if (quotes.some((q) => q.plan?.markState !== 'live')) color = BADGE_COLORS.unknown;

  const lines =
    quotes.length === 1
      ? [
          `${head} ${worst.side} ${leverageText(form.leverage)}: ${describeSide(worst, quoteAsset)}; ${markNote(worst.plan)}`,
        ]
      : [
          `${head} ${leverageText(form.leverage)}`,
          ...quotes.map((q) => `${q.side}: ${describeSide(q, quoteAsset)}`),
          markNote(worst.plan),
        ];
  // Danger warnings, and liquidation inside the limit at any grade.
  const dangers = quotes.flatMap(
    (q) =>
      q.quote?.warnings.filter((w) => w.severity === 'danger' || w.code === 'LIQUIDATION_NEAR').map((w) => w.message) ??
      [],
  );
  for (const message of [...new Set(dangers)].slice(0, 2)) lines.push(`⚠ ${message}`);
  if (oldPrice)
    lines.push(`${STALE_BADGE_TEXT}: the figures rest on an old mark price; they update when a fresh one arrives`);
  if (snapshot !== null && snapshot.status !== 'live' && snapshot.lastError !== null)
    lines.push(`Market data: ${snapshot.lastError}`);
  return { text, color, title: lines.join('\n') };
}
