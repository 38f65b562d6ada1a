// The extension's cost to the trader's page, each figure against the browser's own floor measured
// in the same run, in Debian's Chromium against the mock exchange.
//   npm run bench                 (builds dist/chrome first)
//   npm run bench -- --quick      (fewer samples: a smoke run, not figures to quote)
//   BENCH_ONLY=keys|size|load|steady|sockets|click   one part, for quick iterations
//
// The floors are the reference extensions in bench/reference/ (see browsers.ts), each alone in its own
// browser, run interleaved with ours:
//   empty  an almost empty content script       (what injecting any content script costs)
//   hello  a closed shadow root with one line   (what drawing anything costs)
//   echo   input → port → service worker → port → attribute   (the overlay's path, without the work)
//   local  input → attribute, same task, no messaging          (drawing anything after a keystroke)
// Parts, each explained in its file:
//   keys     keystroke → DRAWN overlay frame, ours vs echo (and local), 4× CPU   keystroke.bench.ts
//   size     every content-script entry the built manifest names, gzip -9        size.ts
//   load     main-thread CPU added to a page load, ours vs empty / hello         load.bench.ts
//   steady   CPU per second under a 20 Hz order book, ours vs empty; a hidden tab's timers   steady.bench.ts
//   sockets  WebSockets to one venue with ten tabs open                           sockets.bench.ts
//   click    the guard inside a Buy click, ours vs no extension                   click.bench.ts
// Traces are browser-wide (the service worker's thread is in them). Budgets are printed as PASS/FAIL,
// never asserted: a bench on a shared 2-core machine is a measurement, not a test.
import { CHROME_DIST } from '../e2e/harness/chromium';
import { MockExchange } from '../e2e/mock/server';
import { DEFAULT_SETTINGS, SETTINGS_KEY } from '../src/settings/settings';
import { launchSubject, type Subject, type SubjectName } from './browsers';
import { clickBench, clickRows } from './click.bench';
import { CPU_THROTTLING, keystrokeBench, type KeystrokeSamples } from './keystroke.bench';
import { loadBench, SETTLE_MS, type LoadSeries } from './load.bench';
import { contentScriptSizes } from './size';
import { socketBench, SOCKET_TABS } from './sockets.bench';
import { blur, BOOK_HZ, focusQuantity, pretendHidden, steadyRig } from './steady.bench';
import type { WindowFigures } from './load-trace';

const QUICK = process.argv.includes('--quick') || process.env['BENCH_QUICK'] === '1';
const ONLY = process.env['BENCH_ONLY'];
const runs = (part: string) => ONLY === undefined || ONLY === part;

const PLAN = QUICK
  ? { keyRounds: 2, keysPerRound: 15, loads: 3, steadyRounds: 1, steadyMs: 3_000, hiddenMs: 3_000 }
  : { keyRounds: 10, keysPerRound: 20, loads: 10, steadyRounds: 3, steadyMs: 5_000, hiddenMs: 5_000 };

const BUDGET = {
  keystrokeP95OverEchoMs: 10,
  keystrokeAimOverEchoMs: 5,
  gzipKiB: 27,
  loadOverEmptyMs: 30,
  longTaskMs: 50,
  steadyAddedMsPerS: 2,
  hiddenTimers: 0,
  socketsPerVenue: 1,
};

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
};
const median = (values: number[]) => percentile(values, 50);
const ms = (n: number) => `${n.toFixed(1)} ms`;
const ratio = (ours: number, floor: number) => (floor > 0.05 ? `${(ours / floor).toFixed(2)}×` : '—');
const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');

/** figure | ours | floor | ratio | budget | verdict */
type Row = [string, string, string, string, string, string];
const info = (figure: string, ours: string, floor = '', r = ''): Row => [figure, ours, floor, r, '', ''];

async function withSettings(subject: Subject): Promise<void> {
  const settings = { ...DEFAULT_SETTINGS, accountBalance: { 'kraken-margin': '20000' } };
  await subject.session.serviceWorker!.evaluate(
    ([key, value]) => (globalThis as any).chrome.storage.sync.set({ [key]: value }),
    [SETTINGS_KEY, settings] as const,
  );
}

