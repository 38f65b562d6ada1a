// The popup's page actions (issue 14): "Point at the fields" and "Copy a report of this page".
// The popup has no way into the page itself, so it asks the background, which forwards the action
// over the tab's market port (the channel whose sender it already checked) and relays the page's
// report back. One schema per message, regex only (the content script imports this file too);
// the types are inferred from them, so the schema is the one description of each message.
import {
  boolean,
  check,
  literal,
  nullable,
  number,
  object,
  oneOf,
  refine,
  string,
  variant,
  type Infer,
} from '../schema';

export const PAGE_ACTIONS = ['teach', 'report'] as const;
export type PageAction = (typeof PAGE_ACTIONS)[number];

/**
 * Longest report text relayed (characters). The page report's snapshot is capped at 3,000 nodes
 * (src/content/report/snapshot.ts); its pretty JSON measured 270–410 characters a node on the
 * fixture pages, and a real page nests deeper (more indentation, more classes), so this leaves
 * room for ~1,300 a node. It only keeps a hostile page from pushing without end through the
 * background into the clipboard (a port message may carry far more).
 */
export const MAX_PAGE_REPORT = 4_000_000;

const tabId = number({ integer: true, min: 0 });
const requestId = number({ integer: true, min: 1 });
const action = oneOf(PAGE_ACTIONS);

/** A report is a JSON object (pageReportText's pretty JSON), never any text a page likes. */
const reportText = refine(
  string({ min: 2, max: MAX_PAGE_REPORT }),
  (text) => {
    try {
      const value: unknown = JSON.parse(text);
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    } catch {
      return false;
    }
  },
  'is not a JSON object',
);

// popup → background (runtime.sendMessage, answered by a promise)
export const pageActionRequest = object({ type: literal('popup→bg:page-action'), tabId, action });
/** Whether the tab has our content script on a venue page (an open market port): the buttons' enabled state. */
export const pageStatusRequest = object({ type: literal('popup→bg:page-status'), tabId });

// background → content script (over the tab's market port)
export const pageActionCommand = object({ type: literal('bg→cs:page-action'), requestId, action });

// content script → background (over the same port); null: the page has no report to give.
export const pageReportMessage = object({
  type: literal('cs→bg:page-report'),
  requestId,
  report: nullable(reportText),
});

// background → popup (the answers)
export const pageReportAnswer = object({ type: literal('bg→popup:page-report'), report: nullable(reportText) });
/** ok: the action reached the page's content script (teach has nothing to send back). */
export const pageActionAnswer = object({ type: literal('bg→popup:page-action'), ok: boolean });
export const pageStatusAnswer = object({ type: literal('bg→popup:page-status'), connected: boolean });

export type PageActionRequest = Infer<typeof pageActionRequest>;
export type PageStatusRequest = Infer<typeof pageStatusRequest>;
export type PageActionCommand = Infer<typeof pageActionCommand>;
export type PageReportMessage = Infer<typeof pageReportMessage>;
export type PageReportAnswer = Infer<typeof pageReportAnswer>;
export type PageActionAnswer = Infer<typeof pageActionAnswer>;
export type PageStatusAnswer = Infer<typeof pageStatusAnswer>;

const popupRequest = variant('type', {
  'popup→bg:page-action': pageActionRequest,
  'popup→bg:page-status': pageStatusRequest,
});

/** A page-action or page-status request from the popup, or null (not one: another listener's). */
export function parsePopupPageRequest(v: unknown): PageActionRequest | PageStatusRequest | null {
  const checked = check(popupRequest, v);
  return checked.ok ? checked.value : null;
}

/** The message a content script receives, or null; the failure path is the caller's to log. */
export const checkPageActionCommand = (v: unknown) => check(pageActionCommand, v);

/** A page's report as the background accepts it, or null. */
export function parsePageReport(v: unknown): PageReportMessage | null {
  const checked = check(pageReportMessage, v);
  return checked.ok ? checked.value : null;
}

/** Whether a port message claims to be a page report (then it is checked as one, not as a form). */
export const claimsPageReport = (v: unknown): boolean =>
  typeof v === 'object' && v !== null && (v as { type?: unknown }).type === 'cs→bg:page-report';

/** The popup's check of each answer: the wrong type, or anything malformed, is no answer. */
export const parseReportAnswer = (v: unknown): string | null => {
  const checked = check(pageReportAnswer, v);
  return checked.ok ? checked.value.report : null;
};
export const parseActionAnswer = (v: unknown): boolean => {
  const checked = check(pageActionAnswer, v);
  return checked.ok && checked.value.ok;
};
export const parseStatusAnswer = (v: unknown): boolean => {
  const checked = check(pageStatusAnswer, v);
  return checked.ok && checked.value.connected;
};
