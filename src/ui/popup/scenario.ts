// The calculator's state: what the user typed, as typed (text in their locale), one scenario per
// venue. Built from the order on the current tab (so the figures equal the overlay's), from what
// the user typed last for that venue, or from an example. Pure: no browser APIs.
import { Dec } from '../../core/decimal';
import { VENUES, type MarginMode, type OrderType, type Side, type VenueId } from '../../core/types';
import type { Settings } from '../../settings/settings';
import { VENUE_ABOUT } from '../../venues/about';
import { bundledFacts } from '../../venues/bundled-facts';
import type { MarketSnapshot, OrderForm } from '../../venues/types';
import { quoteCurrency } from '../overlay/units';
import { inputText } from './number-text';

export type SizeUnit = 'base' | 'quote';

/** Another open position of the same cross account. */
export interface PositionRow {
  symbol: string;
  side: Side;
  quantity: string;
  entry: string;
  mark: string;
  /** Maintenance rate in percent; empty: from the venue's bundled tiers for that symbol. */
  ratePercent: string;
  /**
   * The maintenance margin the page showed for this position (exact decimal text), used as long
   * as the rate is not retyped: a rate derived from it and multiplied back would not be exact.
   */
  pageMargin: string | null;
}

export interface Scenario {
  venue: VenueId;
  symbol: string;
  marginMode: MarginMode;
  side: Side;
  orderType: OrderType;
  price: string;
  size: string;
  sizeUnit: SizeUnit;
  leverage: string;
  /** Empty: the price is the mark. */
  mark: string;
  balance: string;
  positions: PositionRow[];
  holdHours: string;
  stopLoss: string;
  takeProfit: string;
  /** Perpetuals: the order's maintenance rate in percent, replacing the venue's tiers; empty: tiers. */
  maintenancePercent: string;
  /** Position sizing: the loss accepted at the stop, as an amount (quote currency) or a percent of the balance. */
  riskMode: 'amount' | 'percent';
  risk: string;
}

/** The order on the current tab the calculator started from; its snapshot is the overlay's market. */
export interface PageOrigin {
  form: OrderForm;
  snapshot: MarketSnapshot | null;
  /** Figures are evaluated at this instant (when the popup got the order), as the overlay's were. */
  at: number;
}

/** Venues whose margin is one account-wide pool, no isolated mode (about.json "crossOnly"). */
export const CROSS_ONLY: ReadonlySet<VenueId> = new Set(VENUE_ABOUT.filter((a) => a.crossOnly).map((a) => a.venue));
/** Spot-margin venues, no maintenance tiers nor per-order maintenance rate (about.json "spotMargin"). */
export const SPOT_MARGIN: ReadonlySet<VenueId> = new Set(VENUE_ABOUT.filter((a) => a.spotMargin).map((a) => a.venue));
/** Upper end of the leverage slider when nothing names the venue's maximum. */
export const DEFAULT_MAX_LEVERAGE = 125;

/** BTC in each venue's own spelling (about.json "exampleSymbol"). */
export const DEFAULT_SYMBOL = Object.fromEntries(VENUE_ABOUT.map((a) => [a.venue, a.exampleSymbol])) as Record<
  VenueId,
  string
>;

/** A round BTC price for the example (labelled as an example; the user types the real one). */
export const EXAMPLE_PRICE = '100000';
/** Kraken is cross only: without a balance there is no liquidation price, so the example brings one. */
const EXAMPLE_BALANCE = '10000';

export function currencyOf(venue: VenueId, symbol: string): string {
  return quoteCurrency(venue, symbol);
}

/** The example scenario of a venue: BTC at a round price, 0.1 BTC, 10× isolated (Kraken: 5× cross with an example balance). */
export function defaultScenario(venue: VenueId, settings: Settings, locale: string): Scenario {
  const crossOnly = CROSS_ONLY.has(venue);
  const stored = settings.accountBalance[venue];
  return {
    venue,
    symbol: DEFAULT_SYMBOL[venue],
    marginMode: crossOnly ? 'cross' : 'isolated',
    side: 'long',
    orderType: 'limit',
    price: inputText(EXAMPLE_PRICE, locale),
    size: inputText('0.1', locale),
    sizeUnit: 'base',
    leverage: crossOnly ? '5' : '10',
    mark: '',
    balance: stored !== undefined ? inputText(stored, locale) : crossOnly ? inputText(EXAMPLE_BALANCE, locale) : '',
    positions: [],
    holdHours: inputText(settings.holdHours, locale),
    stopLoss: '',
    takeProfit: '',
    maintenancePercent: '',
    riskMode: 'percent',
    risk: '1',
  };
}

