// One session per trade page (venue + path): it owns an AbortController, and every listener,
// observer, timer, the market port and the overlay hang off its signal, so stopping a session
// (SPA navigation, pagehide, settings, extension gone) leaves nothing behind.
//
// Reading is event-driven and coalesced: input/change/click on the document and mutations of
// the form root mark the reading dirty and request one animation frame; the frame re-reads
// the form, re-quotes and re-renders. So the overlay follows a change within one frame and
// renders at most once per frame, however many events arrive.
import type { Settings } from '../settings/settings';
import { mountOverlay } from '../ui/overlay/mount';
import { parsePoint, type Point } from '../ui/overlay/position';
import { buildView, type SideQuote } from '../ui/overlay/view-model';
import type { VenueReader } from '../venues/readers';
import type { FormReading, MarketSnapshot, OrderForm } from '../venues/types';
import type { ExtApi } from './ext-api';
import { formNotifier } from './form-notifier';
import { installGuard, SubmitGuard, type GuardContext } from './guard';
import { openMarketPort } from './market-port';
import { guardCodes, quoteSides } from './quotes';

export interface SessionDeps {
  win: Window;
  doc: Document;
  reader: VenueReader;
  url: URL;
  ext: ExtApi;
  settings: () => Settings;
  /** The extension context is gone: the caller stops everything. */
  onInvalidated: () => void;
  now?: () => number;
}

export interface Session {
  /** Something outside the form may have changed (settings, page structure, the clock). */
  refresh(): void;
  /** Page structure changed somewhere: re-read if the form root was replaced or is still missing. */
  structureChanged(): void;
  stop(): void;
}

const OBSERVE: MutationObserverInit = { subtree: true, childList: true, attributes: true, characterData: true };
const positionKey = (venue: string): string => `overlayPosition.${venue}`;

function readSafely(reader: VenueReader, doc: Document, url: URL): FormReading {
  try {
    return reader.read(doc, url);
  } catch (error) {
    return { status: 'unrecognised', missing: [`reader error: ${error instanceof Error ? error.message : String(error)}`], matched: {} };
  }
}

function formRootSafely(reader: VenueReader, doc: Document): Element | null {
  try {
    return reader.formRoot(doc);
  } catch {
    return null;
  }
}

export function startSession(deps: SessionDeps): Session {
  const { win, doc, reader, url, ext } = deps;
  const now = deps.now ?? Date.now;
  const life = new AbortController();
  const { signal } = life;

  const overlay = mountOverlay(doc, {
    onMoved: (p) => void ext.setLocal(positionKey(reader.venue), p).catch(() => undefined),
  });
  signal.addEventListener('abort', () => overlay.destroy(), { once: true });
  ext.getLocal(positionKey(reader.venue)).then((raw) => {
    const p: Point | null = parsePoint(raw);
    if (p !== null && !signal.aborted) overlay.restore(p);
  }, () => undefined);

  let reading: FormReading = { status: 'unrecognised', missing: [], matched: {} };
  let form: OrderForm | null = null;
  let formKey = '';
  let symbol: string | null = null;
  let snapshot: MarketSnapshot | null = null;
  let quotes: SideQuote[] = [];
  let anchor: Element | null = null;
  let readNeeded = true;
  let frame = 0;
  // Inputs of the last render; an identical set renders nothing (mutations of page text the
  // reader ignores, such as a "Max" figure that follows the price, arrive many times a second).
  let drawn: unknown[] = [];

  const notifier = formNotifier((message) => port.send(message), signal);
  const port = openMarketPort({
    ext,
    signal,
    onSnapshot: (next) => {
      snapshot = next;
      schedule(false);
    },
    onInvalidated: deps.onInvalidated,
    onConnected: () => notifier.resend(),
  });
  const guard = new SubmitGuard();

  const observer = new MutationObserver(() => schedule(true));
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });

  function read(): void {
    reading = readSafely(reader, doc, url);
    if (reading.status === 'ok') {
      form = reading.form;
      formKey = JSON.stringify(form);
      symbol = form.symbol;
      port.watch(form.venue, form.symbol);
    } else {
      form = null;
      formKey = `unrecognised:${reading.missing.join(',')}`;
    }
    if (symbol !== null) notifier.notify(reader.venue, symbol, form);
    const root = formRootSafely(reader, doc);
    if (root !== anchor) {
      anchor = root;
      // Only the form root is observed in full: the rest of an exchange page (order book,
      // trades, chart) mutates constantly and says nothing about the order.
      observer.disconnect();
      if (root !== null) observer.observe(root, OBSERVE);
      overlay.place(root);
    }
  }

  function render(): void {
    frame = 0;
    if (signal.aborted) return;
    if (readNeeded) {
      readNeeded = false;
      read();
    }
    const settings = deps.settings();
    if (!settings.guardEnabled) guard.reset();
    const time = now();
    const inputs = [formKey, snapshot, settings, guard.notice, Math.floor(time / 1000)];
    if (inputs.every((v, i) => v === drawn[i])) return;
    drawn = inputs;
    quotes = form !== null ? quoteSides(form, snapshot, settings, time) : [];
    guard.sync(formKey, (side) => guardCodes(quotes, side));
    overlay.update(buildView({ reading, quotes, snapshot, settings, guard: guard.notice, now: time }));
  }

  function schedule(readForm: boolean): void {
    if (readForm) readNeeded = true;
    if (frame === 0 && !signal.aborted) frame = win.requestAnimationFrame(render);
  }

  /** Render now instead of at the next frame (the guard must decide on current figures). */
  function flush(): GuardContext {
    if (frame !== 0) win.cancelAnimationFrame(frame);
    readNeeded = true;
    render();
    return { form, formKey, quotes };
  }
  signal.addEventListener('abort', () => win.cancelAnimationFrame(frame), { once: true });

  for (const type of ['input', 'change', 'click'] as const) {
    doc.addEventListener(type, () => schedule(true), { capture: true, signal });
  }

  installGuard({
    win,
    doc,
    reader,
    signal,
    guard,
    enabled: () => deps.settings().guardEnabled,
    current: flush,
    changed: () => schedule(false),
  });

  render();

  return {
    refresh: () => schedule(false),
    structureChanged() {
      if (anchor === null || !anchor.isConnected) schedule(true);
    },
    stop: () => life.abort(),
  };
}
