/// <reference types="vite/client" />
// What each venue reads from its page, fetches, computes and assumes — in words, for the options
// page and the README, and the venue's labels and example data for the popup and the tests. One about.json per venue folder, collected by venue id like readers.ts,
// and checked against the folder's feed and fixture by tests/venues/venue-folders.test.ts.
import type { VenueId } from '../core/types';
import { VENUE_IDS } from './registry';

/** Which of the venues' different "margin level" figures the engine's marginLevel is (src/ui/terms.ts names and defines each). */
export type MarginLevelTerm =
  | 'krakenMarginLevel'
  | 'binanceMarginLevel'
  | 'binanceMarginRatio'
  | 'bybitMmr'
  | 'okxMarginRatio'
  | 'hyperliquidMarginRatio';

/**
 * The venue's own margin-level figure: which one it is, and the level it liquidates at when that
 * is a documented constant (perpetuals: 100 %). Spot-margin venues take their levels from the
 * market data or facts.json (the quote's details), so they have none here.
 */
export interface MarginLevelAbout {
  term: MarginLevelTerm;
  liquidationLevel?: string;
}

export interface VenueAbout {
  venue: VenueId;
  name: string;
  /**
   * The short name the overlay and the popup show next to a symbol ("BTCUSDT · Binance futures").
   * Binance futures is not "USDⓈ-M": the Ⓢ is missing from many system fonts. The content script
   * takes only this field (src/venues/labels.ts), not the texts below.
   */
  label: string;
  /** Symbols are bare coins ("BTC") all quoted in this currency; null: the symbol names its quote. */
  fixedQuote: string | null;
  /** BTC in the venue's own spelling: the popup's example scenario. */
  exampleSymbol: string;
  /** Margin is one account-wide pool (no isolated mode). */
  crossOnly: boolean;
  /** Spot margin: no maintenance tiers, no per-order maintenance rate. */
  spotMargin: boolean;
  marginLevel: MarginLevelAbout;
  /** The popup's account-balance row: what the balance is called, and the currency it is counted in. */
  balance: { label: string; currency: string };
  /** The real URL the venue's fixture page (e2e/fixtures/pages/<venue>.html) is served at in tests and e2e. */
  fixtureUrl: string;
  /** Page URL patterns the extension runs on (placeholders in <angle brackets>). */
  pages: string[];
  reads: string[];
  marketData: string[];
  computes: string[];
  assumes: string[];
  /** What the reader cannot rely on, and how it degrades. */
  degrades: string;
}

const modules = import.meta.glob<{ default: Omit<VenueAbout, 'venue'> }>('./*/about.json', { eager: true });

export const VENUE_ABOUT: readonly VenueAbout[] = VENUE_IDS.flatMap((venue) => {
  const about = modules[`./${venue}/about.json`]?.default;
  return about === undefined ? [] : [{ venue, ...about }];
});
