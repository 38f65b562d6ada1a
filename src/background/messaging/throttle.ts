// Latest-value throttle: the first value goes out at once, later ones at most every minMs,
// and the last value pushed during a pause is the one delivered (never a stale one).
import type { Clock } from '../env';

export interface Throttled<T> {
  push(value: T): void;
  cancel(): void;
  /** The caller delivered a fresh value itself: drop anything pending; the next push waits minMs from now. */
  deliveredNow(): void;
}

export function throttleLatest<T>(clock: Clock, minMs: number, deliver: (value: T) => void): Throttled<T> {
  let lastAt = Number.NEGATIVE_INFINITY;
  let timer: unknown = null;
  let pending: { value: T } | null = null;

  const flush = (): void => {
    timer = null;
    if (pending === null) return;
    const { value } = pending;
    pending = null;
    lastAt = clock.now();
    deliver(value);
  };

  return {
    push(value) {
      pending = { value };
      if (timer !== null) return;
      const wait = lastAt + minMs - clock.now();
      if (wait <= 0) flush();
      else timer = clock.setTimeout(flush, wait);
    },
    cancel() {
      if (timer !== null) clock.clearTimeout(timer);
      timer = null;
      pending = null;
    },
    deliveredNow() {
      this.cancel();
      lastAt = clock.now();
    },
  };
}
