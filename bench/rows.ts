// The bench's figures as table rows: each budget of issue 15 with its figure, its floor from the same
// run, the ratio and PASS/FAIL, and below it the figures that explain it (informational).
import { CHROME_DIST } from '../e2e/harness/chromium';
import { CLICK_BUDGET_MS, CLICK_ROWS, CLICK_THROTTLING, type ClickBench } from './click.bench';
import type { SubjectName } from './browsers';
import { CPU_THROTTLING, type KeystrokeSamples } from './keystroke.bench';
import { SETTLE_MS, type LoadSeries } from './load.bench';
import { LONG_TASK_MS, type WindowFigures } from './load-trace';
import { contentScriptSizes, lazyModuleSizes } from './size';
import type { SocketCount } from './sockets.bench';
import { BOOK_HZ, type SteadyResult } from './steady.bench';
import { info, median, ms, percentile, ratio, verdict, type Row } from './table';

export const BUDGET = {
  keystrokeP95OverEchoMs: 10,
  keystrokeAimOverEchoMs: 5,
  gzipKiB: 27,
  loadOverEmptyMs: 30,
  steadyAddedMsPerS: 2,
  hiddenTimers: 0,
  socketsPerVenue: 1,
};

export function keystrokeRows(k: Map<SubjectName, KeystrokeSamples>): Row[] {
  const ours = k.get('ours')!;
  const echo = k.get('echo')!;
  const local = k.get('local')!;
  const p95 = percentile(ours.drawn, 95);
  const floor95 = percentile(echo.drawn, 95);
  const limit = floor95 + BUDGET.keystrokeP95OverEchoMs;
  const p50 = (s: KeystrokeSamples, key: 'drawn' | 'change') => percentile(s[key], 50);
  const both = (s: KeystrokeSamples, key: 'drawn' | 'change') =>
    `${ms(percentile(s[key], 50))} / ${ms(percentile(s[key], 95))}`;
  return [
    [
      `keystroke → drawn overlay p95, ${ours.drawn.length} keys, ${CPU_THROTTLING}× CPU (${ours.missed} without an update); floor: echo round trip`,
      ms(p95),
      ms(floor95),
      ratio(p95, floor95),
      `≤ floor + ${BUDGET.keystrokeP95OverEchoMs} = ${ms(limit)}`,
      verdict(p95 <= limit && ours.missed === 0),
    ],
    [
      `  aim: p95 ≤ echo + ${BUDGET.keystrokeAimOverEchoMs} ms (ours − echo = ${ms(p95 - floor95)})`,
      '',
      '',
      '',
      `≤ ${ms(floor95 + BUDGET.keystrokeAimOverEchoMs)}`,
      p95 <= floor95 + BUDGET.keystrokeAimOverEchoMs ? 'met' : 'not met',
    ],
    info(
      '  keystroke → drawn p50 (ours; echo)',
      ms(p50(ours, 'drawn')),
      ms(p50(echo, 'drawn')),
      ratio(p50(ours, 'drawn'), p50(echo, 'drawn')),
    ),
    info(
      '  keystroke → drawn p50 / p95, local attribute (no messaging: the frame after a keystroke)',
      '',
      both(local, 'drawn'),
    ),
    info(
      '  keystroke → DOM change p50 / p95 (before it is drawn; ours; echo)',
      both(ours, 'change'),
      both(echo, 'change'),
    ),
    info(`  samples missed: echo ${echo.missed}, local ${local.missed}`, ''),
  ];
}

const kib = (bytes: number, digits = 1) => `${(bytes / 1024).toFixed(digits)} KiB`;

