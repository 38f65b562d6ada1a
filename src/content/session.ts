// One session per trade page (venue + path): it owns an AbortController, and every listener,
// observer, timer, the port and the overlay hang off its signal, so stopping a session (SPA
// navigation, pagehide, settings, extension gone) leaves nothing behind. The page side is small on
// purpose: read the form, send it, draw what comes back. The quotes are computed in the background
// (decimal.js, engine and facts stay out of the page).
//  - reading: input events re-read the typed values (the fast path, when nothing observed changed);
//    changes of what the last reading used, and clicks, re-read in full in the next frame; while the
//    form is in use its order fields are probed every frame (form-watch.ts);
//  - every changed reading is sent at once (form-link.ts); answers are drawn when they arrive;
//    after PENDING_AFTER_MS without the answer to the latest form the figures are marked updating;
//  - the guard decides at the click on the order as read then (guard.ts, guard-events.ts);
//  - at load (firstRead 'deferred') the guard's listeners are in at once, but the first full read,
//    and with it the overlay, waits for idle time or the trader's first touch of the page (idle.ts):
//    a click on Buy before that reads the order fields at the click like any other.
// The page's listeners are in page-events.ts, the next-frame work in frame-schedule.ts, the safe
// calls into the reader in safe-read.ts, teach mode and the page report in teach/session-teach.ts.
import type { QuotesMessage } from '../messaging/messages';
import type { FormReading } from '../venues/types';
import type { ToolActions } from '../ui/overlay/tools-types';
import { FormLink, readingKey } from './form-link';
import { frameSchedule } from './frame-schedule';
import { watchForm } from './form-watch';
import { SubmitGuard } from './guard';
import { installGuardEvents } from './guard-events';
import { linkGuard } from './guard-link';
import { openMarketPort } from './market-port';
import { MODAL_CHECK_MS, pageShowsModal } from './modal';
import { orderIdentity, readingOrder } from './order-identity';
import { createOverlayDrawer } from './overlay-drawer';
import { installPageEvents } from './page-events';
import { idleTask } from './idle';
import { formRootSafely, readSafely, refreshSafely, sessionUrl, submitButtonsSafely } from './safe-read';
import { renderSession } from './session-render';
import type { Session, SessionDeps } from './session-types';
import { attachTeaching } from './teach/session-teach';
import { pageReportText } from './page-report';

export type { Session, SessionDeps } from './session-types';

/** How long an answer may take before the figures shown are marked as updating. */
export const PENDING_AFTER_MS = 300;
/** The longest the first reading waits for idle time after load. */
export const FIRST_READ_IDLE_MS = 500;
/** After the page rewrote figure text of the form, the longest a full read (to be sure) waits for idle time. */
export const VERIFY_IDLE_MS = 1_000;