async function launchAll(names: SubjectName[], port: number): Promise<Map<SubjectName, Subject>> {
  const out = new Map<SubjectName, Subject>();
  for (const name of names) {
    const s = await launchSubject(name, port);
    out.set(name, s);
    if (name === 'ours') await withSettings(s);
  }
  return out;
}

async function closeAll(subjects: Map<SubjectName, Subject>): Promise<void> {
  for (const s of subjects.values()) await s.session.close();
}

function step(what: string): void {
  process.stdout.write(`- ${what} ... `);
}

function keystrokeRows(k: Map<SubjectName, KeystrokeSamples>): Row[] {
  const ours = k.get('ours')!;
  const echo = k.get('echo')!;
  const local = k.get('local')!;
  const p95 = percentile(ours.drawn, 95);
  const floor95 = percentile(echo.drawn, 95);
  const limit = floor95 + BUDGET.keystrokeP95OverEchoMs;
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
      ms(percentile(ours.drawn, 50)),
      ms(percentile(echo.drawn, 50)),
      ratio(percentile(ours.drawn, 50), percentile(echo.drawn, 50)),
    ),
    info(
      '  keystroke → drawn p50 / p95, local attribute (no messaging; the frame after a keystroke)',
      '',
      `${ms(percentile(local.drawn, 50))} / ${ms(percentile(local.drawn, 95))}`,
    ),
    info(
      '  keystroke → DOM change p50 / p95 (before it is drawn; ours; echo)',
      `${ms(percentile(ours.change, 50))} / ${ms(percentile(ours.change, 95))}`,
      `${ms(percentile(echo.change, 50))} / ${ms(percentile(echo.change, 95))}`,
    ),
    info(`  samples missed: echo ${echo.missed}, local ${local.missed}`, ''),
  ];
}

function sizeRows(): Row[] {
  const ours = contentScriptSizes(CHROME_DIST);
  const empty = contentScriptSizes(new URL('./reference/empty', import.meta.url).pathname)[0]!;
  return ours.map((e) => {
    const kib = e.gzip / 1024;
    const where = e.matches.length > 2 ? `${e.matches[0]} +${e.matches.length - 1} more` : e.matches.join(', ');
    return [
      `content script gzip -9, entry for ${where} (${e.files.join(', ')}; ${(e.bytes / 1024).toFixed(1)} KiB raw); floor: empty script`,
      `${kib.toFixed(1)} KiB`,
      `${(empty.gzip / 1024).toFixed(2)} KiB`,
      '',
      `≤ ${BUDGET.gzipKiB} KiB`,
      verdict(kib <= BUDGET.gzipKiB),
    ] satisfies Row;
  });
}

function loadRows(loads: Map<SubjectName, LoadSeries>, n: number): Row[] {
  const med = (name: SubjectName, where: 'page' | 'control', key: keyof WindowFigures) =>
    median(loads.get(name)![where].map((f) => f[key]));
  const added = (name: SubjectName) => med(name, 'page', 'mainCpuMs') - med(name, 'control', 'mainCpuMs');
  const ours = added('ours');
  const empty = added('empty');
  const oursLoads = loads.get('ours')!.page;
  const longestWall = oursLoads.map((f) => f.longestOwnTaskMs);
  const longTaskLoads = oursLoads.filter((f) => f.ownLongTasks > 0).length;
  const emptyLongest = median(loads.get('empty')!.page.map((f) => f.longestOwnTaskMs));
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
      `  longest task of ours during load, wall, median of ${n} loads (max ${ms(Math.max(...longestWall))}, its CPU median ${ms(median(oursLoads.map((f) => f.longestOwnTaskCpuMs)))}; loads with one > ${BUDGET.longTaskMs} ms wall: ${longTaskLoads}/${n}); floor: empty`,
      ms(median(longestWall)),
      ms(emptyLongest),
      ratio(median(longestWall), emptyLongest),
      `none > ${BUDGET.longTaskMs} ms`,
      verdict(longTaskLoads === 0),
    ],
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
      '  all main-thread CPU, control / page (ours)',
      `${ms(med('ours', 'control', 'mainCpuMs'))} / ${ms(med('ours', 'page', 'mainCpuMs'))}`,
      `${ms(med('empty', 'control', 'mainCpuMs'))} / ${ms(med('empty', 'page', 'mainCpuMs'))}`,
    ),
  ];
}

