// What a venue's socket (venue-stream.ts) keeps per watched symbol: who watches it, when the
// stream last gave it a mark, whether the current socket was asked for it, and its own refusal
// backoff. The socket going down and a single refusal both forget the same per-symbol state,
// so that reset lives here once.
import type { Clock } from '../env';
import type { StreamMember } from './stream-contract';

export interface Watch {
  members: Set<StreamMember>;
  lastMarkAt: number;
  /** A subscribe was sent for it on the current socket. */
  subscribed: boolean;
  refusals: number;
  retry: unknown;
}

/** A symbol nobody has streamed yet: no mark, not subscribed, no refusals. */
export function newWatch(): Watch {
  return {
    members: new Set(),
    lastMarkAt: Number.NEGATIVE_INFINITY,
    subscribed: false,
    refusals: 0,
    retry: undefined,
  };
}

/**
 * The current socket no longer carries the symbol: its last mark no longer spares a REST poll,
 * and a pending re-subscribe is cancelled (the caller decides whether and when to ask again).
 */
export function forgetStream(watch: Watch, clock: Clock): void {
  watch.lastMarkAt = Number.NEGATIVE_INFINITY;
  watch.subscribed = false;
  clock.clearTimeout(watch.retry);
  watch.retry = undefined;
}

/** Tells every runner of the symbol why it lost the stream (copied: a member may leave meanwhile). */
export function tellDown(watch: Watch, sentence: string): void {
  for (const member of [...watch.members]) member.down(sentence);
}
