// The session's cheaper reads, between full ones: what was typed (the reader's fast path while
// nothing observed changed), the order at a submit (inside the click, so as cheap as it can be
// while exact), the per-frame probe of the order fields, and figure text the page rewrote.
import type { VenueReader } from '../venues/readers';
import type { FormReading } from '../venues/types';
import { readingKey, type FormLink } from './form-link';
import type { Schedule } from './frame-schedule';
import { inputValues } from './input-values';
import { orderIdentity, readingOrder } from './order-identity';
import type { ReadLater } from './read-later';
import { readSafely, refreshSafely } from './safe-read';

export interface SessionReadsDeps {
  reader: VenueReader;
  doc: Document;
  url: () => URL;
  link: FormLink;
  anchor: () => Element | null;
  /** The form watch's hasPendingChanges (records taken). */
  pendingChanges: () => boolean;
  schedule: Schedule;
  later: ReadLater;
  begun: () => boolean;
  begin: () => void;
  /** A full read, now. */
  read: () => void;
  accept: (next: FormReading) => void;
}

export interface SessionReads {
  readTyped(): void;
  orderAtClick(): FormReading;
  probeOrder(): void;
  figuresChanged(taken: boolean): void;
  /** A new reading was accepted: the next probe compares with its order. */
  accepted(): void;
}

export function sessionReads(s: SessionReadsDeps): SessionReads {
  /** Key of the order fields at the last per-frame probe; null: compare with the last reading's order. */
  let lastProbe: string | null = null;
  /** The form's field values (inputValues) when last probed or read; null: probe in full next frame. */
  let lastValues: string | null = null;
  const valuesNow = (): string | null => {
    const root = s.anchor();
    return root?.isConnected === true ? inputValues(root) : null;
  };

  /**
   * Typing: while nothing observed changed since the last reading, only the typed values can have
   * changed, and the reader re-reads just those (VenueReader.refresh: exactly what a full read
   * would give). Anything else reads in full.
   */
  function readTyped(): void {
    if (!s.begun()) return s.begin();
    // A reader bug (it threw) gives null: the full read below says what is wrong.
    const next = refreshSafely(s.reader, s.link.reading, s.anchor(), () => !s.pendingChanges());
    if (next !== null) return s.accept(next);
    s.read();
  }

  /**
   * The order at a submit: inside the click, so as cheap as it can be while exact. With nothing
   * observed changed since the last reading only typed values can differ (the typing fast path);
   * otherwise the order fields are read (scope 'order': no account, no positions table).
   */
  function orderAtClick(): FormReading {
    const last = s.link.reading;
    const changed = s.pendingChanges();
    // The whole page is read after the click, not inside it (the exchange's handler waits for us).
    if (changed) s.schedule({ read: true });
    // A reader bug (it threw) gives null: read the order fields instead.
    const next = refreshSafely(s.reader, last, s.anchor(), () => !changed);
    if (next !== null) return next;
    return readSafely(s.reader, s.doc, s.url(), 'order');
  }

  /**
   * Once a frame while the form is in use: the page's script may have set a value without an event.
   * The order fields are compared with the previous probe (or, first, with the order last read): a
   * full reading may differ from an order-only one for reasons outside the order (an unreadable
   * account), and comparing those two would read the whole page again every frame.
   */
  function probeOrder(): void {
    if (s.pendingChanges()) return s.read();
    // Nothing observed changed, so only field values can have (a script setting .value fires no event
    // and changes no DOM). While they are as at the last probe or reading, nothing is parsed (the bench
    // measured an order read at ~0.8 ms and the typing fast path at ~0.4 ms a frame, unthrottled).
    const values = valuesNow();
    if (values !== null && values === lastValues) return;
    lastValues = values;
    // The typing fast path reads exactly the typed values, for a fraction of an order read.
    const probe =
      refreshSafely(s.reader, s.link.reading, s.anchor(), () => true) ?? readSafely(s.reader, s.doc, s.url(), 'order');
    const key = probe.status === 'ok' ? orderIdentity(probe.form) : readingKey(probe);
    const before = lastProbe ?? readingOrder(s.link.reading);
    lastProbe = key;
    if (key !== before) s.read();
  }

  /**
   * The page rewrote figure text of the form (its own Cost or Total after a keystroke): typed values and
   * page figures are read by the cheap path now, and a full read at idle time makes sure nothing else
   * moved. `taken`: the caller is on the cheap path already.
   */
  function figuresChanged(taken: boolean): void {
    s.later.verify();
    if (taken) return;
    const next = refreshSafely(s.reader, s.link.reading, s.anchor(), () => true);
    if (next !== null) s.accept(next);
  }

  /** A new reading: the next probe compares with its order, and its values are the ones to compare with. */
  function accepted(): void {
    lastProbe = null;
    lastValues = valuesNow();
  }

  return { readTyped, orderAtClick, probeOrder, figuresChanged, accepted };
}
