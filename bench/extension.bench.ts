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
//   size     every content-script entry the built manifest names, gzip -9, and the lazily imported
//            UI module (web_accessible_resources) on its own line                size.ts
//   load     main-thread CPU added to a page load, ours vs empty / hello         load.bench.ts
//   steady   CPU per second under a 20 Hz order book, ours vs empty; a hidden tab's timers   steady.bench.ts
//   sockets  WebSockets to one venue with ten tabs open                           sockets.bench.ts
//   click    the guard inside a Buy click, ours vs no extension                   click.bench.ts
// Traces are browser-wide (the service worker's thread is in them). Budgets are printed as PASS/FAIL,
// never asserted: a bench on a shared 2-core machine is a measurement, not a test. The table is also
// written as Markdown to bench/results.md (BENCH_MARKDOWN=<file> elsewhere) for the README.
import { execFileSync } from 'node:child_process';
import { CHROMIUM } from '../e2e/harness/chromium';
import { MockExchange } from '../e2e/mock/server';
import { DEFAULT_SETTINGS, SETTINGS_KEY } from '../src/settings/settings';
import { launchSubject, type Subject, type SubjectName } from './browsers';
import { clickBench } from './click.bench';
import { CPU_THROTTLING, keystrokeBench } from './keystroke.bench';
import { loadBench } from './load.bench';
import { clickRows, keystrokeRows, loadRows, sizeRows, socketRows, steadyRows } from './rows';
import { socketBench, SOCKET_TABS } from './sockets.bench';
import { BOOK_HZ, steadyBench } from './steady.bench';
import { consoleTable, writeMarkdown, type Row } from './table';

const QUICK = process.argv.includes('--quick') || process.env['BENCH_QUICK'] === '1';
const ONLY = process.env['BENCH_ONLY'];
const MARKDOWN = process.env['BENCH_MARKDOWN'] ?? new URL('./results.md', import.meta.url).pathname;
const runs = (part: string) => ONLY === undefined || ONLY === part;

const PLAN = QUICK
  ? { keyRounds: 2, keysPerRound: 15, loads: 3, steady: { rounds: 1, windowMs: 3_000, hiddenMs: 3_000 } }
  : { keyRounds: 10, keysPerRound: 20, loads: 10, steady: { rounds: 3, windowMs: 5_000, hiddenMs: 5_000 } };

async function withSettings(subject: Subject): Promise<void> {
  const settings = { ...DEFAULT_SETTINGS, accountBalance: { 'kraken-margin': '20000' } };
  await subject.session.serviceWorker!.evaluate(
    ([key, value]) => (globalThis as any).chrome.storage.sync.set({ [key]: value }),
    [SETTINGS_KEY, settings] as const,
  );
}

/** Runs `part` with a fresh browser per subject, closing them after. */
async function withSubjects<T>(
  names: SubjectName[],
  port: number,
  part: (s: Map<SubjectName, Subject>) => Promise<T>,
): Promise<T> {
  const subjects = new Map<SubjectName, Subject>();
  try {
    for (const name of names) {
      const s = await launchSubject(name, port);
      subjects.set(name, s);
      if (name === 'ours') await withSettings(s);
    }
    return await part(subjects);
  } finally {
    for (const s of subjects.values()) await s.session.close();
  }
}

async function step<T>(what: string, run: () => Promise<T>): Promise<T> {
  process.stdout.write(`- ${what} ... `);
  const started = Date.now();
  const out = await run();
  console.log(`done (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  return out;
}

function chromiumVersion(): string {
  try {
    return execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return CHROMIUM;
  }
}

const NOTES = [
  `CDP CPU throttling (${CPU_THROTTLING}×, keystrokes and clicks) slows the page's renderer only, not the extension's service worker: the worker's share of a round trip runs at full speed, as it does for the echo floor.`,
  '"drawn" = the main thread finished the frame showing the change (rAF → message after the frame); headless has no screen, the same for every subject.',
  "Traces are browser-wide: the service worker is in them (its CPU is shown, not added to the page's); storage replies and port messages a content script receives count as ours.",
  'Ratios are ours ÷ floor (— when the floor is about zero or a noisy negative difference); budgets are printed, not asserted.',
];

async function main(): Promise<void> {
  const mock = await MockExchange.start();
  const rows: Row[] = [];
  const head = [
    `# Margin Preflight extension benchmark${QUICK ? ' (--quick: few samples, a smoke run)' : ''}`,
    '',
    `- ${chromiumVersion()}, headless, mock exchange on 127.0.0.1; node ${process.version}; ${new Date().toISOString()}`,
  ];
  try {
    console.log(head.join('\n'));
    if (runs('size')) rows.push(...sizeRows());
    if (runs('keys'))
      rows.push(
        ...(await step('keystroke → drawn frame: ours, echo, local, interleaved', () =>
          withSubjects(['ours', 'echo', 'local'], mock.port, async (s) =>
            keystrokeRows(await keystrokeBench([...s.values()], PLAN.keyRounds, PLAN.keysPerRound)),
          ),
        )),
      );
    if (runs('load'))
      rows.push(
        ...(await step('page loads: ours, empty, hello, interleaved, each also at a control host', () =>
          withSubjects(['ours', 'empty', 'hello'], mock.port, async (s) =>
            loadRows(await loadBench([...s.values()], PLAN.loads), PLAN.loads),
          ),
        )),
      );
    if (runs('steady'))
      rows.push(
        ...(await step(`steady state under a ${BOOK_HZ} Hz order book, then a hidden tab`, () =>
          withSubjects(['ours', 'empty'], mock.port, async (s) =>
            steadyRows(await steadyBench(s.get('ours')!, s.get('empty')!, PLAN.steady)),
          ),
        )),
      );
    if (runs('sockets'))
      rows.push(
        ...(await step(`WebSockets with ${SOCKET_TABS} tabs`, () =>
          withSubjects(['ours'], mock.port, async (s) => socketRows(await socketBench(s.get('ours')!, mock))),
        )),
      );
    if (runs('click'))
      rows.push(...(await step('the guard inside a Buy click', async () => clickRows(await clickBench(mock, QUICK)))));

    console.log('');
    console.log(consoleTable(rows));
    console.log('');
    for (const note of NOTES) console.log(note);
    writeMarkdown(MARKDOWN, head, rows, NOTES);
    console.log(`\nMarkdown: ${MARKDOWN}`);
  } finally {
    await mock.stop();
  }
}

await main();
