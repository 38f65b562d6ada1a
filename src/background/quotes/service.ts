// Quotes per content-script port. Each port has the form its page last sent and the market that
// form is on; the service quotes them once per change and hands that one result to the port
// (bg→cs:quotes, echoing the form's seq) and to the toolbar badge. A change is: a new form
// (answered at once: typing latency), a new market snapshot (at most every 250 ms per port), a
// market figure aging past its MAX_AGE_MS (checked every second), or new settings. Each message
// costs the page a parse, a check and a render, so a re-computation that changes nothing shown
// is not sent (see MARK_REFRESH_MS).
// A refused form (it failed the schema, or a price read from the page does not fit the market)
// is answered too, with no sides and the refusal, and the badge is cleared: the page must drop
// the previous figures, never keep them because no answer came.
import type { BgToCs, CsToBg, CurrentOrder, QuotesMessage, Refusal } from '../../messaging/messages';
import { MAX_ERROR_TEXT } from '../../messaging/messages';
import type { Settings } from '../../settings/settings';
import { isFresh, type MarketFigureKey, type MarketSnapshot, type OrderForm } from '../../venues/types';
import type { BadgeController } from '../badge/controller';
import { marketKey } from '../cache/snapshot-cache';
import type { Clock, Log } from '../env';
import type { FeedHub, Subscription } from '../feed/hub';
import { throttleLatest, type Throttled } from '../messaging/throttle';
import { quoteSides, toWire, type SideQuote } from '../../venues/quote-sides';
import { marketRefusal } from './refusal';

export const SNAPSHOT_MIN_INTERVAL_MS = 250;
export const STALENESS_TICK_MS = 1_000;
/**
 * A re-computation that changes nothing but the mark's age (a stream beat with the same price) is
 * sent at most this often: the page ages the mark on its own clock from receivedAt, so between
 * such messages it shows the mark at most this much older than it is — never fresher.
 */
export const MARK_REFRESH_MS = 5_000;

export type FormChanged = Extract<CsToBg, { type: 'cs→bg:form-changed' }>;
/** A form message whose envelope is valid but whose form was refused: what it is answered by. */
export type FormEnvelope = Omit<FormChanged, 'form'>;

export interface QuoteServiceDeps {
  hub: Pick<FeedHub, 'subscribe'>;
  badge: Pick<BadgeController, 'show' | 'clear'>;
  settings: () => Settings;
  clock: Clock;
  log: Log;
  /** The quote computation; tests count its calls. */
  compute?: typeof quoteSides;
}

/** One port's quotes; the port handler feeds it validated messages and closes it on disconnect. */
export interface PortQuotes {
  formChanged(message: FormChanged): void;
  /** The form of this message was refused (schema): answered by its seq with no sides and the refusal. */
  formRefused(envelope: FormEnvelope, refusal: Refusal): void;
  close(): void;
}

/** Which market figures are fresh right now, as a string: a change means a figure crossed its age. */
function freshness(snapshot: MarketSnapshot | null, now: number): string {
  if (snapshot === null) return '';
  return Object.entries(snapshot.figures)
    .map(([key, figure]) => `${key}:${isFresh(figure, key as MarketFigureKey, now) ? 1 : 0}`)
    .join(',');
}

export class QuoteService {
  private readonly ports = new Set<PortSession>();
  readonly compute: typeof quoteSides;

  constructor(readonly deps: QuoteServiceDeps) {
    this.compute = deps.compute ?? quoteSides;
  }

  connect(tabId: number, post: (message: BgToCs) => void): PortQuotes {
    const session = new PortSession(this, tabId, post);
    this.ports.add(session);
    return {
      formChanged: (message) => session.formChanged(message),
      formRefused: (envelope, refusal) => session.formRefused(envelope, refusal),
      close: () => {
        session.close();
        this.ports.delete(session);
      },
    };
  }

  /** The readable form a tab's overlay shows now, with its market and quotes (latest port of the tab). */
  currentOrder(tabId: number): CurrentOrder | null {
    let found: CurrentOrder | null = null;
    for (const session of this.ports) {
      const order = session.tabId === tabId ? session.currentOrder() : null;
      if (order !== null) found = order;
    }
    return found;
  }

  /** Settings changed: every open port is quoted again with them. */
  settingsChanged(): void {
    for (const session of this.ports) session.recompute();
  }
}

class PortSession {
  private seq = -1;
  private form: OrderForm | null = null;
  /** The latest message's form failed the schema (form is then null). */
  private refused: Refusal | null = null;
  private market: { key: string; venue: FormChanged['venue']; symbol: string; subscription: Subscription } | null =
    null;
  private snapshot: MarketSnapshot | null = null;
  private fresh = '';
  private badgeShown = false;
  /** What the last message said, apart from the mark's age, and when it went out. */
  private sent: { key: string; at: number } | null = null;
  private closed = false;
  private tick: unknown = null;
  private readonly onSnapshot: Throttled<void>;

