// The sentences a runner shows when the venue's socket does not carry its symbol. Both say why,
// when the stream is tried again, and that the mark is polled over REST meanwhile, so a trader
// reading a stale-looking figure knows it is still fresh.
import { describeDelay } from '../net/backoff';
import { MARK_POLL_MS } from './intervals';

const MEANWHILE = `mark polled over REST every ${MARK_POLL_MS / 1_000} s meanwhile`;

/** The whole socket is down (closed, failed, refused, silent) and reopens in `retryInMs`. */
export function outageSentence(host: string, why: string, retryInMs: number): string {
  return `Live prices from ${host} ${why}, reconnecting in ${describeDelay(retryInMs)}; ${MEANWHILE}`;
}

/** The venue refused one symbol; the others keep streaming and it is asked for again after `delayMs`. */
export function refusedSentence(host: string, symbol: string, reason: string, delayMs: number): string {
  return `Live prices from ${host} refused ${symbol} (${reason}), asking again in ${describeDelay(delayMs)}; ${MEANWHILE}`;
}
