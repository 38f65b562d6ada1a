// Keeps each exchange tab's badge in step with its last form, its market and the settings.
// Updates per tab are throttled and deduplicated: a 1 s price stream must not turn into three
// browser API calls a second when nothing visible changed.
import type { VenueId } from '../../core/types';
import type { Settings } from '../../settings/settings';
import type { MarketSnapshot, OrderForm } from '../../venues/types';
import type { Clock, Log } from '../env';
import { throttleLatest, type Throttled } from '../messaging/throttle';
import { computeBadge, DEFAULT_TITLE, type BadgeView } from './compute';

export const BADGE_UPDATE_MS = 500;

/** browser.action (Chrome MV3 and Firefox MV3 both have it). */
export interface ActionLike {
  setBadgeText(details: { tabId: number; text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { tabId: number; color: string }): Promise<void>;
  setTitle(details: { tabId: number; title: string }): Promise<void>;
}

export interface BadgeSources {
  snapshot(venue: VenueId, symbol: string): MarketSnapshot | null;
  settings(): Settings;
  quoteAsset(venue: VenueId, symbol: string): string | null;
}

interface TabState {
  form: OrderForm;
  update: Throttled<void>;
  shown: BadgeView | null;
}

export class BadgeController {
  private readonly tabs = new Map<number, TabState>();

  constructor(
    private readonly action: ActionLike,
    private readonly sources: BadgeSources,
    private readonly clock: Clock,
    private readonly log: Log,
  ) {}

  formChanged(tabId: number, form: OrderForm | null): void {
    if (form === null) return this.clear(tabId);
    const state = this.tabs.get(tabId);
    if (state) {
      state.form = form;
      return state.update.push();
    }
    const created: TabState = { form, shown: null, update: throttleLatest(this.clock, BADGE_UPDATE_MS, () => this.render(tabId)) };
    this.tabs.set(tabId, created);
    created.update.push();
  }

  snapshotChanged(snapshot: MarketSnapshot): void {
    for (const state of this.tabs.values()) {
      if (state.form.venue === snapshot.venue && state.form.symbol === snapshot.symbol) state.update.push();
    }
  }

  settingsChanged(): void {
    for (const state of this.tabs.values()) state.update.push();
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
    const { form } = state;
    let view: BadgeView;
    try {
      view = computeBadge(form, this.sources.snapshot(form.venue, form.symbol), this.sources.settings(), this.clock.now(), this.sources.quoteAsset(form.venue, form.symbol));
    } catch {
      // The engine throws only on bugs; a badge that says "unknown" beats a stale one.
      this.log.warn('Margin Preflight: could not compute the badge');
      view = { text: '!', color: '#757575', title: `${DEFAULT_TITLE} — could not compute a quote` };
    }
    const shown = state.shown;
    if (shown && shown.text === view.text && shown.color === view.color && shown.title === view.title) return;
    state.shown = view;
    this.apply(tabId, view);
  }

  private apply(tabId: number, view: BadgeView): void {
    const calls: Array<Promise<void>> = [this.action.setBadgeText({ tabId, text: view.text }), this.action.setTitle({ tabId, title: view.title })];
    if (view.color !== '') calls.push(this.action.setBadgeBackgroundColor({ tabId, color: view.color }));
    // A tab closed meanwhile rejects these calls; nothing to do about it.
    Promise.all(calls).catch(() => undefined);
  }
}