interface SteadyResult {
  ours: WindowFigures[];
  empty: WindowFigures[];
  focusedOurs: WindowFigures;
  focusedEmpty: WindowFigures;
  hidden: WindowFigures;
}

async function steadyBench(subjects: Map<SubjectName, Subject>): Promise<SteadyResult> {
  const ours = await steadyRig(subjects.get('ours')!);
  const empty = await steadyRig(subjects.get('empty')!);
  try {
    const none = null as unknown as WindowFigures; // filled below
    const out: SteadyResult = { ours: [], empty: [], focusedOurs: none, focusedEmpty: none, hidden: none };
    for (let r = 0; r < PLAN.steadyRounds; r++) {
      out.ours.push(await ours.window(PLAN.steadyMs, `ours-${r}`));
      out.empty.push(await empty.window(PLAN.steadyMs, `empty-${r}`));
    }
    // The same with the cursor left in the quantity field (a trader between keystrokes).
    await focusQuantity(ours.page);
    await focusQuantity(empty.page);
    out.focusedOurs = await ours.window(PLAN.steadyMs, 'ours-focused');
    out.focusedEmpty = await empty.window(PLAN.steadyMs, 'empty-focused');
    await blur(ours.page);
    await blur(empty.page);
    await pretendHidden(ours, true);
    await ours.page.waitForTimeout(500); // what was already scheduled may still run once
    out.hidden = await ours.window(PLAN.hiddenMs, 'hidden');
    await pretendHidden(ours, false);
    return out;
  } finally {
    await ours.close();
    await empty.close();
  }
}

function steadyRows(s: SteadyResult): Row[] {
  const perS = (fs: WindowFigures[], key: keyof WindowFigures) =>
    fs.reduce((a, f) => a + f[key], 0) / (fs.reduce((a, f) => a + f.spanMs, 0) / 1000);
  const ours = perS(s.ours, 'mainCpuMs');
  const empty = perS(s.empty, 'mainCpuMs');
  const hiddenS = s.hidden.spanMs / 1000;
  return [
    [
      `main-thread CPU under a ${BOOK_HZ} Hz order book, form filled, not focused, ms/s (${PLAN.steadyRounds} × ${PLAN.steadyMs / 1000} s); floor: empty script; budget on ours − floor = ${(ours - empty).toFixed(2)} ms/s`,
      `${ours.toFixed(2)} ms/s`,
      `${empty.toFixed(2)} ms/s`,
      ratio(ours, empty),
      `≤ floor + ${BUDGET.steadyAddedMsPerS} ms/s`,
      verdict(ours - empty <= BUDGET.steadyAddedMsPerS),
    ],
    info(
      '  of which tasks that ran our code, ms/s (ours; empty)',
      `${perS(s.ours, 'ownCpuMs').toFixed(2)} ms/s`,
      `${perS(s.empty, 'ownCpuMs').toFixed(2)} ms/s`,
    ),
    info(
      '  service worker CPU meanwhile, ms/s (feed and quotes; not on the page)',
      `${perS(s.ours, 'serviceWorkerCpuMs').toFixed(2)} ms/s`,
    ),
    info(
      '  the same with the cursor left in the quantity field (ours; empty), ms/s',
      `${perS([s.focusedOurs], 'mainCpuMs').toFixed(2)} ms/s`,
      `${perS([s.focusedEmpty], 'mainCpuMs').toFixed(2)} ms/s`,
      ratio(perS([s.focusedOurs], 'mainCpuMs'), perS([s.focusedEmpty], 'mainCpuMs')),
    ),
    [
      `hidden tab (${hiddenS.toFixed(1)} s, book still ticking): timers / frames / idle callbacks of ours that fired`,
      String(s.hidden.ownTimerTasks),
      '0',
      '',
      `= ${BUDGET.hiddenTimers}`,
      verdict(s.hidden.ownTimerTasks <= BUDGET.hiddenTimers),
    ],
    info('  hidden tab: tasks that ran our code; their CPU', `${s.hidden.ownTasks}; ${ms(s.hidden.ownCpuMs)}`),
  ];
}

