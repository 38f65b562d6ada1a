// The stream channel of one market (FeedRunner, runner.ts): a WebSocket for the mark (and what else
// the venue streams), with the venue's subscribe message and application-level heartbeat. Bad
// messages are dropped and counted; a socket that closes, fails, is refused or goes silent is
// dropped and reconnected with backoff, and the runner polls the mark over REST meanwhile.
import type { FigureUpdates, VenueFeed } from '../../venues/feed-types';
import type { TierTable } from '../../venues/types';
import type { SocketLike } from '../env';
import { endpointUrl } from '../net/allowlist';
import { openSocket } from '../net/socket';
import { MARK_POLL_MS, STREAM_SILENCE_MS } from './intervals';
import type { RunnerDeps } from './runner';

const MAX_MESSAGE_CHARS = 65_536;

/** What the stream asks of its runner. */
export interface StreamHost {
  running: () => boolean;
  /** Runs `run` after `ms` on the runner's heartbeat timer (cleared when the runner stops). */
  schedule: (ms: number, run: () => void) => void;
  /** Records the stream's failure and schedules `retry` with backoff. */
  failed: (sentence: (retry: string) => string, retry: () => void) => void;
  /** A good message: the stream is healthy again and its figures are applied and published. */
  received: (figures: FigureUpdates, now: number, tiers: TierTable | undefined) => void;
}

export class MarkStream {
  private socket: SocketLike | null = null;
  private lastStreamMessageAt = 0;
  private lastStreamMarkAt = Number.NEGATIVE_INFINITY;
  private malformedMessages = 0;

  constructor(
    private readonly feed: VenueFeed,
    private readonly symbol: string,
    private readonly deps: RunnerDeps,
    /** URLs are built from the runner's own feed (and still checked against the allowlist). */
    private readonly lookup: () => VenueFeed,
    private readonly host: StreamHost,
  ) {}

  /** The stream gave a mark within the last MARK_POLL_MS: REST polling of the mark can wait. */
  carriesMark(now: number): boolean {
    return this.socket !== null && now - this.lastStreamMarkAt < MARK_POLL_MS;
  }

  /** The runner stopped: the socket is closed and forgotten. */
  stop(): void {
    if (this.socket) this.drop(this.socket);
  }

  connect(): void {
    if (!this.host.running()) return;
    const url = endpointUrl(this.feed.venue, 'stream', this.symbol, this.lookup);
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
        return;
      }
      this.beat(socket, host);
    };
    socket.onmessage = (event) => {
      if (this.socket === socket) this.onStreamMessage(socket, host, event.data);
    };
    socket.onclose = () => this.lost(socket, host, 'closed');
    socket.onerror = () => this.lost(socket, host, 'failed');
  }

  /** Application-level ping on the venue's schedule, while this socket is the current one. */
  private beat(socket: SocketLike, host: string): void {
    const heartbeat = this.feed.heartbeat;
    if (heartbeat === undefined) return;
    this.host.schedule(heartbeat.everyMs, () => {
      if (this.socket !== socket) return;
      try {
        socket.send(heartbeat.message);
      } catch {
        return this.lost(socket, host, 'could not send its keep-alive');
      }
      this.beat(socket, host);
    });
  }

  private onStreamMessage(socket: SocketLike, host: string, data: unknown): void {
    const now = this.deps.clock.now();
    this.lastStreamMessageAt = now;
    if (this.feed.heartbeat?.reply !== undefined && data === this.feed.heartbeat.reply) return;
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
    if (event.figures.markPrice) this.lastStreamMarkAt = now;
    this.host.received(event.figures, now, event.tiers);
  }

  /** One bad message is dropped, not fatal; if they persist the mark ages and REST takes over. */
  private malformed(host: string, reason: string): void {
    this.malformedMessages += 1;
    if (this.malformedMessages === 1 || this.malformedMessages % 100 === 0) {
      this.deps.log.warn(
        `Margin Preflight: ignored malformed stream message #${this.malformedMessages} from ${host} (${reason})`,
      );
    }
  }

  /** Drops a socket that has said nothing for STREAM_SILENCE_MS (checked at each mark poll). */
  checkSilence(now: number): void {
    if (this.socket && now - this.lastStreamMessageAt > STREAM_SILENCE_MS) {
      const host = endpointUrl(this.feed.venue, 'stream', this.symbol, this.lookup)?.host ?? this.feed.venue;
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
    this.host.failed(
      (retry) =>
        `Live prices from ${host} ${why}, reconnecting in ${retry}; mark polled over REST every ${MARK_POLL_MS / 1_000} s meanwhile`,
      () => this.connect(),
    );
  }
}
