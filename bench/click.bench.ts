// The pre-submit guard's cost inside a Buy click, on a page with many open positions.
//   npm run bench   (after the extension bench; BENCH_ONLY=click runs only this part)
//
// The Bybit fixture (cross margin: the reader also reads the account panel and the positions
// table) gets ROWS position rows. A script in the page's main world dispatches a click on
// Buy/Long and takes the time from just before dispatchEvent to the page's own bubbling listener
// on the document: everything that ran in between is capture-phase work — ours (the guard reads
// the order fields and decides) plus the browser's dispatch. The same is measured in a browser
// without the extension (the floor); the difference is what the guard adds to a click. No reason
// is crossed (default settings), so every click passes through to the page. 4× CPU throttling.
import type { Page } from 'playwright-core';
import { launchChromium, type ChromiumSession } from '../e2e/harness/chromium';
import { BYBIT_URL } from '../e2e/harness/bybit-linear-page';
import { waitForOverlay } from '../e2e/harness/overlay';
import { MockExchange } from '../e2e/mock/server';

export const CLICK_ROWS = 1_000;
const CLICKS = 60;
const QUICK_CLICKS = 20;
const WARMUP = 10;
export const CLICK_THROTTLING = 4;
/** What the guard may add to a click's p95 (issue 9). */
export const CLICK_BUDGET_MS = 2;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;

/** Adds `rows` copies of the first position row to the page's positions table. */
async function addPositionRows(page: Page, rows: number): Promise<void> {
  await page.evaluate((n) => {
    const body = document.querySelector('.by-table tbody')!;
    const template = body.querySelector('tr')!;
    const fragment = document.createDocumentFragment();
    for (let i = 0; i < n; i++) fragment.append(template.cloneNode(true));
    body.append(fragment);
  }, rows);
}

/** Milliseconds from dispatch to the page's own bubbling click listener, per click. */
async function clickTimes(page: Page, clicks: number): Promise<number[]> {
  return page.evaluate(
    async ([clicks, warmup]) => {
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Buy/Long')!;
      const reached = { at: 0 };
      document.addEventListener('click', () => (reached.at = performance.now()));
      const out: number[] = [];
      for (let i = 0; i < clicks + warmup; i++) {
        reached.at = 0;
        const start = performance.now();
        button.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
        if (reached.at === 0) throw new Error(`click ${i} did not reach the page (held by the guard?)`);
        if (i >= warmup) out.push(reached.at - start);
        await new Promise((r) => setTimeout(r, 30));
      }
      return out;
    },
    [clicks, WARMUP] as const,
  );
}

async function measure(session: ChromiumSession, withExtension: boolean, clicks: number): Promise<number[]> {
  const page = await session.context.newPage();
  try {
    await page.goto(BYBIT_URL());
    await page.getByRole('button', { name: 'Buy/Long', exact: true }).waitFor();
    await addPositionRows(page, CLICK_ROWS);
    if (withExtension)
      await waitForOverlay(page, (r) => r.present && r.state !== null, 'overlay on the page with many rows', 15_000);
    const cdp = await session.context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CLICK_THROTTLING });
    try {
      return await clickTimes(page, clicks);
    } finally {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    }
  } finally {
    await page.close();
  }
}

export interface ClickBench {
  clicks: number;
  withP50: number;
  withP95: number;
  floorP50: number;
  floorP95: number;
}

/** `quick`: fewer clicks per round (`npm run bench -- --quick`). */
export async function clickBench(mock: MockExchange, quick = false): Promise<ClickBench> {
  const clicks = quick ? QUICK_CLICKS : CLICKS;
  const withExt = await launchChromium({ port: mock.port, withExtension: true });
  const without = await launchChromium({ port: mock.port, withExtension: false });
  try {
    const ours: number[] = [];
    const floor: number[] = [];
    // Interleaved, so machine noise hits both alike.
    for (let round = 0; round < 2; round++) {
      ours.push(...(await measure(withExt, true, clicks)));
      floor.push(...(await measure(without, false, clicks)));
    }
    ours.sort((a, b) => a - b);
    floor.sort((a, b) => a - b);
    return {
      clicks: ours.length,
      withP50: percentile(ours, 50),
      withP95: percentile(ours, 95),
      floorP50: percentile(floor, 50),
      floorP95: percentile(floor, 95),
    };
  } finally {
    await withExt.close();
    await without.close();
  }
}
