// Endpoint URLs and request bodies for the registered feeds (src/venues/feeds.ts): what the
// feed runner calls. The allowlist logic itself is in allowlist.ts.
import type { VenueId } from '../../core/types';
import type { EndpointKind } from '../../venues/feed-types';
import { feedFor } from '../../venues/feeds';
import {
  endpointRequest as requestFor,
  endpointUrl as urlFor,
  type AllowedUrl,
  type EndpointRequest,
} from './allowlist';

export function endpointUrl(venue: VenueId, kind: EndpointKind, symbol: string): AllowedUrl | null {
  return urlFor(venue, kind, symbol, feedFor);
}

export function endpointRequest(venue: VenueId, kind: EndpointKind, symbol: string): EndpointRequest | null {
  return requestFor(venue, kind, symbol, feedFor);
}
