// The popup's page actions (popup→bg:page-action, popup→bg:page-status): "Point at the fields"
// and "Copy a report of this page" reach the tab's page through the relay. Only our own extension
// pages may ask (classifySender): a content script asking for another tab's report would read a
// page it has no business with.
import type { PageActionAnswer, PageReportAnswer, PageStatusAnswer } from '../../messaging/page-action';
import { parsePopupPageRequest } from '../../messaging/page-action';
import type { Log } from '../env';
import { classifySender, type SenderLike } from './classify-sender';
import type { PageRelay } from './page-relay';

export interface PageActionHandlerOptions {
  extensionId: string;
  /** Origin of our own pages, e.g. "chrome-extension://<id>". */
  extensionOrigin: string;
  relay: PageRelay;
  log: Log;
}

export type PageAnswer = PageActionAnswer | PageReportAnswer | PageStatusAnswer;

/** runtime.onMessage listener: a promise of the answer, or undefined (no answer) for anything else. */
export function createPageActionHandler({
  extensionId,
  extensionOrigin,
  relay,
  log,
}: PageActionHandlerOptions): (message: unknown, sender: SenderLike) => Promise<PageAnswer> | undefined {
  return (message, sender) => {
    const request = parsePopupPageRequest(message);
    if (request === null) return undefined;
    if (classifySender(sender, extensionId, extensionOrigin).kind !== 'extension-page') {
      log.warn('Margin Preflight: refused a page action that did not come from our own pages');
      return undefined;
    }
    const { tabId } = request;
    if (request.type === 'popup→bg:page-status')
      return Promise.resolve({ type: 'bg→popup:page-status', connected: relay.connected(tabId) });
    if (request.action === 'teach') return Promise.resolve({ type: 'bg→popup:page-action', ok: relay.teach(tabId) });
    return relay.report(tabId).then((report) => ({ type: 'bg→popup:page-report', report }));
  };
}
