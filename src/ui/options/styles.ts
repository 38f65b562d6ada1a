// The options page's layout; colours only through the theme's custom properties (src/ui/theme.ts),
// so both themes keep their checked contrast. Injected as text: no extra stylesheet request.
export const OPTIONS_CSS = `
html { background: var(--mp-bg); color: var(--mp-fg); }
body { margin: 0; padding: 12px 16px 48px; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; max-width: 760px; }
h1 { font-size: 18px; margin: 0 0 12px; }
h2 { font-size: 16px; margin: 20px 0 8px; }
h4 { margin: 8px 0 2px; font-size: 13px; }
fieldset { border: 1px solid var(--mp-border); border-radius: 6px; margin: 0 0 12px; padding: 8px 12px 10px; }
legend { font-weight: 600; padding: 0 4px; }
.field { margin: 8px 0; display: grid; gap: 2px; }
.field label { font-weight: 500; }
input[type="text"] { font: inherit; padding: 4px 6px; max-width: 14em; color: var(--mp-fg); background: var(--mp-input-bg); border: 1px solid var(--mp-border); border-radius: 4px; }
input[type="file"] { font: inherit; color: var(--mp-fg); }
input[aria-invalid="true"] { border: 2px solid var(--mp-danger); }
input[type="checkbox"], input[type="radio"] { accent-color: var(--mp-accent); width: 16px; height: 16px; margin: 0; }
.check { display: flex; align-items: center; gap: 8px; margin: 6px 0; }
.help { margin: 0; color: var(--mp-muted); font-size: 13px; }
.error { margin: 0; color: var(--mp-danger); font-weight: 600; font-size: 13px; }
.fee-grid { display: grid; grid-template-columns: 1fr 1fr; column-gap: 16px; }
button { font: inherit; padding: 5px 12px; border-radius: 4px; cursor: pointer; color: var(--mp-fg); background: var(--mp-surface); border: 1px solid var(--mp-border); }
button.primary { color: var(--mp-on-accent); background: var(--mp-accent); border-color: var(--mp-accent); font-weight: 600; }
button.danger { color: var(--mp-on-status); background: var(--mp-danger); border-color: var(--mp-danger); font-weight: 600; }
.actions, .row { display: flex; align-items: center; gap: 12px; margin: 8px 0; }
.dirty { color: var(--mp-warn); font-weight: 600; }
.confirm { margin: 8px 0; padding: 8px 12px; border: 2px solid var(--mp-danger); border-radius: 6px; background: var(--mp-surface); display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
.confirm p { flex-basis: 100%; margin: 0 0 4px; }
/* Always in view while the form scrolls, so "Saved" or a refusal is seen as well as heard. */
.status { position: sticky; bottom: 0; margin: 12px 0 0; padding: 6px 8px; min-height: 1.45em; background: var(--mp-surface); border-top: 1px solid var(--mp-border); font-weight: 600; }
.status:empty { padding: 0; border: 0; min-height: 0; }
details.venue { margin: 4px 0; padding: 4px 8px; border: 1px solid var(--mp-border); border-radius: 6px; }
summary { cursor: pointer; font-weight: 600; }
code { font-size: 12px; }
.venue ul { margin: 2px 0 4px; padding-left: 20px; }
.taught-list ul { margin: 4px 0 8px; padding: 0; list-style: none; }
li.taught { display: grid; grid-template-columns: 1fr auto; column-gap: 12px; align-items: center; padding: 6px 8px; margin: 4px 0; border: 1px solid var(--mp-border); border-radius: 6px; }
li.taught > button { grid-row: 1 / span 2; grid-column: 2; }
`;
