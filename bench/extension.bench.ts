// The extension's cost to the trader's page, in Debian's Chromium against the mock exchange.
//   npm run bench        (builds dist/chrome first)
//
// (a) Input → overlay updated, over 200 keystrokes in the Kraken fixture's quantity field, with
//     4× CPU throttling. Measured inside the page, with no test hook in the extension: the bench
//     evaluates a probe in the content script's own isolated world (found through CDP
//     Runtime.executionContextCreated), where chrome.dom.openOrClosedShadowRoot() opens the
//     overlay's closed shadow root. The probe takes the input event's timeStamp (when the
//     browser created the event) and the time its MutationObserver on the shadow root first fires
//     after it (the microtask right after the overlay's DOM changed); latency = the difference,
//     both on the page's performance.now() clock. Keys are sent through the same CDP session
//     right after the probe is armed, so nothing polls the page while a keystroke is measured.
// (b) Content-script size: the shipped file(s) named in dist/chrome/manifest.json, gzip -9
//     (plus an esbuild-minified copy for reference; the budget applies to what ships).
// (c) Main-thread time added to a page load: same browser binary and flags, a fresh profile
//     with and without the extension, N loads each of the Kraken fixture page; after load the
//     page idles 1.5 s (the content script reads the form, gets a snapshot, renders), then CDP
//     Performance.getMetrics gives the renderer main thread's TaskDuration and ScriptDuration.
//     Medians are compared. The service worker's own work is not on the page's main thread.
//     A third browser with the overlay switched off in settings separates the fixed cost of
//     the injected content script from the overlay's work. TaskDuration is wall time of the
//     main thread's tasks, so on 2 busy cores it also counts time the renderer waited for a CPU.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { transformSync } from 'esbuild';
import type { CDPSession, Page } from 'playwright-core';
import { CHROME_DIST, launchChromium, type ChromiumSession } from '../e2e/harness/chromium';
import { KrakenPage, KRAKEN_URL } from '../e2e/harness/kraken-page';
import { waitForOverlay } from '../e2e/harness/overlay';
import { MockExchange } from '../e2e/mock/server';
import { DEFAULT_SETTINGS, SETTINGS_KEY } from '../src/settings/settings';
import { HOST_ATTRIBUTE } from '../src/ui/overlay/contract';

const KEYSTROKES = 200;
const WARMUP_KEYSTROKES = 20;
const CPU_THROTTLING = 4;
const LOADS = 10;
const SETTLE_MS = 1_500;
const BUDGET = { p95Ms: 4, gzipKb: 30, addedLoadMs: 5 };

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
const median = (values: number[]) => percentile([...values].sort((a, b) => a - b), 50);
const ms = (n: number) => `${n.toFixed(2)} ms`;

async function withSettings(session: ChromiumSession, overlayEnabled = true): Promise<void> {
  const settings = { ...DEFAULT_SETTINGS, overlayEnabled, accountBalance: { 'kraken-margin': '20000' } };
  await session.serviceWorker!.evaluate(([key, value]) => (globalThis as any).chrome.storage.sync.set({ [key]: value }), [SETTINGS_KEY, settings] as const);
}

/** The content script's isolated world in the page's main frame. */
async function contentScriptWorld(cdp: CDPSession, extensionId: string, reload: () => Promise<void>): Promise<number> {
  const contexts: Array<{ id: number; origin: string; auxData?: { type?: string; isDefault?: boolean } }> = [];
  cdp.on('Runtime.executionContextCreated', (e: { context: (typeof contexts)[number] }) => contexts.push(e.context));
  await cdp.send('Runtime.enable');
  let found = contexts.find((c) => c.auxData?.type === 'isolated' && c.origin === `chrome-extension://${extensionId}`);
  if (!found) {
    await reload();
    await new Promise((r) => setTimeout(r, 1_000));
    found = contexts.find((c) => c.auxData?.type === 'isolated' && c.origin === `chrome-extension://${extensionId}`);
  }
  if (!found) throw new Error(`no isolated world of extension ${extensionId} in the page (contexts: ${JSON.stringify(contexts.map((c) => [c.origin, c.auxData?.type]))})`);
  return found.id;
}

// Runs in the content script's isolated world. It records every input event's timeStamp and
// every time the overlay's shadow DOM changed; `after(n)` resolves once the n-th input and the
// first change after it are both known. Always recording (no arming per keystroke) means the
// order in which CDP delivers the probe call and the key cannot lose a sample.
const PROBE = `(() => {
  const host = document.querySelector('[${HOST_ATTRIBUTE}]');
  const root = host && chrome.dom.openOrClosedShadowRoot(host);
  if (!root) throw new Error('overlay shadow root not found');
  const probe = { inputs: [], changes: [], wake: null };
  const poke = () => { const w = probe.wake; probe.wake = null; if (w) w(); };
  document.addEventListener('input', (e) => { probe.inputs.push(e.timeStamp); poke(); }, true);
  new MutationObserver(() => { probe.changes.push(performance.now()); poke(); })
    .observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
  probe.after = async (n) => {
    const end = performance.now() + 3000;
    for (;;) {
      const input = probe.inputs[n];
      const change = input === undefined ? undefined : probe.changes.find((t) => t >= input);
      if (change !== undefined) return { input, change };
      if (performance.now() > end) return { input: input ?? null, change: null };
      await new Promise((r) => { probe.wake = r; setTimeout(r, 100); });
    }
  };
  probe.count = () => probe.inputs.length;
  globalThis.__marginPreflightBench = probe;
  return true;
})()`;

