// Chromium traces reduced to the figures the bench prints.
//
// The trace is browser-wide (every process the browser runs, not only the page's renderer), so the
// extension's service worker thread is in it too. Per window of the trace:
//  - mainCpuMs / mainWallMs: every top-level task (RunTask) on the page renderer's main thread, as
//    thread CPU time (tdur: time the thread really ran) and as wall time (dur: it includes the time the
//    thread waited for a core, which on 2 busy cores is large and noisy);
//  - ownCpuMs / ownWallMs: the top-level tasks that ran an extension's code: the content script's
//    evaluation, every call into it (listeners, observers, frames, timers), and every extension IPC
//    message or reply the renderer handled (port messages, storage replies: the promise continuations
//    of our code run in those tasks' microtask checkpoints), whole, with the compilation and forced
//    style/layout inside. The browser's later rendering (style, layout, paint in the next frame) is not
//    attributed here; differences of mainCpuMs against a floor cover it;
//  - longest own task (wall: a long task is > 50 ms of wall time, what the page feels), own timer
//    tasks (a timer fired into an extension's code);
//  - serviceWorkerCpuMs: every top-level task on the extension's service worker thread (CPU throttling
//    set through CDP on the page does not slow this thread).
import type { Page } from 'playwright-core';
import type { BrowserCdp } from './browsers';

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'mojom', '__metadata'];
const EXTENSION_ORIGIN = 'chrome-extension://';
/** A long task: over 50 ms (the Long Tasks API's threshold). */
export const LONG_TASK_MS = 50;
const LONG_TASK_US = LONG_TASK_MS * 1000;

export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: {
    name?: string;
    data?: { url?: string; message?: string; stackTrace?: Array<{ url?: string }> };
    beginData?: { url?: string };
    chrome_mojo_event_info?: { mojo_interface_tag?: string };
  };
}

export interface WindowFigures {
  mainCpuMs: number;
  mainWallMs: number;
  ownCpuMs: number;
  ownWallMs: number;
  /** CPU ms of the content scripts' EvaluateScript alone (compile + top-level run). */
  evaluateCpuMs: number;
  ownTasks: number;
  longestOwnTaskMs: number;
  /** CPU ms of that longest task (its wall time also counts waiting for a core). */
  longestOwnTaskCpuMs: number;
  /** Tasks of ours over 50 ms of wall time (what the page feels; on a busy machine it counts waiting for a core). */
  ownLongTasks: number;
  /** Tasks of ours over 50 ms of the thread's CPU time (their own length, whatever the machine's load). */
  ownLongCpuTasks: number;
  ownTimerTasks: number;
  serviceWorkerCpuMs: number;
  /** The window's length, ms. */
  spanMs: number;
}

/** Traces the whole browser (through its browser target) while `run` runs. */
export async function traced(browser: BrowserCdp, run: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  const offData = browser.on('Tracing.dataCollected', (e) => void events.push(...(e as { value: TraceEvent[] }).value));
  let offComplete = () => {};
  const complete = new Promise<void>((resolve) => {
    offComplete = browser.on('Tracing.tracingComplete', () => resolve());
  });
  await browser.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: CATEGORIES, excludedCategories: ['*'] },
  });
  try {
    await run();
  } finally {
    await browser.send('Tracing.end');
    await complete;
    offData();
    offComplete();
  }
  return events;
}

/** Leaves a labelled instant in the trace, on the page's main thread. */
export async function mark(page: Page, label: string): Promise<void> {
  await page.evaluate((l) => console.timeStamp(l), label);
}

export function markTime(events: TraceEvent[], label: string): number {
  const e = events.find((x) => x.name === 'TimeStamp' && x.args?.data?.message === label);
  if (!e) throw new Error(`no mark ${label} in the trace`);
  return e.ts;
}

/** Outermost events only: an event inside an already counted one is part of it. */
function outermost(events: TraceEvent[]): TraceEvent[] {
  const out: TraceEvent[] = [];
  let end = Number.NEGATIVE_INFINITY;
  for (const e of [...events].sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0))) {
    if (e.ts < end) continue;
    out.push(e);
    end = e.ts + (e.dur ?? 0);
  }
  return out;
}

const sum = (events: TraceEvent[], key: 'dur' | 'tdur') => events.reduce((a, e) => a + (e[key] ?? 0), 0) / 1000;
const within = (e: TraceEvent, t: TraceEvent) => e.ts >= t.ts && e.ts < t.ts + (t.dur ?? 0);