/** The snapshot of the form's own market, or null (planQuote ignores any other). */
export function ownSnapshot(origin: PageOrigin | null, venue: VenueId, symbol: string): MarketSnapshot | null {
  const s = origin?.snapshot ?? null;
  return s !== null && s.venue === venue && s.symbol === symbol ? s : null;
}

/** A page position's maintenance rate in percent, rounded for display only (the exact margin is kept). */
function displayRate(margin: string, quantity: string, mark: string, locale: string): string {
  const notional = new Dec(quantity).times(mark);
  if (!notional.greaterThan(0)) return '';
  return inputText(new Dec(margin).div(notional).times(100).toDecimalPlaces(4, Dec.ROUND_HALF_UP).toFixed(), locale);
}

/** The page's order as a scenario: every value as the form has it, so nothing edited means the overlay's figures. */
export function scenarioFromOrder(origin: PageOrigin, settings: Settings, locale: string): Scenario {
  const { form } = origin;
  const text = (v: string | null | undefined): string => (v === null || v === undefined ? '' : inputText(v, locale));
  const snapshot = ownSnapshot(origin, form.venue, form.symbol);
  let size = form.size.value as string;
  let sizeUnit: SizeUnit = form.size.unit === 'quote' ? 'quote' : 'base';
  if (form.size.unit === 'contracts') {
    // OKX sizes in contracts; the engine in base units: contracts × contract value, exact.
    const contractValue = snapshot?.figures.contractValue?.value;
    size = contractValue === undefined ? '' : new Dec(form.size.value).times(contractValue).toFixed();
    sizeUnit = 'base';
  }
  const cross = form.marginMode === 'cross';
  const positive = (v: string | null | undefined): v is string =>
    v !== null && v !== undefined && new Dec(v).greaterThan(0);
  // The balance planQuote would use: cross, the page's then the user's; else the user's then the page's available funds.
  const balanceChoices = cross
    ? [form.account?.walletBalance, settings.accountBalance[form.venue]]
    : [settings.accountBalance[form.venue], form.availableBalance];
  const balance = balanceChoices.find(positive) ?? '';
  const positions: PositionRow[] = cross
    ? (form.account?.positions ?? []).map((p) => ({
        symbol: p.symbol,
        side: p.side,
        quantity: text(p.quantity),
        entry: text(p.entryPrice),
        mark: text(p.markPrice),
        ratePercent:
          p.maintenanceMargin === null ? '' : displayRate(p.maintenanceMargin, p.quantity, p.markPrice, locale),
        pageMargin: p.maintenanceMargin,
      }))
    : [];
  return {
    venue: form.venue,
    symbol: form.symbol,
    marginMode: CROSS_ONLY.has(form.venue) ? 'cross' : form.marginMode,
    side: form.side === 'both' ? 'long' : form.side,
    orderType: form.type,
    price: text(form.price),
    size: text(size),
    sizeUnit,
    leverage: text(form.leverage),
    mark: text(snapshot?.figures.markPrice?.value),
    balance: text(balance),
    positions,
    holdHours: text(settings.holdHours),
    stopLoss: text(form.stopLoss),
    takeProfit: text(form.takeProfit),
    maintenancePercent: '',
    riskMode: 'percent',
    risk: '1',
  };
}

/** The venue's highest leverage for the slider: the live figure, the bundled one, the first tier's, else 125. */
export function maxLeverageOf(
  venue: VenueId,
  symbol: string,
  marginMode: MarginMode,
  snapshot: MarketSnapshot | null,
): number {
  // Binance margin's Cross Classic stops at 5×; above is Cross Margin Pro, which the engine refuses.
  if (venue === 'binance-margin' && marginMode === 'cross') return 5;
  const facts = bundledFacts()[venue];
  const symbolFacts = facts?.symbols[symbol.toUpperCase()];
  const candidates = [
    snapshot?.figures.maxLeverage?.value,
    symbolFacts?.maxLeverage?.toFixed(),
    symbolFacts?.tiers?.[0]?.maxLeverage?.toFixed(),
    facts?.defaults.maxLeverage?.toFixed(),
  ];
  const found = candidates.find((v): v is string => v !== undefined && v !== null);
  if (found === undefined) return DEFAULT_MAX_LEVERAGE;
  const whole = new Dec(found).floor();
  return whole.lessThan(1) ? 1 : Math.min(whole.toNumber(), 1000);
}

/** Symbols the calculator can quote from bundled facts alone, for the symbol suggestions. */
export function knownSymbols(venue: VenueId): string[] {
  const facts = bundledFacts()[venue];
  return [...new Set([DEFAULT_SYMBOL[venue], ...Object.keys(facts?.symbols ?? {})])];
}

export const isVenue = (v: unknown): v is VenueId => typeof v === 'string' && (VENUES as readonly string[]).includes(v);
