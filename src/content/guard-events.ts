// The guard's hooks into the page: capture-phase listeners on `window`, which run before any of
// the page's own listeners. A click on one of the reader's submit buttons, or Enter in an input of
// the form, asks `decide`; a 'hold' stops the event there. Nothing else is touched.
import type { Side } from '../core/types';
import { taughtSide } from '../venues/dom/taught';
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
  /**
   * The submit buttons and the form root as of the last full reading, so that a click is told apart
   * without a page-wide search (the search runs only when the form may have been re-rendered).
   */
  known: () => { buttons: readonly Element[]; root: Element | null };
}

function stop(event: Event): void {
  event.preventDefault();
  event.stopImmediatePropagation();
}

/** The submit button a click's path goes through, or undefined. */
function submitButtonOf(
  path: readonly EventTarget[],
  reader: VenueReader,
  doc: Document,
  known: GuardEventsOptions['known'],
): Element | undefined {
  const { buttons } = known();
  // The buttons of the last reading are all still on the page: the form was not re-rendered, and
  // a new button would have been a DOM change, read again in the frame it happened.
  if (buttons.length > 0 && buttons.every((b) => b.isConnected)) return buttons.find((b) => path.includes(b));
  return reader.submitButtons(doc).find((b) => path.includes(b));
}

export function installGuardEvents({
  win,
  doc,
  reader,
  signal,
  enabled,
  decide,
  holdingEnter,
  known,
}: GuardEventsOptions): void {
  win.addEventListener(
    'click',
    (event) => {
      if (!enabled()) return;
      let button: Element | undefined;
      try {
        button = submitButtonOf(event.composedPath(), reader, doc, known);
      } catch {
        return; // a reader that cannot find its buttons cannot tell us what is being submitted
      }
      if (button === undefined) return;
      // A button the trader pointed at (teach mode) says its side through its teach step when the
      // reader no longer recognises its text or class.
      const side = reader.sideOfSubmit(button) ?? taughtSide(button, reader.teach);
      if (decide(button, side, 'click') === 'hold') stop(event);
    },
    { capture: true, signal },
  );

  win.addEventListener(
    'keydown',
    (event) => {
      if (!enabled() || event.key !== 'Enter' || event.isComposing) return;
      if (event.repeat) {
        if (holdingEnter()) stop(event);
        return;
      }
      const target = event.composedPath()[0];
      if (!(target instanceof HTMLInputElement) || ['checkbox', 'radio', 'button', 'submit'].includes(target.type))
        return;
      let root = known().root;
      try {
        if (root === null || !root.isConnected) root = reader.formRoot(doc);
      } catch {
        return;
      }
      if (root === null || !root.contains(target)) return;
      if (decide('enter', null, 'enter') === 'hold') stop(event);
    },
    { capture: true, signal },
  );
}
