// One session per trade page (venue + path): it owns an AbortController, and every listener,
// observer, timer, the port and the overlay hang off its signal, so stopping a session (SPA
// navigation, pagehide, settings, extension gone) leaves nothing behind.
//
// The page side is small on purpose: read the form, send it, draw what comes back. The quotes
// are computed in the background (decimal.js, engine and facts stay out of the page).
//  - input/change/click: the form is read synchronously in the event handler and, if the reading
//    changed, sent at once with a new seq (typing re-reads only the typed values while the form's
//    DOM is unchanged: VenueReader.refresh);
//  - mutations of the form root (values the page writes without events) mark the reading dirty
//    and are coalesced into one re-read per animation frame;
//  - bg→cs:quotes is drawn synchronously when it arrives; an answer to an older seq than the one
//    drawn is ignored, and nothing is redrawn when nothing changed;
//  - until the answer to the latest form arrives, the last quotes stay up; after PENDING_AFTER_MS
//    they are marked "updating…" (a restarting service worker, a slow machine).
// The overlay itself is only created once there is something to show: the first quotes, or a
// form that cannot be read.
import type { QuotesMessage } from '../messaging/messages';
import type { Settings } from '../settings/settings';
import { mountOverlay, type OverlayHandle } from '../ui/overlay/mount';
import { parsePoint } from '../ui/overlay/position';
import { buildView } from '../ui/overlay/view-model';
import type { VenueReader } from '../venues/readers';
import type { FormReading } from '../venues/types';
import type { ExtApi } from './ext-api';
import { guardCodes, installGuard, SubmitGuard, type GuardContext } from './guard';
import { openMarketPort } from './market-port';
import { MODAL_CHECK_MS, pageShowsModal } from './modal';

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
  /** Something outside the form may have changed (settings, the clock): redraw if needed. */
  refresh(): void;
  /** The page's URL changed but the page is the same (only the query): read the form again. */
  urlChanged(): void;
  /** Page structure changed somewhere: re-read if the form root was replaced or is still missing. */
  structureChanged(): void;
  stop(): void;
}

/** How long an answer may take before the figures shown are marked as updating. */
export const PENDING_AFTER_MS = 300;
/** Forms sent and not answered yet that are remembered (an answer to an older one is dropped). */
const MAX_UNANSWERED = 64;

