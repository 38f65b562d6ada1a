// The engine runs here, in the content script: planQuote + quoteJson take ~30–200 µs, far
// cheaper than a round trip to the background on every keystroke.
import { quoteJson, type QuoteResult } from '../core/quote';
import type { Side } from '../core/types';
import type { Settings } from '../settings/settings';
import { GUARD_CODES } from '../ui/overlay/contract';
import type { SideQuote } from '../ui/overlay/view-model';
import { bundledFacts } from '../venues/facts';
import { planQuote } from '../venues/quote-input';
import type { MarketSnapshot, OrderForm } from '../venues/types';

function safeQuote(input: Record<string, unknown>): QuoteResult {
  try {
    return quoteJson(input, bundledFacts());
  } catch (error) {
    // An engine bug must show as an error state, not kill the content script.
    return { error: { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error), path: '' } };
  }
}

/** One quote per side the form can submit; none for a spot order (nothing to liquidate). */
export function quoteSides(form: OrderForm, snapshot: MarketSnapshot | null, settings: Settings, now: number): SideQuote[] {
  if (!form.marginEnabled) return [];
  const sides: Side[] = form.side === 'both' ? ['long', 'short'] : [form.side];
  return sides.map((side) => {
    const plan = planQuote(form, side, snapshot, settings, now);
    return { side, plan, result: plan.input === null ? null : safeQuote(plan.input) };
  });
}

/** Guard codes in the quotes of one side (null: every quoted side), in GUARD_CODES order. */
export function guardCodes(quotes: SideQuote[], side: Side | null): string[] {
  const found = new Set<string>();
  for (const q of quotes) {
    if ((side !== null && q.side !== side) || q.result === null || 'error' in q.result) continue;
    for (const w of q.result.warnings) found.add(w.code);
  }
  return GUARD_CODES.filter((code) => found.has(code));
}
