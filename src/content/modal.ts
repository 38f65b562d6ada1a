// The exchange's own modal dialogs (order confirmation, leverage, margin mode): while one is
// visible, the overlay dims and takes no pointer events, so it can never sit on top of the
// exchange's Confirm button. Checked after clicks and key presses, on page-structure changes
// (at most every MODAL_CHECK_MS) and on the session's 1 s tick; never on every mutation.
export const MODAL_SELECTOR = '[role="dialog"][aria-modal="true"], dialog[open]';
export const MODAL_CHECK_MS = 200;

function isVisible(el: Element): boolean {
  // checkVisibility (Chrome 105+, Firefox 106+) also sees display:none and visibility:hidden on
  // an ancestor; a `hidden` dialog has no boxes either way.
  const check = (el as Element & { checkVisibility?: (options?: object) => boolean }).checkVisibility;
  if (typeof check === 'function') return check.call(el, { checkVisibilityCSS: true });
  return el.getClientRects().length > 0;
}

export function pageShowsModal(doc: Document, visible: (el: Element) => boolean = isVisible): boolean {
  for (const el of doc.querySelectorAll(MODAL_SELECTOR)) {
    if (!el.closest('[hidden]') && visible(el)) return true;
  }
  return false;
}

/** Dims the overlay while the page shows a modal dialog; `due` says whether a structure change should look again. */
export function modalDimmer(doc: Document, setDimmed: (on: boolean) => void, now: () => number) {
  let dimmed = false;
  let last = Number.NEGATIVE_INFINITY;
  return {
    check(): void {
      last = now();
      const on = pageShowsModal(doc);
      if (on === dimmed) return;
      dimmed = on;
      setDimmed(on);
    },
    due: (): boolean => now() - last >= MODAL_CHECK_MS,
  };
}
