// What the overlay must show, computed the way the extension computes it: planQuote (form +
// market snapshot + settings → engine input) and quoteJson with the bundled facts. The test
// builds the OrderForm from what it typed and the snapshot from what the mock served.
import { endpointRequest } from '../../src/background/net/allowlist';
import { quoteJson, type QuoteResult } from '../../src/core/quote';
import type { Side, VenueId } from '../../src/core/types';
import { DEFAULT_SETTINGS, type Settings } from '../../src/settings/settings';
import { FIGURES } from '../../src/ui/overlay/contract';
// Playwright's loader has no Vite glob: the facts are read from disk, as the CLI does.
import { bundledFacts } from '../../src/cli/node-facts';
import { tierPositionRate } from '../../src/venues/position-rate';
import type { EndpointKind, ParseResult, VenueFeed } from '../../src/venues/feed-types';
import { planQuote, withPlanNotes, type QuotePlan } from '../../src/venues/quote-input';
import { VENUE_IDS } from '../../src/venues/registry';
import type { Figure, MarketSnapshot, OrderForm } from '../../src/venues/types';
import type { Quote } from '../mock/markets';
import type { MockExchange } from '../mock/server';

/**
 * Every venue's feed.ts, imported directly (src/venues/feeds.ts collects them with Vite's
 * import.meta.glob, which Node cannot run). A folder without a feed yet is skipped.
 */
const FEEDS: Partial<Record<VenueId, VenueFeed>> = Object.fromEntries(
  (
    await Promise.all(
      VENUE_IDS.map(async (venue) => {
        try {
          const module = (await import(`../../src/venues/${venue}/feed.ts`)) as { feed?: VenueFeed };
          return module.feed ? [[venue, module.feed] as const] : [];
        } catch {
          return [];
        }
      }),
    )
  ).flat(),
);

/**
 * Venues with a margin call (about.json "spotMargin", read from disk like the feeds): the overlay
 * shows the marginCallPrice row only there since issue 12 (perpetuals liquidate without one).
 */
const MARGIN_CALL_VENUES: ReadonlySet<VenueId> = new Set(
  (
    await Promise.all(
      VENUE_IDS.map(async (venue) => {
        const about = (await import(`../../src/venues/${venue}/about.json`)) as { default: { spotMargin?: boolean } };
        return about.default.spotMargin === true ? [venue] : [];
      }),
    )
  ).flat(),
);

export interface Expected {
  plan: QuotePlan;
  quote: QuoteResult | null;
  /** FIGURES key → data-value ("" for null), only when the engine produced a quote; no marginCallPrice at a venue without a margin call. */
  figures: Record<string, string> | null;
}

function at(obj: unknown, dotted: string): unknown {
  return dotted
    .split('.')
    .reduce<unknown>(
      (o, k) => (o !== null && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined),
      obj,
    );
}

export function expectedFor(
  form: OrderForm,
  side: Side,
  snapshot: MarketSnapshot | null,
  settings: Settings = DEFAULT_SETTINGS,
  now = Date.now(),
): Expected {
  const plan = planQuote(form, side, snapshot, settings, now, tierPositionRate(bundledFacts));
  // As the extension does (src/venues/quote-sides.ts): the plan's own notes join the engine's assumptions.
  const quote = plan.input ? withPlanNotes(plan, quoteJson(plan.input, bundledFacts())) : null;
  const figures =
    quote && !('error' in quote)
      ? Object.fromEntries(
          FIGURES.filter((key) => key !== 'marginCallPrice' || MARGIN_CALL_VENUES.has(form.venue)).map((key) => {
            const v = at(quote, key);
            return [key, v === null || v === undefined ? '' : String(v)];
          }),
        )
      : null;
  return { plan, quote, figures };
}

/**
 * A snapshot as the venue's feed builds it from what the mock serves (see src/venues/<venue>/
 * feed-schema.ts): Kraken's mark is the last trade, its levels and max leverage come from
 * AssetPairs; Binance's mark and funding rate from premiumIndex / the mark-price stream, the
 * funding interval from fundingInfo. `staleMs` ages the mark (and last price) only.
 */
