// Kraken in the mock exchange: the Pro trade page and the public REST + WS v2 (kraken-api.ts).
import {
  KRAKEN_REST_HOST,
  KRAKEN_WS_HOST,
  KrakenStream,
  krakenEndpoint,
  krakenErrorBody,
  krakenRest,
} from '../kraken-margin-api';
import { KRAKEN_MOCK_SYMBOLS } from '../markets';
import { CONTROL_HOST } from '../pages';
import type { MockVenueApi } from '../venue-api';

const TRADE_PATH = /^\/app\/trade\/[^/]+\/?$/;

export const mockApi: MockVenueApi = {
  venue: 'kraken-margin',
  pages: [
    // https://pro.kraken.com/app/trade/btc-usd
    { host: 'pro.kraken.com', path: TRADE_PATH, file: 'kraken-margin.html' },
    // The bench's control: the same page where no content script matches.
    { host: CONTROL_HOST, path: TRADE_PATH, file: 'kraken-margin.html' },
  ],
  restHosts: [KRAKEN_REST_HOST],
  wsHosts: [KRAKEN_WS_HOST],
  symbols: KRAKEN_MOCK_SYMBOLS,
  endpoint: krakenEndpoint,
  rest: ({ url }, book) => krakenRest(url, book),
  errorBody: krakenErrorBody,
  acceptsWsPath: (host, pathname) => host === KRAKEN_WS_HOST && /^\/v2\/?$/.test(pathname),
  openStream: (socket, _url, book, options) => new KrakenStream(socket, book, options),
};
