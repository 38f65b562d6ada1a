// One market (venue + symbol): its share of the venue's one WebSocket for the mark, REST
// polling of the mark whenever the stream is not carrying it, and slow REST refreshes of
// funding / margin facts. Each REST channel retries on its own with backoff; the socket retries
// in venue-stream.ts, for all its symbols. Figures are only ever replaced by newer data:
// a failure changes status and lastError, never a figure's receivedAt.
// One-shot: after stop() a runner stays stopped; the hub makes a new one.
// The poll intervals are intervals.ts (re-exported here).
import type { MarketSnapshot, TierFigure, TierTable } from '../../venues/types';
import type {
  ExtraFactsKind,
  FactSource,
  FigureUpdates,
  ParseResult,
  RestKind,
  VenueFeed,
} from '../../venues/feed-types';
import type { Clock, Log, SocketFactory } from '../env';
import { endpointRequest, endpointSpec } from '../net/allowlist';
import { backoffDelay, describeDelay } from '../net/backoff';
import type { HttpClient, HttpResult } from '../net/http';
import type { SharedAnswers } from '../net/shared-answers';
import { FACTS_POLL_MS, MARK_POLL_MS } from './intervals';
import { deriveStatus, type Channel } from './snapshot-status';
import { StreamPool } from './stream-pool';
import type { StreamMember, StreamTicket } from './stream-contract';

export { FACTS_POLL_MS, MARK_POLL_MS, STREAM_SILENCE_MS } from './intervals';

export interface RunnerDeps {
  clock: Clock;
  http: HttpClient;
  sockets: SocketFactory;
  random: () => number;
  log: Log;
  /** Answers shared by every market of a venue (FactSource.shared); without it each runner fetches its own. */
  shared?: SharedAnswers;
  /** The venues' sockets, shared by every runner of the hub; without it a runner opens its own. */
  streams?: StreamPool;
}

export class FeedRunner {
  private figures: MarketSnapshot['figures'];
  private tiers: TierFigure | undefined;
  private readonly problems = new Map<Channel, string>();
  private readonly attempts = new Map<Channel, number>();
  /** Timers per REST channel. */
  private readonly timers = new Map<Channel, unknown>();
  private anyOutcome = false;
  private running = false;
  /** This market's place on the venue's socket: the mark (and what else the venue streams) as it changes. */
  private ticket: StreamTicket | null = null;
  private readonly streams: StreamPool;
  private readonly member: StreamMember = {
    received: (figures, now, tiers) => {
      this.problems.delete('stream');
      this.apply(figures, 'stream', now, tiers);
      this.publish();
    },
    down: (sentence) => {
      this.problems.set('stream', sentence);
      this.anyOutcome = true;
      this.publish();
    },
  };
  /** URLs are built from this runner's own feed (and still checked against the allowlist). */
  private readonly lookup = () => this.feed;

  constructor(
    private readonly feed: VenueFeed,
    private readonly symbol: string,
    private readonly deps: RunnerDeps,
    restored: MarketSnapshot | null,
    private readonly onChange: (snapshot: MarketSnapshot) => void,
  ) {
    // Restored figures keep their original receivedAt: the consumer judges them by age.
    this.figures = restored ? { ...restored.figures } : {};
    this.tiers = restored?.tiers;
    this.streams = deps.streams ?? new StreamPool(deps);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.publish();
    void this.poll('mark');
    void this.poll('facts');
    for (const source of this.feed.moreFacts ?? []) {
      const kind: ExtraFactsKind = `facts:${source.name}`;
      const wait = this.restoredWait(source);
      if (wait > 0) this.schedule(kind, wait, () => void this.poll(kind));
      else void this.poll(kind);
    }
    this.ticket = this.streams.join(this.feed, this.symbol, this.member);
  }

  /**
   * A shared table refreshed every few hours: a restored tier table younger than that (the
   * worker was stopped and restarted) is kept until it is due, not fetched again at once.
   * Only a shared source's tiers are judged so; the venues with one (Binance) have no other
   * tier source.
   */
  private restoredWait(source: FactSource): number {
    if (source.shared === undefined || this.tiers === undefined || this.tiers.source !== 'rest') return 0;
    return Math.max(0, source.shared.refreshMs - (this.deps.clock.now() - this.tiers.receivedAt));
  }

  stop(): void {
    this.running = false;
    for (const handle of this.timers.values()) this.deps.clock.clearTimeout(handle);
    this.timers.clear();
    this.ticket?.leave();
    this.ticket = null;
  }

  current(): MarketSnapshot {
    const { status, lastError } = deriveStatus(this.figures, this.problems, this.anyOutcome, this.deps.clock.now());
    const snapshot: MarketSnapshot = {
      venue: this.feed.venue,
      symbol: this.symbol,
      figures: { ...this.figures },
      status,
      lastError,
    };
    if (this.tiers) snapshot.tiers = this.tiers;
    return snapshot;
  }

