// Contracts between a venue folder and the rest of the extension.
//   reader.ts  (content side): DOM → OrderForm, with selectors kept as data in selectors.ts
//   feed.ts    (background side): public market data → MarketSnapshot figures
//   facts.json (both): dated fallback figures for the engine
// Everything read from a page or an API is untrusted: readers and feeds return decimal
// *strings* that passed strict parsing, or say what is missing. They never guess.
import type { MarginMode, OrderType, Side, VenueId } from '../core/types';

/** A decimal number as text, already validated by parseDecimalText. */
export type DecimalString = string & { readonly __decimal?: never };

export interface OrderForm {
  venue: VenueId;
  /** The venue's own symbol as used by its API (e.g. "XBTUSD", "BTCUSDT"). */
  symbol: string;
  /** 'both': the form has one button per side (Binance futures), so both are quoted. */
  side: Side | 'both';
  type: OrderType;
  marginMode: MarginMode;
  /** Limit price; null for a market order (the engine then uses the mark price). */
  price: DecimalString | null;
  /**
   * Size as typed: in base units, as a total in the quote currency, or in contracts (OKX: base
   * quantity = contracts × the instrument's contract value, a market figure from the feed).
   */
  size: { unit: SizeUnit; value: DecimalString };
  leverage: DecimalString;
  /** Kraken: margin switched off means a plain spot order; no liquidation to show. */
  marginEnabled: boolean;
  stopLoss: DecimalString | null;
  takeProfit: DecimalString | null;
  /** Balance the page shows as available (quote currency), if it shows one. */
  availableBalance: DecimalString | null;
  /**
   * Cross margin: what the page itself shows of the account. Left out (or a field null) when
   * the page does not show it; the quote then uses what the user entered, and says so.
   */
  account?: PageAccount;
  /** Binance spot margin: the form's borrow behaviour. 'none' (Normal) and 'repay' open no new loan. */
  borrow?: 'auto' | 'none' | 'repay';
  /**
   * Binance USDⓈ-M hedge mode: the Open or the Close tab. A closing order reduces an existing
   * position (reduce only): it is never quoted or guarded as a new one. Left out where the form
   * has no such tab (one-way mode, other venues): the order opens or adds as before.
   */
  intent?: 'open' | 'close';
  /**
   * The label table the page was read with (src/venues/dom/page-locale.ts: 'zh-CN', 'ru', …), when
   * the page is not in English; left out for English. The overlay names it.
   */
  language?: string;
  /** What the page itself shows as derived from this order, for a cross-check. Left out when the page shows none. */
  pageEstimates?: PageEstimate[];
}

/**
 * What a page figure is, in our terms; what exactly the venue's figure includes (a fee, an open
 * loss) is its rule in src/venues/<venue>/page-estimates.ts. 'orderValue': the order's notional;
 * 'cost': what the page says opening takes from the balance; 'initialMargin'; 'liquidationPrice'.
 */
export const PAGE_ESTIMATE_KINDS = ['orderValue', 'cost', 'initialMargin', 'liquidationPrice'] as const;
export type PageEstimateKind = (typeof PAGE_ESTIMATE_KINDS)[number];

export interface PageEstimate {
  kind: PageEstimateKind;
  /** The side it is for when the page shows one per side (Binance Cost under each button); null: the form's side. */
  side: Side | null;
  /** As read, normalised like every other page number. */
  value: DecimalString;
  /** Decimal places the page rounded to (the tolerance is half a unit of the last place plus venue rules). */
  decimals: number;
}

export type SizeUnit = 'base' | 'quote' | 'contracts';

export interface PageAccount {
  /** Wallet / equity balance in the quote currency as the page shows it (before this order). */
  walletBalance: DecimalString | null;
  /** Other open positions in the same cross account, as the page lists them; null: not shown or not readable. */
  positions: PagePosition[] | null;
  /**
   * Set (with positions null) when the page lists more positions than a reading may carry
   * (MAX_PAGE_POSITIONS): the reader stops at the cap, and the account cannot be weighed whole.
   */
  positionsTooMany?: true;
}

export interface PagePosition {
  symbol: string;
  side: Side;
  /** In base units (contracts already multiplied out). */
  quantity: DecimalString;
  entryPrice: DecimalString;
  markPrice: DecimalString;
  /** Maintenance margin of this position in quote currency, when the page shows it. */
  maintenanceMargin: DecimalString | null;
}

/**
 * A venue's maintenance-margin tiers as its public API gives them, as decimal strings.
 * basis 'notional': bounds in quote currency (Bybit risk limits, Hyperliquid margin tables);
 * basis 'contracts': bounds in contracts (OKX position tiers), picked by the order's size.
 */
export interface TierTable {
  basis: 'notional' | 'contracts';
  rows: TierRow[];
}

export interface TierRow {
  floor: DecimalString;
  /** null: no upper bound (last tier). */
  cap: DecimalString | null;
  maintenanceMarginRate: DecimalString;
  /** Deduction ("cum", "mmDeduction"); null: derive it from the table. */
  maintenanceAmount: DecimalString | null;
  maxLeverage: DecimalString | null;
}

/**
 * What a reader found. `matched` counts nodes per selector key, for fixture tests. `watched`:
 * the elements outside the form root that the reading used (account panel rows, the positions
 * table, pickers and buttons the reader found elsewhere on the page), outermost only, so the
 * session can observe them as well as the form root; left out when the form root was not found.
 * `taught`: the selector keys read through a locator the trader taught (src/venues/dom/taught.ts),
 * because the built-in selectors found nothing for them; left out when there are none.
 */
