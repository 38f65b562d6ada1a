// Binance USDⓈ-M futures in the mock exchange: the futures page and fapi/fstream (binance-api.ts).
import { BINANCE_REST_HOST, BINANCE_WS_HOST, BinanceStream, binanceEndpoint, binanceErrorBody, binanceRest } from '../binance-api';
import { BINANCE_MOCK_SYMBOLS } from '../markets';
import type { MockVenueApi } from '../venue-api';

export const mockApi: MockVenueApi = {
  venue: 'binance',
  // https://www.binance.com/en/futures/BTCUSDT (any locale segment, or none: /futures/BTCUSDT)
  pages: [{ host: 'www.binance.com', path: /^(?:\/[A-Za-z-]{2,8})?\/futures\/[^/]+\/?$/, file: 'binance-futures.html' }],
  restHosts: [BINANCE_REST_HOST],
  wsHosts: [BINANCE_WS_HOST],
  symbols: BINANCE_MOCK_SYMBOLS,
  endpoint: binanceEndpoint,
  rest: ({ url }, book) => binanceRest(url, book),
  errorBody: binanceErrorBody,
  acceptsWsPath: (host, pathname) => host === BINANCE_WS_HOST && BinanceStream.acceptsPath(pathname),
  openStream: (socket, url, book, options) => new BinanceStream(socket, url, book, options),
};
