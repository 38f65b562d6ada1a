// Styles live in the closed shadow root as a <style> element's text: no stylesheet file,
// so no web_accessible_resources for pages to fingerprint (reference B.5). px, not rem:
// rem follows the page's <html> font size through the shadow boundary (reference B.4).
import { themeCss } from '../theme';

/** Inline style of the host element in the page. !important because page CSS can target any div. */
export const HOST_STYLE = [
  'all: initial !important',
  'position: fixed !important',
  'z-index: 2147483647 !important',
  'display: block !important',
  'visibility: visible !important',
  'opacity: 1 !important',
  'transform: none !important',
  'filter: none !important',
  'clip-path: none !important',
  'pointer-events: auto !important',
  // Our re-renders stay inside the overlay: the exchange's page is never laid out again for them.
  // (Not paint containment: it would clip the panel's shadow.)
  'contain: layout style !important',
  'top: 8px',
  'left: 8px',
].join('; ');

/**
 * While the page shows a modal dialog (the exchange's own Confirm): the overlay lets every pointer
 * event through to the page and steps back visually, so it can never cover the exchange's buttons.
 */
export const HOST_DIMMED = { 'pointer-events': 'none', opacity: '0.35' } as const;
export const HOST_UNDIMMED = { 'pointer-events': 'auto', opacity: '1' } as const;

/**
 * Colours come from the theme (src/ui/theme.ts): the `.root` element carries data-theme with the
 * user's setting (applyTheme); until it does, it follows the system. Every text colour passes
 * WCAG AA on the panel in both themes (tests/theme.test.ts).
 */
