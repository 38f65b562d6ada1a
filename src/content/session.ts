// One session per trade page (venue + path): it owns an AbortController, and every listener,
// observer, timer, the port and the overlay hang off its signal, so stopping a session leaves
// nothing behind. The page side is small: read the form, send it, draw what comes back (the quotes
// are computed in the background: decimal.js, engine and facts stay out of the page).
//  - reading: typing re-reads the typed values; changes of what the last reading used, and clicks,
//    re-read in full in the next frame; figure text the page rewrites is not (session-reads.ts,
//    form-watch.ts); every changed reading is sent at once (form-link.ts), answers drawn on arrival;
//  - the guard decides at the click on the order as read then (guard.ts, guard-events.ts);
//  - at load (firstRead 'deferred') the guard listens at once; the first full read, and with it
//    the overlay, waits for idle time or the first touch (read-later.ts).
// Also: page-events.ts (listeners), frame-schedule.ts (next-frame work), safe-read.ts, teach/.
import type { QuotesMessage } from '../messaging/messages';
import type { FormReading } from '../venues/types';
import type { ToolActions } from '../ui/overlay/tools-types';
import { FormLink } from './form-link';
import { frameSchedule } from './frame-schedule';
import { watchForm } from './form-watch';
import { SubmitGuard } from './guard';
import { installGuardEvents } from './guard-events';
import { linkGuard } from './guard-link';
import { openMarketPort } from './market-port';
import { modalDimmer } from './modal';
import { readingOrder } from './order-identity';
import { createOverlayDrawer } from './overlay-drawer';
import { installPageEvents } from './page-events';
import { readLater } from './read-later';
import { sessionReads } from './session-reads';
import { formRootSafely, readSafely, sessionUrl, submitButtonsSafely } from './safe-read';
import { renderSession } from './session-render';
import type { Session, SessionDeps } from './session-types';
import { attachTeaching } from './teach/session-teach';

export type { Session, SessionDeps } from './session-types';

/** How long an answer may take before the figures shown are marked as updating. */
export const PENDING_AFTER_MS = 300;

