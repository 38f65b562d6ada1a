// Work that can wait for the browser to be idle (the first reading of a freshly loaded page, a
// check that the page's own figure text changed nothing else): requestIdleCallback with a bound, so
// it runs when the page has a gap and never later than `timeoutMs`. Without requestIdleCallback
// (Safari) a zero timeout stands in. Asking again while one is waiting keeps the one waiting.

type IdleWindow = Window & {
  requestIdleCallback?: (run: () => void, options?: { timeout: number }) => number;
  cancelIdleCallback?: (handle: number) => void;
};

export interface IdleTask {
  /** Run the task at the next idle time (at most `timeoutMs` from now), unless already asked. */
  request(): void;
  /** Forget a waiting request (the work was done another way). */
  cancel(): void;
}

export function idleTask(win: Window, signal: AbortSignal, timeoutMs: number, run: () => void): IdleTask {
  const w = win as IdleWindow;
  let handle: number | null = null;
  let viaIdle = false;

  const cancel = (): void => {
    if (handle === null) return;
    if (viaIdle) w.cancelIdleCallback?.(handle);
    else win.clearTimeout(handle);
    handle = null;
  };
  const fire = (): void => {
    handle = null;
    if (!signal.aborted) run();
  };
  signal.addEventListener('abort', cancel, { once: true });

  return {
    request() {
      if (handle !== null || signal.aborted) return;
      viaIdle = typeof w.requestIdleCallback === 'function';
      handle = viaIdle ? w.requestIdleCallback!(fire, { timeout: timeoutMs }) : win.setTimeout(fire, 0);
    },
    cancel,
  };
}
