// Watches what a reading used, so the overlay never shows figures of a form that has moved on:
//  - DOM changes of the form root and of every element outside it the reading used (account
//    panel, positions table: FormReading.watched) → one full re-read in the next frame. The rest
//    of an exchange page (order book, trades, chart) mutates constantly and says nothing about the
//    order, so it is not observed.
//  - Values the page's own script writes into inputs fire no event and change no DOM: while the
//    tab is visible and the form is focused or was used in the last ACTIVE_MS, the order fields are
//    probed once per animation frame. No timer runs in a hidden tab (no frames there) or an idle
//    form (the loop stops and the next activity starts it).
export const ACTIVE_MS = 3_000;

const OBSERVE: MutationObserverInit = { subtree: true, childList: true, attributes: true, characterData: true };

export interface FormWatchOptions {
  win: Window;
  doc: Document;
  signal: AbortSignal;
  now: () => number;
  /** Something observed changed: read in full (the caller coalesces into one frame). */
  onChange: () => void;
  /** Once per frame while the form is in use: look at the order fields' values. */
  onFrame: () => void;
}

export interface FormWatch {
  /** Observe exactly these elements from now on (the form root first); unchanged sets are kept. */
  observe(elements: readonly Element[]): void;
  /**
   * DOM changes of the observed elements not yet reported (the typing fast path needs none). They are
   * taken: the observer will not report them, so a caller that finds some reads in full or schedules it.
   */
  hasPendingChanges(): boolean;
  /** The trader did something in or near the form: keep probing for ACTIVE_MS. */
  activity(): void;
}

export function watchForm({ win, doc, signal, now, onChange, onFrame }: FormWatchOptions): FormWatch {
  const observer = new MutationObserver(() => onChange());
  let observed: readonly Element[] = [];
  let lastActivity = Number.NEGATIVE_INFINITY;
  let frame = 0;

  const formInUse = (): boolean => {
    if (doc.visibilityState === 'hidden') return false;
    const root = observed[0];
    const focused = doc.activeElement;
    if (root !== undefined && focused !== null && root.contains(focused)) return true;
    return now() - lastActivity < ACTIVE_MS;
  };

  const loop = (): void => {
    frame = 0;
    if (signal.aborted || !formInUse()) return;
    onFrame();
    frame = win.requestAnimationFrame(loop);
  };
  const start = (): void => {
    if (frame === 0 && !signal.aborted && formInUse()) frame = win.requestAnimationFrame(loop);
  };

  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      win.cancelAnimationFrame(frame);
    },
    { once: true },
  );
  doc.addEventListener('focusin', start, { capture: true, signal });
  doc.addEventListener('visibilitychange', start, { signal });

  return {
    observe(elements) {
      if (elements.length === observed.length && elements.every((el, i) => el === observed[i])) return;
      observer.disconnect();
      observed = elements;
      for (const el of elements) observer.observe(el, OBSERVE);
    },
    hasPendingChanges: () => observer.takeRecords().length > 0,
    activity() {
      lastActivity = now();
      start();
    },
  };
}
