// Teach mode's pointing (issue 14): while the trader points at a field, nothing they do with the
// pointer or Enter/Space reaches the exchange. Every listener is on the window in the capture
// phase, so it runs before the page's own document and element listeners, and a click that would
// place an order is stopped there. Our own overlay (its host: events from inside a closed shadow
// root are retargeted to it) is let through, so the teach panel's buttons and keys still work.
// The picker writes nothing to the page: it reports the element to outline (onHover) and the
// element picked (onPick); the outline is drawn inside our shadow root.
import { isHidden } from '../../venues/dom/visibility';

export type PickKind = 'field' | 'control';

/** Text fields: what a price or a size is typed into. */
const FIELD = [
  'input:not([type]), input[type="text"], input[type="number"], input[type="tel"], input[type="search"]',
  'input[type="decimal"], textarea, [contenteditable="true"], [contenteditable=""]',
  '[role="textbox"], [role="spinbutton"]',
].join(', ');
/** Anything that is clicked: buttons, tabs, switches, dropdowns, links. */
const CONTROL = [
  'button, select, a[href], input[type="button"], input[type="submit"], input[type="checkbox"], input[type="radio"]',
  '[role="button"], [role="tab"], [role="radio"], [role="switch"], [role="checkbox"], [role="combobox"]',
  '[role="option"], [role="menuitem"], [role="menuitemradio"]',
].join(', ');

/** Swallowed outside our overlay while teaching: together they are every way a pointer activates something. */
const POINTER_EVENTS = [
  'pointerdown',
  'pointerup',
  'mousedown',
  'mouseup',
  'click',
  'auxclick',
  'dblclick',
  'contextmenu',
] as const;

export interface PickerDeps {
  win: Window;
  doc: Document;
  signal: AbortSignal;
  /** The event's target is our overlay: let it through untouched. */
  ours: (target: EventTarget | null) => boolean;
  /** The element to outline now (null: none); also called again after a scroll moved it. */
  onHover: (el: Element | null) => void;
  onPick: (el: Element) => void;
  onCancel: () => void;
}

export interface Picker {
  /** What the current step points at: a text field or a control. */
  setKind(kind: PickKind): void;
  /** Keyboard: the next / previous candidate in document order (wrapping), outlined. */
  next(): void;
  previous(): void;
  /** Keyboard: picks the outlined candidate, if any. */
  pick(): void;
}

/** The element a target stands for in this kind of step: the field or control it is part of. */
export function candidateOf(target: Element, kind: PickKind): Element | null {
  const found = target.closest(kind === 'field' ? FIELD : CONTROL);
  if (found !== null) return found;
  if (kind === 'field') return target instanceof HTMLLabelElement ? target.control : null;
  // A clickable <div> with no role is still a control on many exchange pages.
  return target === target.ownerDocument.body || target === target.ownerDocument.documentElement ? null : target;
}

/** The visible candidates of a kind in document order (the keyboard's cycle). */
export function candidates(doc: Document, kind: PickKind): Element[] {
  return [...doc.querySelectorAll(kind === 'field' ? FIELD : CONTROL)].filter((el) => !isHidden(el));
}

/** The innermost element an event happened on, inside the page's own (open) shadow roots too. */
const innermost = (event: Event): Element | null => {
  const first = event.composedPath()[0] ?? event.target;
  return first instanceof Element ? first : null;
};

export function startPicker(deps: PickerDeps): Picker {
  const { win, doc, signal, ours } = deps;
  let kind: PickKind = 'field';
  let current: Element | null = null;
  const capture = { capture: true, signal };

  // Retargeted to our host in browsers; a DOM that does not retarget (happy-dom) still has the host on the path.
  const fromUs = (event: Event): boolean => ours(event.target) || event.composedPath().some(ours);
  const hover = (el: Element | null): void => {
    current = el;
    deps.onHover(el);
  };
  const swallow = (event: Event): void => {
    event.preventDefault();
    event.stopImmediatePropagation();
  };

  win.addEventListener(
    'pointermove',
    (event) => {
      if (fromUs(event)) return;
      const target = innermost(event);
      const next = target === null ? null : candidateOf(target, kind);
      if (next !== current) hover(next);
    },
    { ...capture, passive: true },
  );
  for (const type of POINTER_EVENTS) {
    win.addEventListener(
      type,
      (event) => {
        if (fromUs(event)) return;
        swallow(event);
        if (type !== 'click') return;
        const target = innermost(event);
        const picked = target === null ? null : candidateOf(target, kind);
        if (picked !== null) deps.onPick(picked);
      },
      capture,
    );
  }
  for (const type of ['keydown', 'keyup', 'keypress'] as const) {
    win.addEventListener(
      type,
      (event) => {
        if (event.key === 'Escape') {
          swallow(event);
          if (type === 'keydown') deps.onCancel();
          return;
        }
        // Enter and Space would press the focused page button (an order); inside our panel they are ours.
        if (!fromUs(event) && (event.key === 'Enter' || event.key === ' ')) swallow(event);
      },
      capture,
    );
  }
  // The outline follows its element when the page scrolls.
  win.addEventListener('scroll', () => current !== null && deps.onHover(current), { ...capture, passive: true });

  const step = (by: 1 | -1): void => {
    const list = candidates(doc, kind);
    if (list.length === 0) return hover(null);
    const at = current === null ? -1 : list.indexOf(current);
    const index = at === -1 ? (by === 1 ? 0 : list.length - 1) : (at + by + list.length) % list.length;
    const el = list[index]!;
    el.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
    hover(el);
  };

  return {
    setKind(next) {
      kind = next;
      hover(null);
    },
    next: () => step(1),
    previous: () => step(-1),
    pick() {
      if (current !== null && current.isConnected) deps.onPick(current);
    },
  };
}
