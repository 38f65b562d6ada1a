// The mock exchange: one port on 127.0.0.1 that speaks HTTPS (and plain HTTP, told apart by
// the first byte) for every impersonated host, routed by Host header / SNI to the venue modules
// in venues/ (each: its fixture pages, REST and WebSocket API; see venue-api.ts):
//   kraken.ts        pro.kraken.com page, api.kraken.com + ws.kraken.com
//   binance.ts       www.binance.com futures page, fapi + fstream.binance.com
//   bybit.ts, okx.ts, hyperliquid.ts, binance-spot.ts: likewise
//   anything else    → 404, and logged: the allowlist test reads the log
// Tests drive it in process: prices, frozen streams, faults, dropped sockets, unreachable hosts.
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { makeTestCertificates, type TestCertificates } from './certs';
import { FaultBook, MALFORMED_BODY, type FaultKind } from './faults';
import { API_HOSTS, PAGE_HOSTS } from './hosts';
import { MarketBook, type MockVenue, type Quote } from './markets';
import { listenOnePort } from './one-port';
import { findPage } from './pages';
import type { StreamSession } from './stream-session';
import type { JsonAnswer, MockVenueApi } from './venue-api';

const VENUES_DIR = path.join(import.meta.dirname, 'venues');
/** A POST body the mock reads (Hyperliquid's info queries are a few dozen bytes). */
const MAX_REQUEST_BODY = 16_384;

/** Every venue module in venues/, loaded once per process. */
async function loadVenues(): Promise<MockVenueApi[]> {
  const files = readdirSync(VENUES_DIR)
    .filter((f) => f.endsWith('.ts'))
    .sort();
  const apis: MockVenueApi[] = [];
  for (const file of files) {
    const module = (await import(pathToFileURL(path.join(VENUES_DIR, file)).href)) as { mockApi?: MockVenueApi };
    if (!module.mockApi) throw new Error(`mock: ${file} exports no mockApi`);
    // One name per venue: the module is named by the venue id it serves.
    if (`${module.mockApi.venue}.ts` !== file) throw new Error(`mock: ${file} serves ${module.mockApi.venue}`);
    apis.push(module.mockApi);
  }
  return apis;
}

export interface RequestLogEntry {
  time: number;
  kind: 'http' | 'https' | 'wss' | 'tls-refused';
  method: string;
  host: string;
  /** Path with query string. */
  path: string;
  /** "kraken.ticker", "binance.ws", …; null for pages and unknown hosts. */
  endpoint: string | null;
  status: number | null;
  fault: FaultKind | null;
}

const TICK_MS = 250;
const hostOf = (header: string | undefined) => (header ?? '').replace(/:\d+$/, '').toLowerCase();

export class MockExchange {
  readonly log: RequestLogEntry[] = [];
  readonly book: MarketBook;
  private faults = new FaultBook();
  private frozen = new Set<MockVenue>();
  private unreachable = new Set<string>();
  /** Page host → fixture file served instead of the route's own (a later page generation); see usePage. */
  private pageFiles = new Map<string, string | { html: string }>();
  private sessions = new Set<StreamSession>();
  private held = new Set<Duplex>(); // hanging requests and upgrades
  private sockets = new Set<net.Socket>();
  private tlsSockets = new Set<tls.TLSSocket>();
  private wss = new WebSocketServer({ noServer: true });
  private ticker: NodeJS.Timeout;

  private constructor(
    private front: net.Server,
    private httpsServer: https.Server,
    private httpServer: http.Server,
    readonly certs: TestCertificates,
    readonly port: number,
    private readonly venues: readonly MockVenueApi[],
  ) {
    this.book = new MarketBook(new Map(venues.map((v) => [v.venue, v.symbols])));
    this.ticker = setInterval(() => {
      const now = Date.now();
      for (const s of this.sessions) s.tick(now);
    }, TICK_MS);
    this.ticker.unref();
  }

