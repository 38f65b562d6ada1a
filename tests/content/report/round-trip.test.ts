// @vitest-environment happy-dom
// A report round-trips into a fixture page the reader reads (issue 14): page → report (JSON
// text, as the trader copies it) → npm run fixture:from-report's skeleton → the venue's reader,
// for every venue's first and second generation and every other page the reader reads.
import { describe, expect, it } from 'vitest';
import { venueVocabulary } from '../../../scripts/lib/venue-vocabulary';
import { buildPageReport, pageReportText } from '../../../src/content/page-report';
import { parsePageReport } from '../../../src/content/report/parse';
import { EXAMPLE_ORDER, skeletonHtml } from '../../../src/content/report/skeleton';
import type { FormReading, OrderForm } from '../../../src/venues/types';
import { loadPage, ROOT_DIR } from '../../readers/load';
import { GENERATION_PAGES, REPORT_PAGES, type ReportPage } from './pages';

function roundTrip(
  { page, url, reader }: ReportPage,
  order = EXAMPLE_ORDER,
): { before: FormReading; after: FormReading } {
  const doc = loadPage(page);
  const at = new URL(url);
  const before = reader.read(doc, at);
  const text = pageReportText(buildPageReport({ doc, url: at, reader, reading: before, version: '0.1.0' }));
  const html = skeletonHtml(parsePageReport(JSON.parse(text)), {
    order,
    vocabulary: venueVocabulary(ROOT_DIR, reader.venue),
  });
  const after = reader.read(new DOMParser().parseFromString(html, 'text/html'), at);
  return { before, after };
}

const orderOf = (reading: FormReading): OrderForm => {
  if (reading.status !== 'ok') throw new Error(`not read: ${reading.missing.join(', ')}`);
  return reading.form;
};

describe.each(GENERATION_PAGES)('report of $page → fixture skeleton', (page) => {
  it('is read as the same order, with the example price and size', () => {
    const { before, after } = roundTrip(page);
    const original = orderOf(before);
    const skeleton = orderOf(after);
    expect(skeleton.price).toBe(EXAMPLE_ORDER.price);
    expect(skeleton.size).toEqual({ unit: original.size.unit, value: EXAMPLE_ORDER.size });
    const same = ({ venue, symbol, side, type, marginMode, marginEnabled }: OrderForm) => ({
      venue,
      symbol,
      side,
      type,
      marginMode,
      marginEnabled,
    });
    expect(same(skeleton)).toEqual(same(original));
  });

  it('carries another example order through', () => {
    const skeleton = orderOf(roundTrip(page, { price: '64000.5', size: '0.25' }).after);
    expect([skeleton.price, skeleton.size.value]).toEqual(['64000.5', '0.25']);
  });
});

const othersRead = REPORT_PAGES.filter((p) => !GENERATION_PAGES.includes(p));

describe.each(othersRead)('report of $page → fixture skeleton', (page) => {
  it('reads as the page did', () => {
    const { before, after } = roundTrip(page);
    expect(after.status).toBe(before.status);
  });
});
