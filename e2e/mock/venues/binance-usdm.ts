// Binance USDⓈ-M futures in the mock exchange: the futures page, fapi/fstream and the site's bracket table (binance-api.ts).
import {
  BINANCE_REST_HOST,
  BINANCE_SITE_HOST,
  BINANCE_WS_HOST,
  BinanceStream,
  binanceEndpoint,
  binanceErrorBody,
  binanceRest,
} from '../binance-usdm-api';
import { BINANCE_MOCK_SYMBOLS } from '../markets';
import type { MockVenueApi } from '../venue-api';

const BINANCE_FUTURES_PATH = /^(?:\/[A-Za-z-]{2,8})?\/futures\/[^/]+\/?$/;

export const mockApi: MockVenueApi = {
  venue: 'binance-usdm',
  // https://www.binance.com/en/futures/BTCUSDT (any locale segment, or none: /futures/BTCUSDT)
  // Generation 2 (issue 13) at the same URLs, picked by ?fixture=gen2-oneway / gen2-hedge-open / gen2-hedge-close,
  // and its one-way page translated: gen2-zh-CN, gen2-ru (decimal comma), gen2-xx (a language without a table).
  pages: ['', 'gen2-oneway', 'gen2-hedge-open', 'gen2-hedge-close', 'gen2-zh-CN', 'gen2-ru', 'gen2-xx'].map(
    (fixture) => ({
      host: 'www.binance.com',
      path: BINANCE_FUTURES_PATH,
      file: fixture === '' ? 'binance-usdm.html' : `binance-usdm.${fixture}.html`,
      ...(fixture === '' ? {} : { fixture }),
    }),
  ),
  // The page host also answers the one bapi path the feed reads (binanceEndpoint names it).
  restHosts: [BINANCE_REST_HOST, BINANCE_SITE_HOST],
  wsHosts: [BINANCE_WS_HOST],
  symbols: BINANCE_MOCK_SYMBOLS,
  endpoint: binanceEndpoint,
  rest: ({ url }, book) => binanceRest(url, book),
  errorBody: binanceErrorBody,
  acceptsWsPath: (host, pathname) => host === BINANCE_WS_HOST && BinanceStream.acceptsPath(pathname),
  openStream: (socket, url, book, options) => new BinanceStream(socket, url, book, options),
};
