// Scenario → the very computation the background runs for the overlay: an OrderForm and a market
// snapshot go through planQuote and quoteJson with the bundled facts. A scenario taken from the
// page and left as it was therefore rebuilds the page's form and snapshot and gets the overlay's
// figures; every edit changes only the field edited.
import { Dec } from '../../core/decimal';
import { quoteJsonSafe, type QuoteResult } from '../../core/quote';
import type { Side } from '../../core/types';
import { bundledPositionRate } from '../../venues/quote-sides';
import type { Settings } from '../../settings/settings';
import { bundledFacts } from '../../venues/bundled-facts';
import { withFactAges } from '../../venues/quote-facts-age';
import { planQuote, withPlanNotes, type QuotePlan } from '../../venues/quote-input';
import type { MarketSnapshot, OrderForm, PagePosition } from '../../venues/types';
import { ownSnapshot, type PageOrigin, type Scenario } from './scenario';
import { validateScenario, type FieldErrors, type ParsedScenario } from './validate';

export interface ScenarioRequest {
  form: OrderForm;
  side: Side;
  snapshot: MarketSnapshot;
  settings: Settings;
  now: number;
  /** Perpetuals: the typed maintenance rate (fraction) replacing the tiers; null: tiers. */
  maintenanceRate: string | null;
}

export interface ScenarioQuote {
  plan: QuotePlan;
  /** The engine input actually quoted (null when planQuote found no price). */
  input: Record<string, unknown> | null;
  result: QuoteResult | null;
}

function pagePosition(p: ParsedScenario['positions'][number]): PagePosition {
  // The page's own margin while the row is as the page showed it (its rate field only displays it);
  // a typed rate is carried as the margin it implies at the row's mark (planQuote divides it back
  // by the same notional, exactly); neither: planQuote looks the symbol up in the bundled tiers.
  const margin = p.pageMargin ?? (p.rate === null ? null : new Dec(p.quantity).times(p.mark).times(p.rate).toFixed());
  return {
    symbol: p.symbol,
    side: p.side,
    quantity: p.quantity,
    entryPrice: p.entry,
    markPrice: p.mark,
    maintenanceMargin: margin,
  };
}

/**
 * The form, market and settings planQuote gets for a scenario. The page's snapshot is kept, with
 * its mark figure untouched while the mark is the page's; a typed mark is a fresh figure as of
 * `now`. The typed balance replaces the stored one for this quote only (never saved from here).
 */
export function scenarioRequest(
  s: Scenario,
  v: ParsedScenario,
  origin: PageOrigin | null,
  settings: Settings,
  now: number,
): ScenarioRequest {
  const symbol = s.symbol.trim();
  const own = ownSnapshot(origin, s.venue, symbol);
  const figures = { ...(own?.figures ?? {}) };
  const pageMark = own?.figures.markPrice;
  if (v.mark === null) delete figures.markPrice;
  else if (pageMark === undefined || !new Dec(pageMark.value).equals(v.mark)) {
    // Typed by the user: planQuote reads only the value and when it was received.
    figures.markPrice = { value: v.mark, receivedAt: now, exchangeTime: null, source: 'bundled' };
  }
  const snapshot: MarketSnapshot =
    own !== null ? { ...own, figures } : { venue: s.venue, symbol, figures, status: 'live', lastError: null };
  const cross = s.marginMode === 'cross';
  const pageForm = origin !== null && origin.form.venue === s.venue ? origin.form : null;
  const form: OrderForm = {
    venue: s.venue,
    symbol,
    side: s.side,
    type: s.orderType,
    marginMode: s.marginMode,
    price: v.price,
    size: { unit: s.sizeUnit, value: v.size },
    leverage: v.leverage,
    marginEnabled: true,
    stopLoss: v.stopLoss,
    takeProfit: v.takeProfit,
    availableBalance: pageForm?.availableBalance ?? null,
  };
  if (cross) form.account = { walletBalance: v.balance, positions: v.positions.map(pagePosition) };
  const accountBalance = { ...settings.accountBalance };
  if (v.balance !== null) accountBalance[s.venue] = v.balance;
  else delete accountBalance[s.venue];
  return {
    form,
    side: s.side,
    snapshot,
    settings: { ...settings, accountBalance, holdHours: v.holdHours },
    now,
    maintenanceRate: v.maintenanceRate,
  };
}

/** planQuote + quoteJson, as the background's quoteSides does for each side. */
export function quoteRequest(r: ScenarioRequest): ScenarioQuote {
  const planned = planQuote(r.form, r.side, r.snapshot, r.settings, r.now, bundledPositionRate);
  if (planned.input === null) return { plan: withFactAges(planned, r.form, r.now), input: null, result: null };
  let input = planned.input;
  if (r.maintenanceRate !== null) {
    // The typed rate replaces the tiers (the engine prefers tiers when it has both).
    const market: Record<string, unknown> = {
      ...(input.market as Record<string, unknown>),
      maintenanceMarginRate: r.maintenanceRate,
    };
    delete market.tiers;
    input = { ...input, market };
  }
  // Which bundled figures the quote rests on is judged on the input as quoted (a typed rate is not a bundled tier).
  const plan = { ...withFactAges({ ...planned, input }, r.form, r.now), input: planned.input };
  return { plan, input, result: withPlanNotes(plan, safeQuote(input)) };
}

const safeQuote = (input: Record<string, unknown>): QuoteResult => quoteJsonSafe(input, bundledFacts());

export type ScenarioOutcome =
  | { ok: false; errors: FieldErrors }
  | { ok: true; values: ParsedScenario; request: ScenarioRequest; quote: ScenarioQuote };

/** Typed scenario → checked values → the quote (or the fields to fix). */
export function quoteScenario(
  s: Scenario,
  origin: PageOrigin | null,
  settings: Settings,
  now: number,
): ScenarioOutcome {
  const checked = validateScenario(s);
  if (!checked.ok) return checked;
  const request = scenarioRequest(s, checked.values, origin, settings, now);
  return { ok: true, values: checked.values, request, quote: quoteRequest(request) };
}
