// One WebSocket per venue carrying every watched symbol (the runners of that venue's markets
// join it, stream-pool.ts). Symbols are added and removed with the venue's own subscribe and
// unsubscribe messages while the socket is open; messages are routed to their symbol's runners
// by VenueFeed.streamSymbol, and a message for a symbol nobody watches is dropped unread.
// A socket that closes, fails, is refused or goes silent is dropped for all its symbols at once:
// each runner hears why and polls the mark over REST; the socket is reopened with backoff and
// full jitter, and every symbol still watched is subscribed again. A refusal that names one
// symbol (Kraken) only sets that symbol aside and retries it on its own backoff.
// The runners' side of the contract is in stream-contract.ts, per-symbol state in
// symbol-watch.ts, frame checks in stream-frames.ts and the reconnect backoff in stream-outage.ts.
import type { VenueFeed } from '../../venues/feed-types';
import type { SocketLike } from '../env';
import { endpointUrl } from '../net/allowlist';
import { backoffDelay } from '../net/backoff';
import { closeSocket, openSocket } from '../net/socket';
import { MARK_POLL_MS, STREAM_SILENCE_MS } from './intervals';
import type { StreamDeps, StreamMember, StreamTicket } from './stream-contract';
import { MalformedLog, parseFrame } from './stream-frames';
import { StreamOutage } from './stream-outage';
import { refusedSentence } from './stream-sentences';
import { forgetStream, newWatch, tellDown, type Watch } from './symbol-watch';

export class VenueStream {
  private readonly watches = new Map<string, Watch>();
  private socket: SocketLike | null = null;
  private open = false;
  private host: string;
  private lastMessageAt = 0;
  private requestId = 0;
  private heartbeat: unknown = undefined;
  private readonly outage: StreamOutage;
  private readonly malformedLog: MalformedLog;
  private stopped = false;
  /** URLs are built from this stream's own feed (and still checked against the allowlist). */
  private readonly lookup = () => this.feed;

  constructor(
    private readonly feed: VenueFeed,
    private readonly deps: StreamDeps,
    /** Called once, when the last member left and the socket is closed. */
    private readonly onEmpty: () => void,
  ) {
    this.host = feed.venue;
    this.outage = new StreamOutage(deps.clock, deps.random);
    this.malformedLog = new MalformedLog(deps.log);
  }

  /** Symbols watched now, in the order they joined. */
  symbols(): string[] {
    return [...this.watches.keys()];
  }

  join(symbol: string, member: StreamMember): StreamTicket {
    let watch = this.watches.get(symbol);
    const first = watch === undefined;
    if (watch === undefined) {
      watch = newWatch();
      this.watches.set(symbol, watch);
    }
    watch.members.add(member);
    const outage = this.outage.sentence();
    if (outage !== null) member.down(outage);
    else if (this.socket === null) this.connect();
    else if (first && this.open) this.subscribe(this.socket, [symbol]);
    // A socket still opening subscribes every watched symbol in its onopen.
    const joined = watch;
    let left = false;
    return {
      carriesMark: (now) => this.socket !== null && now - joined.lastMarkAt < MARK_POLL_MS,
      checkSilence: (now) => this.checkSilence(now),
      leave: () => {
        if (left) return;
        left = true;
        this.leave(symbol, joined, member);
      },
    };
  }

  private leave(symbol: string, watch: Watch, member: StreamMember): void {
    watch.members.delete(member);
    if (watch.members.size > 0 || this.watches.get(symbol) !== watch) return;
    this.watches.delete(symbol);
    this.deps.clock.clearTimeout(watch.retry);
    if (this.watches.size === 0) return this.stop();
    const socket = this.socket;
    if (socket !== null && this.open && watch.subscribed)
      this.send(socket, this.feed.unsubscribe([symbol], this.nextId()), 'could not unsubscribe');
  }

  private stop(): void {
    this.stopped = true;
    if (this.socket) this.drop(this.socket);
    this.outage.end();
    this.onEmpty();
  }

  private nextId(): number {
    this.requestId += 1;
    return this.requestId;
  }

  private connect(): void {
    const anySymbol = this.watches.keys().next();
    if (this.stopped || anySymbol.done === true) return;
    // The URL names no symbol (every venue subscribes by message); any watched one passes the feed's pattern check.
    const url = endpointUrl(this.feed.venue, 'stream', anySymbol.value, this.lookup);
    const socket = url === null ? null : openSocket(url, this.deps.sockets, this.deps.log);
    this.host = url?.host ?? this.feed.venue;
    if (socket === null) return this.down('could not be opened');
    this.outage.end();
    this.socket = socket;
    this.open = false;
    this.lastMessageAt = this.deps.clock.now();
    for (const watch of this.watches.values()) watch.subscribed = false;
    socket.onopen = () => {
      if (this.socket !== socket) return;
      this.open = true;
      this.subscribe(socket, this.symbols());
      if (this.socket === socket) this.beat(socket);
    };
    socket.onmessage = (event) => {
      if (this.socket === socket) this.onMessage(socket, event.data);
    };
    socket.onclose = () => this.lost(socket, 'closed');
    socket.onerror = () => this.lost(socket, 'failed');
  }

