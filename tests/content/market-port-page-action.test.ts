// The market port's page actions (issue 14): a valid bg→cs:page-action reaches onPageAction with
// its request id, anything malformed is dropped before it can start teach mode, and sendReport
// answers on the port — null (no report) for a text the background would refuse as too long.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openMarketPort } from '../../src/content/market-port';
import { MAX_PAGE_REPORT, parsePageReport } from '../../src/messaging/page-action';
import { FakeExt } from './fake-ext';

describe('openMarketPort: page actions', () => {
  let ext: FakeExt;
  let life: AbortController;
  const onQuotes = vi.fn();
  const onPageAction = vi.fn();

  beforeEach(() => {
    ext = new FakeExt();
    life = new AbortController();
    onQuotes.mockClear();
    onPageAction.mockClear();
    vi.spyOn(console, 'debug').mockImplementation(() => undefined);
  });
  afterEach(() => {
    life.abort();
    vi.restoreAllMocks();
  });

  const open = () =>
    openMarketPort({ ext, signal: life.signal, onQuotes, onInvalidated: () => undefined, onPageAction });

  it('hands a valid page action on with its request id, never as quotes', () => {
    open();
    ext.port.onMessage.emit({ type: 'bg→cs:page-action', requestId: 4, action: 'report' });
    ext.port.onMessage.emit({ type: 'bg→cs:page-action', requestId: 5, action: 'teach' });
    expect(onPageAction.mock.calls).toEqual([
      ['report', 4],
      ['teach', 5],
    ]);
    expect(onQuotes).not.toHaveBeenCalled();
  });

  it('drops malformed page actions, saying where they fail', () => {
    open();
    ext.port.onMessage.emit({ type: 'bg→cs:page-action', requestId: 4, action: 'click-buy' });
    ext.port.onMessage.emit({ type: 'bg→cs:page-action', requestId: -1, action: 'teach' });
    ext.port.onMessage.emit({ type: 'bg→cs:page-action', requestId: 4, action: 'teach', selector: 'button' });
    expect(onPageAction).not.toHaveBeenCalled();
    expect(vi.mocked(console.debug).mock.calls.map(([text]) => String(text))).toEqual([
      expect.stringContaining('page action from the background: action is not one of teach, report'),
      expect.stringContaining('requestId is not an integer in range'),
      expect.stringContaining('selector is an unknown key'),
    ]);
  });

  it('sends the report on the port as the background accepts it', () => {
    const port = open();
    const text = JSON.stringify({ format: 'margin-preflight-page-report' }, null, 2);
    expect(port.sendReport(4, text)).toBe(true);
    expect(port.sendReport(5, null)).toBe(true);
    expect(ext.port.sent.map(parsePageReport)).toEqual([
      { type: 'cs→bg:page-report', requestId: 4, report: text },
      { type: 'cs→bg:page-report', requestId: 5, report: null },
    ]);
  });

  it('says "no report" for one longer than the background takes', () => {
    const port = open();
    port.sendReport(6, `{"x":"${'a'.repeat(MAX_PAGE_REPORT)}"}`);
    expect(ext.port.sent).toEqual([{ type: 'cs→bg:page-report', requestId: 6, report: null }]);
  });

  it('cannot send a report while the port is down', () => {
    const port = open();
    ext.port.drop();
    expect(port.sendReport(4, '{}')).toBe(false);
  });

  it('answers "none" at once when nothing handles page actions', () => {
    openMarketPort({ ext, signal: life.signal, onQuotes, onInvalidated: () => undefined });
    ext.port.onMessage.emit({ type: 'bg→cs:page-action', requestId: 9, action: 'report' });
    ext.port.onMessage.emit({ type: 'bg→cs:page-action', requestId: 10, action: 'teach' });
    expect(ext.port.sent).toEqual([{ type: 'cs→bg:page-report', requestId: 9, report: null }]);
  });
});