async function pressDigit(cdp: CDPSession, digit: number): Promise<void> {
  const key = String(digit);
  const base = { key, code: `Digit${key}`, windowsVirtualKeyCode: 48 + digit };
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', text: key, unmodifiedText: key, ...base });
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...base });
}

async function inputLatency(session: ChromiumSession): Promise<{ samples: number[]; missed: number }> {
  const page = await session.context.newPage();
  const k = await new KrakenPage(page).goto();
  await k.typeSize('0.1');
  await waitForOverlay(page, (r) => r.state === 'ok' && r.mark === 'live', 'overlay live');
  const cdp = await session.context.newCDPSession(page);
  const world = await contentScriptWorld(cdp, session.extensionId!, async () => {
    await page.reload();
    await waitForOverlay(page, (r) => r.state === 'ok', 'overlay after reload');
  });
  await cdp.send('Runtime.evaluate', { expression: PROBE, contextId: world, returnByValue: true }).then((r: any) => {
    if (r.exceptionDetails) throw new Error(`probe: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLING });

  const field = page.getByRole('textbox', { name: 'Quantity', exact: true });
  const restart = async () => {
    await field.fill('0.1'); // not measured: back to a short value
    await page.waitForTimeout(300);
    await field.focus();
    await page.keyboard.press('End');
  };
  await restart();
  const samples: number[] = [];
  let missed = 0;
  let length = 0;
  for (let i = 0; i < KEYSTROKES + WARMUP_KEYSTROKES; i++) {
    if (length === 7) {
      await restart(); // at most 8 decimals
      length = 0;
    }
    const n = ((await cdp.send('Runtime.evaluate', { expression: 'globalThis.__marginPreflightBench.count()', contextId: world, returnByValue: true })) as { result: { value: number } }).result.value;
    await pressDigit(cdp, 1 + (i % 9)); // 1–9: every keystroke changes the quantity
    length += 1;
    const { result } = (await cdp.send('Runtime.evaluate', { expression: `globalThis.__marginPreflightBench.after(${n})`, contextId: world, awaitPromise: true, returnByValue: true })) as { result: { value: { input: number | null; change: number | null } } };
    if (i < WARMUP_KEYSTROKES) continue;
    if (result.value.input === null || result.value.change === null) missed += 1;
    else samples.push(result.value.change - result.value.input);
  }
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await page.close();
  return { samples, missed };
}

function contentScriptSize(): { files: string[]; bytes: number; gzip: number; minifiedGzip: number } {
  const manifest = JSON.parse(readFileSync(path.join(CHROME_DIST, 'manifest.json'), 'utf8')) as { content_scripts: Array<{ js: string[] }> };
  const files = manifest.content_scripts.flatMap((c) => c.js);
  const code = files.map((f) => readFileSync(path.join(CHROME_DIST, f), 'utf8')).join('\n');
  const minified = transformSync(code, { minify: true, loader: 'js', target: 'es2022' }).code;
  return { files, bytes: Buffer.byteLength(code), gzip: gzipSync(code, { level: 9 }).length, minifiedGzip: gzipSync(minified, { level: 9 }).length };
}

/** Renderer main-thread metrics of one page load, in ms (CDP Performance.getMetrics). */
const LOAD_METRICS = ['TaskDuration', 'ScriptDuration', 'V8CompileDuration', 'LayoutDuration', 'RecalcStyleDuration', 'TaskOtherDuration'] as const;
type LoadMetrics = Record<(typeof LOAD_METRICS)[number], number>;

async function loadOnce(session: ChromiumSession): Promise<LoadMetrics> {
  const page: Page = await session.context.newPage();
  // Enabled before navigating: the metrics count from here (and follow the page into the new renderer).
  const cdp = await session.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(KRAKEN_URL(), { waitUntil: 'load' });
  await page.waitForTimeout(SETTLE_MS);
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> };
  await page.close();
  return Object.fromEntries(LOAD_METRICS.map((name) => [name, (metrics.find((m) => m.name === name)?.value ?? NaN) * 1000])) as LoadMetrics;
}

type Series = 'with' | 'overlayOff' | 'without';

/**
 * N loads in each of three fresh browsers, interleaved so drift hits all alike: with the
 * extension; with it but the overlay switched off in settings (the content script is injected,
 * reads its settings and stops: the fixed cost of being there); without the extension.
 */
async function loadCost(mock: MockExchange): Promise<Record<Series, LoadMetrics[]>> {
  const browsers: Record<Series, ChromiumSession> = {
    with: await launchChromium({ port: mock.port, withExtension: true }),
    overlayOff: await launchChromium({ port: mock.port, withExtension: true }),
    without: await launchChromium({ port: mock.port, withExtension: false }),
  };
  const series = Object.keys(browsers) as Series[];
  try {
    await withSettings(browsers.with);
    await withSettings(browsers.overlayOff, false);
    for (const s of series) await loadOnce(browsers[s]); // warm-up: caches, first renderer start
    const out: Record<Series, LoadMetrics[]> = { with: [], overlayOff: [], without: [] };
    for (let i = 0; i < LOADS; i++) for (const s of series) out[s].push(await loadOnce(browsers[s]));
    // The overlay really runs on the measured pages.
    const page = await browsers.with.context.newPage();
    await page.goto(KRAKEN_URL());
    await waitForOverlay(page, (r) => r.state === 'ok', 'overlay on the measured page');
    await page.close();
    return out;
  } finally {
    for (const s of series) await browsers[s].close();
  }
}

async function main(): Promise<void> {
  const mock = await MockExchange.start();
  try {
    console.log('# Margin Preflight extension benchmark');
    console.log('');
    console.log(`- Chromium ${CHROME_DIST}, headless, mock exchange on 127.0.0.1; node ${process.version}; date ${new Date().toISOString()}`);

    const size = contentScriptSize();
    process.stdout.write('- (a) input → overlay latency ... ');
    const session = await launchChromium({ port: mock.port });
    let latency: Awaited<ReturnType<typeof inputLatency>>;
    try {
      await withSettings(session);
      latency = await inputLatency(session);
    } finally {
      await session.close();
    }
    console.log('done');
    process.stdout.write('- (c) page-load cost, with and without the extension ... ');
    const loads = await loadCost(mock);
    console.log('done');

    const sorted = [...latency.samples].sort((a, b) => a - b);
    const p50 = percentile(sorted, 50);
    const p95 = percentile(sorted, 95);
    const med = (which: LoadMetrics[], key: keyof LoadMetrics) => median(which.map((m) => m[key]));
    const added = (key: keyof LoadMetrics) => med(loads.with, key) - med(loads.without, key);
    const addedTask = added('TaskDuration');
    const rows: Array<[string, string, string, string]> = [
      [`(a) input → overlay p50, ${latency.samples.length} keystrokes, ${CPU_THROTTLING}× CPU throttle`, ms(p50), '', ''],
      [`(a) input → overlay p95 (max ${ms(sorted.at(-1) ?? NaN)}, ${latency.missed} without an update)`, ms(p95), `≤ ${BUDGET.p95Ms} ms`, p95 <= BUDGET.p95Ms && latency.missed === 0 ? 'ok' : 'OVER'],
      [`(b) content script gzip -9 as shipped (${size.files.join(', ')}, ${(size.bytes / 1024).toFixed(1)} KB raw)`, `${(size.gzip / 1024).toFixed(1)} KB`, `≤ ${BUDGET.gzipKb} KB`, size.gzip / 1024 <= BUDGET.gzipKb ? 'ok' : 'OVER'],
      ['(b) same, minified with esbuild (reference only)', `${(size.minifiedGzip / 1024).toFixed(1)} KB`, '', ''],
      [`(c) page load TaskDuration median: without / overlay off / with extension (N=${LOADS}, ${SETTLE_MS} ms after load)`, `${ms(med(loads.without, 'TaskDuration'))} / ${ms(med(loads.overlayOff, 'TaskDuration'))} / ${ms(med(loads.with, 'TaskDuration'))}`, '', ''],
      ['(c) main-thread time added per load (TaskDuration, median difference)', `${ms(addedTask)} (×${(med(loads.with, 'TaskDuration') / med(loads.without, 'TaskDuration')).toFixed(2)})`, `≤ ${BUDGET.addedLoadMs} ms`, addedTask <= BUDGET.addedLoadMs ? 'ok' : 'OVER'],
      ...LOAD_METRICS.slice(1).map((key): [string, string, string, string] => [`(c)   of which ${key} (median difference)`, ms(added(key)), '', '']),
      ['(c) added with the overlay switched off (content script injected, idle)', ms(med(loads.overlayOff, 'TaskDuration') - med(loads.without, 'TaskDuration')), '', ''],
    ];
    const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i]!.length), ['metric', 'value', 'budget', ''][i]!.length));
    const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
    console.log('');
    console.log(line(['metric', 'value', 'budget', '']));
    console.log(line(widths.map((w) => '-'.repeat(w))));
    for (const r of rows) console.log(line(r));
    console.log('');
    for (const series of ['without', 'overlayOff', 'with'] as const) {
      console.log(`(c) raw TaskDuration ms, ${series.padEnd(10)}: ${loads[series].map((m) => m.TaskDuration.toFixed(1)).join(' ')}`);
    }
  } finally {
    await mock.stop();
  }
}

await main();