  private publish(): void {
    if (this.running) this.onChange(this.current());
  }

  private schedule(channel: Channel, ms: number, run: () => void): void {
    const previous = this.timers.get(channel);
    if (previous !== undefined) this.deps.clock.clearTimeout(previous);
    this.timers.set(
      channel,
      this.deps.clock.setTimeout(() => {
        this.timers.delete(channel);
        if (this.running) run();
      }, ms),
    );
  }

  /** Record a failure on one channel and schedule its retry; returns the chosen delay. */
  private failed(
    channel: Channel,
    sentence: (retry: string) => string,
    retryAfterMs: number | null,
    retry: () => void,
  ): void {
    const attempt = this.attempts.get(channel) ?? 0;
    this.attempts.set(channel, attempt + 1);
    const delay = retryAfterMs ?? backoffDelay(attempt, this.deps.random);
    this.problems.set(channel, sentence(describeDelay(delay)));
    this.anyOutcome = true;
    this.schedule(channel, delay, retry);
    this.publish();
  }

  /** `receivedAt`: when a shared answer arrived, which may be before this runner asked for it. */
  private apply(
    figures: FigureUpdates,
    source: 'rest' | 'stream',
    requestedAt: number,
    tiers?: TierTable,
    receivedAt?: number,
  ): void {
    const now = receivedAt ?? this.deps.clock.now();
    if (tiers !== undefined) this.tiers = { table: tiers, receivedAt: now, source };
    for (const [key, update] of Object.entries(figures) as Array<
      [keyof FigureUpdates, NonNullable<FigureUpdates[keyof FigureUpdates]>]
    >) {
      const held = this.figures[key];
      // A REST answer that left before the stream's latest value must not overwrite it.
      if (source === 'rest' && held?.source === 'stream' && held.receivedAt >= requestedAt) continue;
      this.figures[key] = { value: update.value, receivedAt: now, exchangeTime: update.exchangeTime, source };
    }
    this.anyOutcome = true;
  }

  private parse(kind: RestKind | ExtraFactsKind, body: unknown): ParseResult {
    if (kind === 'mark') return this.feed.parseMark(body, this.symbol);
    if (kind === 'facts') return this.feed.parseFacts(body, this.symbol);
    const source = this.feed.moreFacts?.find((s) => `facts:${s.name}` === kind);
    return source ? source.parse(body, this.symbol) : { ok: false, reason: `no parser for ${kind}` };
  }

  private async poll(kind: RestKind | ExtraFactsKind): Promise<void> {
    if (!this.running) return;
    const interval = kind === 'mark' ? MARK_POLL_MS : FACTS_POLL_MS;
    const again = () => void this.poll(kind);
    const requestedAt = this.deps.clock.now();
    if (kind === 'mark') {
      this.ticket?.checkSilence(requestedAt);
      if (this.ticket?.carriesMark(requestedAt) === true) return this.schedule(kind, interval, again);
    }
    const request = endpointRequest(this.feed.venue, kind, this.symbol, this.lookup);
    if (request === null)
      return this.failed(kind, () => `No ${kind} endpoint for ${this.symbol}`, FACTS_POLL_MS, again);
    const { url } = request;
    const shared = this.sharedSource(kind);
    const maxBody = endpointSpec(this.feed, kind)?.maxBodyChars;
    const fetch = (): Promise<HttpResult> => this.deps.http.getJson(url, request.jsonBody, maxBody);
    const answer =
      shared !== undefined && this.deps.shared !== undefined
        ? await this.deps.shared.get(url.href, shared.refreshMs, fetch)
        : { result: await fetch(), receivedAt: undefined };
    const { result } = answer;
    if (!this.running) return;
    if (!result.ok)
      return this.failed(
        kind,
        (retry) => `${result.failure.message}, retrying in ${retry}`,
        result.failure.retryAfterMs,
        again,
      );
    const parsed = this.parse(kind, result.body);
    if (!parsed.ok)
      return this.failed(
        kind,
        (retry) => `Unexpected data from ${url.host} (${parsed.reason}), retrying in ${retry}`,
        null,
        again,
      );
    this.attempts.set(kind, 0);
    this.problems.delete(kind);
    this.apply(parsed.figures, 'rest', requestedAt, parsed.tiers, answer.receivedAt);
    // A shared answer is due again when it is refreshMs old, counted from its arrival.
    const due =
      shared === undefined
        ? interval
        : Math.max(MARK_POLL_MS, shared.refreshMs - (this.deps.clock.now() - (answer.receivedAt ?? requestedAt)));
    this.schedule(kind, due, again);
    this.publish();
  }

  private sharedSource(kind: RestKind | ExtraFactsKind): FactSource['shared'] {
    return kind === 'mark' || kind === 'facts'
      ? undefined
      : this.feed.moreFacts?.find((s) => `facts:${s.name}` === kind)?.shared;
  }
}
