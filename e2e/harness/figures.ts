// Compares what the overlay shows with what the engine computes for the same form and market.
import type { Page } from 'playwright-core';
import { Dec } from '../../src/core/decimal';
import { FIGURES } from '../../src/ui/overlay/contract';
import type { ExpectedView } from './expected';
import { figuresOf, readOverlay, summary, type OverlayReading } from './overlay';

/** Differences between the overlay and the expected view; [] when they agree exactly. */
export function figureMismatches(reading: OverlayReading, expected: ExpectedView): string[] {
  const out: string[] = [];
  if (reading.state !== expected.state) out.push(`state is ${reading.state}, expected ${expected.state}`);
  const sides = Object.keys(expected.figures);
  const extra = reading.figures.filter((f) => f.side !== null && !sides.includes(f.side));
  if (extra.length > 0)
    out.push(`figures shown for unexpected sides: ${extra.map((f) => `${f.side}:${f.key}`).join(', ')}`);
  for (const [side, figures] of Object.entries(expected.figures)) {
    const shown = figuresOf(reading, side);
    for (const key of FIGURES) {
      if (shown[key] !== figures[key])
        out.push(`${side}:${key} shows ${JSON.stringify(shown[key])}, engine says ${JSON.stringify(figures[key])}`);
    }
  }
  return out;
}

/** The overlay's header mark, as a number text; null when not shown. */
export function shownMark(reading: OverlayReading): string | null {
  const f = reading.figures.find((x) => x.key === 'markPrice' && x.value !== '');
  return f ? f.value : null;
}

export const sameNumber = (a: string | null, b: string | null): boolean =>
  a !== null && b !== null && new Dec(a).equals(b);

export interface WaitOptions {
  mark?: 'live' | 'stale' | 'missing';
  timeoutMs?: number;
}

/**
 * Polls the overlay until it shows exactly the engine's figures (recomputed on every poll, since
 * freshness depends on the clock) and, if given, the mark state. Throws with the differences.
 */
export async function waitForEngineFigures(
  page: Page,
  what: string,
  expected: () => ExpectedView,
  options: WaitOptions = {},
): Promise<OverlayReading> {
  const end = Date.now() + (options.timeoutMs ?? 12_000);
  let last: OverlayReading | undefined;
  let problems: string[];
  for (;;) {
    last = await readOverlay(page);
    problems = figureMismatches(last, expected());
    if (options.mark && last.mark !== options.mark)
      problems.push(`data-mark is ${last.mark}, expected ${options.mark}`);
    if (problems.length === 0) return last;
    if (Date.now() > end) break;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(
    `${what}: the overlay never showed the engine's figures:\n  ${problems.join('\n  ')}\nlast reading: ${JSON.stringify(summary(last), null, 1)}`,
  );
}

/**
 * Samples the overlay for `durationMs` and returns every reading that shows a wrong figure.
 * Acceptable: figures marked stale; live figures equal to one of the `live` candidates (the last
 * good market data, or the new data once it got through); figures with the mark missing equal
 * to `missing` (the form-only quote); no figures at all (state other than ok).
 */
export async function wrongReadings(
  page: Page,
  durationMs: number,
  candidates: { live: Array<() => ExpectedView>; missing?: () => ExpectedView },
): Promise<string[]> {
  const wrong: string[] = [];
  const end = Date.now() + durationMs;
  while (Date.now() < end) {
    const r = await readOverlay(page);
    if (r.state === 'ok' && r.mark !== 'stale') {
      const options = r.mark === 'missing' ? (candidates.missing ? [candidates.missing] : []) : candidates.live;
      const fits = options.some((expected) => figureMismatches(r, expected()).length === 0);
      if (!fits) wrong.push(JSON.stringify(summary(r)));
    }
    await new Promise((res) => setTimeout(res, 200));
  }
  return wrong;
}
