// Steady state on an open page whose order book ticks at 20 Hz, and the same page once hidden.
//
// BOOK_TICKER (bench only, added as an init script to the measured pages) rewrites the Kraken
// fixture's order-book rows every 50 ms, as an exchange's live book does; the page is otherwise
// idle (no typing). Each subject's page is traced browser-wide for a window between two marks; the
// figures are that window's main-thread CPU per second of the page's renderer (and the service
// worker's), ours against the empty content script's in the same rounds.
//
// Hidden: headless Chromium keeps every tab visible (no window to hide behind), so the bench tells
// our content script the tab is hidden, in its own isolated world only: document.hidden = true,
// visibilityState = 'hidden' and a visibilitychange event. Chromium does not then throttle the page
// the way it would a real background tab, so every timer, animation frame or idle callback of ours
// that still fires is counted (stricter than a real hidden tab, where timers fire at most once a second).
import type { Page } from 'playwright-core';
import { KrakenPage, KRAKEN_URL } from '../e2e/harness/kraken-margin-page';
import { waitForOverlay } from '../e2e/harness/overlay';
import { evaluateIn, extensionWorld, type Subject } from './browsers';
import { mark, markTime, pageMainThread, traced, windowFigures, type WindowFigures } from './load-trace';

export const BOOK_HZ = 20;

const BOOK_TICKER = `(() => {
  if (location.hostname !== 'pro.kraken.com') return;
  let n = 0;
  const tick = () => {
    const rows = document.querySelectorAll('[data-fixture="order-book"] div:not(.font-bold)');
    n += 1;
    rows.forEach((row, i) => {
      const [price, qty] = row.querySelectorAll('span');
      if (!price || !qty) return;
      const p = 65012 - i * 3.1 + ((n * 7 + i * 13) % 20) / 10;
      price.textContent = p.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
      qty.textContent = (((n * 31 + i * 17) % 2000) / 1000 + 0.05).toFixed(3);
    });
  };
  setInterval(tick, ${1000 / BOOK_HZ});
})()`;

export interface SteadyRig {
  subject: Subject;
  page: Page;
  /** One traced window of `ms` on the page: main-thread and service-worker figures. */
  window(ms: number, label: string): Promise<WindowFigures>;
  close(): Promise<void>;
}

export async function steadyRig(subject: Subject): Promise<SteadyRig> {
  const page = await subject.session.context.newPage();
  await page.addInitScript(BOOK_TICKER);
  const url = KRAKEN_URL();
  let thread: { pid: number; tid: number } | null = null;
  // The load is traced only to find the page's main thread in the trace.
  const events = await traced(subject.browser, async () => {
    // Every subject's page alike: loaded, and the order form touched as a trader would (the overlay
    // may wait for that before its first read).
    await new KrakenPage(page).goto();
    await new KrakenPage(page).typeSize('0.1');
    if (subject.name === 'ours')
      await waitForOverlay(page, (r) => r.state === 'ok' && r.mark === 'live', 'overlay live under a ticking book');
  });
  thread = pageMainThread(events, url);
  await blur(page); // steady state: the form filled, the trader watching the book
  await page.waitForTimeout(2_000); // past the load: the first read, the feed's first figures
  return {
    subject,
    page,
    async window(ms, label) {
      const events = await traced(subject.browser, async () => {
        await mark(page, `${label}:start`);
        await page.waitForTimeout(ms);
        await mark(page, `${label}:end`);
      });
      return windowFigures(events, thread!, markTime(events, `${label}:start`), markTime(events, `${label}:end`));
    },
    close: () => page.close(),
  };
}

const quantity = (page: Page) => page.getByRole('textbox', { name: 'Quantity', exact: true });

export async function blur(page: Page): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

/** The cursor in the quantity field, as while typing an order. */
export async function focusQuantity(page: Page): Promise<void> {
  await quantity(page).focus();
}

/** Tells the extension's world (only) that the tab is hidden, or visible again. */
export async function pretendHidden(rig: SteadyRig, hidden: boolean): Promise<void> {
  const cdp = await rig.subject.session.context.newCDPSession(rig.page);
  try {
    const world = await extensionWorld(cdp, rig.page, async () => {
      throw new Error('no extension world in the steady page');
    });
    await evaluateIn(
      cdp,
      world,
      hidden
        ? `Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
           Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
           document.dispatchEvent(new Event('visibilitychange')); true`
        : `delete document.hidden; delete document.visibilityState;
           document.dispatchEvent(new Event('visibilitychange')); true`,
    );
  } finally {
    await cdp.detach();
  }
}

export interface SteadyPlan {
  rounds: number;
  windowMs: number;
  hiddenMs: number;
}

export interface SteadyResult {
  plan: SteadyPlan;
  ours: WindowFigures[];
  empty: WindowFigures[];
  /** One window each with the cursor left in the quantity field (a trader between keystrokes). */
  focusedOurs: WindowFigures;
  focusedEmpty: WindowFigures;
  /** Ours, told the tab is hidden. */
  hidden: WindowFigures;
}

/** Ours and the empty script in turn, window by window; then focused; then ours hidden. */
export async function steadyBench(ours: Subject, empty: Subject, plan: SteadyPlan): Promise<SteadyResult> {
  const a = await steadyRig(ours);
  const b = await steadyRig(empty);
  try {
    const out: Pick<SteadyResult, 'ours' | 'empty'> = { ours: [], empty: [] };
    for (let r = 0; r < plan.rounds; r++) {
      out.ours.push(await a.window(plan.windowMs, `ours-${r}`));
      out.empty.push(await b.window(plan.windowMs, `empty-${r}`));
    }
    await focusQuantity(a.page);
    await focusQuantity(b.page);
    const focusedOurs = await a.window(plan.windowMs, 'ours-focused');
    const focusedEmpty = await b.window(plan.windowMs, 'empty-focused');
    await blur(a.page);
    await blur(b.page);
    await pretendHidden(a, true);
    await a.page.waitForTimeout(500); // what was already scheduled may still run once
    const hidden = await a.window(plan.hiddenMs, 'hidden');
    await pretendHidden(a, false);
    return { plan, ...out, focusedOurs, focusedEmpty, hidden };
  } finally {
    await a.close();
    await b.close();
  }
}