function printTable(rows: Row[]): void {
  const head: Row = ['figure', 'ours', 'floor', 'ratio', 'budget', ''];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(line(head));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const r of rows) console.log(line(r));
}

async function main(): Promise<void> {
  const mock = await MockExchange.start();
  const rows: Row[] = [];
  try {
    console.log(`# Margin Preflight extension benchmark${QUICK ? ' (--quick: few samples, a smoke run)' : ''}`);
    console.log('');
    console.log(
      `- Chromium ${CHROME_DIST}, headless, mock exchange on 127.0.0.1; node ${process.version}; date ${new Date().toISOString()}`,
    );
    if (runs('size')) rows.push(...sizeRows());

    if (runs('keys')) {
      step('keystroke → drawn frame: ours, echo, local, interleaved');
      const subjects = await launchAll(['ours', 'echo', 'local'], mock.port);
      try {
        rows.push(...keystrokeRows(await keystrokeBench([...subjects.values()], PLAN.keyRounds, PLAN.keysPerRound)));
      } finally {
        await closeAll(subjects);
      }
      console.log('done');
    }

    if (runs('load')) {
      step('page loads: ours, empty, hello, interleaved, each also at a control host');
      const subjects = await launchAll(['ours', 'empty', 'hello'], mock.port);
      try {
        rows.push(...loadRows(await loadBench([...subjects.values()], PLAN.loads), PLAN.loads));
      } finally {
        await closeAll(subjects);
      }
      console.log('done');
    }

    if (runs('steady') || runs('sockets')) {
      const subjects = await launchAll(['ours', 'empty'], mock.port);
      try {
        if (runs('steady')) {
          step(`steady state under a ${BOOK_HZ} Hz order book, then a hidden tab`);
          rows.push(...steadyRows(await steadyBench(subjects)));
          console.log('done');
        }
        if (runs('sockets')) {
          step(`WebSockets with ${SOCKET_TABS} tabs`);
          const sockets = await socketBench(subjects.get('ours')!, mock);
          rows.push([
            `WebSockets the service worker keeps open to ${sockets.venue}, ${sockets.tabs} tabs on ${sockets.symbols.join(', ')} (the mock's symbols); floor: one per venue`,
            String(sockets.sockets),
            String(BUDGET.socketsPerVenue),
            ratio(sockets.sockets, BUDGET.socketsPerVenue),
            `≤ ${BUDGET.socketsPerVenue}`,
            verdict(sockets.sockets <= BUDGET.socketsPerVenue),
          ]);
          rows.push(info('  streams per socket', sockets.streams.map((s) => s.join('+')).join('; ')));
          console.log('done');
        }
      } finally {
        await closeAll(subjects);
      }
    }

    if (runs('click')) {
      step('the guard inside a Buy click');
      for (const [figure, value, budget, ok] of clickRows(await clickBench(mock, QUICK)))
        rows.push([figure, value, '', '', budget, ok === 'ok' ? 'PASS' : ok === 'OVER' ? 'FAIL' : '']);
      console.log('done');
    }

    console.log('');
    printTable(rows);
    console.log('');
    console.log(
      `Notes: CDP CPU throttling (${CPU_THROTTLING}×, keystrokes and clicks) slows the page's renderer only, not the extension's service worker: the worker's share of a round trip runs at full speed, as it does for the echo floor.`,
    );
    console.log(
      '"drawn" = the main thread finished the frame showing the change (rAF → message after the frame); headless has no screen, the same for every subject.',
    );
    console.log('Ratios are ours ÷ floor; budgets are printed, not asserted.');
  } finally {
    await mock.stop();
  }
}

await main();
