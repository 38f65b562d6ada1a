// Puts the overlay into the page: a host <div> on <html> (outside <body>, so observers of the
// page's body do not see our renders), a *closed* shadow root (page script gets
// host.shadowRoot === null), inline styles, and Preact rendering inside. The handle keeps
// the one private reference to the shadow root (tests and teardown use it).
import { render } from 'preact';
import { HOST_ATTRIBUTE } from './contract';
import { Overlay } from './Overlay';
import { anchorPosition, clampToViewport, type Point, type Size } from './position';
import { HOST_STYLE, OVERLAY_CSS } from './styles';
import type { OverlayView } from './view-model';

export interface OverlayHandle {
  readonly host: HTMLElement;
  readonly root: ShadowRoot;
  update(view: OverlayView): void;
  /** Default position next to the anchor, unless the trader has placed the overlay. */
  place(anchor: Element | null): void;
  /** A position the trader chose earlier (from storage); wins over anchoring from now on. */
  restore(p: Point): void;
  destroy(): void;
}

export interface MountOptions {
  /** Called once per finished drag with the new position. */
  onMoved?: (p: Point) => void;
}

export function mountOverlay(doc: Document, options: MountOptions = {}): OverlayHandle {
  const win = doc.defaultView ?? window;
  const host = doc.createElement('div');
  host.setAttribute(HOST_ATTRIBUTE, '');
  host.style.cssText = HOST_STYLE;
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = OVERLAY_CSS;
  const container = doc.createElement('div');
  root.append(style, container);
  doc.documentElement.append(host);

  const life = new AbortController();
  let view: OverlayView | null = null;
  let collapsed = false;
  let userPosition: Point | null = null;
  let anchor: Element | null = null;
  let position: Point = { x: 8, y: 8 };
  let placedSize: Size = { width: 0, height: 0 };

  const viewport = (): Size => ({ width: win.innerWidth, height: win.innerHeight });
  const size = (): Size => {
    const r = host.getBoundingClientRect();
    return { width: r.width, height: r.height };
  };
  const moveTo = (p: Point, measured = size()): void => {
    placedSize = measured;
    position = clampToViewport(p, measured, viewport());
    host.style.setProperty('left', `${position.x}px`, 'important');
    host.style.setProperty('top', `${position.y}px`, 'important');
  };

  const onDragStart = (event: PointerEvent): void => {
    if (event.button !== 0) return;
    event.preventDefault();
    const handle = event.currentTarget as Element;
    const start = { x: event.clientX, y: event.clientY };
    const origin = position;
    const drag = new AbortController();
    life.signal.addEventListener('abort', () => drag.abort(), { signal: drag.signal });
    const opts = { signal: drag.signal };
    try {
      handle.setPointerCapture(event.pointerId);
    } catch {
      // Synthetic pointer ids (tests) cannot be captured; the move listeners still work.
    }
    handle.addEventListener('pointermove', (e) => {
      const { clientX, clientY } = e as PointerEvent;
      moveTo({ x: origin.x + clientX - start.x, y: origin.y + clientY - start.y });
    }, opts);
    const end = (): void => {
      drag.abort();
      userPosition = position;
      options.onMoved?.(position);
    };
    handle.addEventListener('pointerup', end, opts);
    handle.addEventListener('pointercancel', end, opts);
  };

  const draw = (): void => {
    if (view === null) return;
    render(<Overlay view={view} collapsed={collapsed} onToggle={toggle} onDragStart={onDragStart} />, container);
  };
  const toggle = (): void => {
    collapsed = !collapsed;
    draw();
  };

  /** Next to the anchor by default; where the trader put it once they have. */
  const reposition = (measured = size()): void => {
    if (userPosition !== null) moveTo(userPosition, measured);
    else moveTo(anchorPosition(anchor ? anchor.getBoundingClientRect() : null, measured, viewport()), measured);
  };

  // A smaller window must not strand the overlay outside it.
  win.addEventListener('resize', () => reposition(), { signal: life.signal });

  return {
    host,
    root,
    update(next) {
      view = next;
      // Some pages re-render <html> children; come back instead of silently vanishing.
      if (!host.isConnected) doc.documentElement.append(host);
      draw();
      // A new state or a second column changes the size: keep the anchoring and the clamp right.
      const measured = size();
      if (measured.width !== placedSize.width || measured.height !== placedSize.height) reposition(measured);
    },
    place(next) {
      anchor = next;
      reposition();
    },
    restore(p) {
      userPosition = p;
      reposition();
    },
    destroy() {
      life.abort();
      render(null, container);
      host.remove();
    },
  };
}