export function sizeRows(): Row[] {
  const empty = contentScriptSizes(new URL('./reference/empty', import.meta.url).pathname)[0]!;
  const entries = contentScriptSizes(CHROME_DIST).map((e): Row => {
    const where = e.matches.length > 2 ? `${e.matches[0]} +${e.matches.length - 1} more` : e.matches.join(', ');
    return [
      `content script gzip -9, ${where} (${e.files.join(', ')}; ${kib(e.bytes)} raw); floor: empty script`,
      kib(e.gzip),
      kib(empty.gzip, 2),
      '',
      `≤ ${BUDGET.gzipKiB} KiB`,
      verdict(e.gzip / 1024 <= BUDGET.gzipKiB),
    ];
  });
  const lazy = lazyModuleSizes(CHROME_DIST).map((m) =>
    info(
      `  lazily imported at the first draw (web_accessible_resources, not a content-script budget): ${m.files.join(', ')}; ${kib(m.bytes)} raw; named by ${m.loadedBy.length} content script(s)`,
      kib(m.gzip),
    ),
  );
  return [
    ...entries,
    ...(lazy.length > 0
      ? lazy
      : [info('  lazily imported UI module (web_accessible_resources)', 'none in this build')]),
  ];
}

export function loadRows(loads: Map<SubjectName, LoadSeries>, n: number): Row[] {
  const med = (name: SubjectName, where: 'page' | 'control', key: keyof WindowFigures) =>
    median(loads.get(name)![where].map((f) => f[key]));
  const added = (name: SubjectName) => med(name, 'page', 'mainCpuMs') - med(name, 'control', 'mainCpuMs');
  const ours = added('ours');
  const empty = added('empty');
  const oursLoads = loads.get('ours')!.page;
  const longestCpu = oursLoads.map((f) => f.longestOwnTaskCpuMs);
  const longWall = oursLoads.filter((f) => f.ownLongTasks > 0).length;
  const longCpu = oursLoads.filter((f) => f.ownLongCpuTasks > 0).length;
  return [
    [
      `main-thread CPU added to a page load (page − control host, medians of ${n}, ${SETTLE_MS} ms after load); floor: empty script`,
      ms(ours),
      ms(empty),
      ratio(ours, empty),
      `≤ floor + ${BUDGET.loadOverEmptyMs} = ${ms(empty + BUDGET.loadOverEmptyMs)}`,
      verdict(ours <= empty + BUDGET.loadOverEmptyMs),
    ],
    [
      `  longest task of ours during load, CPU, median of ${n} (max ${ms(Math.max(...longestCpu))}); loads with a task of ours > ${LONG_TASK_MS} ms CPU: ${longCpu}/${n}; floor: empty`,
      ms(median(longestCpu)),
      ms(med('empty', 'page', 'longestOwnTaskCpuMs')),
      ratio(median(longestCpu), med('empty', 'page', 'longestOwnTaskCpuMs')),
      `none > ${LONG_TASK_MS} ms`,
      verdict(longCpu === 0),
    ],
    info(
      `    the same in wall time (counts waiting for a core on a busy machine): median, max; loads with one > ${LONG_TASK_MS} ms: ${longWall}/${n}`,
      `${ms(median(oursLoads.map((f) => f.longestOwnTaskMs)))}, ${ms(Math.max(...oursLoads.map((f) => f.longestOwnTaskMs)))}`,
      ms(med('empty', 'page', 'longestOwnTaskMs')),
    ),
    info(
      '  hello-world shadow root: added per load (the floor of drawing anything)',
      '',
      ms(added('hello')),
      ratio(ours, added('hello')),
    ),
    info(
      '  tasks that ran our code (evaluation, calls, extension IPC and storage replies + microtasks)',
      ms(med('ours', 'page', 'ownCpuMs')),
      ms(med('empty', 'page', 'ownCpuMs')),
    ),
    info(
      '    of which evaluating the content script (compile + top level)',
      ms(med('ours', 'page', 'evaluateCpuMs')),
      ms(med('empty', 'page', 'evaluateCpuMs')),
    ),
    info(
      '  service worker CPU during the load (not on the page; unthrottled)',
      ms(med('ours', 'page', 'serviceWorkerCpuMs')),
    ),
    info(
      '  all main-thread CPU, control / page',
      `${ms(med('ours', 'control', 'mainCpuMs'))} / ${ms(med('ours', 'page', 'mainCpuMs'))}`,
      `${ms(med('empty', 'control', 'mainCpuMs'))} / ${ms(med('empty', 'page', 'mainCpuMs'))}`,
    ),
  ];
}