export type FormReading =
  | { status: 'ok'; form: OrderForm; matched: Record<string, number>; watched?: Element[]; taught?: string[] }
  | {
      status: 'unrecognised';
      missing: string[];
      matched: Record<string, number>;
      watched?: Element[];
      taught?: string[];
    };

/**
 * How much of the page a read covers. 'full': everything the quote uses. 'order': the order
 * fields only (symbol, side, type, price, size, leverage, margin mode and switch, borrow, TP/SL);
 * the account panel, the positions table and the available balance are not read (account left
 * out, availableBalance null). The click path uses 'order': its cost does not grow with the
 * number of position rows on the page.
 */
export type ReadScope = 'full' | 'order';

export interface PageReader {
  venue: VenueId;
  /** True for URLs of the venue's trade page this reader understands. */
  matchesUrl(url: URL): boolean;
  /** The form as the page shows it now; scope defaults to 'full'. */
  read(doc: Document, url: URL, scope?: ReadScope): FormReading;
  /** The element the overlay anchors next to; null when the form is not on the page. */
  formRoot(doc: Document): Element | null;
  /** Buttons that submit an order (Buy/Sell, Place order), for the pre-submit guard. */
  submitButtons(doc: Document): Element[];
}

/** One market figure with its provenance and age. Times are epoch ms. */
export interface Figure {
  value: DecimalString;
  /** When our extension received it (local clock); staleness is measured from here. */
  receivedAt: number;
  /** Exchange's own timestamp for the figure, when the response carries one. */
  exchangeTime: number | null;
  source: 'rest' | 'stream' | 'bundled';
}

export type MarketFigureKey =
  | 'markPrice'
  | 'lastPrice'
  | 'fundingRate'
  | 'fundingIntervalHours'
  | 'nextFundingTime'
  | 'maxLeverage'
  | 'marginCallLevel'
  | 'liquidationLevel'
  /** OKX: base units per contract (ctVal). */
  | 'contractValue'
  /**
   * Binance spot margin: hourly interest rate of what an order borrows, by account and side (a
   * long borrows the quote asset, a short the base asset; cross and isolated rates differ).
   */
  | 'borrowRateCrossLong'
  | 'borrowRateCrossShort'
  | 'borrowRateIsolatedLong'
  | 'borrowRateIsolatedShort'
  /** Smallest price step of the symbol: prices are shown with its precision. */
  | 'tickSize'
  /**
   * Smallest order quantity step in the base asset (Binance LOT_SIZE stepSize, Bybit qtyStep,
   * Kraken 10^−lot_decimals, Hyperliquid 10^−szDecimals; OKX one lot: lotSz × ctVal): a size
   * the venue can take is a whole number of steps, so sizing rounds down to it.
   */
  | 'sizeStep'
  /** Smallest order quantity in the base asset (Kraken ordermin, Bybit minOrderQty, Binance LOT_SIZE minQty, OKX minSz × ctVal). */
  | 'minSize';

export interface MarketSnapshot {
  venue: VenueId;
  symbol: string;
  figures: Partial<Record<MarketFigureKey, Figure>>;
  /** Maintenance tiers from the venue's public API, when its feed reads them. */
  tiers?: TierFigure;
  /** 'live' while data flows; 'degraded' after failures (figures kept, marked by age); 'unavailable' with nothing usable. */
  status: 'live' | 'connecting' | 'degraded' | 'unavailable';
  /** Human sentence for the last failure, e.g. "HTTP 429, retrying in 8 s". */
  lastError: string | null;
}

export interface TierFigure {
  table: TierTable;
  receivedAt: number;
  source: 'rest' | 'stream';
}

/** A figure older than this is stale: shown struck-through and not used for the quote. */
export const MAX_AGE_MS: Record<MarketFigureKey, number> = {
  markPrice: 15_000,
  lastPrice: 15_000,
  fundingRate: 30 * 60_000,
  fundingIntervalHours: 24 * 3_600_000,
  nextFundingTime: 30 * 60_000,
  maxLeverage: 24 * 3_600_000,
  marginCallLevel: 24 * 3_600_000,
  liquidationLevel: 24 * 3_600_000,
  contractValue: 7 * 24 * 3_600_000,
  // Binance sets borrow rates every hour: a rate from two tables ago is no longer the one charged.
  borrowRateCrossLong: 2 * 3_600_000,
  borrowRateCrossShort: 2 * 3_600_000,
  borrowRateIsolatedLong: 2 * 3_600_000,
  borrowRateIsolatedShort: 2 * 3_600_000,
  tickSize: 7 * 24 * 3_600_000,
  sizeStep: 7 * 24 * 3_600_000,
  minSize: 7 * 24 * 3_600_000,
};

/** Tier tables change rarely (venues announce changes); a day-old table is still current. */
export const TIERS_MAX_AGE_MS = 24 * 3_600_000;

/** The mark price of a quote: fresh, too old (MAX_AGE_MS), or none at all. */
export type MarkState = 'live' | 'stale' | 'missing';

export function isFresh(figure: Figure | undefined, key: MarketFigureKey, now: number): figure is Figure {
  return figure !== undefined && now - figure.receivedAt <= MAX_AGE_MS[key];
}
