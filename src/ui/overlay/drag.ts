// Dragging the overlay by its grip: pointer capture on the handle, moves relative to where the drag
// started, and one callback when it ends (the mount keeps the trader's position from then on).
import type { Point } from './position';

export interface DragDeps {
  /** Ends a drag in progress when the overlay goes away. */
  signal: AbortSignal;
  position: () => Point;
  move: (p: Point) => void;
  end: () => void;
}

export function dragStarter({ signal, position, move, end }: DragDeps): (event: PointerEvent) => void {
  return (event) => {
    if (event.button !== 0) return;
    event.preventDefault();
    const handle = event.currentTarget as Element;
    const start = { x: event.clientX, y: event.clientY };
    const origin = position();
    const drag = new AbortController();
    signal.addEventListener('abort', () => drag.abort(), { signal: drag.signal });
    const opts = { signal: drag.signal };
    try {
      handle.setPointerCapture(event.pointerId);
    } catch {
      // Synthetic pointer ids (tests) cannot be captured; the move listeners still work.
    }
    handle.addEventListener(
      'pointermove',
      (e) => {
        const { clientX, clientY } = e as PointerEvent;
        move({ x: origin.x + clientX - start.x, y: origin.y + clientY - start.y });
      },
      opts,
    );
    const finish = (): void => {
      drag.abort();
      end();
    };
    handle.addEventListener('pointerup', finish, opts);
    handle.addEventListener('pointercancel', finish, opts);
  };
}
