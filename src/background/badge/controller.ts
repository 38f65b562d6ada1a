// Keeps each exchange tab's badge in step with the quotes the background computed for its form
// (the quote service pushes every new result here). Updates per tab are throttled and
// deduplicated: a 1 s price stream must not turn into three browser API calls a second when
// nothing visible changed.
import type { VenueId } from '../../core/types';
import type { Settings } from '../../settings/settings';
import type { MarketSnapshot, OrderForm } from '../../venues/types';
import type { Clock, Log } from '../env';
import { throttleLatest, type Throttled } from '../messaging/throttle';
import type { SideQuote } from '../../venues/quote-sides';
import { computeBadge, DEFAULT_TITLE, type BadgeView } from './compute';

export const BADGE_UPDATE_MS = 500;

/** browser.action (Chrome MV3 and Firefox MV3 both have it). */
export interface ActionLike {
  setBadgeText(details: { tabId: number; text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { tabId: number; color: string }): Promise<void>;
  setTitle(details: { tabId: number; title: string }): Promise<void>;
}

/** One computed result: the form, its quotes, and the market and settings they came from. */
export interface BadgeInput {
  form: OrderForm;
  sides: readonly SideQuote[];
  snapshot: MarketSnapshot | null;
  settings: Settings;
}

interface TabState {
  input: BadgeInput;
  update: Throttled<void>;
  shown: BadgeView | null;
}

export class BadgeController {
  private readonly tabs = new Map<number, TabState>();

  constructor(
    private readonly action: ActionLike,
    private readonly quoteAsset: (venue: VenueId, symbol: string) => string | null,
    private readonly clock: Clock,
    private readonly log: Log,
  ) {}

  /** New quotes for the tab's form (the latest wins within the throttle interval). */
  show(tabId: number, input: BadgeInput): void {
    const state = this.tabs.get(tabId);
    if (state) {
      state.input = input;
      return state.update.push();
    }
    const created: TabState = {
      input,
      shown: null,
      update: throttleLatest(this.clock, BADGE_UPDATE_MS, () => this.render(tabId)),
    };
    this.tabs.set(tabId, created);
    created.update.push();
  }

  /** The form went away (unreadable, or the content script disconnected): back to the plain icon. */
  clear(tabId: number): void {
    this.forget(tabId);
    this.apply(tabId, { text: '', color: '', title: DEFAULT_TITLE });
  }

  /** The tab is gone: drop its state; there is no badge left to reset. */
  forget(tabId: number): void {
    this.tabs.get(tabId)?.update.cancel();
    this.tabs.delete(tabId);
  }

  private render(tabId: number): void {
    const state = this.tabs.get(tabId);
    if (!state) return;
    const { form, sides, snapshot, settings } = state.input;
    let view: BadgeView;
    try {
      view = computeBadge(form, sides, snapshot, settings, this.quoteAsset(form.venue, form.symbol));
    } catch {
      // Only a bug gets here; a badge that says "unknown" beats a stale one.
      this.log.warn('Margin Preflight: could not draw the badge');
      view = { text: '!', color: '#757575', title: `${DEFAULT_TITLE} — could not compute a quote` };
    }
    const shown = state.shown;
    if (shown && shown.text === view.text && shown.color === view.color && shown.title === view.title) return;
    state.shown = view;
    this.apply(tabId, view);
  }

  private apply(tabId: number, view: BadgeView): void {
    const calls: Array<Promise<void>> = [
      this.action.setBadgeText({ tabId, text: view.text }),
      this.action.setTitle({ tabId, title: view.title }),
    ];
    if (view.color !== '') calls.push(this.action.setBadgeBackgroundColor({ tabId, color: view.color }));
    // A tab closed meanwhile rejects these calls; nothing to do about it.
    Promise.all(calls).catch(() => undefined);
  }
}
