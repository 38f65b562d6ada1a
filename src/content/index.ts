// Content script entry: bundled as a classic IIFE (see vite.config.ts) and injected into the
// exchange trade pages listed in manifest/base.json. A page without a reader gets nothing:
// no DOM writes, no port, no listeners.
import { readerForUrl } from '../venues/readers';
import { runContentScript } from './app';
import { extApiFrom, nativeBrowser } from './ext-api';

const browser = nativeBrowser();
if (browser !== null && readerForUrl(new URL(location.href)) !== null) {
  void runContentScript({ win: window, doc: document, ext: extApiFrom(browser), readerForUrl });
}