const OBSERVE: MutationObserverInit = { subtree: true, childList: true, attributes: true, characterData: true };
const positionKey = (venue: string): string => `overlayPosition.${venue}`;
const keyOf = (reading: FormReading): string => (reading.status === 'ok' ? JSON.stringify(reading.form) : `unrecognised:${reading.missing.join(',')}`);

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
  /** The session's page with the query it has now; the page itself (origin + path) never changes under a session. */
  const currentUrl = (): URL => {
    try {
      const now = new URL(win.location.href);
      return now.origin === url.origin && now.pathname === url.pathname ? now : url;
    } catch {
      return url;
    }
  };

  // What the page says.
  let reading: FormReading | null = null;
  let formKey = '';
  let symbol: string | null = null;
  let anchor: Element | null = null;

  // What was sent, and the latest answer: the message and the reading it answers.
  let seq = 0;
  const unanswered = new Map<number, FormReading>();
  let answer: { message: QuotesMessage; reading: FormReading } | null = null;
  let late = false;
  let lateTimer: ReturnType<typeof setTimeout> | undefined;

  // Drawing.
  let overlay: OverlayHandle | null = null;
  let drawn: unknown[] = [];
  let frame = 0;
  let readNeeded = false;
  let modalNeeded = false;
  let dimmed = false;
  let lastModalCheck = Number.NEGATIVE_INFINITY;

  // The trader's overlay position, fetched now so the overlay opens where they left it.
  let savedPosition: ReturnType<typeof parsePoint> = null;
  ext.getLocal(positionKey(reader.venue)).then((raw) => {
    savedPosition = parsePoint(raw);
    if (savedPosition !== null && overlay !== null && !signal.aborted) overlay.restore(savedPosition);
  }, () => undefined);

  const guard = new SubmitGuard();
  const port = openMarketPort({
    ext,
    signal,
    onQuotes: received,
    onInvalidated: deps.onInvalidated,
    // A (re)started background knows nothing of this page: send the form again.
    onConnected: () => {
      if (reading !== null) send();
    },
  });
  const observer = new MutationObserver(() => schedule({ read: true }));

  signal.addEventListener('abort', () => {
    observer.disconnect();
    clearTimeout(lateTimer);
    win.cancelAnimationFrame(frame);
    overlay?.destroy();
    overlay = null;
  }, { once: true });

  function ensureOverlay(): OverlayHandle {
    if (overlay !== null) return overlay;
    const created = mountOverlay(doc, { onMoved: (p) => void ext.setLocal(positionKey(reader.venue), p).catch(() => undefined) });
    created.place(anchor);
    if (savedPosition !== null) created.restore(savedPosition);
    if (dimmed) created.setDimmed(true);
    overlay = created;
    return created;
  }

  /** The form to the background, with a new seq. Before any symbol is known there is nothing to ask. */
  function send(): void {
    if (reading === null || symbol === null || signal.aborted) return;
    seq += 1;
    unanswered.set(seq, reading);
    if (unanswered.size > MAX_UNANSWERED) unanswered.delete(unanswered.keys().next().value!);
    port.send({ type: 'cs→bg:form-changed', seq, venue: reader.venue, symbol, form: reading.status === 'ok' ? reading.form : null });
    clearTimeout(lateTimer);
    lateTimer = setTimeout(() => {
      late = true;
      render();
    }, PENDING_AFTER_MS);
  }

  function received(message: QuotesMessage): void {
    if (signal.aborted) return;
    if (answer !== null && message.seq < answer.message.seq) return; // overtaken by a newer answer
    const answered = message.seq === answer?.message.seq ? answer.reading : unanswered.get(message.seq);
    if (answered === undefined) return; // not a form this page sent
    for (const s of unanswered.keys()) if (s <= message.seq) unanswered.delete(s);
    answer = { message, reading: answered };
    if (message.seq === seq) {
      clearTimeout(lateTimer);
      late = false;
    }
    render();
  }

  /** Reads the form now, in full; a changed reading goes to the background at once. */
  function read(): void {
    // The URL as it is now: the session outlives query changes of its page (see app.ts).
    const next = readSafely(reader, doc, currentUrl());
    const root = formRootSafely(reader, doc);
    if (root !== anchor) {
      anchor = root;
      // Only the form root is observed in full: the rest of an exchange page (order book,
      // trades, chart) mutates constantly and says nothing about the order.
      observer.disconnect();
      if (root !== null) observer.observe(root, OBSERVE);
      overlay?.place(root);
    }
    accept(next);
  }

  /**
   * Typing: while the form root reported no DOM change since the last reading (no pending
   * mutation records), only the typed values can have changed, and the reader re-reads just those
   * (VenueReader.refresh, exactly what a full read would give). Anything else reads in full.
   */
  function readTyped(): void {
    const last = reading;
    if (last?.status === 'ok' && reader.refresh !== undefined && anchor?.isConnected === true && observer.takeRecords().length === 0) {
      let next: FormReading | null = null;
      try {
        next = reader.refresh(last);
      } catch {
        // A reader bug: the full read below says what is wrong.
      }
      if (next !== null) return accept(next);
    }
    read();
  }

  function accept(next: FormReading): void {
    const key = keyOf(next);
    if (key === formKey) return;
    reading = next;
    formKey = key;
    if (next.status === 'ok') symbol = next.form.symbol;
    send();
    render();
  }

  function render(): void {
    if (signal.aborted || reading === null) return;
    const settings = deps.settings();
    if (!settings.guardEnabled) guard.reset();
    const quotes = answer?.message.sides ?? [];
    guard.sync(formKey, (side) => guardCodes(quotes, side));
    // An unreadable form is shown at once; otherwise the latest answer (there is none at first).
    const shown = reading.status === 'unrecognised' ? reading : answer?.reading;
    if (shown === undefined) {
      // A readable form and no answer yet: after a short wait say so rather than show nothing.
      if (!late) return;
      const waitingKey = ['waiting', reading];
      if (waitingKey.every((v, i) => v === drawn[i])) return;
      drawn = waitingKey;
      ensureOverlay().update(buildView({ reading, quotes: [], market: null, settings, guard: null, now: now(), pending: false, waiting: true }));
      return;
    }
    const message = answer?.message ?? null;
    const pending = late && reading.status === 'ok' && message !== null && message.seq < seq;
    const time = now();
    // The header ages the mark each second; without a mark the clock changes nothing shown.
    const second = message?.mark ? Math.floor(time / 1000) : 0;
    const inputs = [shown, message, settings, guard.notice, pending, second];
    if (inputs.every((v, i) => v === drawn[i])) return;
    drawn = inputs;
    ensureOverlay().update(buildView({ reading: shown, quotes: shown.status === 'ok' ? quotes : [], market: message, settings, guard: guard.notice, now: time, pending }));
  }

  function checkModal(): void {
    lastModalCheck = now();
    const on = pageShowsModal(doc);
    if (on === dimmed) return;
    dimmed = on;
    overlay?.setDimmed(on);
  }

  function onFrame(): void {
    frame = 0;
    if (signal.aborted) return;
    if (readNeeded) {
      readNeeded = false;
      read();
    }
    if (modalNeeded) {
      modalNeeded = false;
      checkModal();
    }
    render();
  }

  function schedule(what: { read?: boolean; modal?: boolean }): void {
    if (what.read) readNeeded = true;
    if (what.modal) modalNeeded = true;
    if (frame === 0 && !signal.aborted) frame = win.requestAnimationFrame(onFrame);
  }

  doc.addEventListener('input', () => readTyped(), { capture: true, signal });
  doc.addEventListener('change', () => read(), { capture: true, signal });
  // The page reacts to a click after us (a tab switches, a dialog opens): read now and again
  // in the next frame, and look for a modal dialog then.
  doc.addEventListener('click', () => {
    read();
    schedule({ read: true, modal: true });
  }, { capture: true, signal });

  installGuard({
    win,
    doc,
    reader,
    signal,
    guard,
    enabled: () => deps.settings().guardEnabled,
    current: (): GuardContext => {
      read();
      return { form: reading?.status === 'ok' ? reading.form : null, formKey, quotes: answer?.message.sides ?? [] };
    },
    changed: () => render(),
  });

  read();

  return {
    refresh: () => schedule({ modal: true }),
    urlChanged: () => schedule({ read: true }),
    structureChanged() {
      const lost = anchor === null || !anchor.isConnected;
      const modal = now() - lastModalCheck >= MODAL_CHECK_MS;
      if (lost || modal) schedule({ read: lost, modal });
    },
    stop: () => life.abort(),
  };
}
