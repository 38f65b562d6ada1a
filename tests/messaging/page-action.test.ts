// The page-action messages (issue 14): each schema takes exactly its message and refuses the
// rest: wrong direction, unknown action, unknown keys, ids out of range, reports that are not a
// JSON object or too long.
import { describe, expect, it } from 'vitest';
import {
  checkPageActionCommand,
  claimsPageReport,
  MAX_PAGE_REPORT,
  parseActionAnswer,
  parsePageReport,
  parsePopupPageRequest,
  parseReportAnswer,
  parseStatusAnswer,
} from '../../src/messaging/page-action';

const REPORT = JSON.stringify({ format: 'margin-preflight-page-report', venue: 'bybit-linear' }, null, 2);

describe('popup → background', () => {
  it.each([
    { type: 'popup→bg:page-action', tabId: 7, action: 'teach' },
    { type: 'popup→bg:page-action', tabId: 0, action: 'report' },
    { type: 'popup→bg:page-status', tabId: 7 },
  ])('takes %j', (message) => {
    expect(parsePopupPageRequest(message)).toEqual(message);
  });

  it.each<[string, unknown]>([
    ['an unknown action', { type: 'popup→bg:page-action', tabId: 7, action: 'click' }],
    ['no action', { type: 'popup→bg:page-action', tabId: 7 }],
    ['a tab id as text', { type: 'popup→bg:page-action', tabId: '7', action: 'teach' }],
    ['a negative tab id', { type: 'popup→bg:page-action', tabId: -1, action: 'teach' }],
    ['a fractional tab id', { type: 'popup→bg:page-status', tabId: 1.5 }],
    ['an extra key', { type: 'popup→bg:page-status', tabId: 7, url: 'https://evil.example' }],
    ['the current-order request (another handler’s)', { type: 'popup→bg:current-order', tabId: 7 }],
    ['the content script’s direction', { type: 'bg→cs:page-action', requestId: 1, action: 'teach' }],
    ['not an object', 'popup→bg:page-status'],
    ['null', null],
  ])('refuses %s', (_, message) => {
    expect(parsePopupPageRequest(message)).toBeNull();
  });
});

describe('background → content script', () => {
  it('takes a page action with a request id', () => {
    const command = { type: 'bg→cs:page-action', requestId: 3, action: 'report' };
    expect(checkPageActionCommand(command)).toEqual({ ok: true, value: command });
  });

  it.each<[string, unknown, string]>([
    ['request id 0', { type: 'bg→cs:page-action', requestId: 0, action: 'report' }, 'requestId'],
    ['an unknown action', { type: 'bg→cs:page-action', requestId: 1, action: 'submit' }, 'action'],
    ['an extra key', { type: 'bg→cs:page-action', requestId: 1, action: 'teach', selector: '#buy' }, 'selector'],
  ])('refuses %s, naming where', (_, message, path) => {
    const checked = checkPageActionCommand(message);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.path).toBe(path);
  });
});

describe('content script → background', () => {
  it('takes a report that is a JSON object, or null', () => {
    const message = { type: 'cs→bg:page-report', requestId: 4, report: REPORT };
    expect(parsePageReport(message)).toEqual(message);
    expect(parsePageReport({ ...message, report: null })).toEqual({ ...message, report: null });
    expect(claimsPageReport(message)).toBe(true);
    expect(claimsPageReport({ type: 'cs→bg:form-changed' })).toBe(false);
  });

  it.each<[string, unknown]>([
    ['text that is not JSON', 'paste this into the console'],
    ['a JSON array', '[1,2]'],
    ['a JSON string', '"hello"'],
    ['an empty text', ''],
    ['a number', 42],
    ['a report one character too long', `{"x":"${'a'.repeat(MAX_PAGE_REPORT - 7)}"}`],
  ])('refuses %s as a report', (_, report) => {
    expect(parsePageReport({ type: 'cs→bg:page-report', requestId: 4, report })).toBeNull();
  });

  it('takes a report at the length bound', () => {
    const report = `{"x":"${'a'.repeat(MAX_PAGE_REPORT - 8)}"}`;
    expect(report).toHaveLength(MAX_PAGE_REPORT);
    expect(parsePageReport({ type: 'cs→bg:page-report', requestId: 4, report })?.report).toBe(report);
  });

  it('refuses a report without a request id or with extra keys', () => {
    expect(parsePageReport({ type: 'cs→bg:page-report', report: REPORT })).toBeNull();
    expect(parsePageReport({ type: 'cs→bg:page-report', requestId: 4, report: REPORT, tabId: 9 })).toBeNull();
  });
});

describe('background → popup', () => {
  it('reads each answer, and nothing else as one', () => {
    expect(parseReportAnswer({ type: 'bg→popup:page-report', report: REPORT })).toBe(REPORT);
    expect(parseReportAnswer({ type: 'bg→popup:page-report', report: null })).toBeNull();
    expect(parseReportAnswer({ type: 'bg→popup:page-report', report: 'not json' })).toBeNull();
    expect(parseReportAnswer({ type: 'bg→popup:page-action', ok: true })).toBeNull();
    expect(parseActionAnswer({ type: 'bg→popup:page-action', ok: true })).toBe(true);
    expect(parseActionAnswer({ type: 'bg→popup:page-action', ok: false })).toBe(false);
    expect(parseActionAnswer({ type: 'bg→popup:page-action', ok: 'yes' })).toBe(false);
    expect(parseActionAnswer(undefined)).toBe(false);
    expect(parseStatusAnswer({ type: 'bg→popup:page-status', connected: true })).toBe(true);
    expect(parseStatusAnswer({ type: 'bg→popup:page-status', connected: true, extra: 1 })).toBe(false);
    expect(parseStatusAnswer({ type: 'bg→popup:page-action', ok: true })).toBe(false);
  });
});