export function servedSnapshot(
  form: Pick<OrderForm, 'venue' | 'symbol'>,
  served: Pick<Quote, 'price' | 'fundingRate'>,
  now = Date.now(),
  staleMs = 0,
): MarketSnapshot {
  const fig = (value: string, age = 0): Figure => ({
    value,
    receivedAt: now - age,
    exchangeTime: null,
    source: 'stream',
  });
  const figures: MarketSnapshot['figures'] =
    form.venue === 'kraken-margin'
      ? {
          markPrice: fig(served.price, staleMs),
          lastPrice: fig(served.price, staleMs),
          marginCallLevel: fig('80'),
          liquidationLevel: fig('40'),
          maxLeverage: fig('5'),
        }
      : {
          markPrice: fig(served.price, staleMs),
          fundingRate: fig(served.fundingRate, staleMs),
          fundingIntervalHours: fig('8'),
        };
  return { venue: form.venue, symbol: form.symbol, figures, status: 'live', lastError: null };
}

export interface MockSnapshotOptions {
  now?: number;
  /** Ages the mark and last price (as the freeze + REST-fault tests make them age). */
  staleMs?: number;
}

function parseWith(feed: VenueFeed, kind: EndpointKind, body: unknown, symbol: string): ParseResult {
  if (kind === 'mark') return feed.parseMark(body, symbol);
  if (kind === 'facts') return feed.parseFacts(body, symbol);
  const source = feed.moreFacts?.find((s) => `facts:${s.name}` === kind);
  if (!source) throw new Error(`no parser for ${kind}`);
  return source.parse(body, symbol);
}

/**
 * The snapshot the extension's feed builds from what the mock serves now: every REST endpoint of
 * the venue's feed (facts first, mark last, as a poll cycle ends) answered by the mock's venue
 * module and parsed by the feed's own parsers. The stream carries the same book, so its figures
 * equal these. Throws when the mock's answer does not parse: the mock and the feed disagree.
 */
export function snapshotFromMock(
  mock: MockExchange,
  venue: VenueId,
  symbol: string,
  options: MockSnapshotOptions = {},
): MarketSnapshot {
  const now = options.now ?? Date.now();
  const feed = FEEDS[venue];
  if (!feed) throw new Error(`no feed.ts for ${venue}`);
  const kinds: EndpointKind[] = ['facts', ...(feed.moreFacts ?? []).map((s) => `facts:${s.name}` as const), 'mark'];
  const figures: MarketSnapshot['figures'] = {};
  const snapshot: MarketSnapshot = { venue, symbol, figures, status: 'live', lastError: null };
  for (const kind of kinds) {
    const request = endpointRequest(venue, kind, symbol, () => feed);
    if (!request) throw new Error(`${venue} ${kind}: no allowlisted URL for ${symbol}`);
    const answer = mock.restAnswer(
      request.url,
      request.jsonBody === undefined ? 'GET' : 'POST',
      request.jsonBody ?? '',
    );
    const body: unknown = typeof answer.body === 'string' ? JSON.parse(answer.body) : answer.body;
    const parsed = parseWith(feed, kind, body, symbol);
    if (!parsed.ok) throw new Error(`${venue} ${kind}: the feed rejects the mock's answer (${parsed.reason})`);
    for (const [key, update] of Object.entries(parsed.figures)) {
      const aged = key === 'markPrice' || key === 'lastPrice' ? (options.staleMs ?? 0) : 0;
      figures[key as keyof typeof figures] = {
        value: update!.value,
        receivedAt: now - aged,
        exchangeTime: update!.exchangeTime,
        source: 'rest',
      };
    }
    if (parsed.tiers) snapshot.tiers = { table: parsed.tiers, receivedAt: now, source: 'rest' };
  }
  return snapshot;
}

export function sidesOf(form: OrderForm): Side[] {
  return form.side === 'both' ? ['long', 'short'] : [form.side];
}

/** What the overlay must show: its state, and the FIGURES of every quoted side when it is ok. */
export interface ExpectedView {
  state: 'ok' | 'error' | 'no-price';
  figures: Record<string, Record<string, string>>;
}

export function expectedView(
  form: OrderForm,
  snapshot: MarketSnapshot | null,
  settings: Settings = DEFAULT_SETTINGS,
  now = Date.now(),
): ExpectedView {
  const per = sidesOf(form).map((side) => [side, expectedFor(form, side, snapshot, settings, now)] as const);
  if (per.some(([, e]) => e.plan.input === null)) return { state: 'no-price', figures: {} };
  if (per.some(([, e]) => e.figures === null)) return { state: 'error', figures: {} };
  return { state: 'ok', figures: Object.fromEntries(per.map(([side, e]) => [side, e.figures!])) };
}
