// WebSockets the service worker opens to one venue with ten tabs open on that venue's pages.
//
// Ten Binance futures tabs, alternating over the symbols the fixture page and the mock list
// (BTCUSDT, ETHUSDT: the mock knows no more, so "ten symbols" is ten tabs over two). The mock
// counts the open WebSocket sessions per venue: only the extension's service worker opens them.
// The floor is one socket per venue.
import { BinancePage } from '../e2e/harness/binance-usdm-page';
import { waitForOverlay } from '../e2e/harness/overlay';
import { BINANCE_SYMBOLS } from '../e2e/mock/markets';
import type { MockExchange } from '../e2e/mock/server';
import type { Subject } from './browsers';

export const SOCKET_TABS = 10;
const VENUE = 'binance-usdm';

export interface SocketCount {
  venue: string;
  tabs: number;
  symbols: string[];
  sockets: number;
  /** What the open sockets stream, per socket. */
  streams: string[][];
}

export async function socketBench(subject: Subject, mock: MockExchange): Promise<SocketCount> {
  const symbols = BINANCE_SYMBOLS.map((s) => s.symbol);
  const pages = [];
  try {
    for (let i = 0; i < SOCKET_TABS; i++) {
      const page = await subject.session.context.newPage();
      pages.push(page);
      // A trader's tab: the page open and the order form touched (the overlay may wait for that).
      const binance = await new BinancePage(page).goto(symbols[i % symbols.length]);
      await binance.typeSize('0.1');
      await waitForOverlay(page, (r) => r.present && r.state !== null, `overlay in tab ${i + 1}`, 15_000);
    }
    await pages[0]!.waitForTimeout(2_000); // let every subscription settle
    const open = mock.openStreams().filter((s) => s.venue === VENUE);
    return {
      venue: VENUE,
      tabs: SOCKET_TABS,
      symbols: [...new Set(pages.map((_, i) => symbols[i % symbols.length]!))],
      sockets: open.length,
      streams: open.map((s) => s.symbols),
    };
  } finally {
    for (const page of pages) await page.close().catch(() => {});
  }
}
