// What a venue's socket (venue-stream.ts) and the runners watching its symbols (runner.ts)
// promise each other. Kept apart from the socket's bookkeeping so a runner depends only on
// this contract, and the pool (stream-pool.ts) only hands it out.
import type { FigureUpdates } from '../../venues/feed-types';
import type { TierTable } from '../../venues/types';
import type { Clock, Log, SocketFactory } from '../env';

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
