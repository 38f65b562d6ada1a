// Puts the overlay into the page: a host <div> on <html> (outside <body>, so observers of the
// page's body do not see our renders), a *closed* shadow root (page script gets
// host.shadowRoot === null), inline styles, and Preact rendering inside. The handle keeps
// the one private reference to the shadow root (tests and teardown use it).
// Sizes come from a ResizeObserver, after the browser's own layout: rendering never forces a
// synchronous layout of the exchange's page (that cost milliseconds per update on page load).
import { render } from 'preact';
import { applyTheme } from '../theme';
import { ATTR, HOST_ATTRIBUTE } from './contract';
import { Overlay } from './Overlay';
import { bookBoxes, formPanelBox } from './books';
import { dragStarter } from './drag';
import { createOutline } from './outline';
import { clampToViewport, dockPosition, type Point, type Size } from './position';
import { HOST_DIMMED, HOST_STYLE, HOST_UNDIMMED, OVERLAY_CSS } from './styles';
import { NO_TOOLS, type PageTools, type ToolActions } from './tools-types';
import type { OverlayView } from './view-model';

export interface OverlayHandle {
  readonly host: HTMLElement;
  readonly root: ShadowRoot;
  update(view: OverlayView): void;
  /** Default position docked beside the anchor (the form) and clear of the order book, unless the trader has placed the overlay. */
  place(anchor: Element | null): void;
  /** The collapsed state the trader left for this venue (from storage). */
  setCollapsed(collapsed: boolean): void;
  /** A position the trader chose earlier (from storage); wins over anchoring from now on. */
  restore(p: Point): void;
  /** The page shows a modal dialog: let pointer events through to it and dim (see HOST_DIMMED). */
  setDimmed(dimmed: boolean): void;
  /** Puts the host back on the current <html> when the page replaced or emptied it. */
  reattach(): void;
  /** Teach mode and the page report (drawn only with MountOptions.actions). */
  setTools(tools: PageTools): void;
  /** Teach mode: outline this page element from inside our shadow root (null: none). */
  outline(el: Element | null): void;
  destroy(): void;
}

export interface MountOptions {
  /** Called once per finished drag with the new position. */
  onMoved?: (p: Point) => void;
  /** Called when the trader collapses or expands the overlay. */
  onCollapsed?: (collapsed: boolean) => void;
  /** Teach mode's and the report's buttons. */
  actions?: ToolActions;
}

/**
 * Quiet time before the aria-live region speaks: typing a size changes the liquidation price
 * on every key; the screen reader should hear where it settles, not every step.
 */
export const ANNOUNCE_DELAY_MS = 1200;

