// The overlay's code as one module the content script imports when it first draws (issue 15):
// Preact, the view model, the columns, the chart. The content script the browser evaluates on
// every page load keeps only what must run before the trader looks at the overlay: the venue's
// reader, the session and the submit guard (each venue's ≤ 27 KiB gzip budget). vite.config.ts
// builds this entry as a minified ES module and lists it as a web-accessible resource for the
// venues' trade pages only; src/content/ext-api.ts imports it by its extension URL.
export { mountOverlay } from './mount';
export { buildView } from './view-model';
// The page report ("Copy a report of this page"): built only when the trader asks for one.
export { buildPageReport, pageReportText } from '../../content/page-report';
// Teach mode's flow and picker: the overlay shows what they offer, so they arrive with it.
export { createTeaching } from '../../content/teach/teaching';
