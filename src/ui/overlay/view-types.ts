// The overlay's view model: what the content script hands the Preact overlay (OverlayView) and
// what it is built from (OverlayModel). Types only; the builders are view-model.ts (states),
// view-columns.ts (one column of figures per side) and view-banners.ts (banners and the mark line).
import type { Side, VenueId } from '../../core/types';
import type { QuotesMessage, WireSide } from '../../messaging/messages';
import type { Settings, Theme } from '../../settings/settings';
import type { FormReading, MarkState } from '../../venues/types';
import type { ChartMarker } from '../chart/geometry';
import type { OverlayState } from './contract';
import type { PageCheckView } from './view-page-check';

export type { PageCheckRow, PageCheckView } from './view-page-check';

/** 'neutral': no figures, and nothing wrong with the order (an engine input error, said in the trader's words). */
export type Risk = 'danger' | 'warn' | 'ok' | 'neutral';
export type Severity = 'danger' | 'warn' | 'info';

/** One quoted side, as the background computed it: the plan's verdict and the engine's answer (null without a price). */
export type SideQuote = WireSide;

/** The market the quotes were computed on (from the same bg→cs:quotes message). */
export type MarketInfo = Pick<QuotesMessage, 'venue' | 'symbol' | 'mark' | 'status' | 'lastError'> &
  Partial<Pick<QuotesMessage, 'tickSize'>>;

/** A submit the guard held back: which codes, for which side (null = every quoted side), how. */
export interface GuardNotice {
  codes: string[];
  side: Side | null;
  via: 'click' | 'enter';
  /** ORDER_UNCHECKED: the order's quote was not in at the click ('checking'), or did not come in time ('timeout'). */
  unchecked?: 'checking' | 'timeout';
}

/** The background refused the form the page sent (src/messaging/messages.ts Refusal). */
export interface RefusalInfo {
  code: string;
  field: string;
  text: string;
}

export interface OverlayModel {
  /** The reading the quotes answer (or the current one, when it is unreadable). */
  reading: FormReading;
  quotes: SideQuote[];
  market: MarketInfo | null;
  settings: Settings;
  guard: GuardNotice | null;
  /** The background refused the form: no figures, and why. */
  refusal?: RefusalInfo | null;
  now: number;
  /** The form changed and its answer has not arrived yet: the figures shown are for an earlier state. */
  pending: boolean;
  /** No answer at all yet for a readable form: say so instead of showing nothing. */
  waiting?: boolean;
  /** Number formatting (separators); the browser's UI language unless a test sets one. */
  locale?: string;
}

export interface FigureRow {
  key: string;
  label: string;
  value: string;
  text: string;
  /** One-line definition of the figure, on hover and keyboard focus of its label (src/ui/terms.ts). */
  hint?: string;
}
/** `inBanner`: the same point is made by a banner above the columns; kept in the DOM, not shown twice. */
export interface WarningRow {
  code: string;
  severity: Severity;
  message: string;
  inBanner: boolean;
}
/** The account already holds a position in the order's market: what is left after the order, in words. */
export interface PositionLine {
  change: 'add' | 'reduce' | 'close' | 'flip';
  text: string;
}
export interface SideColumn {
  side: Side;
  risk: Risk;
  figures: FigureRow[];
  warnings: WarningRow[];
  assumptions: string[];
  /** Built on first read (view-columns.ts): only the open chart panel reads it. */
  readonly chart: ChartView | null;
  position: PositionLine | null;
}
/** What the PnL chart of one side draws (src/ui/chart/PnlChart): exact decimal text throughout. */
export interface ChartView {
  title: string;
  entry: string;
  pnl: { atEntry: string; slope: string };
  markers: ChartMarker[];
  currency: string;
  /** Caption of the PnL axis: says whether the line includes the carry over the holding time. */
  pnlCaption: string;
}
export interface Banner {
  kind:
    | 'mark-stale'
    | 'mark-missing'
    | 'balance'
    | 'balance-source'
    | 'positions-unknown'
    | 'stale-tiers'
    | 'stale-figures'
    | 'feed'
    | 'loss-limit'
    | 'old-facts';
  severity: Severity;
  text: string;
}
export interface MarkLine {
  value: string;
  text: string;
  ageMs: number | null;
  ageText: string;
}

export interface OverlayView {
  state: OverlayState;
  mark: MarkState;
  risk: Risk;
  title: string;
  /** The order as read, under the title: "Limit · 0.1 BTC (10 ct) · 6,500.00 USDT · 10× cross"; null without a readable margin order. */
  orderLine: string | null;
  markLine: MarkLine;
  /** Sentence for the non-'ok' states. */
  message: string | null;
  /** State 'error': the engine's technical text, shown only in a collapsed details line; null otherwise. */
  detail: string | null;
  missing: string[];
  banners: Banner[];
  columns: SideColumn[];
  guard: { codes: string[]; text: string } | null;
  /**
   * The cross-check with the figures the exchange's page shows: 'matches' in state 'ok' (a quiet
   * line), 'differs' in state 'doubtful' (both numbers of each disagreeing figure); null otherwise.
   */
  pageCheck: PageCheckView | null;
  /** State 'refused': "<code>:<field>" of the background's refusal; null otherwise. */
  reason: string | null;
  pending: boolean;
  /** The venue shown (the chart panel's open state is kept per venue); null before any is known. */
  venue: VenueId | null;
  theme: Theme;
  /** How prices and money are written: the locale, and the venue's tick precision for prices when known. */
  format: { locale: string; priceDecimals?: number };
  /** The key figures in one sentence for the aria-live region (announced when it changes, debounced). */
  announcement: string;
}
