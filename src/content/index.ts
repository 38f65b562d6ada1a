// What every venue's content script runs (src/venues/<venue>/content.ts is the entry the manifest
// names for that venue's pages only; vite.config.ts builds each as its own minified classic IIFE).
// One reader per bundle: a page loads the code that can read it, not five other venues' readers.
// A page the reader does not accept gets nothing: no DOM writes, no port, no listeners.
import type { VenueReader } from '../venues/readers';
import { runContentScript } from './app';
import { extApiFrom, nativeBrowser } from './ext-api';

export function startContentScript(reader: VenueReader): void {
  const browser = nativeBrowser();
  // After an SPA navigation the session asks again: another venue's page is not this bundle's.
  const readerForUrl = (url: URL): VenueReader | null => (reader.matchesUrl(url) ? reader : null);
  if (browser !== null && readerForUrl(new URL(location.href)) !== null) {
    void runContentScript({ win: window, doc: document, ext: extApiFrom(browser), readerForUrl });
  }
}
