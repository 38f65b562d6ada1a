// Which bundled, dated figures a planned quote rests on, and which of them are old (facts-age.ts):
// fee rates whenever the user has set no fee tier for the venue, the symbol's bundled tiers when
// no live table is used, Binance margin's example borrow rates when no live rate is held, and
// OKX's bundled contract value. Background and popup only (it loads the bundled facts).
import { bundledFacts } from './bundled-facts';
import { oldFacts, type FactUse } from './facts-age';
import type { QuotePlan } from './quote-plan';
import type { OrderForm } from './types';

function factUses(plan: QuotePlan, form: OrderForm): FactUse[] {
  const uses: FactUse[] = [];
  if (plan.bundledContractValue !== null) uses.push({ kind: 'contractValue', asOf: plan.bundledContractValue.asOf });
  const facts = bundledFacts()[form.venue];
  if (plan.input === null || facts === undefined) return uses;
  const market = plan.input['market'] as Record<string, unknown>;
  const asOf = facts.asOf;
  if (market['takerFeeRate'] === undefined) uses.unshift({ kind: 'fees', asOf });
  const symbol = facts.symbols[form.symbol.toUpperCase()];
  const liveTiers = market['tiers'] !== undefined || market['maintenanceMarginRate'] !== undefined;
  if (!liveTiers && symbol?.tiers !== undefined) uses.push({ kind: 'tiers', asOf });
  const borrows = symbol?.borrowRatePerHourLong ?? facts.defaults.borrowRatePerHourLong;
  if (market['borrowRatePerHour'] === undefined && borrows !== undefined) uses.push({ kind: 'borrowRates', asOf });
  return uses;
}

/** The plan with its old bundled figures (oldFacts) filled in, as of `now`. */
export function withFactAges(plan: QuotePlan, form: OrderForm, now: number): QuotePlan {
  return { ...plan, oldFacts: oldFacts(factUses(plan, form), now) };
}
