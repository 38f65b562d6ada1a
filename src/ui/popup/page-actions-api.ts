// The popup's page actions as requests to the background (popup→bg:page-status, page-action):
// each answer is checked (page-action.ts) and anything else, a rejection included, counts as "no".
import { parseActionAnswer, parseReportAnswer, parseStatusAnswer, type PageAction } from '../../messaging/page-action';
import type { PopupApi } from './current-order';

export type PageSender = PopupApi['runtime'];

async function ask<T>(
  runtime: PageSender,
  message: Parameters<PageSender['sendMessage']>[0],
  read: (v: unknown) => T,
  none: T,
) {
  try {
    return read(await runtime.sendMessage(message));
  } catch {
    return none;
  }
}

/** Whether the tab has our content script on a venue page (its market port is open). */
export const pageConnected = (runtime: PageSender, tabId: number): Promise<boolean> =>
  ask(runtime, { type: 'popup→bg:page-status', tabId }, parseStatusAnswer, false);

/** Starts teach mode on the tab's page; false when the page could not be reached. */
export const startTeach = (runtime: PageSender, tabId: number): Promise<boolean> =>
  ask(runtime, { type: 'popup→bg:page-action', tabId, action: 'teach' satisfies PageAction }, parseActionAnswer, false);

/** The page's report text, or null (no page, no answer in time, or none to give). */
export const fetchReport = (runtime: PageSender, tabId: number): Promise<string | null> =>
  ask(runtime, { type: 'popup→bg:page-action', tabId, action: 'report' satisfies PageAction }, parseReportAnswer, null);
