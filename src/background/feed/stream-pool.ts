// The venues' sockets: one VenueStream (venue-stream.ts) per venue feed, opened by the first
// market of that venue to be watched and closed when the last one leaves. Ten tabs on ten Binance
// symbols are one socket, not ten (issue 15).
import type { VenueFeed } from '../../venues/feed-types';
import type { StreamDeps, StreamMember, StreamTicket } from './stream-contract';
import { VenueStream } from './venue-stream';

export class StreamPool {
  /** Keyed by the feed object: the same protocol, endpoint and parsers. */
  private readonly streams = new Map<VenueFeed, VenueStream>();

  constructor(private readonly deps: StreamDeps) {}

  join(feed: VenueFeed, symbol: string, member: StreamMember): StreamTicket {
    let stream = this.streams.get(feed);
    if (stream === undefined) {
      const created = new VenueStream(feed, this.deps, () => {
        if (this.streams.get(feed) === created) this.streams.delete(feed);
      });
      this.streams.set(feed, created);
      stream = created;
    }
    return stream.join(symbol, member);
  }

  /** Venue → the symbols its one socket carries (or will, once it reconnects). */
  watched(): Map<string, string[]> {
    return new Map([...this.streams].map(([feed, stream]) => [feed.venue, stream.symbols()]));
  }
}