export function startSession(deps: SessionDeps): Session {
  const { win, doc, reader, url, ext } = deps;
  const now = deps.now ?? Date.now;
  const life = new AbortController();
  const { signal } = life;
  const currentUrl = (): URL => sessionUrl(win, url);

  let anchor: Element | null = null;
  let watched: readonly Element[] = [];
  /** The submit buttons at the last full reading: the guard recognises a click on one without searching the page. */
  let buttons: readonly Element[] = [];
  let late = false;
  let lateTimer: ReturnType<typeof setTimeout> | undefined;

  const guard = new SubmitGuard();
  const schedule = frameSchedule(win, signal, {
    read,
    checkModal: () => modal.check(),
    render,
    answerPending: () => !late && link.reading?.status === 'ok' && !link.answered,
  });
  let begun = false;
  const later = readLater(win, doc, signal, { read, begun: () => begun, readSoon: () => schedule({ read: true }) });
  // The overlay's teach and report buttons call the teach flow, which needs the drawer: filled in below.
  const actions = {} as ToolActions;
  const drawer = createOverlayDrawer(doc, ext, reader.venue, signal, actions);
  const modal = modalDimmer(doc, (on) => drawer.setDimmed(on), now);
  // The port is opened (and connects) below; the link posts through it once it exists.
  const link = new FormLink(reader.venue, (message) => port.send(message));
  const port = openMarketPort({
    ext,
    signal,
    onQuotes: received,
    onInvalidated: deps.onInvalidated,
    // A (re)started background knows nothing of this page: send the form again.
    onConnected: () => {
      link.send();
      armLate();
    },
    // The popup's "Point at the fields" and "Copy a report of this page", relayed by the background.
    onPageAction: (action, requestId) => {
      begin(); // the popup asks about the form: it is read now if it was not yet
      if (action === 'teach') return void teach.teaching.start();
      void Promise.resolve(teach.reportText()).then(
        (text) => port.sendReport(requestId, text),
        () => port.sendReport(requestId, null),
      );
    },
  });
  const reads = sessionReads({
    reader,
    doc,
    url: currentUrl,
    link,
    anchor: () => anchor,
    pendingChanges: () => watch.hasPendingChanges(),
    schedule,
    later,
    begun: () => begun,
    begin,
    read,
    accept,
  });
  const { readTyped, orderAtClick, probeOrder, figuresChanged } = reads;
  const watch = watchForm({
    win,
    doc,
    signal,
    now,
    onChange: () => schedule({ read: true }),
    onFigures: figuresChanged,
    onFrame: probeOrder,
  });
  const guardLink = linkGuard({
    guard,
    link,
    readOrder: orderAtClick,
    settings: deps.settings,
    now,
    signal,
    readAgain: () => read(),
    changed: () => render(),
  });

  const teach = attachTeaching({
    ...{ win, doc, reader, signal, drawer, store: deps.taught, version: ext.version?.() ?? '' },
    url: currentUrl,
    reading: () => link.reading,
    read: () => read(),
    pageUi: () => ext.pageUi(),
  });
  Object.assign(actions, teach.teaching.actions);

  signal.addEventListener('abort', () => clearTimeout(lateTimer), { once: true });

  function render(): void {
    if (signal.aborted) return;
    renderSession({ drawer, link, guard, settings: deps.settings(), late, now: now() });
  }

  /** A new reading: send it, re-arm the "updating" timer, and let go of a hold for another order. */
  function accept(next: FormReading): void {
    if (!link.accept(next)) return;
    reads.accepted(); // the next probe compares with this reading's order
    guard.orderChanged(readingOrder(next));
    armLate();
    render();
    teach.teaching.update();
  }

  /** Until the answer to the form just sent arrives, the figures shown are marked updating after PENDING_AFTER_MS. */
  function armLate(): void {
    clearTimeout(lateTimer);
    if (link.answered || link.reading === null) return;
    lateTimer = setTimeout(() => {
      late = true;
      render();
      schedule.settled();
    }, PENDING_AFTER_MS);
  }

  function received(message: QuotesMessage): void {
    if (signal.aborted || !link.received(message)) return;
    if (link.answered) {
      clearTimeout(lateTimer);
      late = false;
    }
    guardLink.answered(link.answer!);
    render();
    schedule.settled();
  }

  /** The first full read, now, unless it has been done. */
  function begin(): void {
    if (!begun && !signal.aborted) read();
  }

  /** Reads the form now, in full, and watches what the reading used. */
  function read(): void {
    begun = true;
    later.done();
    // The URL as it is now: the session outlives query changes of its page (see app.ts).
    const next = readSafely(reader, doc, currentUrl(), 'full');
    const root = formRootSafely(reader, doc);
    if (root !== anchor) {
      anchor = root;
      drawer.place(root);
    }
    watched = [...(root === null ? [] : [root]), ...(next.watched ?? [])];
    watch.observe(watched);
    buttons = submitButtonsSafely(reader, doc);
    accept(next);
  }

  installPageEvents(doc, signal, {
    activity: () => {
      watch.activity();
      // The first touch: read in the next frame, not inside the page's event (input reads at once).
      if (!begun) schedule({ read: true });
    },
    typed: readTyped,
    changed: read,
    clicked: () => schedule({ read: true, modal: true }),
  });

  installGuardEvents({
    win,
    doc,
    reader,
    signal,
    enabled: () => {
      // Off while teaching (a click is a pick) and without an overlay to say why (a held click would look dead).
      const on = deps.settings().guardEnabled && !teach.teaching.active && !drawer.cannotShow();
      if (!on && guard.notice !== null) {
        guard.reset();
        render();
      }
      return on;
    },
    decide: (_target, buttonSide, via) => guardLink.decide(buttonSide, via),
    holdingEnter: () => guard.notice?.via === 'enter',
    known: () => ({ buttons, root: anchor }),
  });

  if (deps.firstRead === 'deferred') later.deferFirst();
  else read();

  return {
    refresh: () => {
      if (!deps.settings().guardEnabled && guard.notice !== null) guard.reset();
      // A form still arriving (fields rendered one by one) may grow outside the root read so far.
      schedule({ modal: true, read: link.reading?.status === 'unrecognised' });
    },
    urlChanged: () => schedule({ read: true }),
    structureChanged() {
      drawer.reattach();
      if (!begun) return; // the first reading is still waiting for idle time or a touch
      const lost = anchor === null || watched.some((el) => !el.isConnected);
      const due = modal.due();
      if (lost || due) schedule({ read: lost, modal: due });
    },
    teach: () => {
      begin();
      return teach.teaching.start();
    },
    report: () => {
      begin();
      return teach.report();
    },
    taughtChanged: () => teach.storedChanged(),
    stop: () => life.abort(),
  };
}
