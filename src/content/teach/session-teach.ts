// Teach mode and the page report as a session uses them: this page's taught locators installed
// before the first reading (dom/taught.ts), the teach flow (teaching.ts) reading the form again
// after each pick, and the report built from the reading the session holds (page-report.ts).
import { pageKeyOf } from '../../settings/taught';
import type { Locator } from '../../venues/dom/locator';
import { installTaught } from '../../venues/dom/taught';
import type { VenueReader } from '../../venues/readers';
import type { FormReading } from '../../venues/types';
import type { OverlayDrawer } from '../overlay-drawer';
import { buildPageReport, pageReportText, type PageReport } from '../page-report';
import type { TaughtStore } from './taught-store';
import { createTeaching, type Teaching } from './teaching';

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
}

export interface SessionTeach {
  teaching: Teaching;
  report(): PageReport | null;
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
  const report = (): PageReport | null => {
    const reading = deps.reading();
    if (reading === null) return null;
    return buildPageReport({ doc, url: deps.url(), reader, reading, version: deps.version });
  };

  const teaching = createTeaching({
    ...deps,
    stored,
    use,
    persist: (locators) => store?.put(reader.venue, pageKey(), locators),
    reportText: () => {
      const built = report();
      return built === null ? null : pageReportText(built);
    },
  });

  install(stored());
  // The next session on this document installs its own; a stopped one leaves nothing behind.
  deps.signal.addEventListener('abort', () => install(null), { once: true });

  return {
    teaching,
    report,
    storedChanged: () => {
      if (!teaching.active) use(stored());
    },
  };
}