/** Whether the chart panel is open, per venue, for the life of the page (a new overlay keeps it). */
const chartOpenByVenue = new Map<string, boolean>();
/** Whether the full figure list is open, per venue, for the life of the page. */
const detailsOpenByVenue = new Map<string, boolean>();

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
  let tools: PageTools = NO_TOOLS;
  const outline = createOutline(doc, host, root);
  let collapsed = false;
  let dimmed = false;
  let userPosition: Point | null = null;
  let anchor: Element | null = null;
  let position: Point = { x: 8, y: 8 };
  /** The host's size as last observed; null until the first layout. */
  let measured: Size | null = null;

  const viewport = (): Size => ({ width: win.innerWidth, height: win.innerHeight });
  const moveTo = (p: Point, size: Size): void => {
    position = clampToViewport(p, size, viewport());
    host.style.setProperty('left', `${position.x}px`, 'important');
    host.style.setProperty('top', `${position.y}px`, 'important');
  };

  const onDragStart = dragStarter({
    signal: life.signal,
    position: () => position,
    move: (p) => moveTo(p, measured ?? { width: 0, height: 0 }),
    end: () => {
      userPosition = position;
      options.onMoved?.(position);
    },
  });

  /** What the live region says; changes only after ANNOUNCE_DELAY_MS without a newer text. */
  let announced = '';
  let pendingAnnouncement = '';
  let announceTimer: ReturnType<typeof setTimeout> | undefined;
  life.signal.addEventListener('abort', () => clearTimeout(announceTimer), { once: true });

  const chartKey = (): string => view?.venue ?? '';
  const draw = (): void => {
    if (view === null) return;
    render(
      <Overlay
        view={view}
        collapsed={collapsed}
        dimmed={dimmed}
        onToggle={toggle}
        onDragStart={onDragStart}
        chartOpen={chartOpenByVenue.get(chartKey()) ?? false}
        onToggleChart={toggleChart}
        onCloseChart={closeChart}
        detailsOpen={detailsOpenByVenue.get(chartKey()) ?? false}
        onToggleDetails={toggleDetails}
        announced={announced}
        tools={tools}
        actions={options.actions}
      />,
      container,
    );
    // The user's theme on the overlay's root (light, dark or the system's); the style rules key on it.
    const rootEl = container.firstElementChild as HTMLElement | null;
    if (rootEl !== null) applyTheme(rootEl, view.theme);
  };
  const toggle = (): void => {
    collapsed = !collapsed;
    draw();
    options.onCollapsed?.(collapsed);
  };
  const toggleDetails = (): void => {
    detailsOpenByVenue.set(chartKey(), !(detailsOpenByVenue.get(chartKey()) ?? false));
    draw();
  };
  const toggleChart = (): void => {
    chartOpenByVenue.set(chartKey(), !(chartOpenByVenue.get(chartKey()) ?? false));
    draw();
  };
  const closeChart = (): void => {
    chartOpenByVenue.set(chartKey(), false);
    draw();
    container.querySelector<HTMLElement>(`[${ATTR.action}="chart"]`)?.focus();
  };

  /** A changed announcement (re)starts the quiet period; the same one again changes nothing. */
  const scheduleAnnouncement = (text: string): void => {
    if (text === pendingAnnouncement) return;
    pendingAnnouncement = text;
    clearTimeout(announceTimer);
    if (text === announced) return;
    announceTimer = setTimeout(() => {
      announced = text;
      draw();
    }, ANNOUNCE_DELAY_MS);
  };

  /** Docked clear of the form and the book by default; where the trader put it once they have. Only once measured. */
  const reposition = (): void => {
    if (measured === null) return;
    if (userPosition !== null) return moveTo(userPosition, measured);
    const form = anchor?.isConnected ? formPanelBox(anchor, viewport()) : null;
    const books = form === null ? [] : bookBoxes(doc, anchor, viewport());
    moveTo(dockPosition(form, books, measured, viewport()), measured);
  };

  // First layout, a new state, a second column: the observer reports the new size after layout.
  const sizes = new ResizeObserver((entries) => {
    const box = entries[entries.length - 1]?.borderBoxSize?.[0];
    if (box) {
      measured = { width: box.inlineSize, height: box.blockSize };
    } else {
      const r = host.getBoundingClientRect();
      measured = { width: r.width, height: r.height };
    }
    reposition();
  });
  sizes.observe(host, { box: 'border-box' });
  life.signal.addEventListener('abort', () => sizes.disconnect(), { once: true });

  // A smaller window must not strand the overlay outside it.
  win.addEventListener('resize', () => reposition(), { signal: life.signal });

  // Some pages re-render <html> children, or <html> itself; come back instead of silently vanishing.
  const reattach = (): void => {
    const html = doc.documentElement;
    if (html !== null && host.parentNode !== html) html.append(host);
  };

  return {
    host,
    root,
    reattach,
    update(next) {
      view = next;
      reattach();
      draw();
      scheduleAnnouncement(next.announcement);
    },
    place(next) {
      anchor = next;
      reposition();
    },
    restore(p) {
      userPosition = p;
      reposition();
    },
    setCollapsed(next) {
      if (next === collapsed) return;
      collapsed = next;
      draw();
    },
    setDimmed(next) {
      if (next === dimmed) return;
      dimmed = next;
      for (const [property, value] of Object.entries(next ? HOST_DIMMED : HOST_UNDIMMED))
        host.style.setProperty(property, value, 'important');
      draw();
    },
    setTools(next) {
      tools = next;
      draw();
    },
    outline: (el) => outline.show(el),
    destroy() {
      life.abort();
      render(null, container);
      host.remove();
    },
  };
}
