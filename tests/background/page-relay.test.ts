// The popup's page actions through the whole background (createBackground over fakes): forwarded
// over the tab's market port, the page's report relayed back; a tab without our content script,
// a page that never answers, a report on another tab's port and requests from anything but our
// own pages all end in "no".
import { beforeEach, describe, expect, it } from 'vitest';
import { createBackground, type Background } from '../../src/background/app';
import type { SenderLike } from '../../src/background/messaging/classify-sender';
import { PAGE_REPORT_TIMEOUT_MS } from '../../src/background/messaging/page-relay';
import { MARKET_PORT } from '../../src/messaging/messages';
import { checkPageActionCommand } from '../../src/messaging/page-action';
import {
  binanceTab,
  EXTENSION_ID,
  EXTENSION_ORIGIN,
  FakeAction,
  FakeClock,
  FakeFetch,
  FakePort,
  FakeStorage,
  krakenTab,
  recordingLog,
  settle,
  socketFactory,
} from './fakes';

const popup: SenderLike = {
  id: EXTENSION_ID,
  url: `${EXTENSION_ORIGIN}/src/ui/popup/index.html`,
  origin: EXTENSION_ORIGIN,
};
const REPORT = JSON.stringify({ format: 'margin-preflight-page-report', venue: 'binance-usdm', found: ['price'] });

let clock: FakeClock;
let log: ReturnType<typeof recordingLog>;
let app: Background;

beforeEach(async () => {
  clock = new FakeClock();
  log = recordingLog();
  app = createBackground({
    extensionId: EXTENSION_ID,
    extensionOrigin: EXTENSION_ORIGIN,
    clock,
    fetch: new FakeFetch().fn,
    sockets: socketFactory().Socket,
    random: () => 0.5,
    log,
    cacheArea: new FakeStorage(),
    syncArea: new FakeStorage(),
    action: new FakeAction(),
  });
  await app.ready;
});

function connect(sender: SenderLike): FakePort {
  const port = new FakePort(MARKET_PORT, sender);
  app.onConnect(port);
  return port;
}

/** The page actions a port received, each through the content script's own validator. */
const commands = (port: FakePort) =>
  port.posted.map((m) => {
    const checked = checkPageActionCommand(m);
    if (!checked.ok) throw new Error(`not a page action: ${checked.path} ${checked.reason}`);
    return checked.value;
  });

const ask = (message: unknown, sender: SenderLike = popup) => app.onMessage(message, sender);
const report = (tabId: number) => ask({ type: 'popup→bg:page-action', tabId, action: 'report' });

