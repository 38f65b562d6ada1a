// Every venue fixture page in e2e/fixtures/pages with the URL its reader reads it at: the venue's
// fixture URL, with the page's language as the locale segment where the file name has one
// (binance-usdm.gen2-ru.html → /ru/futures/BTCUSDT).
import { readdirSync } from 'node:fs';
import type { VenueReader } from '../../../src/venues/readers';
import { READERS } from '../../../src/venues/readers';
import { FIXTURES } from '../../venues/fixture-pages';
import { PAGES_DIR } from '../../readers/load';

export interface ReportPage {
  page: string;
  url: string;
  reader: VenueReader;
}

function urlFor(venue: VenueReader['venue'], page: string): string {
  const url = new URL(FIXTURES[venue].url);
  const lang = /\.gen\d-([a-z]{2}(?:-[A-Z]{2})?)\.html$/.exec(page)?.[1];
  if (lang === undefined) return url.href;
  const rest = url.pathname.replace(/^\/en\//, '/');
  return new URL(`/${lang}${rest}${url.search}`, url.origin).href;
}

export const REPORT_PAGES: ReportPage[] = readdirSync(PAGES_DIR)
  .filter((page) => page.endsWith('.html'))
  .flatMap((page) => {
    const reader = READERS.find((r) => page.startsWith(`${r.venue}.`));
    return reader === undefined ? [] : [{ page, url: urlFor(reader.venue, page), reader }];
  });

/** The first and second generation of every venue, in English. */
export const GENERATION_PAGES: ReportPage[] = REPORT_PAGES.filter(
  ({ page, reader }) => page === `${reader.venue}.html` || /\.gen2(-oneway)?\.html$/.test(page),
);
