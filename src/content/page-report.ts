// "Copy a report of this page" (issue 14): when a form is not recognised, the trader can hand
// us the page's structure — never its figures — and we turn it into a fixture page
// (npm run fixture:from-report). Content-side and cheap: one findAll per selector key and one
// walk over a capped number of elements; no engine, no decimal.js.
import type { VenueReader } from '../venues/readers';
import type { FormReading } from '../venues/types';
import { commonAncestor } from '../venues/dom/query';
import { accountPanels, matchKeys } from './report/keys';
import { maskDigits, maskedText } from './report/mask';
import { snapshot } from './report/snapshot';
import { REPORT_FORMAT, type PageReport } from './report/types';

export type { PageReport, ReportChild, ReportNode } from './report/types';

export interface PageReportInput {
  doc: Document;
  url: URL;
  reader: VenueReader;
  reading: FormReading;
  /** The extension's version (the content side has it from the runtime manifest). */
  version: string;
}

/** Levels above the form (or what the keys found) the snapshot starts: the form's surroundings. */
const LEVELS_UP = 2;

function snapshotRoot(
  doc: Document,
  formRoot: Element | null,
  matched: Element[],
): { root: Element; around: PageReport['around'] } {
  const body = doc.body ?? doc.documentElement;
  const start = formRoot ?? matched.reduce<Element | null>((a, b) => (a === null ? b : commonAncestor(a, b)), null);
  if (start === null) return { root: body, around: 'body' };
  // Everything the keys found is inside: a reader fix needs the header's symbol as much as the form.
  let root = matched.reduce<Element>((a, b) => commonAncestor(a, b) ?? body, start);
  for (let level = 0; level < LEVELS_UP && root !== body && root.parentElement !== null; level += 1) {
    root = root.parentElement;
  }
  if (!body.contains(root)) root = body;
  return { root, around: formRoot !== null ? 'form' : 'keys' };
}

export function buildPageReport({ doc, url, reader, reading, version }: PageReportInput): PageReport {
  const formRoot = reader.formRoot(doc);
  const matches = matchKeys(doc, reader.selectors(doc, url), formRoot);
  const { root, around } = snapshotRoot(doc, formRoot, [...matches.byElement.keys()]);
  const shot = snapshot(root, { keysOf: matches.byElement, shapes: accountPanels(matches, formRoot), formRoot });
  const taught = (reading as { taught?: string[] }).taught;
  return {
    format: REPORT_FORMAT,
    version,
    venue: reader.venue,
    path: maskDigits(url.pathname),
    lang: maskedText(doc.documentElement.lang),
    status: reading.status,
    missing: reading.status === 'ok' ? [] : reading.missing.map(maskDigits),
    found: matches.found,
    several: matches.several,
    missed: matches.missed,
    ...(taught !== undefined && taught.length > 0 ? { taught: [...taught] } : {}),
    around,
    truncated: shot.truncated,
    snapshot: shot.node,
  };
}

/** The report as the trader copies it: pretty JSON, readable in an issue. */
export function pageReportText(report: PageReport): string {
  return JSON.stringify(report, null, 2);
}
