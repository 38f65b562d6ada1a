// One page load under Chromium tracing, reduced to main-thread figures of the page's renderer:
//  - mainCpuMs / mainWallMs: every top-level task (RunTask) on the renderer's main thread, as
//    thread CPU time (tdur: time the thread really ran) and as wall time (dur: it includes the
//    time the thread waited for a core, which on 2 busy cores is large and noisy);
//  - scriptCpuMs / scriptWallMs: the top-level tasks that ran the extension's code: the content
//    script's evaluation, every call into it (listeners, observers, frames, timers), and every
//    extension IPC message the renderer handled (port messages, storage answers: the promise
//    continuations of our code run in those tasks' microtask checkpoints), whole, with the
//    compilation and forced style/layout inside. The browser's later rendering of the overlay
//    (style, layout, paint in the next frame) is not attributed here; the with/control
//    difference of mainCpuMs covers it.
import type { CDPSession, Page } from 'playwright-core';

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'mojom', '__metadata'];

export interface LoadTrace {
  mainCpuMs: number;
  mainWallMs: number;
  scriptCpuMs: number;
  scriptWallMs: number;
  /** CPU ms of the content script's EvaluateScript alone (compile + top-level run). */
  evaluateCpuMs: number;
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: {
    data?: { url?: string };
    beginData?: { url?: string };
    chrome_mojo_event_info?: { mojo_interface_tag?: string };
  };
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

export async function tracedLoad(
  page: Page,
  cdp: CDPSession,
  url: string,
  settleMs: number,
  extensionOrigin: string | null,
): Promise<LoadTrace> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => void events.push(...(e.value as unknown as TraceEvent[])));
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: CATEGORIES, excludedCategories: ['*'] },
  } as never);
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(settleMs);
  await cdp.send('Tracing.end');
  await complete;

  // The page's renderer main thread: where its HTML was parsed.
  const parse = events.find((e) => e.name === 'ParseHTML' && e.args?.beginData?.url === url);
  if (!parse) throw new Error(`no ParseHTML for ${url} in the trace (${events.length} events)`);
  const main = events.filter((e) => e.pid === parse.pid && e.tid === parse.tid && e.ph === 'X');
  const tasks = outermost(main.filter((e) => e.name === 'RunTask'));
  const marks =
    extensionOrigin === null
      ? []
      : main.filter(
          (e) =>
            ((e.name === 'EvaluateScript' || e.name === 'FunctionCall') &&
              e.args?.data?.url?.startsWith(extensionOrigin)) ||
            (e.name === 'Receive mojo message' &&
              e.args?.chrome_mojo_event_info?.mojo_interface_tag?.startsWith('extensions.mojom.')),
        );
  const ours = tasks.filter((t) => marks.some((m) => m.ts >= t.ts && m.ts < t.ts + (t.dur ?? 0)));
  const evaluate = main.filter(
    (e) => e.name === 'EvaluateScript' && extensionOrigin !== null && e.args?.data?.url?.startsWith(extensionOrigin),
  );
  return {
    mainCpuMs: sum(tasks, 'tdur'),
    mainWallMs: sum(tasks, 'dur'),
    scriptCpuMs: sum(ours, 'tdur'),
    scriptWallMs: sum(ours, 'dur'),
    evaluateCpuMs: sum(evaluate, 'tdur'),
  };
}