  static async start(): Promise<MockExchange> {
    const venues = await loadVenues();
    const certs = makeTestCertificates();
    const context = tls.createSecureContext({ key: certs.keyPem, cert: certs.certPem });
    // The servers' callbacks are created before the MockExchange they report to.
    const owner: { mock?: MockExchange } = {};
    const httpsServer = https.createServer({
      key: certs.keyPem,
      cert: certs.certPem,
      // An "unreachable" host fails at the handshake, before any HTTP: as close to a refused connection as one port allows.
      SNICallback: (servername, cb) =>
        owner.mock?.isUnreachable(servername) ? cb(new Error(`mock: ${servername} unreachable`)) : cb(null, context),
    });
    const httpServer = http.createServer();
    const front = await listenOnePort(httpsServer, httpServer, (socket) => {
      owner.mock?.sockets.add(socket);
      socket.on('close', () => owner.mock?.sockets.delete(socket));
    });
    const port = (front.address() as net.AddressInfo).port;
    const mock = new MockExchange(front, httpsServer, httpServer, certs, port, venues);
    owner.mock = mock;
    mock.wire();
    return mock;
  }

  private wire(): void {
    this.httpsServer.on('request', (req, res) => this.onRequest(req, res, 'https'));
    this.httpServer.on('request', (req, res) => this.onRequest(req, res, 'http'));
    this.httpsServer.on('upgrade', (req, socket, head) => this.onUpgrade(req, socket, head));
    this.httpServer.on('upgrade', (req, socket) => socket.destroy());
    this.httpsServer.on('secureConnection', (s: tls.TLSSocket) => {
      this.tlsSockets.add(s);
      s.on('close', () => this.tlsSockets.delete(s));
    });
    this.httpsServer.on('tlsClientError', (err, s: tls.TLSSocket) => {
      const host =
        (s as tls.TLSSocket & { servername?: string }).servername ||
        /mock: (\S+) unreachable/.exec(err.message)?.[1] ||
        '';
      if (host)
        this.record({ kind: 'tls-refused', method: '', host, path: '', endpoint: null, status: null, fault: 'refuse' });
    });
  }

  private record(entry: Omit<RequestLogEntry, 'time'>): RequestLogEntry {
    const full = { time: Date.now(), ...entry };
    this.log.push(full);
    return full;
  }

  private isUnreachable(host: string): boolean {
    return this.unreachable.has(host.toLowerCase());
  }

  /** The venue whose API answers at host + path, with the endpoint's name. */
  private apiAt(host: string, pathname: string, ws: boolean): { api: MockVenueApi; endpoint: string } | null {
    for (const api of this.venues) {
      if (!(ws ? api.wsHosts : api.restHosts).includes(host)) continue;
      const endpoint = api.endpoint(host, pathname);
      if (endpoint !== null) return { api, endpoint };
    }
    return null;
  }

  private venueOfEndpoint(endpoint: string): MockVenueApi | undefined {
    return this.venues.find((v) => endpoint.startsWith(`${v.venue}.`));
  }

