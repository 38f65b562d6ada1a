// The session's calls into its venue reader, made safe: a reader that throws gives an unrecognised
// reading that says so, no form root or no submit buttons, never an exception in the session's
// event handlers. Also the session's page as it is now (the query may change under a session).
import type { VenueReader } from '../venues/readers';
import type { FormReading } from '../venues/types';

export function readSafely(reader: VenueReader, doc: Document, url: URL, scope: 'full' | 'order'): FormReading {
  try {
    return reader.read(doc, url, scope);
  } catch (error) {
    return {
      status: 'unrecognised',
      missing: [`reader error: ${error instanceof Error ? error.message : String(error)}`],
      matched: {},
    };
  }
}

/**
 * The typing fast path (VenueReader.refresh) from the last reading, or null: the last reading is
 * not ok, the reader has no fast path, the form root left the page, `unchanged` says something
 * observed changed (asked last: it takes the observer's records), or the reader threw.
 */
export function refreshSafely(
  reader: VenueReader,
  last: FormReading | null,
  anchor: Element | null,
  unchanged: () => boolean,
): FormReading | null {
  if (last?.status !== 'ok' || reader.refresh === undefined || anchor?.isConnected !== true || !unchanged())
    return null;
  try {
    return reader.refresh(last);
  } catch {
    return null;
  }
}

export function formRootSafely(reader: VenueReader, doc: Document): Element | null {
  try {
    return reader.formRoot(doc);
  } catch {
    return null;
  }
}

export function submitButtonsSafely(reader: VenueReader, doc: Document): readonly Element[] {
  try {
    return reader.submitButtons(doc);
  } catch {
    return [];
  }
}

/** The session's page with the query it has now; the page itself (origin + path) never changes under a session. */
export function sessionUrl(win: Window, url: URL): URL {
  try {
    const here = new URL(win.location.href);
    return here.origin === url.origin && here.pathname === url.pathname ? here : url;
  } catch {
    return url;
  }
}
