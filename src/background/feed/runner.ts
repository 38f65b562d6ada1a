// One market (venue + symbol): a WebSocket for the mark, REST polling of the mark whenever
// the stream is not carrying it, and slow REST refreshes of funding / margin facts. Each
// channel retries on its own with backoff. Figures are only ever replaced by newer data:
// a failure changes status and lastError, never a figure's receivedAt.
// One-shot: after stop() a runner stays stopped; the hub makes a new one.
import type { MarketSnapshot } from '../../venues/types';
import type { FigureUpdates, RestKind, VenueFeed } from '../../venues/feed-types';
import type { Clock, Log, SocketFactory, SocketLike } from '../env';
import { endpointUrl } from '../net/allowlist';
import { backoffDelay, describeDelay } from '../net/backoff';
import type { HttpClient } from '../net/http';
import { openSocket } from '../net/socket';
import { deriveStatus, type Channel } from './snapshot-status';

/** While the stream is down or quiet, the mark is fetched over REST this often. */
export const MARK_POLL_MS = 5_000;
/** Funding interval, margin levels, leverage: they change rarely. */
export const FACTS_POLL_MS = 10 * 60_000;
/** An open socket with no message at all (the venues send heartbeats every second) is dead. */
export const STREAM_SILENCE_MS = 30_000;
const MAX_MESSAGE_CHARS = 65_536;

export interface RunnerDeps {
  clock: Clock;
  http: HttpClient;
  sockets: SocketFactory;
  random: () => number;
  log: Log;
}

export class FeedRunner {
  private figures: MarketSnapshot['figures'];
  private readonly problems = new Map<Channel, string>();
  private readonly attempts: Record<Channel, number> = { mark: 0, facts: 0, stream: 0 };
  private readonly timers = new Map<Channel, unknown>();
  private anyOutcome = false;
  private running = false;
  private socket: SocketLike | null = null;
  private lastStreamMessageAt = 0;
  private lastStreamMarkAt = Number.NEGATIVE_INFINITY;
  private malformedMessages = 0;

  constructor(
    private readonly feed: VenueFeed,
    private readonly symbol: string,
    private readonly deps: RunnerDeps,
    restored: MarketSnapshot | null,
    private readonly onChange: (snapshot: MarketSnapshot) => void,
  ) {
    // Restored figures keep their original receivedAt: the consumer judges them by age.
    this.figures = restored ? { ...restored.figures } : {};
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.publish();
    void this.poll('mark');
    void this.poll('facts');
    this.connect();
  }

  stop(): void {
    this.running = false;
    for (const handle of this.timers.values()) this.deps.clock.clearTimeout(handle);
    this.timers.clear();
    if (this.socket) this.drop(this.socket);
  }

  current(): MarketSnapshot {
    const { status, lastError } = deriveStatus(this.figures, this.problems, this.anyOutcome, this.deps.clock.now());
    return { venue: this.feed.venue, symbol: this.symbol, figures: { ...this.figures }, status, lastError };
  }

  private publish(): void {
    if (this.running) this.onChange(this.current());
  }

  private schedule(channel: Channel, ms: number, run: () => void): void {
    const previous = this.timers.get(channel);
    if (previous !== undefined) this.deps.clock.clearTimeout(previous);
    this.timers.set(channel, this.deps.clock.setTimeout(() => {
      this.timers.delete(channel);
      if (this.running) run();
    }, ms));
  }

  /** Record a failure on one channel and schedule its retry; returns the chosen delay. */
  private failed(channel: Channel, sentence: (retry: string) => string, retryAfterMs: number | null, retry: () => void): void {
    const delay = retryAfterMs ?? backoffDelay(this.attempts[channel]++, this.deps.random);
    this.problems.set(channel, sentence(describeDelay(delay)));
    this.anyOutcome = true;
    this.schedule(channel, delay, retry);
    this.publish();
  }

  private apply(figures: FigureUpdates, source: 'rest' | 'stream', requestedAt: number): void {
    const now = this.deps.clock.now();
    for (const [key, update] of Object.entries(figures) as Array<[keyof FigureUpdates, NonNullable<FigureUpdates[keyof FigureUpdates]>]>) {
      const held = this.figures[key];
      // A REST answer that left before the stream's latest value must not overwrite it.
      if (source === 'rest' && held?.source === 'stream' && held.receivedAt >= requestedAt) continue;
      this.figures[key] = { value: update.value, receivedAt: now, exchangeTime: update.exchangeTime, source };
    }
    this.anyOutcome = true;
  }

  private streamCarriesMark(now: number): boolean {
    return this.socket !== null && now - this.lastStreamMarkAt < MARK_POLL_MS;
  }

