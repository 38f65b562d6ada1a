// Another open position's maintenance rate from bundled tier tables, for pages that list
// positions without their maintenance margin. Bundled tables exist only for venues with the
// cumulative rule (Binance, Bybit, Hyperliquid); a symbol without one stays unknown. The book is
// passed in, so the extension (Vite's bundled facts) and Node-side tools (read from disk) share it.
import type { FactsBook } from '../core/facts';
import { completeTiers, tierFor } from '../core/tiers';
import type { PositionRateLookup } from './quote-input';

export function tierPositionRate(book: () => FactsBook): PositionRateLookup {
  return (venue, symbol, notional) => {
    const drafts = book()[venue]?.symbols[symbol.toUpperCase()]?.tiers;
    if (drafts === undefined) return null;
    const tier = tierFor(completeTiers(drafts, 'cumulative'), notional);
    return { rate: tier.maintenanceMarginRate, amount: tier.maintenanceAmount };
  };
}
