// Watches what a reading used, so the overlay never shows figures of a form that has moved on:
//  - DOM changes of the form root and of every element outside it the reading used (account
//    panel, positions table: FormReading.watched) → one full re-read in the next frame. The rest
//    of an exchange page (order book, trades, chart) mutates constantly and says nothing about the
//    order, so it is not observed.
//  - Text the page writes into the form root outside its controls (a derived "Cost 325.00 USDT" or
//    "Total" it updates after each keystroke) is not the order: it goes to `onFigures` (the session
//    re-reads typed values and page figures by the cheap path, and verifies in full at idle time),
//    never to a full re-read in the keystroke's frame. Text of a control (a "20x" leverage button,
//    a "Cross" margin tab) and every other change still read in full.
//  - Values the page's own script writes into inputs fire no event and change no DOM: while the
//    tab is visible and the form is focused or was used in the last ACTIVE_MS, the order fields are
//    probed once per animation frame. No timer runs in a hidden tab (no frames there) or an idle
//    form (the loop stops and the next activity starts it).
export const ACTIVE_MS = 3_000;

const OBSERVE: MutationObserverInit = { subtree: true, childList: true, attributes: true, characterData: true };

/** Elements whose text says what the order is (a leverage button, a margin-mode tab, a selected option). */
const CONTROL =
  'button, a, label, select, option, input, textarea, [contenteditable], [role="button"], [role="tab"], ' +
  '[role="radio"], [role="switch"], [role="checkbox"], [role="combobox"], [role="option"], [role="menuitem"], ' +
  '[role="slider"], [role="spinbutton"], [role="listbox"], [aria-pressed], [aria-selected], [aria-checked]';

const onlyText = (nodes: NodeList): boolean => {
  for (const node of nodes) if (node.nodeType !== 3 /* TEXT_NODE */) return false;
  return true;
};

/**
 * A change of text alone (a text node's data, or text nodes swapped) inside the form root and outside
 * every control: the page writing a figure it derives from the order. Anything else may be the order.
 */
export function isFigureText(record: MutationRecord, root: Element | undefined): boolean {
  if (root === undefined) return false;
  const textOnly =
    record.type === 'characterData' ||
    (record.type === 'childList' && onlyText(record.addedNodes) && onlyText(record.removedNodes));
  if (!textOnly) return false;
  const el = record.target.nodeType === 1 ? (record.target as Element) : record.target.parentElement;
  if (el === null || el === root || !root.contains(el)) return false;
  return el.closest(CONTROL) === null;
}

export interface FormWatchOptions {
  win: Window;
  doc: Document;
  signal: AbortSignal;
  now: () => number;
  /** Something observed changed: read in full (the caller coalesces into one frame). */
  onChange: () => void;
  /**
   * Only figure text the page derives changed (isFigureText). `taken`: found by hasPendingChanges, whose
   * caller re-reads the typed values anyway; otherwise reported by the observer.
   */
  onFigures: (taken: boolean) => void;
  /** Once per frame while the form is in use: look at the order fields' values. */
  onFrame: () => void;
}

export interface FormWatch {
  /** Observe exactly these elements from now on (the form root first); unchanged sets are kept. */
  observe(elements: readonly Element[]): void;
  /**
   * DOM changes of the observed elements not yet reported (the typing fast path needs none). They are
   * taken: the observer will not report them, so a caller that finds some reads in full or schedules it.
   * Figure text alone is no change here: it is handed to `onFigures` (the typed re-read covers it).
   */
  hasPendingChanges(): boolean;
  /** The trader did something in or near the form: keep probing for ACTIVE_MS. */
  activity(): void;
}

export function watchForm({ win, doc, signal, now, onChange, onFigures, onFrame }: FormWatchOptions): FormWatch {
  let observed: readonly Element[] = [];
  /** 'change' if any record may be the order, 'figures' if all are derived figure text, null if none. */
  const sort = (records: readonly MutationRecord[]): 'change' | 'figures' | null => {
    if (records.length === 0) return null;
    const root = observed[0];
    return records.every((r) => isFigureText(r, root)) ? 'figures' : 'change';
  };
  const observer = new MutationObserver((records) => {
    const kind = sort(records);
    if (kind === 'change') onChange();
    else if (kind === 'figures') onFigures(false);
  });
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
    hasPendingChanges() {
      const kind = sort(observer.takeRecords());
      if (kind === 'figures') onFigures(true);
      return kind === 'change';
    },
    activity() {
      lastActivity = now();
      start();
    },
  };
}
