// The session's next-frame work: a full read and a look for a modal dialog are asked for as
// needed and done together in one animation frame, followed by a redraw. Asking again before the
// frame runs adds to the same frame; stopping the session cancels it.
// While the answer to the form just sent is on its way, the frame it lands in must draw it and
// nothing else: the dialog check and the redraw wait (a read does not: it may change the form) and
// run in a frame after the answer is drawn, or once it is overdue (`settled`).

export interface FrameWork {
  read: () => void;
  checkModal: () => void;
  render: () => void;
  /** The answer to the latest form is on its way (and not overdue). */
  answerPending: () => boolean;
}

/** Asks for a read and/or a modal check in the next frame (a redraw always follows). */
export interface Schedule {
  (what: { read?: boolean; modal?: boolean }): void;
  /** The pending answer is drawn or overdue: run what waited for it. */
  settled(): void;
}

export function frameSchedule(win: Window, signal: AbortSignal, work: FrameWork): Schedule {
  let frame = 0;
  let readNeeded = false;
  let modalNeeded = false;
  /** A dialog check or redraw waits for the pending answer. */
  let waiting = false;

  signal.addEventListener('abort', () => win.cancelAnimationFrame(frame), { once: true });

  const request = (): void => {
    if (frame === 0 && !signal.aborted) frame = win.requestAnimationFrame(onFrame);
  };

  function onFrame(): void {
    frame = 0;
    if (signal.aborted) return;
    if (readNeeded) {
      readNeeded = false;
      work.read();
    }
    if (work.answerPending()) {
      waiting = true;
      return;
    }
    waiting = false;
    if (modalNeeded) {
      modalNeeded = false;
      work.checkModal();
    }
    work.render();
  }

  const schedule = ((what) => {
    if (what.read) readNeeded = true;
    if (what.modal) modalNeeded = true;
    request();
  }) as Schedule;
  schedule.settled = () => {
    if (waiting) request();
  };
  return schedule;
}
