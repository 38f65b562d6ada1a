// The session's overlay: created on first use (nothing is added to the page before there is
// something to show), docked clear of the form and the order book, or where the trader dragged it
// last time (per venue, storage.local), collapsed as the trader left it (per venue), dimmed while the page shows a modal dialog, and put back when the page re-creates
// <html> (a client re-render after a hydration mismatch drops every node on the old element).
// The overlay's code (Preact, view model, chart) is a module imported at the first draw
// (page-ui.ts): until it is in, the latest view waits and is drawn on arrival; after that a draw
// is synchronous.
import type { OverlayHandle } from '../ui/overlay/mount';
import { parseCollapsed, parsePoint } from '../ui/overlay/position';
import { NO_TOOLS, type PageTools, type ToolActions } from '../ui/overlay/tools-types';
import type { OverlayModel } from '../ui/overlay/view-model';
import type { ExtApi } from './ext-api';
import type { PageUi } from './page-ui';

const positionKey = (venue: string): string => `overlayPosition.${venue}`;
const collapsedKey = (venue: string): string => `overlayCollapsed.${venue}`;

export interface OverlayDrawer {
  /** Draws the view of `model`; `inputs` are what it was made from: the same inputs again draw nothing. */
  draw(inputs: readonly unknown[], model: OverlayModel): void;
  /** The overlay's module could not be loaded: nothing this session holds can be shown. */
  cannotShow(): boolean;
  place(anchor: Element | null): void;
  setDimmed(dimmed: boolean): void;
  /** The page replaced <html> or <body>: put the host back where it belongs. */
  reattach(): void;
  /** Teach mode and the page report: shown with the next view (or now, once there is one). */
  tools(tools: PageTools): void;
  /** Teach mode: the page element to outline (null: none). */
  outline(el: Element | null): void;
  /** Whether an event target is our overlay (events inside the closed root are retargeted to the host). */
  owns(target: EventTarget | null): boolean;
}

export function createOverlayDrawer(
  doc: Document,
  ext: Pick<ExtApi, 'getLocal' | 'setLocal' | 'pageUi'>,
  venue: string,
  signal: AbortSignal,
  actions?: ToolActions,
): OverlayDrawer {
  let overlay: OverlayHandle | null = null;
  let drawn: readonly unknown[] = [];
  let anchor: Element | null = null;
  let dimmed = false;
  let savedPosition: ReturnType<typeof parsePoint> = null;
  let savedCollapsed: boolean | null = null;
  let tools = NO_TOOLS;
  let ui: PageUi | null = null;
  let loading = false;
  let failed = false;
  /** The latest view asked for while the module was still loading. */
  let waiting: OverlayModel | null = null;

  ext.getLocal(positionKey(venue)).then(
    (raw) => {
      savedPosition = parsePoint(raw);
      if (savedPosition !== null && overlay !== null && !signal.aborted) overlay.restore(savedPosition);
    },
    () => undefined,
  );
  ext.getLocal(collapsedKey(venue)).then(
    (raw) => {
      savedCollapsed = parseCollapsed(raw);
      if (savedCollapsed !== null && overlay !== null && !signal.aborted) overlay.setCollapsed(savedCollapsed);
    },
    () => undefined,
  );

  signal.addEventListener(
    'abort',
    () => {
      overlay?.destroy();
      overlay = null;
    },
    { once: true },
  );

  /** The module if it is in; else starts loading it (once) and draws what waits when it arrives. */
  const loaded = (): PageUi | null => {
    if (ui !== null || loading || failed) return ui;
    const got = ext.pageUi();
    if (!('then' in got)) return (ui = got);
    loading = true;
    got.then(
      (module) => {
        loading = false;
        ui = module;
        const model = waiting;
        waiting = null;
        if (model !== null && !signal.aborted) ensure(module).update(module.buildView(model));
      },
      (error: unknown) => {
        loading = false;
        failed = true;
        waiting = null;
        console.warn('Margin Preflight: the overlay could not be loaded', error);
      },
    );
    return null;
  };

  const ensure = (module: PageUi): OverlayHandle => {
    if (overlay !== null) return overlay;
    const created = module.mountOverlay(doc, {
      onMoved: (p) => void ext.setLocal(positionKey(venue), p).catch(() => undefined),
      onCollapsed: (c) => {
        savedCollapsed = c;
        void ext.setLocal(collapsedKey(venue), c).catch(() => undefined);
      },
      actions,
    });
    created.setTools(tools);
    if (savedCollapsed !== null) created.setCollapsed(savedCollapsed);
    created.place(anchor);
    if (savedPosition !== null) created.restore(savedPosition);
    if (dimmed) created.setDimmed(true);
    overlay = created;
    return created;
  };

  return {
    draw(inputs, model) {
      if (signal.aborted) return;
      if (inputs.length === drawn.length && inputs.every((v, i) => v === drawn[i])) return;
      drawn = inputs;
      const module = loaded();
      if (module === null) waiting = model;
      else ensure(module).update(module.buildView(model));
    },
    cannotShow: () => failed,
    place(next) {
      anchor = next;
      overlay?.place(next);
    },
    setDimmed(next) {
      dimmed = next;
      overlay?.setDimmed(next);
    },
    reattach() {
      overlay?.reattach();
    },
    tools(next) {
      tools = next;
      overlay?.setTools(next);
    },
    outline(el) {
      overlay?.outline(el);
    },
    owns: (target) => overlay !== null && target === overlay.host,
  };
}