const perS = (fs: WindowFigures[], key: keyof WindowFigures) =>
  fs.reduce((a, f) => a + f[key], 0) / (fs.reduce((a, f) => a + f.spanMs, 0) / 1000);
const msPerS = (n: number) => `${n.toFixed(2)} ms/s`;

export function steadyRows(s: SteadyResult): Row[] {
  const ours = perS(s.ours, 'mainCpuMs');
  const empty = perS(s.empty, 'mainCpuMs');
  const focused = perS([s.focusedOurs], 'mainCpuMs');
  const focusedEmpty = perS([s.focusedEmpty], 'mainCpuMs');
  return [
    [
      `main-thread CPU under a ${BOOK_HZ} Hz order book, form filled, not focused (${s.plan.rounds} × ${s.plan.windowMs / 1000} s); floor: empty script; added: ${msPerS(ours - empty)}`,
      msPerS(ours),
      msPerS(empty),
      ratio(ours, empty),
      `≤ floor + ${BUDGET.steadyAddedMsPerS} = ${msPerS(empty + BUDGET.steadyAddedMsPerS)}`,
      verdict(ours - empty <= BUDGET.steadyAddedMsPerS),
    ],
    info('  of which tasks that ran our code', msPerS(perS(s.ours, 'ownCpuMs')), msPerS(perS(s.empty, 'ownCpuMs'))),
    info(
      '  service worker CPU meanwhile (feed and quotes; not on the page)',
      msPerS(perS(s.ours, 'serviceWorkerCpuMs')),
    ),
    info(
      `  the same with the cursor left in the quantity field; added: ${msPerS(focused - focusedEmpty)}`,
      msPerS(focused),
      msPerS(focusedEmpty),
      ratio(focused, focusedEmpty),
    ),
    [
      `hidden tab (${(s.hidden.spanMs / 1000).toFixed(1)} s, book still ticking): timers / frames / idle callbacks of ours that fired`,
      String(s.hidden.ownTimerTasks),
      '0',
      '',
      `= ${BUDGET.hiddenTimers}`,
      verdict(s.hidden.ownTimerTasks <= BUDGET.hiddenTimers),
    ],
    info('  hidden tab: tasks that ran our code; their CPU', `${s.hidden.ownTasks}; ${ms(s.hidden.ownCpuMs)}`),
  ];
}

export function socketRows(s: SocketCount): Row[] {
  return [
    [
      `WebSockets the service worker keeps open to ${s.venue}, ${s.tabs} tabs over ${s.symbols.join(', ')} (all the mock lists); floor: one per venue`,
      String(s.sockets),
      String(BUDGET.socketsPerVenue),
      ratio(s.sockets, BUDGET.socketsPerVenue),
      `≤ ${BUDGET.socketsPerVenue}`,
      verdict(s.sockets <= BUDGET.socketsPerVenue),
    ],
    info('  symbols streamed per socket', s.streams.map((x) => x.join('+')).join('; ')),
  ];
}

export function clickRows(r: ClickBench): Row[] {
  const added = r.withP95 - r.floorP95;
  return [
    [
      `Buy click, dispatch → page's listener, p95, ${CLICK_ROWS} position rows (Bybit), ${CLICK_THROTTLING}× CPU, ${r.clicks} clicks; floor: no extension`,
      ms(r.withP95),
      ms(r.floorP95),
      ratio(r.withP95, r.floorP95),
      `≤ floor + ${CLICK_BUDGET_MS} = ${ms(r.floorP95 + CLICK_BUDGET_MS)}`,
      verdict(added <= CLICK_BUDGET_MS),
    ],
    info('  Buy click p50', ms(r.withP50), ms(r.floorP50), ratio(r.withP50, r.floorP50)),
  ];
}
