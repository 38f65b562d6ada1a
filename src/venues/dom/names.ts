// What an element is called, as a trader or a screen reader would say: a form control's label
// (aria-labelledby, aria-label, <label>) and a simplified accessible name for everything else.
import { normalizeText, textOf } from './text';

export function isFormControl(el: Element): boolean {
  return el.tagName === 'INPUT' || el.tagName === 'SELECT' || el.tagName === 'TEXTAREA';
}

function labelledByText(el: Element): string | null {
  const ids = el.getAttribute('aria-labelledby');
  if (ids === null) return null;
  const parts: string[] = [];
  for (const id of ids.split(/\s+/)) {
    const target = id === '' ? null : el.ownerDocument.getElementById(id);
    if (target !== null) parts.push(textOf(target));
  }
  return parts.length > 0 ? normalizeText(parts.join(' ')) : null;
}

/** Label of a form control: aria-labelledby, aria-label, <label for=id>, enclosing <label>; '' when none. */
export function controlLabel(el: Element): string {
  const byRef = labelledByText(el);
  if (byRef !== null) return byRef;
  const aria = el.getAttribute('aria-label');
  if (aria !== null && aria.trim() !== '') return normalizeText(aria);
  if (el.id !== '') {
    for (const label of el.ownerDocument.querySelectorAll('label')) {
      if (label.htmlFor === el.id) return textOf(label);
    }
  }
  const enclosing = el.closest('label');
  return enclosing === null ? '' : textOf(enclosing);
}

/** A simplified accessible name: aria-labelledby, aria-label, then label (controls) or text. */
export function accessibleName(el: Element): string {
  if (isFormControl(el)) return controlLabel(el);
  const byRef = labelledByText(el);
  if (byRef !== null) return byRef;
  const aria = el.getAttribute('aria-label');
  if (aria !== null && aria.trim() !== '') return normalizeText(aria);
  return textOf(el);
}
