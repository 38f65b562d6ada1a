// One WebSocket per venue carrying every watched symbol (the runners of that venue's markets
// join it, stream-pool.ts). Symbols are added and removed with the venue's own subscribe and
// unsubscribe messages while the socket is open; messages are routed to their symbol's runners
// by VenueFeed.streamSymbol, and a message for a symbol nobody watches is dropped unread.
// A socket that closes, fails, is refused or goes silent is dropped for all its symbols at once:
// each runner hears why and polls the mark over REST; the socket is reopened with backoff and
// full jitter, and every symbol still watched is subscribed again. A refusal that names one
// symbol (Kraken) only sets that symbol aside and retries it on its own backoff.
import type { FigureUpdates, VenueFeed } from '../../venues/feed-types';
import type { TierTable } from '../../venues/types';
import type { Clock, Log, SocketFactory, SocketLike } from '../env';
import { endpointUrl } from '../net/allowlist';
import { backoffDelay, describeDelay } from '../net/backoff';
import { openSocket } from '../net/socket';
import { MARK_POLL_MS, STREAM_SILENCE_MS } from './intervals';

const MAX_MESSAGE_CHARS = 65_536;

export interface StreamDeps {
  clock: Clock;
  sockets: SocketFactory;
  random: () => number;
  log: Log;
}

/** A runner watching one symbol. */
export interface StreamMember {
  /** A good message for the symbol: the stream is healthy for it again. */
  received(figures: FigureUpdates, now: number, tiers: TierTable | undefined): void;
  /** The stream does not carry the symbol now; the sentence says why and when it tries again. */
  down(sentence: string): void;
}

/** What a member holds while it watches; leave() ends it (and may unsubscribe or close). */
export interface StreamTicket {
  /** The stream gave this symbol a mark within the last MARK_POLL_MS: REST polling of the mark can wait. */
  carriesMark(now: number): boolean;
  /** Drops the venue's socket if it has said nothing for STREAM_SILENCE_MS (each runner checks at its mark poll). */
  checkSilence(now: number): void;
  leave(): void;
}

interface Watch {
  members: Set<StreamMember>;
  lastMarkAt: number;
  /** A subscribe was sent for it on the current socket. */
  subscribed: boolean;
  refusals: number;
  retry: unknown;
}

interface Outage {
  host: string;
  why: string;
  reconnectAt: number;
}

export class VenueStream {
  private readonly watches = new Map<string, Watch>();
  private socket: SocketLike | null = null;
  private open = false;
  private host: string;
  private lastMessageAt = 0;
  private attempts = 0;
  private requestId = 0;
  private reconnect: unknown = undefined;
  private heartbeat: unknown = undefined;
  private outage: Outage | null = null;
  private malformedMessages = 0;
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
  }

  /** Symbols watched now, in the order they joined. */
  symbols(): string[] {
    return [...this.watches.keys()];
  }

  join(symbol: string, member: StreamMember): StreamTicket {
    let watch = this.watches.get(symbol);
    const first = watch === undefined;
    if (watch === undefined) {
      watch = {
        members: new Set(),
        lastMarkAt: Number.NEGATIVE_INFINITY,
        subscribed: false,
        refusals: 0,
        retry: undefined,
      };
      this.watches.set(symbol, watch);
    }
    watch.members.add(member);
    if (this.outage !== null) member.down(this.outageSentence(this.outage));
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
    this.deps.clock.clearTimeout(this.reconnect);
    this.reconnect = undefined;
    this.outage = null;
    this.onEmpty();
  }

  private nextId(): number {
    this.requestId += 1;
    return this.requestId;
  }

  private connect(): void {
    this.reconnect = undefined;
    const anySymbol = this.watches.keys().next();
    if (this.stopped || anySymbol.done === true) return;
    // The URL names no symbol (every venue subscribes by message); any watched one passes the feed's pattern check.
    const url = endpointUrl(this.feed.venue, 'stream', anySymbol.value, this.lookup);
    const socket = url === null ? null : openSocket(url, this.deps.sockets, this.deps.log);
    this.host = url?.host ?? this.feed.venue;
    if (socket === null) return this.down('could not be opened');
    this.outage = null;
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
    let message: unknown;
    try {
      if (typeof data !== 'string' || data.length > MAX_MESSAGE_CHARS) throw new Error('not a text frame');
      message = JSON.parse(data);
    } catch {
      return this.malformed('not JSON text');
    }
    const symbol = this.feed.streamSymbol(message);
    if (symbol === null) return this.onSocketMessage(socket, message);
    const watch = this.watches.get(symbol);
    // Late data for a market we unsubscribed (or never asked for): not ours to show or to judge.
    if (watch === undefined) return;
    const event = this.feed.parseStream(message, symbol);
    if (event.kind === 'ignore') return;
    if (event.kind === 'malformed') return this.malformed(event.reason);
    if (event.kind === 'refused') return this.refused(socket, symbol, watch, event.reason);
    this.attempts = 0;
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
    watch.subscribed = false;
    watch.lastMarkAt = Number.NEGATIVE_INFINITY;
    this.deps.clock.clearTimeout(watch.retry);
    watch.retry = this.deps.clock.setTimeout(() => {
      watch.retry = undefined;
      if (this.socket === socket && this.open && this.watches.get(symbol) === watch) this.subscribe(socket, [symbol]);
    }, delay);
    const sentence = `Live prices from ${this.host} refused ${symbol} (${reason}), asking again in ${describeDelay(delay)}; mark polled over REST every ${MARK_POLL_MS / 1_000} s meanwhile`;
    for (const member of [...watch.members]) member.down(sentence);
  }

  /** One bad message is dropped, not fatal; if they persist the marks age and REST takes over. */
  private malformed(reason: string): void {
    this.malformedMessages += 1;
    if (this.malformedMessages === 1 || this.malformedMessages % 100 === 0) {
      this.deps.log.warn(
        `Margin Preflight: ignored malformed stream message #${this.malformedMessages} from ${this.host} (${reason})`,
      );
    }
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
    socket.onopen = socket.onmessage = socket.onclose = socket.onerror = null;
    try {
      socket.close();
    } catch {
      // already closed
    }
  }

  private lost(socket: SocketLike, why: string): void {
    if (this.socket !== socket) return; // close after error, or a socket already replaced
    this.drop(socket);
    this.down(why);
  }

  /** Every watched symbol loses the stream at once; the socket is reopened after a jittered backoff. */
  private down(why: string): void {
    const delay = backoffDelay(this.attempts, this.deps.random);
    this.attempts += 1;
    const outage: Outage = { host: this.host, why, reconnectAt: this.deps.clock.now() + delay };
    this.outage = outage;
    for (const watch of this.watches.values()) {
      watch.lastMarkAt = Number.NEGATIVE_INFINITY;
      watch.subscribed = false;
      this.deps.clock.clearTimeout(watch.retry);
      watch.retry = undefined;
    }
    this.deps.clock.clearTimeout(this.reconnect);
    this.reconnect = this.deps.clock.setTimeout(() => this.connect(), delay);
    const sentence = this.outageSentence(outage);
    for (const watch of [...this.watches.values()]) for (const member of [...watch.members]) member.down(sentence);
  }

  private outageSentence({ host, why, reconnectAt }: Outage): string {
    const retry = describeDelay(Math.max(0, reconnectAt - this.deps.clock.now()));
    return `Live prices from ${host} ${why}, reconnecting in ${retry}; mark polled over REST every ${MARK_POLL_MS / 1_000} s meanwhile`;
  }
}
