// The overlay's DOM contract inside its closed shadow root. The e2e suite reads these
// attributes (through CDP, which can pierce closed roots); a page script cannot.
// Raw decimal strings go in data-value so tests compare exactly with the engine.

/** Attribute on the host element the content script adds to the page. */
export const HOST_ATTRIBUTE = 'data-margin-preflight-host';

export type OverlayState =
  | 'ok' // figures shown
  | 'unrecognised' // form not recognised; data-missing lists what
  | 'no-price' // market order and no mark price at all
  | 'waiting' // the form is read but the background has not answered yet (worker starting or unreachable)
  | 'spot' // Kraken with margin switched off: no borrowing, nothing to liquidate
  | 'closing' // Binance USDⓈ-M hedge mode's Close tab: the order reduces a position, no new risk (never quoted as an opening)
  | 'error' // engine refused the input (message shown)
  | 'refused' // the background refused the form read from the page (a misread figure, a form outside the schema): no figures, data-reason says why
  | 'doubtful'; // a figure the exchange's page shows for the order disagrees with ours: no figures, both numbers per [data-page-check="differs"] row

export const ATTR = {
  root: 'data-mp-root',
  state: 'data-state', // OverlayState
  mark: 'data-mark', // 'live' | 'stale' | 'missing'
  risk: 'data-risk', // 'danger' | 'warn' | 'ok' | 'neutral' (state 'error': an engine input error, nothing wrong with the order)
  side: 'data-side', // 'long' | 'short': one column per quoted side
  figure: 'data-figure', // quote field path, e.g. "liquidationPrice", "fees.open", "carry.total", plus "markPrice", "markAgeMs"
  value: 'data-value', // raw decimal string from the quote JSON; "" for null
  warning: 'data-warning', // warning code
  missing: 'data-missing', // comma-separated keys the reader could not find
  guard: 'data-guard', // present while a held submit is explained; value = comma-separated codes
  action: 'data-action', // 'collapse' | 'drag' | 'chart' | 'details' (teach mode's below)
  // Added with the overlay (compatible):
  severity: 'data-severity', // on a [data-warning]: 'danger' | 'warn' | 'info'
  banner: 'data-banner', // banner kind: 'mark-stale' | 'mark-missing' | 'balance' | 'stale-figures' | 'feed'
  collapsed: 'data-collapsed', // present on the root while collapsed (figures stay in the DOM, hidden)
  // Added with background quotes (compatible):
  pending: 'data-pending', // "true" on the root while the shown figures answer an earlier form and the new answer is late
  dimmed: 'data-dimmed', // present on the root while the page shows a modal dialog (the host then takes no pointer events)
  // Added with the PnL chart (compatible):
  chart: 'data-chart', // the chart panel: 'open' | 'closed' (its button has data-action="chart", aria-expanded)
  chartSide: 'data-chart-side', // 'long' | 'short': one chart per quoted side inside the open panel
  marker: 'data-marker', // on a chart marker: 'entry' | 'mark' | 'liquidation' | 'marginCall' | 'breakEven' | 'stop' | 'takeProfit'; data-value = its raw price
  live: 'data-live', // the aria-live region announcing liquidation price and distance (debounced)
  // Added with the page session (compatible):
  reason: 'data-reason', // on the root in state 'refused': "<code>:<field>", e.g. "IMPLAUSIBLE:price"
  // Added with positions in the order's own market (compatible):
  position: 'data-position', // on a column's "after this order" line: 'add' | 'reduce' | 'close' | 'flip'
  // Added with the order line (compatible):
  orderLine: 'data-order-line', // the order as read, under the title: type · size · notional · leverage and margin mode
  // Added with the compact overlay (issue 12, compatible):
  compact: 'data-compact', // a compact line "Liq 58,850.5 · −9.5 %" of one side: 'long' | 'short' (no data-figure inside)
  bar: 'data-bar', // the liquidation text the collapsed bar shows (the side nearer liquidation, or the only side)
  details: 'data-details', // the full figure list (the columns): 'open' | 'closed' (its button has data-action="details")
  // Added with the page cross-check (issue 13, compatible):
  pageCheck: 'data-page-check', // 'matches': the quiet line (state 'ok'); 'differs': one row per disagreeing figure (state 'doubtful')
  estimate: 'data-estimate', // on a [data-page-check] row: the figure's kind ('cost', 'orderValue', …)
  estimateSide: 'data-estimate-side', // on a row: 'long' | 'short' (not data-side: that marks a column of figures)
  pageValue: 'data-page-value', // on a row: the page's figure as read (raw decimal text)
  ourValue: 'data-our-value', // on a row: ours, unrounded
  // Added with teach mode and the page report (issue 14, compatible). data-action also takes 'teach', 'teach-cancel',
  // 'teach-skip', 'teach-redo', 'teach-forget' and 'report'.
  teach: 'data-teach', // on the teach panel while a step is active: the step's prompt ('price', 'size', 'buy', …)
  teachChoice: 'data-teach-choice', // the unit question's buttons: 'base' | 'quote'
  taught: 'data-taught', // on the root while keys are read through fields the trader pointed at: "price,size"
  taughtLost: 'data-taught-lost', // on the root while a field the trader pointed at is no longer found
  report: 'data-report', // on the report button after a report: 'copied' | 'shown' (then a read-only textarea holds it)
  teachOutline: 'data-teach-outline', // the outline over the page element pointed at (inside our shadow root)
} as const;

// "markPrice" and "markAgeMs" appear once per overlay, in the header line above the side
// columns (the mark is the same for both sides); the FIGURES below appear in every column.

/**
 * Guard code of the content script itself: the click was on an order whose quote was not in yet
 * (changed in the same moment, or the background restarting); held once while it is checked.
 */
export const ORDER_UNCHECKED = 'ORDER_UNCHECKED';

/** Engine warning codes that make the pre-submit guard hold the first click. */
export const GUARD_CODES = [
  'LIQUIDATION_NEAR',
  'LIQUIDATION_AT_MARK',
  'LIQUIDATION_IMMEDIATE',
  'LEVERAGE_ABOVE_PERSONAL_MAX',
  'LIQ_BEYOND_STOP',
  'LOSS_AT_STOP_ABOVE_LIMIT',
] as const;

/**
 * Figures every ok-state column shows, in this order — marginCallPrice only at a venue with a
 * margin call (spot margin). Rows the words add (carry.opening, carry.rollover, borrowed,
 * borrowRate, marginFeeRates: src/ui/figure-words.ts) follow carry.total where they apply.
 */
export const FIGURES = [
  'liquidationPrice',
  'liquidationDistance',
  'marginCallPrice',
  'marginLevel',
  'initialMargin',
  'maintenanceMargin',
  'fees.open',
  'fees.close',
  'carry.total',
  'breakEvenPrice',
] as const;
