// Teach mode's outline of the page element under the pointer: an element of our own, inside the
// closed shadow root, laid over the element's box. Nothing is written to the page's element.
// The host has layout containment (styles.ts), so it is the containing block of whatever it holds:
// the box is placed relative to the host's own position, not the viewport.
import { ATTR } from './contract';

const OUTLINE_STYLE = [
  'position: absolute',
  'box-sizing: border-box',
  'border: 2px solid #f0b90b',
  'outline: 1px solid #000',
  'border-radius: 3px',
  'pointer-events: none',
  'z-index: 1',
].join('; ');

export interface Outline {
  show(el: Element | null): void;
}

export function createOutline(doc: Document, host: HTMLElement, root: ShadowRoot): Outline {
  let box: HTMLElement | null = null;
  return {
    show(el) {
      if (el === null || !el.isConnected) {
        box?.remove();
        box = null;
        return;
      }
      if (box === null) {
        box = doc.createElement('div');
        box.setAttribute(ATTR.teachOutline, '');
        box.style.cssText = OUTLINE_STYLE;
      }
      if (box.parentNode !== root) root.append(box);
      const r = el.getBoundingClientRect();
      const origin = host.getBoundingClientRect();
      box.style.left = `${r.left - origin.left - 2}px`;
      box.style.top = `${r.top - origin.top - 2}px`;
      box.style.width = `${r.width + 4}px`;
      box.style.height = `${r.height + 4}px`;
    },
  };
}
