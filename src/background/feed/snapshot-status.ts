// How a feed's state reads to the consumer: one status word and one human sentence.
import type { EndpointKind } from '../../venues/feed-types';
import { isFresh, type MarketSnapshot } from '../../venues/types';

/** 'mark', 'facts', 'stream', or an extra facts source "facts:<name>". */
export type Channel = EndpointKind;

/** lastError travels to the content side, whose validator caps it at 300 characters. */
export const MAX_ERROR_CHARS = 300;

/**
 * - connecting: nothing has answered yet since the feed started (restored figures may be shown);
 * - unavailable: something answered, nothing usable is held;
 * - degraded: a REST channel is failing, or the mark is older than its freshness limit;
 * - live: the mark is fresh and REST answers. A stream outage alone is still live while REST
 *   polling keeps the mark fresh; lastError then says the stream is down.
 */
export function deriveStatus(
  figures: MarketSnapshot['figures'],
  problems: ReadonlyMap<Channel, string>,
  anyOutcome: boolean,
  now: number,
): Pick<MarketSnapshot, 'status' | 'lastError'> {
  const extraFacts = [...problems.keys()].find((channel) => channel.startsWith('facts:'));
  const sentence =
    problems.get('mark') ??
    problems.get('stream') ??
    problems.get('facts') ??
    (extraFacts === undefined ? undefined : problems.get(extraFacts)) ??
    null;
  const lastError = sentence === null ? null : sentence.slice(0, MAX_ERROR_CHARS);
  if (!anyOutcome) return { status: 'connecting', lastError };
  if (Object.keys(figures).length === 0) return { status: problems.size > 0 ? 'unavailable' : 'connecting', lastError };
  const restFailing = problems.has('mark') || problems.has('facts') || extraFacts !== undefined;
  return { status: restFailing || !isFresh(figures.markPrice, 'markPrice', now) ? 'degraded' : 'live', lastError };
}
