// "Point at the fields" and "Copy a report of this page" (issue 14), for the tab the popup opened
// on. Both act on the page's content script through the background, so they are enabled only while
// that tab has one on a venue page. Teaching happens on the page itself: once the page has the
// action, the popup closes and leaves the page to the pointer. The report goes to the clipboard;
// where the browser refuses that, it is shown to copy by hand.
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n';
import { fetchReport, pageConnected, startTeach, type PageSender } from './page-actions-api';

/**
 * A service worker that was asleep when the popup opened has no ports yet: the page's content
 * script reconnects within a second or so (its backoff starts at 250 ms), so "no page" is asked
 * again a few times before the buttons stay off.
 */
export const STATUS_RETRIES = 4;
export const STATUS_RETRY_MS = 700;

export interface PageActionsProps {
  runtime: PageSender;
  /** The tab the popup is for; null: none (the buttons stay off). */
  tabId: number | null;
  /** Closes the popup (window.close), so the user can point at the page. */
  close: () => void;
  copy: (text: string) => Promise<void>;
}

type ReportState = 'idle' | 'asking' | 'copied' | 'shown' | 'failed' | 'teach-failed';

const STATUS_TEXT = {
  idle: null,
  asking: 'popup_reportAsking',
  copied: 'popup_reportCopied',
  shown: 'popup_reportShown',
  failed: 'popup_reportFailed',
  'teach-failed': 'popup_teachFailed',
} as const;

export function PageActions({ runtime, tabId, close, copy }: PageActionsProps) {
  const [connected, setConnected] = useState(false);
  const [state, setState] = useState<ReportState>('idle');
  const [shown, setShown] = useState<string | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (tabId === null) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = async (left: number): Promise<void> => {
      const on = await pageConnected(runtime, tabId);
      if (!live) return;
      setConnected(on);
      if (!on && left > 0) timer = setTimeout(() => void check(left - 1), STATUS_RETRY_MS);
    };
    void check(STATUS_RETRIES);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [runtime, tabId]);

  useEffect(() => {
    area.current?.focus();
    area.current?.select();
  }, [shown]);

  const teach = async () => {
    if (tabId === null) return;
    setShown(null);
    if (await startTeach(runtime, tabId)) close();
    else setState('teach-failed');
  };
  const report = async () => {
    if (tabId === null) return;
    setShown(null);
    setState('asking');
    const text = await fetchReport(runtime, tabId);
    if (text === null) return setState('failed');
    try {
      await copy(text);
      setState('copied');
    } catch {
      setShown(text);
      setState('shown');
    }
  };

  const off = !connected || state === 'asking';
  const status = STATUS_TEXT[state];
  return (
    <section class="page-actions" aria-labelledby="page-actions-title" data-connected={String(connected)}>
      <h2 id="page-actions-title">{t('popup_pageActions')}</h2>
      <div class="actions">
        <button type="button" data-action="teach" disabled={off} onClick={() => void teach()}>
          {t('popup_teach')}
        </button>
        <button type="button" data-action="report" disabled={off} onClick={() => void report()}>
          {t('popup_report')}
        </button>
      </div>
      {connected ? null : <p class="hint">{t('popup_pageActionsOff')}</p>}
      <p class="hint" role="status" data-report={state}>
        {status === null ? '' : t(status)}
      </p>
      {shown === null ? null : (
        <textarea ref={area} class="report-text" readOnly rows={8} aria-label={t('popup_reportText')} value={shown} />
      )}
    </section>
  );
}
