// @vitest-environment happy-dom
// The popup's page actions against a fake background: off without a content script on the tab
// (asked again a few times: a waking worker has no ports yet), teach closes the popup once the
// page has it, the report goes to the clipboard, or into a text area when copying is refused.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PageActions, STATUS_RETRIES, STATUS_RETRY_MS } from '../../src/ui/popup/page-actions';
import type { PageSender } from '../../src/ui/popup/page-actions-api';

const REPORT = JSON.stringify({ format: 'margin-preflight-page-report', venue: 'okx-swap' }, null, 2);

let container: HTMLElement;
let sent: unknown[];
let answers: { status: () => unknown; teach: () => unknown; report: () => unknown };
let closed: number;
let copied: string[];
let copyFails: boolean;

const runtime: PageSender = {
  sendMessage: async (message) => {
    sent.push(message);
    if (message.type === 'popup→bg:page-status') return answers.status();
    if (message.type === 'popup→bg:page-action') return message.action === 'teach' ? answers.teach() : answers.report();
    throw new Error(`unexpected ${message.type}`);
  },
};

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  sent = [];
  closed = 0;
  copied = [];
  copyFails = false;
  answers = {
    status: () => ({ type: 'bg→popup:page-status', connected: true }),
    teach: () => ({ type: 'bg→popup:page-action', ok: true }),
    report: () => ({ type: 'bg→popup:page-report', report: REPORT }),
  };
});
afterEach(() => {
  render(null, container);
  container.remove();
  vi.useRealTimers();
});

const settle = () =>
  act(async () => {
    for (let i = 0; i < 3; i++) await new Promise((r) => setTimeout(r, 0));
  });

async function open(tabId: number | null = 7): Promise<void> {
  render(
    <PageActions
      runtime={runtime}
      tabId={tabId}
      close={() => closed++}
      copy={async (text) => {
        if (copyFails) throw new DOMException('Document is not focused.', 'NotAllowedError');
        copied.push(text);
      }}
    />,
    container,
  );
  await settle();
}

const button = (action: string) => container.querySelector<HTMLButtonElement>(`[data-action="${action}"]`)!;
const status = () => container.querySelector('[data-report]')!;
async function click(action: string): Promise<void> {
  await act(() => button(action).click());
  await settle();
}

describe('popup page actions', () => {
  it('are off for a tab without our content script, asking again a few times', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    answers.status = () => ({ type: 'bg→popup:page-status', connected: false });
    render(<PageActions runtime={runtime} tabId={7} close={() => closed++} copy={async () => undefined} />, container);
    for (let i = 0; i <= STATUS_RETRIES + 2; i++)
      await act(async () => {
        await vi.advanceTimersByTimeAsync(STATUS_RETRY_MS);
      });
    expect(sent).toHaveLength(1 + STATUS_RETRIES);
    expect(sent[0]).toEqual({ type: 'popup→bg:page-status', tabId: 7 });
    expect(button('teach').disabled).toBe(true);
    expect(button('report').disabled).toBe(true);
    expect(container.textContent).toContain('Open an exchange page the extension runs on');
  });

  it('come on when a waking background finds the page on a later ask', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let asked = 0;
    answers.status = () => ({ type: 'bg→popup:page-status', connected: ++asked >= 2 });
    render(<PageActions runtime={runtime} tabId={7} close={() => closed++} copy={async () => undefined} />, container);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(STATUS_RETRY_MS * 3);
    });
    expect(asked).toBe(2);
    expect(button('teach').disabled).toBe(false);
  });

  it('are off without a tab, and ask nothing', async () => {
    await open(null);
    expect(sent).toEqual([]);
    expect(button('teach').disabled).toBe(true);
  });

  it('teach: starts teach mode on the page and closes the popup', async () => {
    await open();
    await click('teach');
    expect(sent).toContainEqual({ type: 'popup→bg:page-action', tabId: 7, action: 'teach' });
    expect(closed).toBe(1);
  });

  it('teach: stays open and says so when the page cannot be reached', async () => {
    answers.teach = () => ({ type: 'bg→popup:page-action', ok: false });
    await open();
    await click('teach');
    expect(closed).toBe(0);
    expect(status().getAttribute('data-report')).toBe('teach-failed');
    expect(status().textContent).toBe('The page could not be reached. Reload it and try again.');
  });

  it('report: copies the page’s report to the clipboard', async () => {
    await open();
    await click('report');
    expect(sent).toContainEqual({ type: 'popup→bg:page-action', tabId: 7, action: 'report' });
    expect(copied).toEqual([REPORT]);
    expect(status().getAttribute('data-report')).toBe('copied');
    expect(container.querySelector('textarea')).toBeNull();
  });

  it('report: shows it to copy by hand when the clipboard refuses', async () => {
    copyFails = true;
    await open();
    await click('report');
    const area = container.querySelector('textarea')!;
    expect(area.value).toBe(REPORT);
    expect(area.readOnly).toBe(true);
    expect(status().getAttribute('data-report')).toBe('shown');
  });

  it('report: says so when the page gave none (no answer in time, or a malformed one)', async () => {
    answers.report = () => ({ type: 'bg→popup:page-report', report: null });
    await open();
    await click('report');
    expect(status().getAttribute('data-report')).toBe('failed');
    answers.report = () => ({ type: 'bg→popup:page-report', report: 'rm -rf /' });
    await click('report');
    expect(copied).toEqual([]);
    expect(status().textContent).toBe('The page gave no report. Reload it and try again.');
  });
});
