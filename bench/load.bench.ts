// Main-thread CPU a page load costs, ours against the reference extensions, interleaved.
//
// Each subject's browser loads the Kraken fixture page at its real URL (where the subject's content
// script runs) and the same page at a control host no content script matches (same browser, same
// extension and service worker, no injection), in turn with every other subject's loads. The figure
// per subject is the median main-thread CPU of its loads minus the median of its control loads: all
// the subject adds to the page's main thread, the browser's own work to inject and render included.
// The floors: the empty content script (injection alone) and the hello-world closed shadow root.
import type { Page } from 'playwright-core';
import { KRAKEN_URL } from '../e2e/harness/kraken-margin-page';
import { CONTROL_HOST } from '../e2e/mock/pages';
import type { Subject } from './browsers';
import { tracedLoad, type WindowFigures } from './load-trace';

export const CONTROL_URL = `https://${CONTROL_HOST}/app/trade/btc-usd`;
export const SETTLE_MS = 1_500;

export interface LoadSeries {
  page: WindowFigures[];
  control: WindowFigures[];
}

async function loadOnce(subject: Subject, url: string): Promise<WindowFigures> {
  const page: Page = await subject.session.context.newPage();
  try {
    return await tracedLoad(page, subject.browser, url, SETTLE_MS);
  } finally {
    await page.close();
  }
}

export async function loadBench(subjects: Subject[], loads: number): Promise<Map<Subject['name'], LoadSeries>> {
  const out = new Map<Subject['name'], LoadSeries>(subjects.map((s) => [s.name, { page: [], control: [] }]));
  for (const s of subjects) {
    await loadOnce(s, KRAKEN_URL()); // warm-up: caches, first renderer start
    await loadOnce(s, CONTROL_URL);
  }
  for (let i = 0; i < loads; i++)
    for (const s of subjects) {
      out.get(s.name)!.page.push(await loadOnce(s, KRAKEN_URL()));
      out.get(s.name)!.control.push(await loadOnce(s, CONTROL_URL));
    }
  return out;
}
