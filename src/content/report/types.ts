// The page report (issue 14): what the trader hands us when a page is not recognised, so a
// reader fix starts from the real page. It is structure only: no digit from the page survives
// (every one is '#'), and the account panel and positions rows keep their shape, not their
// texts. Nothing in it is a number either (lists and flags only), so "no digit other than the
// extension version" is a test anyone can run on the JSON.

/** The report's format marker; a new layout gets a new marker (no digits: see above). */
export const REPORT_FORMAT = 'margin-preflight-page-report';

/** An element of the snapshot; a string child is a text (digits replaced). */
export interface ReportNode {
  tag: string;
  /** Kept attributes (ids, classes, roles, ARIA, types, labels' for, data-* without digits), digits replaced. */
  attrs?: Record<string, string>;
  /**
   * Id and id-reference attributes (id, for, aria-controls…) whose masked value several different
   * ids share ("pane-0", "pane-1" → "pane-#"): which of them this is, by letter in document
   * order ('a' first), so the skeleton keeps a label's `for` pointing at its own input.
   */
  distinct?: Record<string, string>;
  /** data-* attributes whose value held digits: the name only (their values are data, not vocabulary). */
  data?: string[];
  /** The reader's selector keys that found this element (findAll over the page). */
  keys?: string[];
  /** An input's or select's current value, digits replaced. */
  value?: string;
  /** Not visible to the trader (markup or stylesheet); the skeleton marks it `hidden`. */
  hidden?: true;
  /** Account panel or a table row: only tags, classes, roles and input types below (no texts). */
  shape?: true;
  /** Stands for a run of siblings of the same shape (rows collapsed into one). */
  repeated?: true;
  /** Children left out: the snapshot reached its node cap, or a table's rows past the first few dozen. */
  truncated?: true;
  children?: ReportChild[];
}

export type ReportChild = string | ReportNode;

export interface PageReport {
  format: typeof REPORT_FORMAT;
  /** The extension's version: the only field that may hold digits. */
  version: string;
  venue: string;
  /** The URL's path (no query, no hash), digits replaced. */
  path: string;
  /** The page's `<html lang>`, digits replaced. */
  lang: string;
  /** The reading the report was made with. */
  status: 'ok' | 'unrecognised';
  /** What the reader said was missing (empty when ok). */
  missing: string[];
  /** Selector keys of the page's table that found at least one visible element. */
  found: string[];
  /** Of those, the keys that found more than one (a copy, a decoy, or a list). */
  several: string[];
  /** Selector keys that found nothing. */
  missed: string[];
  /** Keys read through a locator the trader pointed at, when any. */
  taught?: string[];
  /** Where the snapshot starts: around the form root, around what the keys found, or the body. */
  around: 'form' | 'keys' | 'body';
  /** The snapshot stopped at its node cap. */
  truncated: boolean;
  snapshot: ReportNode;
}
