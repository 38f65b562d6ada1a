// The session's listeners on the page: capture-phase input, change, click and keydown on the
// document, each telling the form watch that the form is in use. Typing re-reads the typed values,
// a change reads in full, and a click schedules a read (and a look for a modal dialog) for the next
// frame: the page reacts to a click after us. Nothing is read inside the click itself.

export interface PageEventHandlers {
  /** Any input, change, click or key press: the form is in use. */
  activity: () => void;
  /** An input event: re-read what was typed. */
  typed: () => void;
  /** A change event: read in full. */
  changed: () => void;
  /** A click: read (and check for a modal) in the next frame. */
  clicked: () => void;
}

export function installPageEvents(doc: Document, signal: AbortSignal, on: PageEventHandlers): void {
  doc.addEventListener(
    'input',
    () => {
      on.activity();
      on.typed();
    },
    { capture: true, signal },
  );
  doc.addEventListener(
    'change',
    () => {
      on.activity();
      on.changed();
    },
    { capture: true, signal },
  );
  doc.addEventListener(
    'click',
    () => {
      on.activity();
      on.clicked();
    },
    { capture: true, signal },
  );
  doc.addEventListener('keydown', () => on.activity(), { capture: true, signal });
}