export function startSession(deps: SessionDeps): Session {
  const { win, doc, reader, url, ext } = deps;
  const now = deps.now ?? Date.now;
  const life = new AbortController();
  const { signal } = life;
  const currentUrl = (): URL => sessionUrl(win, url);

  let anchor: Element | null = null;
  let watched: readonly Element[] = [];
  /** Key of the order fields at the last per-frame probe; null: compare with the last reading's order. */
  let lastProbe: string | null = null;
  /** The submit buttons at the last full reading: the guard recognises a click on one without searching the page. */
  let buttons: readonly Element[] = [];
  let late = false;
  let lateTimer: ReturnType<typeof setTimeout> | undefined;
  let dimmed = false;
  let lastModalCheck = Number.NEGATIVE_INFINITY;

  const guard = new SubmitGuard();
  const schedule = frameSchedule(win, signal, {
    read,
    checkModal,
    render,
    answerPending: () => !late && link.reading?.status === 'ok' && !link.answered,
  });
  // Figure text the page derives is re-read by the cheap path at once; a full read confirms it later.
  const verify = idleTask(win, signal, VERIFY_IDLE_MS, () => read());
  const firstRead = idleTask(win, signal, FIRST_READ_IDLE_MS, () => read());
  let begun = false;
  // The overlay's teach and report buttons call the teach flow, which needs the drawer: filled in below.
  const actions = {} as ToolActions;
  const drawer = createOverlayDrawer(doc, ext, reader.venue, signal, actions);
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
      const report = teach.report();
      port.sendReport(requestId, report === null ? null : pageReportText(report));
    },
  });
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
    lastProbe = null; // the next probe compares with this reading's order
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
    firstRead.cancel();
    verify.cancel();
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

  /**
   * Typing: while nothing observed changed since the last reading, only the typed values can have
   * changed, and the reader re-reads just those (VenueReader.refresh: exactly what a full read
   * would give). Anything else reads in full.
   */
  function readTyped(): void {
    if (!begun) return begin();
    // A reader bug (it threw) gives null: the full read below says what is wrong.
    const next = refreshSafely(reader, link.reading, anchor, () => !watch.hasPendingChanges());
    if (next !== null) return accept(next);
    read();
  }

  /**
   * The order at a submit: inside the click, so as cheap as it can be while exact. With nothing
   * observed changed since the last reading only typed values can differ (the typing fast path);
   * otherwise the order fields are read (scope 'order': no account, no positions table).
   */
  function orderAtClick(): FormReading {
    const last = link.reading;
    const changed = watch.hasPendingChanges();
    // The whole page is read after the click, not inside it (the exchange's handler waits for us).
    if (changed) schedule({ read: true });
    // A reader bug (it threw) gives null: read the order fields instead.
    const next = refreshSafely(reader, last, anchor, () => !changed);
    if (next !== null) return next;
    return readSafely(reader, doc, currentUrl(), 'order');
  }

  /**
   * Once a frame while the form is in use: the page's script may have set a value without an event.
   * The order fields are compared with the previous probe (or, first, with the order last read): a
   * full reading may differ from an order-only one for reasons outside the order (an unreadable
   * account), and comparing those two would read the whole page again every frame.
   */
  function probeOrder(): void {
    if (watch.hasPendingChanges()) return read();
    const probe = readSafely(reader, doc, currentUrl(), 'order');
    const key = probe.status === 'ok' ? orderIdentity(probe.form) : readingKey(probe);
    const before = lastProbe ?? readingOrder(link.reading);
    lastProbe = key;
    if (key !== before) read();
  }

  /**
   * The page rewrote figure text of the form (its own Cost or Total after a keystroke): typed values and
   * page figures are read by the cheap path now, and a full read at idle time makes sure nothing else
   * moved. `taken`: the caller is on the cheap path already.
   */
  function figuresChanged(taken: boolean): void {
    verify.request();
    if (taken) return;
    const next = refreshSafely(reader, link.reading, anchor, () => true);
    if (next !== null) accept(next);
  }

  function checkModal(): void {
    lastModalCheck = now();
    const on = pageShowsModal(doc);
    if (on === dimmed) return;
    dimmed = on;
    drawer.setDimmed(on);
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
      // While teaching, a click on Buy is a pick (swallowed by the picker): nothing for the guard to hold.
      const on = deps.settings().guardEnabled && !teach.teaching.active;
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

  if (deps.firstRead === 'deferred') deferFirstRead();
  else read();

  /** Read at idle time once the tab is shown, or at the trader's first touch (activity above, or a pointer). */
  function deferFirstRead(): void {
    const touched = (): void => {
      if (!begun) schedule({ read: true });
    };
    doc.addEventListener('pointerdown', touched, { capture: true, signal, once: true });
    doc.addEventListener('focusin', touched, { capture: true, signal, once: true });
    // A tab opened in the background reads nothing (and runs nothing of ours) until it is shown.
    const whenShown = (): void => {
      if (!begun && doc.visibilityState !== 'hidden') firstRead.request();
    };
    doc.addEventListener('visibilitychange', whenShown, { signal });
    whenShown();
  }

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
      const modal = now() - lastModalCheck >= MODAL_CHECK_MS;
      if (lost || modal) schedule({ read: lost, modal });
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