describe('page actions: popup → background → page', () => {
  it('says which tabs have our content script, until its port closes', async () => {
    const port = connect(binanceTab(8));
    expect(await ask({ type: 'popup→bg:page-status', tabId: 8 })).toEqual({
      type: 'bg→popup:page-status',
      connected: true,
    });
    expect(await ask({ type: 'popup→bg:page-status', tabId: 9 })).toEqual({
      type: 'bg→popup:page-status',
      connected: false,
    });
    port.close();
    expect(await ask({ type: 'popup→bg:page-status', tabId: 8 })).toEqual({
      type: 'bg→popup:page-status',
      connected: false,
    });
  });

  it('forwards teach to the tab’s page and says it arrived', async () => {
    const port = connect(binanceTab(8));
    expect(await ask({ type: 'popup→bg:page-action', tabId: 8, action: 'teach' })).toEqual({
      type: 'bg→popup:page-action',
      ok: true,
    });
    expect(commands(port)).toEqual([{ type: 'bg→cs:page-action', requestId: expect.any(Number), action: 'teach' }]);
    expect(await ask({ type: 'popup→bg:page-action', tabId: 9, action: 'teach' })).toEqual({
      type: 'bg→popup:page-action',
      ok: false,
    });
  });

  it('relays the page’s report to the popup', async () => {
    const port = connect(binanceTab(8));
    const answer = report(8);
    await settle();
    const [command] = commands(port);
    expect(command).toMatchObject({ type: 'bg→cs:page-action', action: 'report' });
    port.emit({ type: 'cs→bg:page-report', requestId: command!.requestId, report: REPORT });
    expect(await answer).toEqual({ type: 'bg→popup:page-report', report: REPORT });
    expect(clock.pending()).toBe(0); // the timeout went with the answer
  });

  it('asks the newest page of the tab (the old document’s port may linger during a navigation)', async () => {
    const old = connect(binanceTab(8));
    const current = connect(binanceTab(8));
    const answer = report(8);
    await settle();
    expect(old.posted).toEqual([]);
    current.emit({ type: 'cs→bg:page-report', requestId: commands(current)[0]!.requestId, report: REPORT });
    expect(await answer).toMatchObject({ report: REPORT });
  });

  it('answers null at once for a tab without our content script', async () => {
    expect(await report(5)).toEqual({ type: 'bg→popup:page-report', report: null });
  });

  it('answers null when the page never answers, after the timeout', async () => {
    connect(binanceTab(8));
    let answered: unknown = 'not yet';
    void report(8)!.then((a) => (answered = a));
    await clock.advance(PAGE_REPORT_TIMEOUT_MS - 1);
    expect(answered).toBe('not yet');
    await clock.advance(1);
    expect(answered).toEqual({ type: 'bg→popup:page-report', report: null });
  });

  it('answers null when the page goes away before it answers', async () => {
    const port = connect(binanceTab(8));
    const answer = report(8);
    await settle();
    port.close();
    expect(await answer).toEqual({ type: 'bg→popup:page-report', report: null });
  });

  it('takes a report only on the port that was asked, and only a valid one', async () => {
    const asked = connect(binanceTab(8));
    const other = connect(krakenTab(7));
    const answer = report(8);
    await settle();
    const { requestId } = commands(asked)[0]!;
    other.emit({ type: 'cs→bg:page-report', requestId, report: '{"venue":"kraken-margin"}' });
    asked.emit({ type: 'cs→bg:page-report', requestId, report: 'not a report' });
    asked.emit({ type: 'cs→bg:page-report', requestId: requestId + 1, report: REPORT });
    await settle();
    expect(log.warnings.filter((w) => w.includes('page report'))).toHaveLength(3);
    expect(log.warnings.join('\n')).not.toContain('not a report'); // the payload is never logged
    asked.emit({ type: 'cs→bg:page-report', requestId, report: REPORT });
    expect(await answer).toEqual({ type: 'bg→popup:page-report', report: REPORT });
  });

  it('passes the page’s "no report" on at once', async () => {
    const port = connect(binanceTab(8));
    const answer = report(8);
    await settle();
    port.emit({ type: 'cs→bg:page-report', requestId: commands(port)[0]!.requestId, report: null });
    expect(await answer).toEqual({ type: 'bg→popup:page-report', report: null });
  });

  it('refuses page actions from content scripts and other extensions, and ignores malformed ones', async () => {
    const port = connect(binanceTab(8));
    for (const [message, sender] of [
      [{ type: 'popup→bg:page-action', tabId: 8, action: 'report' }, krakenTab(7)],
      [{ type: 'popup→bg:page-action', tabId: 8, action: 'teach' }, binanceTab(8)],
      [
        { type: 'popup→bg:page-status', tabId: 8 },
        { ...popup, id: 'someotherextension' },
      ],
      [
        { type: 'popup→bg:page-action', tabId: 8, action: 'teach' },
        { ...popup, origin: 'https://evil.example' },
      ],
      [{ type: 'popup→bg:page-action', tabId: 8, action: 'click' }, popup],
      [{ type: 'popup→bg:page-action', tabId: '8', action: 'teach' }, popup],
    ] as Array<[unknown, SenderLike]>)
      expect(ask(message, sender)).toBeUndefined();
    expect(port.posted).toEqual([]);
    expect(log.warnings.filter((w) => w.includes('refused a page action'))).toHaveLength(4);
  });
});