function isOwnMark(e: TraceEvent): boolean {
  if ((e.name === 'EvaluateScript' || e.name === 'FunctionCall') && e.args?.data?.url?.startsWith(EXTENSION_ORIGIN))
    return true;
  // Port messages, storage replies, every other extension IPC the renderer handles for a content script.
  return e.args?.chrome_mojo_event_info?.mojo_interface_tag?.startsWith('extensions.mojom.') === true;
}

/** The thread where the page at `url` parsed its HTML: its renderer's main thread. */
export function pageMainThread(events: TraceEvent[], url: string): { pid: number; tid: number } {
  const parse = events.find((e) => e.name === 'ParseHTML' && e.args?.beginData?.url === url);
  if (!parse) throw new Error(`no ParseHTML for ${url} in the trace (${events.length} events)`);
  return { pid: parse.pid, tid: parse.tid };
}

function serviceWorkerThreads(events: TraceEvent[]): Array<{ pid: number; tid: number }> {
  return events
    .filter((e) => e.ph === 'M' && e.name === 'thread_name' && /ServiceWorker/i.test(e.args?.name ?? ''))
    .map((e) => ({ pid: e.pid, tid: e.tid }));
}

/** Figures of the page's main thread (and the service worker) between `from` and `to` (trace µs). */
export function windowFigures(
  events: TraceEvent[],
  thread: { pid: number; tid: number },
  from = Number.NEGATIVE_INFINITY,
  to = Number.POSITIVE_INFINITY,
): WindowFigures {
  const inWindow = (e: TraceEvent) => e.ph === 'X' && e.ts >= from && e.ts < to;
  const main = events.filter((e) => e.pid === thread.pid && e.tid === thread.tid && inWindow(e));
  const tasks = outermost(main.filter((e) => e.name === 'RunTask'));
  const marks = main.filter(isOwnMark);
  const ours = tasks.filter((t) => marks.some((m) => within(m, t)));
  // A timer of ours: the first function a TimerFire calls is in an extension's script (a page timer
  // whose work wakes our observer in its microtasks is the page's, not ours).
  const calls = main.filter((e) => e.name === 'FunctionCall');
  const ownTimers = main.filter((e) => {
    if (!['TimerFire', 'FireAnimationFrame', 'FireIdleCallback'].includes(e.name)) return false;
    const first = calls.filter((c) => within(c, e)).sort((a, b) => a.ts - b.ts)[0];
    return first?.args?.data?.url?.startsWith(EXTENSION_ORIGIN) === true;
  });
  const evaluate = main.filter(
    (e) => e.name === 'EvaluateScript' && e.args?.data?.url?.startsWith(EXTENSION_ORIGIN) === true,
  );
  const longest = [...ours].sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))[0];
  const sw = serviceWorkerThreads(events);
  const swTasks = outermost(
    events.filter((e) => e.name === 'RunTask' && inWindow(e) && sw.some((t) => t.pid === e.pid && t.tid === e.tid)),
  );
  const timed = main.filter((e) => e.ts > Number.NEGATIVE_INFINITY);
  const span =
    Number.isFinite(from) && Number.isFinite(to)
      ? (to - from) / 1000
      : timed.length
        ? (Math.max(...timed.map((e) => e.ts + (e.dur ?? 0))) - Math.min(...timed.map((e) => e.ts))) / 1000
        : 0;
  return {
    mainCpuMs: sum(tasks, 'tdur'),
    mainWallMs: sum(tasks, 'dur'),
    ownCpuMs: sum(ours, 'tdur'),
    ownWallMs: sum(ours, 'dur'),
    evaluateCpuMs: sum(evaluate, 'tdur'),
    ownTasks: ours.length,
    longestOwnTaskMs: (longest?.dur ?? 0) / 1000,
    longestOwnTaskCpuMs: (longest?.tdur ?? 0) / 1000,
    ownLongTasks: ours.filter((t) => (t.dur ?? 0) > LONG_TASK_US).length,
    ownLongCpuTasks: ours.filter((t) => (t.tdur ?? 0) > LONG_TASK_US).length,
    ownTimerTasks: ownTimers.length,
    serviceWorkerCpuMs: sum(swTasks, 'tdur'),
    spanMs: span,
  };
}

/** One page load, traced from navigation to `settleMs` after the load event. */
export async function tracedLoad(
  page: Page,
  browser: BrowserCdp,
  url: string,
  settleMs: number,
): Promise<WindowFigures> {
  const events = await traced(browser, async () => {
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(settleMs);
  });
  return windowFigures(events, pageMainThread(events, url));
}
