// Teach mode and the page report as a session uses them: this page's taught locators installed
// before the first reading (dom/taught.ts), the teach flow (teaching.ts) reading the form again
// after each pick, and the report built from the reading the session holds (page-report.ts).
import { pageKeyOf } from '../../settings/taught';
import type { Locator } from '../../venues/dom/locator';
import { installTaught } from '../../venues/dom/taught';
import type { VenueReader } from '../../venues/readers';
import type { FormReading } from '../../venues/types';
import type { OverlayDrawer } from '../overlay-drawer';
import type { PageReport } from '../page-report';
import { withPageUi, type PageUi, type PageUiSource } from '../page-ui';
import type { TaughtStore } from './taught-store';
import type { Teaching } from './teaching';
import type { ToolActions } from '../../ui/overlay/tools-types';

export interface SessionTeachDeps {
  win: Window;
  doc: Document;
  signal: AbortSignal;
  reader: VenueReader;
  drawer: Pick<OverlayDrawer, 'tools' | 'outline' | 'owns'>;
  /** The taught fields of every page; without a store (tests of other things) nothing is taught or kept. */
  store: TaughtStore | undefined;
  /** The extension's version, for the report. */
  version: string;
  url: () => URL;
  reading: () => FormReading | null;
  /** Reads the form again, now. */
  read: () => void;
  /** The overlay's module, which builds the report (page-ui.ts). */
  pageUi: PageUiSource;
}

export interface SessionTeach {
  teaching: Teaching;
  /** The report of the form as last read (null before the first reading), when the module that builds it is in. */
  report(): Promise<PageReport | null>;
  /** The same as text (page-report.ts); at once when the module is in. */
  reportText(): string | null | Promise<string | null>;
  /** The stored fields changed elsewhere (the options page): read with them, unless a teach run is on. */
  storedChanged(): void;
}

export function attachTeaching(deps: SessionTeachDeps): SessionTeach {
  const { doc, reader, store } = deps;
  const pageKey = (): string => pageKeyOf(deps.url(), doc.documentElement?.lang ?? '');
  const stored = (): Readonly<Record<string, Locator>> | null => store?.locators(reader.venue, pageKey()) ?? null;
  const install = (locators: Readonly<Record<string, Locator>> | null): void => {
    try {
      installTaught(doc, reader.selectors(doc, deps.url()), locators);
    } catch {
      // A reader bug (it threw naming its table): the page is read by the built-in selectors alone.
    }
  };
  const use = (locators: Readonly<Record<string, Locator>> | null): void => {
    install(locators);
    deps.read();
  };
  const reportWith = (ui: PageUi): PageReport | null => {
    const reading = deps.reading();
    if (reading === null) return null;
    return ui.buildPageReport({ doc, url: deps.url(), reader, reading, version: deps.version });
  };
  const report = async (): Promise<PageReport | null> => withPageUi(deps.pageUi, reportWith);

  const reportText = (): string | null | Promise<string | null> =>
    withPageUi(deps.pageUi, (ui) => {
      const built = reportWith(ui);
      return built === null ? null : ui.pageReportText(built);
    });
  // The flow lives in the overlay's module (page-ui.ts): made when the module is in, which is by the
  // first draw; until then nothing of it can be on screen and no run is on.
  let flow: Teaching | null = null;
  const withFlow = <T>(act: (t: Teaching) => T): T | Promise<T> => {
    const done = withPageUi(deps.pageUi, (ui) => {
      flow ??= ui.createTeaching({
        ...deps,
        stored,
        use,
        persist: (locators) => store?.put(reader.venue, pageKey(), locators),
        reportText,
      });
      return act(flow);
    });
    // A module that cannot load is said once by the drawer; here it just means no flow (update runs per reading).
    if (done instanceof Promise) done.catch(() => undefined);
    return done;
  };
  // The overlay's buttons exist only once the module (and so the flow) is in.
  const actions: ToolActions = {
    teach: () => flow?.actions.teach(),
    cancel: () => flow?.actions.cancel(),
    skip: () => flow?.actions.skip(),
    choose: (unit) => flow?.actions.choose(unit),
    next: () => flow?.actions.next(),
    previous: () => flow?.actions.previous(),
    pick: () => flow?.actions.pick(),
    redo: () => flow?.actions.redo(),
    forget: () => flow?.actions.forget(),
    report: () => flow?.actions.report(),
  };
  const teaching: Teaching = {
    actions,
    // Before the module is in (the popup asked first) the run starts on its arrival: counted as started.
    start: (fresh) => {
      const started = withFlow((t) => t.start(fresh));
      return typeof started === 'boolean' ? started : true;
    },
    get active() {
      return flow?.active ?? false;
    },
    update: () => void withFlow((t) => t.update()),
  };

  install(stored());
  // The next session on this document installs its own; a stopped one leaves nothing behind.
  deps.signal.addEventListener('abort', () => install(null), { once: true });

  return {
    teaching,
    report,
    reportText,
    storedChanged: () => {
      if (!teaching.active) use(stored());
    },
  };
}