  private async poll(kind: RestKind): Promise<void> {
    if (!this.running) return;
    const interval = kind === 'mark' ? MARK_POLL_MS : FACTS_POLL_MS;
    const again = () => void this.poll(kind);
    const requestedAt = this.deps.clock.now();
    if (kind === 'mark') {
      this.checkStreamSilence(requestedAt);
      if (this.streamCarriesMark(requestedAt)) return this.schedule(kind, interval, again);
    }
    const url = endpointUrl(this.feed.venue, kind, this.symbol);
    if (url === null) return this.failed(kind, () => `No ${kind} endpoint for ${this.symbol}`, FACTS_POLL_MS, again);
    const result = await this.deps.http.getJson(url);
    if (!this.running) return;
    if (!result.ok) return this.failed(kind, (retry) => `${result.failure.message}, retrying in ${retry}`, result.failure.retryAfterMs, again);
    const parsed = kind === 'mark' ? this.feed.parseMark(result.body, this.symbol) : this.feed.parseFacts(result.body, this.symbol);
    if (!parsed.ok) return this.failed(kind, (retry) => `Unexpected data from ${url.host} (${parsed.reason}), retrying in ${retry}`, null, again);
    this.attempts[kind] = 0;
    this.problems.delete(kind);
    this.apply(parsed.figures, 'rest', requestedAt);
    this.schedule(kind, interval, again);
    this.publish();
  }

  private connect(): void {
    if (!this.running) return;
    const url = endpointUrl(this.feed.venue, 'stream', this.symbol);
    const socket = url === null ? null : openSocket(url, this.deps.sockets, this.deps.log);
    const host = url?.host ?? this.feed.venue;
    if (socket === null) return this.streamDown(host, 'could not be opened');
    this.socket = socket;
    this.lastStreamMessageAt = this.deps.clock.now();
    socket.onopen = () => {
      if (this.socket !== socket) return;
      const subscribe = this.feed.subscribeMessage(this.symbol);
      try {
        if (subscribe !== null) socket.send(subscribe);
      } catch {
        this.lost(socket, host, 'could not subscribe');
      }
    };
    socket.onmessage = (event) => {
      if (this.socket === socket) this.onStreamMessage(socket, host, event.data);
    };
    socket.onclose = () => this.lost(socket, host, 'closed');
    socket.onerror = () => this.lost(socket, host, 'failed');
  }

  private onStreamMessage(socket: SocketLike, host: string, data: unknown): void {
    const now = this.deps.clock.now();
    this.lastStreamMessageAt = now;
    let message: unknown;
    try {
      if (typeof data !== 'string' || data.length > MAX_MESSAGE_CHARS) throw new Error('not a text frame');
      message = JSON.parse(data);
    } catch {
      return this.malformed(host, 'not JSON text');
    }
    const event = this.feed.parseStream(message, this.symbol);
    if (event.kind === 'ignore') return;
    if (event.kind === 'malformed') return this.malformed(host, event.reason);
    if (event.kind === 'refused') return this.lost(socket, host, `refused: ${event.reason}`);
    this.attempts.stream = 0;
    this.problems.delete('stream');
    if (event.figures.markPrice) this.lastStreamMarkAt = now;
    this.apply(event.figures, 'stream', now);
    this.publish();
  }

  /** One bad message is dropped, not fatal; if they persist the mark ages and REST takes over. */
  private malformed(host: string, reason: string): void {
    this.malformedMessages += 1;
    if (this.malformedMessages === 1 || this.malformedMessages % 100 === 0) {
      this.deps.log.warn(`Margin Preflight: ignored malformed stream message #${this.malformedMessages} from ${host} (${reason})`);
    }
  }

  private checkStreamSilence(now: number): void {
    if (this.socket && now - this.lastStreamMessageAt > STREAM_SILENCE_MS) {
      const host = endpointUrl(this.feed.venue, 'stream', this.symbol)?.host ?? this.feed.venue;
      this.lost(this.socket, host, 'went silent');
    }
  }

  /** Detach and close a socket we no longer want; late events from it are ignored. */
  private drop(socket: SocketLike): void {
    if (this.socket === socket) this.socket = null;
    socket.onopen = socket.onmessage = socket.onclose = socket.onerror = null;
    try {
      socket.close();
    } catch {
      // already closed
    }
  }

  private lost(socket: SocketLike, host: string, why: string): void {
    if (this.socket !== socket) return; // close after error, or a socket already replaced
    this.drop(socket);
    this.streamDown(host, why);
  }

  private streamDown(host: string, why: string): void {
    this.lastStreamMarkAt = Number.NEGATIVE_INFINITY;
    this.failed('stream', (retry) => `Live prices from ${host} ${why}, reconnecting in ${retry}; mark polled over REST every ${MARK_POLL_MS / 1_000} s meanwhile`, null, () => this.connect());
  }
}
