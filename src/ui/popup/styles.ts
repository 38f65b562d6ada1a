// The popup's layout; colours come from the theme's custom properties (src/ui/theme.ts), so both
// themes keep their checked contrast. Focus is always visible (the theme's :focus-visible ring).
export const POPUP_CSS = `
html, body { margin: 0; background: var(--mp-bg); color: var(--mp-fg); }
body { width: 400px; max-height: 590px; overflow-y: auto; font: 13px/1.4 system-ui, sans-serif; }
main { padding: 10px 14px 14px; }
h1 { font-size: 15px; margin: 0 0 2px; }
h2 { font-size: 13px; margin: 14px 0 6px; }
.source { margin: 0 0 8px; color: var(--mp-muted); }
.source[data-source="example"] { font-style: italic; }
.grid { display: grid; grid-template-columns: 1fr 1fr; gap: 4px 10px; }
.field { display: flex; flex-direction: column; min-width: 0; }
.field.wide { grid-column: 1 / -1; }
.field label, .field .label { font-weight: 600; font-size: 12px; }
.row { display: flex; gap: 6px; align-items: center; }
input, select, button { font: inherit; color: var(--mp-fg); background: var(--mp-input-bg); border: 1px solid var(--mp-border); border-radius: 4px; }
input, select { padding: 3px 5px; min-width: 0; }
input:not([type]), input[type="text"] { width: 100%; box-sizing: border-box; }
input[aria-invalid="true"] { border-color: var(--mp-danger); border-width: 2px; }
input[type="range"] { width: 100%; accent-color: var(--mp-accent); }
button { padding: 3px 10px; cursor: pointer; }
button.primary { background: var(--mp-accent); color: var(--mp-on-accent); border-color: var(--mp-accent); }
.unit { color: var(--mp-muted); white-space: nowrap; }
.hint { margin: 1px 0 0; color: var(--mp-muted); font-size: 12px; }
.error { margin: 1px 0 0; color: var(--mp-danger); font-size: 12px; font-weight: 600; }
fieldset { border: 1px solid var(--mp-border); border-radius: 4px; margin: 8px 0; padding: 4px 8px 8px; }
legend { font-weight: 600; font-size: 12px; }
dl.figures { display: grid; grid-template-columns: 1fr auto; gap: 2px 10px; margin: 0; }
dl.figures dt { color: var(--mp-muted); }
dl.figures dd { margin: 0; text-align: right; font-variant-numeric: tabular-nums; font-weight: 600; }
dl.figures [data-figure="liquidationPrice"] { font-size: 15px; }
.note { margin: 4px 0; padding: 4px 6px; border-left: 3px solid var(--mp-border); background: var(--mp-surface); }
.note[data-severity="danger"], li[data-severity="danger"] { border-color: var(--mp-danger); }
.note[data-severity="warn"], li[data-severity="warn"] { border-color: var(--mp-warn); }
.message { margin: 6px 0; padding: 6px; background: var(--mp-surface); border-left: 3px solid var(--mp-warn); }
.message[data-tone="neutral"] { border-left-color: var(--mp-muted); }
.detail { color: var(--mp-muted); font-size: 11px; }
details { margin-top: 6px; }
summary { cursor: pointer; font-weight: 600; }
details ul { margin: 4px 0; padding-left: 18px; }
li[data-severity] { border-left: 3px solid var(--mp-border); padding-left: 4px; list-style: none; margin-left: -18px; }
.positions .position { border-top: 1px solid var(--mp-border); padding-top: 4px; margin-top: 4px; }
.actions { display: flex; gap: 8px; flex-wrap: wrap; margin-top: 8px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; border: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.summary { position: sticky; top: 0; z-index: 2; display: flex; gap: 8px; align-items: baseline; flex-wrap: wrap; margin: 0 -14px 8px; padding: 6px 14px; background: var(--mp-surface); border-bottom: 1px solid var(--mp-border); border-left: 4px solid var(--mp-border); font-variant-numeric: tabular-nums; }
.summary .verdict { font-size: 11px; font-weight: 700; padding: 1px 5px; border-radius: 3px; border: 1px solid currentColor; }
.summary strong { font-size: 15px; }
.summary-label { color: var(--mp-muted); }
.summary[data-risk="danger"] { border-left-color: var(--mp-danger); }
.summary[data-risk="danger"] strong, .summary[data-risk="danger"] [data-summary-figure], .summary[data-risk="danger"] .verdict { color: var(--mp-danger); }
.summary[data-risk="warn"] { border-left-color: var(--mp-warn); }
.summary[data-risk="warn"] strong, .summary[data-risk="warn"] [data-summary-figure], .summary[data-risk="warn"] .verdict { color: var(--mp-warn); }
.summary[data-risk="ok"] { border-left-color: var(--mp-ok); }
.summary[data-risk="ok"] .verdict { color: var(--mp-ok); }
.status { min-height: 1.2em; margin: 2px 0; color: var(--mp-ok); }
.page-actions { padding: 0 14px 14px; border-top: 1px solid var(--mp-border); }
.page-actions .hint:empty { display: none; }
.report-text { width: 100%; box-sizing: border-box; margin-top: 6px; font: 11px/1.3 ui-monospace, monospace; color: var(--mp-fg); background: var(--mp-input-bg); border: 1px solid var(--mp-border); border-radius: 4px; }
`;