  private subscribe(socket: SocketLike, symbols: string[]): void {
    if (symbols.length === 0) return;
    if (!this.send(socket, this.feed.subscribe(symbols, this.nextId()), 'could not subscribe')) return;
    for (const symbol of symbols) {
      const watch = this.watches.get(symbol);
      if (watch) watch.subscribed = true;
    }
  }

  /** False when the socket broke while sending (it is then dropped and reopened later). */
  private send(socket: SocketLike, messages: string[], failure: string): boolean {
    try {
      for (const message of messages) socket.send(message);
      return true;
    } catch {
      this.lost(socket, failure);
      return false;
    }
  }

  /** Application-level ping on the venue's schedule, while this socket is the current one. */
  private beat(socket: SocketLike): void {
    const heartbeat = this.feed.heartbeat;
    if (heartbeat === undefined) return;
    this.heartbeat = this.deps.clock.setTimeout(() => {
      if (this.socket !== socket) return;
      if (this.send(socket, [heartbeat.message], 'could not send its keep-alive')) this.beat(socket);
    }, heartbeat.everyMs);
  }

  private onMessage(socket: SocketLike, data: unknown): void {
    const now = this.deps.clock.now();
    this.lastMessageAt = now;
    if (this.feed.heartbeat?.reply !== undefined && data === this.feed.heartbeat.reply) return;
    const frame = parseFrame(data);
    if (frame === null) return this.malformed('not JSON text');
    const { message } = frame;
    const symbol = this.feed.streamSymbol(message);
    if (symbol === null) return this.onSocketMessage(socket, message);
    const watch = this.watches.get(symbol);
    // Late data for a market we unsubscribed (or never asked for): not ours to show or to judge.
    if (watch === undefined) return;
    const event = this.feed.parseStream(message, symbol);
    if (event.kind === 'ignore') return;
    if (event.kind === 'malformed') return this.malformed(event.reason);
    if (event.kind === 'refused') return this.refused(socket, symbol, watch, event.reason);
    this.outage.recovered();
    watch.refusals = 0;
    if (event.figures.markPrice) watch.lastMarkAt = now;
    for (const member of [...watch.members]) member.received(event.figures, now, event.tiers);
  }

  /** Acknowledgements, pongs and errors that name no market concern the whole socket. */
  private onSocketMessage(socket: SocketLike, message: unknown): void {
    const anySymbol = this.watches.keys().next();
    if (anySymbol.done === true) return;
    const event = this.feed.parseStream(message, anySymbol.value);
    if (event.kind === 'ignore') return;
    if (event.kind === 'refused') return this.lost(socket, `refused: ${event.reason}`);
    // Figures that name no market cannot be routed: a feed whose streamSymbol missed them.
    this.malformed(event.kind === 'malformed' ? event.reason : 'figures for no named market');
  }

  /** One symbol refused (the others keep streaming): it is polled over REST and asked for again later. */
  private refused(socket: SocketLike, symbol: string, watch: Watch, reason: string): void {
    const delay = backoffDelay(watch.refusals, this.deps.random);
    watch.refusals += 1;
    forgetStream(watch, this.deps.clock);
    watch.retry = this.deps.clock.setTimeout(() => {
      watch.retry = undefined;
      if (this.socket === socket && this.open && this.watches.get(symbol) === watch) this.subscribe(socket, [symbol]);
    }, delay);
    tellDown(watch, refusedSentence(this.host, symbol, reason, delay));
  }

  /** One bad message is dropped, not fatal; if they persist the marks age and REST takes over. */
  private malformed(reason: string): void {
    this.malformedLog.note(this.host, reason);
  }

  private checkSilence(now: number): void {
    if (this.socket && now - this.lastMessageAt > STREAM_SILENCE_MS) this.lost(this.socket, 'went silent');
  }

  /** Detach and close a socket we no longer want; late events from it are ignored. */
  private drop(socket: SocketLike): void {
    if (this.socket === socket) {
      this.socket = null;
      this.open = false;
      this.deps.clock.clearTimeout(this.heartbeat);
      this.heartbeat = undefined;
    }
    closeSocket(socket);
  }

  private lost(socket: SocketLike, why: string): void {
    if (this.socket !== socket) return; // close after error, or a socket already replaced
    this.drop(socket);
    this.down(why);
  }

  /** Every watched symbol loses the stream at once; the socket is reopened after a jittered backoff. */
  private down(why: string): void {
    for (const watch of this.watches.values()) forgetStream(watch, this.deps.clock);
    const sentence = this.outage.begin(this.host, why, () => this.connect());
    for (const watch of [...this.watches.values()]) tellDown(watch, sentence);
  }
}