  constructor(
    private readonly service: QuoteService,
    readonly tabId: number,
    private readonly post: (message: BgToCs) => void,
  ) {
    this.onSnapshot = throttleLatest<void>(service.deps.clock, SNAPSHOT_MIN_INTERVAL_MS, () => this.recompute());
  }

  formChanged(message: FormChanged): void {
    this.answer(message, message.form, null);
  }

  formRefused(envelope: FormEnvelope, refusal: Refusal): void {
    this.answer(envelope, null, refusal);
  }

  private answer(message: FormEnvelope, form: OrderForm | null, refused: Refusal | null): void {
    if (this.closed) return;
    const key = marketKey(message.venue, message.symbol);
    if (this.market?.key !== key) {
      // Switching markets: leave the old feed first (it stops if no other tab follows it).
      this.market?.subscription.unsubscribe();
      const subscription = this.service.deps.hub.subscribe(message.venue, message.symbol, (snapshot) => {
        this.snapshot = snapshot;
        this.onSnapshot.push();
      });
      this.market = { key, venue: message.venue, symbol: message.symbol, subscription };
      this.snapshot = subscription.snapshot;
    }
    this.seq = message.seq;
    this.form = form;
    this.refused = refused;
    // Answered now, with the latest snapshot: a snapshot update waiting in the throttle would
    // only repeat this computation, and the next one waits its 250 ms from here.
    this.recompute(true);
    this.onSnapshot.deliveredNow();
    this.armTick();
  }

  currentOrder(): CurrentOrder | null {
    const { form, market } = this;
    if (this.closed || form === null || market === null) return null;
    const { clock, settings } = this.service.deps;
    const now = clock.now();
    // A misread price is no order to open the calculator on (the overlay shows none either).
    if (marketRefusal(form, this.snapshot, now) !== null) return null;
    const sides = toWire(this.service.compute(form, this.snapshot, settings(), now));
    // Nor is a reading the page's own figures contradict.
    if (sides.some((q) => q.pageCheck?.verdict === 'differs')) return null;
    return { venue: market.venue, symbol: market.symbol, form, snapshot: this.snapshot, sides };
  }

  /** Quotes the port's form again; `answer`: it is the answer to a form, sent whatever it says. */
  recompute(answer = false): void {
    const market = this.market;
    if (this.closed || market === null) return;
    const { clock, badge, settings: currentSettings } = this.service.deps;
    const now = clock.now();
    const settings = currentSettings();
    const snapshot = this.snapshot;
    const form = this.form;
    // Checked before computing, and again on every market change: a mark that arrives later can
    // show that the price read does not fit (and a new one that it does).
    const refusal = this.refused ?? (form === null ? null : marketRefusal(form, snapshot, now));
    const sides: SideQuote[] =
      form === null || refusal !== null ? [] : this.service.compute(form, snapshot, settings, now);
    this.fresh = freshness(snapshot, now);
    const mark = snapshot?.figures.markPrice;
    const message: QuotesMessage = {
      type: 'bg→cs:quotes',
      seq: this.seq,
      venue: market.venue,
      symbol: market.symbol,
      sides: toWire(sides),
      mark: mark === undefined ? null : { value: mark.value, receivedAt: mark.receivedAt },
      tickSize: snapshot?.figures.tickSize?.value ?? null,
      status: snapshot?.status ?? 'connecting',
      lastError: snapshot?.lastError?.slice(0, MAX_ERROR_TEXT) ?? null,
      refusal,
    };
    const key = JSON.stringify({
      ...message,
      mark: message.mark?.value ?? null,
      sides: message.sides.map((q) => ({ ...q, plan: { ...q.plan, markAgeMs: null } })),
    });
    if (answer || this.sent === null || this.sent.key !== key || now - this.sent.at >= MARK_REFRESH_MS) {
      this.sent = { key, at: now };
      try {
        this.post(message);
      } catch {
        // The port closed between the check and the post; onDisconnect cleans up.
      }
    }
    // The badge also depends on settings the quotes do not (its colour thresholds); it drops
    // repeats itself.
    if (form !== null && refusal === null) {
      badge.show(this.tabId, { form, sides, snapshot, settings });
      this.badgeShown = true;
    } else if (this.badgeShown || (answer && refusal !== null)) {
      // The form became unreadable or was refused: back to the plain icon (once, not on every
      // tick; but every refused form is answered with a cleared badge, whatever came before).
      badge.clear(this.tabId);
      this.badgeShown = false;
    }
  }

  private armTick(): void {
    if (this.tick !== null) return;
    const { clock } = this.service.deps;
    const run = (): void => {
      this.tick = null;
      if (this.closed) return;
      if (freshness(this.snapshot, clock.now()) !== this.fresh) this.recompute();
      this.armTick();
    };
    this.tick = clock.setTimeout(run, STALENESS_TICK_MS);
  }

  close(): void {
    this.closed = true;
    this.onSnapshot.cancel();
    if (this.tick !== null) this.service.deps.clock.clearTimeout(this.tick);
    this.tick = null;
    this.market?.subscription.unsubscribe();
    this.market = null;
  }
}
