// What the content script gets from the lazily imported overlay module (src/ui/overlay/page-ui.ts).
// Types only: a value import would bundle the overlay into every venue's content script again.
import type { mountOverlay } from '../ui/overlay/mount';
import type { buildView } from '../ui/overlay/view-model';
import type { buildPageReport, pageReportText } from './page-report';
import type { createTeaching } from './teach/teaching';

export interface PageUi {
  mountOverlay: typeof mountOverlay;
  buildView: typeof buildView;
  buildPageReport: typeof buildPageReport;
  pageReportText: typeof pageReportText;
  createTeaching: typeof createTeaching;
}

/** The module now if it is in, else when it arrives. */
export type PageUiSource = () => PageUi | Promise<PageUi>;

/** Runs `use` with the module: at once when it is in (a click's user activation still holds), else on arrival. */
export function withPageUi<T>(source: PageUiSource, use: (ui: PageUi) => T): T | Promise<T> {
  const ui = source();
  return 'then' in ui ? ui.then(use) : use(ui);
}

/** Where the built module is, relative to the extension's root (vite.config.ts writes it there). */
export const PAGE_UI_PATH = 'src/ui/overlay/page-ui.js';

/** The module's exports as checked on arrival: a wrong or missing file gives an error, not a crash later. */
export function asPageUi(module: unknown): PageUi {
  const m = module as Partial<PageUi> | null;
  if (
    typeof m?.mountOverlay !== 'function' ||
    typeof m.buildView !== 'function' ||
    typeof m.buildPageReport !== 'function' ||
    typeof m.pageReportText !== 'function' ||
    typeof m.createTeaching !== 'function'
  )
    throw new Error('the overlay module did not load');
  const { mountOverlay, buildView, buildPageReport, pageReportText, createTeaching } = m;
  return { mountOverlay, buildView, buildPageReport, pageReportText, createTeaching };
}