export const OVERLAY_CSS = `
:host { all: initial; }
${themeCss('[data-theme="system"], .root:not([data-theme])')}
.root {
  --danger: var(--mp-danger); --warn: var(--mp-warn); --ok: var(--mp-ok); --info: var(--mp-muted);
  box-sizing: border-box; width: 300px; max-height: 90vh; overflow: auto;
  font: 12px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--mp-fg);
  /* Opaque: page text behind the overlay must never show through and mix with our figures. */
  background: var(--mp-bg); border: 1px solid var(--mp-border); border-left: 4px solid var(--ok); border-radius: 8px;
  box-shadow: 0 6px 24px var(--mp-shadow); user-select: text;
}
.pending { font-size: 11px; color: var(--mp-muted); font-style: italic; }
.root[data-pending="true"] .cols { opacity: 0.6; }
.root[data-risk="warn"] { border-left-color: var(--warn); }
.root[data-risk="danger"] { border-left-color: var(--danger); }
/* Wraps rather than truncating: the whole title stays readable at every width (issue 12). */
.head { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 6px; padding: 6px 8px; border-bottom: 1px solid var(--mp-border); }
.grip { cursor: grab; touch-action: none; color: var(--mp-muted); padding: 0 2px; user-select: none; }
.title { font-weight: 600; flex: 1 1 auto; white-space: nowrap; }
.verdict { white-space: nowrap; font-weight: 700; font-size: 11px; padding: 1px 6px; border-radius: 4px; color: var(--mp-on-status); background: var(--ok); }
.root[data-risk="warn"] .verdict { background: var(--warn); }
.root[data-risk="danger"] .verdict { background: var(--danger); }
.root[data-risk="neutral"] { border-left-color: var(--info); }
.root[data-risk="neutral"] .verdict { background: var(--info); }
.detail { margin: 2px 0 0; color: var(--mp-muted); font-size: 11px; }
.detail summary { cursor: pointer; }
.toggle, .chart-toggle, .details-toggle { all: unset; cursor: pointer; text-align: center; color: var(--mp-fg); border-radius: 4px; }
.toggle { width: 18px; }
.chart-toggle, .details-toggle { display: block; margin-top: 6px; color: var(--mp-accent); text-decoration: underline; }
/* all: unset removes the outline too: the focus ring is given back explicitly. */
.toggle:focus-visible, .chart-toggle:focus-visible, .details-toggle:focus-visible, summary:focus-visible { outline: 2px solid var(--mp-focus); outline-offset: 1px; }
.guard { margin: 6px 8px; padding: 6px 8px; border-radius: 6px; background: var(--mp-guard-bg); color: var(--mp-guard-fg); font-weight: 600; }
/* Graded like the figures: amber inside the limit, red only under half of it (issue 12). */
.root[data-risk="warn"] .guard { background: var(--warn); color: var(--mp-on-status); }
.compact { padding: 6px 8px 0; }
.compact .line { margin: 0 0 4px; }
.compact p { margin: 0; }
/* The side name and the figures wrap apart, never inside (a six-digit price and a three-digit move at 14 px). */
.compact .liq { display: flex; flex-wrap: wrap; align-items: baseline; column-gap: 6px; font-size: 16px; font-weight: 700; font-variant-numeric: tabular-nums; }
.compact .liq > span { white-space: nowrap; }
.compact.two .liq { font-size: 14px; }
.compact .side { font-size: 12px; font-weight: 600; color: var(--mp-muted); }
.compact .risk-ok .liq { color: var(--ok); }
.compact .risk-warn .liq { color: var(--warn); }
.compact .risk-danger .liq { color: var(--danger); }
.compact .sub { color: var(--mp-muted); font-variant-numeric: tabular-nums; }
.root[data-collapsed] .compact .line:not(.nearer), .root[data-collapsed] .compact .sub { display: none; }
.root[data-collapsed] .compact { padding-bottom: 4px; }
.root[data-collapsed] .body { display: none; }
.body { padding: 6px 8px 8px; }
.order { margin: 0 0 4px; font-weight: 600; }
.mark { margin: 0 0 6px; color: var(--mp-muted); }
.root[data-mark="stale"] .mark, .root[data-mark="missing"] .mark { color: var(--warn); }
.banner { margin: 0 0 6px; padding: 4px 6px; border-radius: 4px; border-left: 3px solid var(--info); background: var(--mp-surface); }
.banner.sev-warn { border-left-color: var(--warn); }
.banner.sev-danger { border-left-color: var(--danger); }
.message { margin: 4px 0; font-weight: 600; }
.missing { margin: 0; color: var(--mp-muted); }
.page-check { margin: 2px 0; color: var(--mp-muted); }
.page-rows { margin: 4px 0; padding-left: 16px; }
.cols { display: flex; flex-direction: column; gap: 8px; margin-top: 6px; }
.cols[hidden] { display: none; }
.col { min-width: 0; }
.col h3 { margin: 2px 0 4px; font-size: 12px; }
.col[data-side="long"] h3 { color: var(--ok); }
.col[data-side="short"] h3 { color: var(--danger); }
.col .position { margin: 0 0 6px; font-size: 12px; font-weight: 600; }
dl { margin: 0; display: grid; grid-template-columns: auto auto; gap: 1px 10px; }
dt { color: var(--mp-muted); white-space: nowrap; }
dd { margin: 0; text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.col.risk-danger dd[data-figure="liquidationPrice"], .col.risk-danger dd[data-figure="liquidationDistance"] { color: var(--danger); font-weight: 700; }
.col.risk-warn dd[data-figure="liquidationPrice"], .col.risk-warn dd[data-figure="liquidationDistance"] { color: var(--warn); font-weight: 700; }
.warnings { margin: 6px 0 0; padding: 0; list-style: none; }
.warnings li { margin: 2px 0; padding-left: 6px; border-left: 3px solid var(--info); }
.warnings li.sev-warn { border-left-color: var(--warn); color: var(--warn); }
.warnings li.sev-danger { border-left-color: var(--danger); color: var(--danger); }
details { margin-top: 6px; color: var(--mp-muted); }
summary { cursor: pointer; }
details ul { margin: 4px 0 0; padding-left: 16px; }
.chart { margin-top: 6px; color: var(--mp-fg); }
.chart svg { display: block; width: 100%; height: auto; }
/* Teach mode and the page report (PageTools.tsx). */
.teach { margin: 6px 8px; padding: 6px 8px; border-radius: 6px; border: 2px solid var(--mp-accent); background: var(--mp-surface); }
.teach:focus-visible { outline: 2px solid var(--mp-focus); outline-offset: 1px; }
.hint, .taught { margin: 4px 0; color: var(--mp-muted); }
.tools { margin-top: 6px; }
.choices { display: flex; flex-wrap: wrap; gap: 4px 8px; margin: 4px 0; }
.choices button { font: inherit; color: var(--mp-fg); background: var(--mp-bg); border: 1px solid var(--mp-border); border-radius: 4px; padding: 2px 8px; cursor: pointer; }
.choices button:focus-visible { outline: 2px solid var(--mp-focus); outline-offset: 1px; }
.report { box-sizing: border-box; width: 100%; font: 11px/1.3 ui-monospace, monospace; color: var(--mp-fg); background: var(--mp-surface); }
`;