  private onRequest(req: http.IncomingMessage, res: http.ServerResponse, kind: 'http' | 'https'): void {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_REQUEST_BODY) chunks.push(chunk);
    });
    req.on('end', () =>
      this.answer(req, res, kind, size <= MAX_REQUEST_BODY ? Buffer.concat(chunks).toString('utf8') : null),
    );
  }

  private answer(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    kind: 'http' | 'https',
    body: string | null,
  ): void {
    const host = hostOf(req.headers.host);
    const url = new URL(req.url ?? '/', `https://${host || 'unknown'}`);
    const api = this.apiAt(host, url.pathname, false) ?? this.apiAt(host, url.pathname, true);
    const endpoint = api?.endpoint ?? null;
    const entry = this.record({
      kind,
      method: req.method ?? '',
      host,
      path: url.pathname + url.search,
      endpoint,
      status: null,
      fault: null,
    });
    res.setHeader('cache-control', 'no-store');

    if (endpoint !== null && kind === 'https') {
      const fault = this.faults.take(endpoint);
      if (fault) {
        entry.fault = fault.kind;
        this.answerFault(req, res, fault.kind, fault.retryAfterSeconds, endpoint, entry);
        return;
      }
      const answer: JsonAnswer =
        body === null
          ? { status: 413, body: { error: 'request body too large' } }
          : api!.api.restHosts.includes(host)
            ? api!.api.rest({ url, method: req.method ?? 'GET', body }, this.book)
            : { status: 426, body: { error: 'use a WebSocket' } };
      entry.status = answer.status;
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end(typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body));
      return;
    }

    const page =
      kind === 'https'
        ? findPage(
            this.venues.flatMap((v) => v.pages),
            host,
            url.pathname,
            this.pageFiles.get(host),
            url.search,
          )
        : null;
    if (page?.status === 200) {
      entry.status = 200;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page.html);
      return;
    }
    entry.status = 404;
    res
      .writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
      .end(page ? page.reason : `mock exchange: ${host} is not served here`);
  }

  private answerFault(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    kind: FaultKind,
    retryAfter: number,
    endpoint: string,
    entry: RequestLogEntry,
  ): void {
    const venue = this.venueOfEndpoint(endpoint);
    switch (kind) {
      case '500':
      case '429': {
        const status = Number(kind);
        entry.status = status;
        const headers: http.OutgoingHttpHeaders = { 'content-type': 'application/json' };
        if (status === 429) headers['retry-after'] = String(retryAfter);
        res
          .writeHead(status, headers)
          .end(venue ? venue.errorBody(status) : JSON.stringify({ error: `HTTP ${status}` }));
        return;
      }
      case 'malformed':
        entry.status = 200;
        res.writeHead(200, { 'content-type': 'application/json' }).end(MALFORMED_BODY);
        return;
      case 'hang':
        this.held.add(req.socket);
        req.socket.once('close', () => this.held.delete(req.socket));
        return;
      case 'refuse':
        req.socket.destroy();
    }
  }

  private onUpgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => {});
    const host = hostOf(req.headers.host);
    const url = new URL(req.url ?? '/', `wss://${host || 'unknown'}`);
    const api = this.apiAt(host, url.pathname, true);
    const endpoint = api?.endpoint ?? null;
    const entry = this.record({
      kind: 'wss',
      method: 'GET',
      host,
      path: url.pathname + url.search,
      endpoint,
      status: null,
      fault: null,
    });
    if (!api || !api.api.acceptsWsPath(host, url.pathname)) {
      entry.status = 404;
      socket.end('HTTP/1.1 404 Not Found\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
      return;
    }
    const fault = this.faults.take(api.endpoint);
    entry.fault = fault?.kind ?? null;
    if (fault?.kind === '500' || fault?.kind === '429') {
      entry.status = Number(fault.kind);
      const retry = fault.kind === '429' ? `retry-after: ${fault.retryAfterSeconds}\r\n` : '';
      socket.end(
        `HTTP/1.1 ${fault.kind} ${fault.kind === '429' ? 'Too Many Requests' : 'Internal Server Error'}\r\n${retry}connection: close\r\ncontent-length: 0\r\n\r\n`,
      );
      return;
    }
    if (fault?.kind === 'hang') {
      this.held.add(socket);
      socket.once('close', () => this.held.delete(socket));
      return;
    }
    if (fault?.kind === 'refuse') {
      socket.destroy();
      return;
    }
    entry.status = 101;
    const venue: MockVenue = api.api.venue;
    this.wss.handleUpgrade(req, socket, head, (ws: WebSocket) => {
      const options = { streaming: () => !this.frozen.has(venue), garbage: fault?.kind === 'malformed' };
      const session = api.api.openStream(ws, url, this.book, options);
      this.sessions.add(session);
      ws.on('close', () => this.sessions.delete(session));
      ws.on('error', () => {});
    });
  }

  // ---- control API for tests ------------------------------------------------------------

  /**
   * What the venue's REST API answers right now for this request, without the network, faults or
   * the log: the tests' expected snapshot runs the extension's own feed parsers over it.
   */
  restAnswer(url: URL, method: string, body: string): JsonAnswer {
    const host = url.hostname;
    const api = this.apiAt(host, url.pathname, false);
    if (!api) throw new Error(`mock: no REST API at ${url.href}`);
    return api.api.rest({ url, method, body }, this.book);
  }

  /** Sets the price (and optionally other figures) of a symbol; streams push it (Kraken at once, Binance on its next beat). */
  setPrice(venue: MockVenue, symbol: string, price: string, change: Partial<Omit<Quote, 'price'>> = {}): void {
    this.book.set(venue, symbol, { ...change, price });
    const name = this.book.canonical(venue, symbol);
    for (const s of this.sessions) if (s.venue === venue) s.priceChanged(name);
  }

  /** Frozen: streams stop sending data (Kraken keeps heartbeats, like a quiet market), REST keeps answering unless faulted. */
  freeze(venue: MockVenue, frozen = true): void {
    if (frozen) this.frozen.add(venue);
    else this.frozen.delete(venue);
  }

  /** Endpoint "kraken.ticker" | "kraken.assetPairs" | "kraken.ws" | "binance.premiumIndex" | "binance.fundingInfo" | "binance.ws" | "kraken.*" | "*". */
  fault(endpoint: string, kind: FaultKind, options: { count?: number; retryAfterSeconds?: number } = {}): void {
    this.faults.add(endpoint, kind, options);
  }

  /** Clears every fault; hanging requests are dropped (the client sees a reset connection). */
  resetFaults(): void {
    this.faults.reset();
    for (const s of this.held) s.destroy();
    this.held.clear();
  }

  /**
   * Every API host (or the given ones) fails at the TLS handshake; open connections to them are cut.
   * 'api' spares hosts that also serve pages (www.okx.com): fault OKX's endpoints instead.
   */
  setUnreachable(hosts: readonly string[] | 'api' | null): void {
    const apiOnly = API_HOSTS.filter((h) => !(PAGE_HOSTS as readonly string[]).includes(h));
    this.unreachable = new Set(hosts === 'api' ? apiOnly : (hosts ?? []));
    for (const s of this.tlsSockets) {
      const name = (s as tls.TLSSocket & { servername?: string | false }).servername;
      if (typeof name === 'string' && this.isUnreachable(name)) s.destroy();
    }
  }

  /** Sends raw text to every open stream of a venue. */
  pushWs(venue: MockVenue, text: string): number {
    let n = 0;
    for (const s of this.sessions) {
      if (s.venue === venue && s.socket.readyState === s.socket.OPEN) {
        s.socket.send(text);
        n += 1;
      }
    }
    return n;
  }

  /** Cuts every open WebSocket (of one venue, or all) without a close handshake, as a network drop does. */
  dropWebSockets(venue?: MockVenue): number {
    let n = 0;
    for (const s of [...this.sessions]) {
      if (venue === undefined || s.venue === venue) {
        s.socket.terminate();
        this.sessions.delete(s);
        n += 1;
      }
    }
    return n;
  }

  /** Open streams and what each streams, e.g. [{venue:'kraken-margin', symbols:['XBTUSD']}]. */
  openStreams(): Array<{ venue: MockVenue; symbols: string[] }> {
    return [...this.sessions]
      .filter((s) => s.socket.readyState === s.socket.OPEN)
      .map((s) => ({ venue: s.venue, symbols: s.subscribedSymbols() }));
  }

  requests(filter: (e: RequestLogEntry) => boolean = () => true): RequestLogEntry[] {
    return this.log.filter(filter);
  }

  clearLog(): void {
    this.log.length = 0;
  }

  /** Polls `check` every 50 ms until it returns a truthy value; throws with `what` after the timeout. */
  async waitFor<T>(what: string, check: () => T | undefined | null | false, timeoutMs = 10_000): Promise<T> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const value = check();
      if (value) return value;
      if (Date.now() > end) throw new Error(`mock: timed out after ${timeoutMs} ms waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /**
   * Serves `file` (under e2e/fixtures/pages, e.g. 'bybit-linear.gen2.html') at every page URL of
   * `host` the venue routes, instead of the first generation; null goes back to it. Reset per test.
   * `{ html }`: a page the test made (a fixture rewritten like a redeploy, one generated from a report).
   */
  usePage(host: string, file: string | { html: string } | null): void {
    if (file === null) this.pageFiles.delete(host);
    else this.pageFiles.set(host, file);
  }

  /** Back to defaults between tests: prices, faults, freezes, reachability, page files. The log is kept (clear it yourself). */
  reset(): void {
    this.pageFiles.clear();
    this.resetFaults();
    this.frozen.clear();
    this.setUnreachable(null);
    this.book.reset();
  }

  async stop(): Promise<void> {
    clearInterval(this.ticker);
    this.resetFaults();
    for (const s of this.sessions) s.socket.terminate();
    this.sessions.clear();
    for (const s of this.sockets) s.destroy();
    this.wss.close();
    await new Promise<void>((resolve) => this.front.close(() => resolve()));
    this.certs.remove();
  }
}
