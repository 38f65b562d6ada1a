// The guard's hooks into the page: capture-phase listeners on `window`, which run before any of
// the page's own listeners. A click on one of the reader's submit buttons, or Enter in an input of
// the form, asks `decide`; a 'hold' stops the event there. Nothing else is touched.
import type { Side } from '../core/types';
import type { VenueReader } from '../venues/readers';

/** What was submitted: a submit button, or Enter in one of the form's inputs. */
export type GuardTarget = Element | 'enter';

export interface GuardEventsOptions {
  win: Window;
  doc: Document;
  reader: VenueReader;
  signal: AbortSignal;
  enabled: () => boolean;
  /** The verdict for a submit; `buttonSide` is the side the button itself places, if it says. */
  decide: (target: GuardTarget, buttonSide: Side | null, via: 'click' | 'enter') => 'hold' | 'pass';
  /** A held Enter's notice is showing (a held-down key must not pass as a second press). */
  holdingEnter: () => boolean;
}

function stop(event: Event): void {
  event.preventDefault();
  event.stopImmediatePropagation();
}

export function installGuardEvents({ win, doc, reader, signal, enabled, decide, holdingEnter }: GuardEventsOptions): void {
  win.addEventListener('click', (event) => {
    if (!enabled()) return;
    const path = event.composedPath();
    let button: Element | undefined;
    try {
      button = reader.submitButtons(doc).find((b) => path.includes(b));
    } catch {
      return; // a reader that cannot find its buttons cannot tell us what is being submitted
    }
    if (button === undefined) return;
    if (decide(button, reader.sideOfSubmit(button), 'click') === 'hold') stop(event);
  }, { capture: true, signal });

  win.addEventListener('keydown', (event) => {
    if (!enabled() || event.key !== 'Enter' || event.isComposing) return;
    if (event.repeat) {
      if (holdingEnter()) stop(event);
      return;
    }
    const target = event.composedPath()[0];
    if (!(target instanceof HTMLInputElement) || ['checkbox', 'radio', 'button', 'submit'].includes(target.type)) return;
    let root: Element | null;
    try {
      root = reader.formRoot(doc);
    } catch {
      return;
    }
    if (root === null || !root.contains(target)) return;
    if (decide('enter', null, 'enter') === 'hold') stop(event);
  }, { capture: true, signal });
}
