// The session's full reads that need not happen now: the first one of a freshly loaded page (at
// idle time once the tab is shown, or at the trader's first touch: a pointer or focus; a hidden tab
// reads nothing and runs nothing of ours), and the one that makes sure nothing but figure text
// moved after the page rewrote its own Cost or Total (idle time). Any full read done meanwhile
// settles both (`done`).
import { idleTask } from './idle';

/** The longest the first reading waits for idle time after load. */
export const FIRST_READ_IDLE_MS = 500;
/** After the page rewrote figure text of the form, the longest a full read (to be sure) waits for idle time. */
export const VERIFY_IDLE_MS = 1_000;

export interface ReadLater {
  /** Wait for idle time or a touch before the first full read. */
  deferFirst(): void;
  /** A full read at idle time, to be sure. */
  verify(): void;
  /** A full read was done: nothing waits any more. */
  done(): void;
}

export function readLater(
  win: Window,
  doc: Document,
  signal: AbortSignal,
  work: { read: () => void; begun: () => boolean; readSoon: () => void },
): ReadLater {
  const verify = idleTask(win, signal, VERIFY_IDLE_MS, work.read);
  const first = idleTask(win, signal, FIRST_READ_IDLE_MS, work.read);
  return {
    deferFirst() {
      // In the next frame, not inside the page's own event.
      const touched = (): void => {
        if (!work.begun()) work.readSoon();
      };
      doc.addEventListener('pointerdown', touched, { capture: true, signal, once: true });
      doc.addEventListener('focusin', touched, { capture: true, signal, once: true });
      const whenShown = (): void => {
        if (!work.begun() && doc.visibilityState !== 'hidden') first.request();
      };
      doc.addEventListener('visibilitychange', whenShown, { signal });
      whenShown();
    },
    verify: () => verify.request(),
    done() {
      first.cancel();
      verify.cancel();
    },
  };
}
