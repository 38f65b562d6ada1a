// The session's next-frame work: a full read and a look for a modal dialog are asked for as
// needed and done together in one animation frame, followed by a redraw. Asking again before the
// frame runs adds to the same frame; stopping the session cancels it.

export interface FrameWork {
  read: () => void;
  checkModal: () => void;
  render: () => void;
}

/** Asks for a read and/or a modal check in the next frame (a redraw always follows). */
export type Schedule = (what: { read?: boolean; modal?: boolean }) => void;

export function frameSchedule(win: Window, signal: AbortSignal, work: FrameWork): Schedule {
  let frame = 0;
  let readNeeded = false;
  let modalNeeded = false;

  signal.addEventListener('abort', () => win.cancelAnimationFrame(frame), { once: true });

  function onFrame(): void {
    frame = 0;
    if (signal.aborted) return;
    if (readNeeded) {
      readNeeded = false;
      work.read();
    }
    if (modalNeeded) {
      modalNeeded = false;
      work.checkModal();
    }
    work.render();
  }

  return (what) => {
    if (what.read) readNeeded = true;
    if (what.modal) modalNeeded = true;
    if (frame === 0 && !signal.aborted) frame = win.requestAnimationFrame(onFrame);
  };
}
