// A fake background for content-script tests: answers every cs→bg:form-changed with the quotes
// the real background would compute (its own quoteSides + toWire, the engine and the bundled
// facts), asynchronously like a real port, or holds the answers back (a restarting worker).
import { quoteSides, toWire } from '../../src/venues/quote-sides';
import { marketRefusal } from '../../src/background/quotes/refusal';
import type { CsToBg, QuotesMessage } from '../../src/messaging/messages';
import type { Settings } from '../../src/settings/settings';
import type { MarketSnapshot, OrderForm } from '../../src/venues/types';
import type { FakeExt, FakePort } from './fake-ext';
import { settings as defaultSettings } from './fixtures';

export interface Market {
  snapshot: MarketSnapshot | null;
  settings: Settings;
  now: () => number;
}

/** The quotes message the background sends for `form` (null: unreadable) at seq. */
export function quotesFor(
  seq: number,
  venue: OrderForm['venue'],
  symbol: string,
  form: OrderForm | null,
  market: Market,
): QuotesMessage {
  const { snapshot } = market;
  const mark = snapshot?.venue === venue && snapshot.symbol === symbol ? snapshot.figures.markPrice : undefined;
  // As the real service: a price that does not fit the market refuses the form, without figures.
  const refusal = form === null ? null : marketRefusal(form, snapshot, market.now());
  return {
    type: 'bg→cs:quotes',
    seq,
    venue,
    symbol,
    sides: form === null || refusal !== null ? [] : toWire(quoteSides(form, snapshot, market.settings, market.now())),
    mark: mark ? { value: mark.value, receivedAt: mark.receivedAt } : null,
    tickSize: snapshot?.figures.tickSize?.value ?? null,
    status: snapshot?.status ?? 'connecting',
    lastError: snapshot?.lastError ?? null,
    refusal,
  };
}

export class FakeBackground {
  readonly market: Market;
  /** False: requests are queued (`held`) instead of answered. */
  answering = true;
  readonly held: Array<{ message: Extract<CsToBg, { type: 'cs→bg:form-changed' }>; port: FakePort }> = [];
  last: { message: Extract<CsToBg, { type: 'cs→bg:form-changed' }>; port: FakePort } | null = null;

  constructor(ext: FakeExt, market: Partial<Market> = {}) {
    this.market = { snapshot: null, settings: defaultSettings(), now: Date.now, ...market };
    ext.backend = (raw, port) => {
      const message = raw as CsToBg;
      if (message.type !== 'cs→bg:form-changed') return;
      this.last = { message, port };
      if (this.answering) queueMicrotask(() => this.answer(message, port));
      else this.held.push({ message, port });
    };
  }

  answer(message: Extract<CsToBg, { type: 'cs→bg:form-changed' }>, port: FakePort): void {
    if (!port.closed)
      port.onMessage.emit(quotesFor(message.seq, message.venue, message.symbol, message.form, this.market));
  }

  /** Answer the held requests now, in order. */
  release(): void {
    this.answering = true;
    for (const { message, port } of this.held.splice(0)) this.answer(message, port);
  }

  /** The background's market changed: quotes for the last form again (same seq), as it does. */
  resend(): void {
    if (this.last) this.answer(this.last.message, this.last.port);
  }
}
