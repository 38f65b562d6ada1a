// Pre-submit guard: the one interference with the exchange page we allow ourselves. When the
// order being submitted has a reason (GUARD_CODES), the first click on the submit button (or
// Enter in the form) is held back in the capture phase of `window`, before any page listener
// sees it, and the overlay says why. The next click on the same order passes. We never click,
// type or submit anything.
//
// "The same order" is its identity (order-identity.ts: symbol, side, type, price, size, leverage,
// margin mode, TP/SL) — never account figures, which tick on a live page. Reasons come from the
// background's quote of *that* order; a click on an order whose quote is not in yet (changed in the
// same task, or the background restarting) is held as ORDER_UNCHECKED until the quote arrives (its
// reasons then replace the notice) or CHECK_BOUND_MS passes (the notice says it could not be
// checked); either way the next click is the trader's decision. Limits that need no engine (the
// personal maximum leverage) are checked here, at the click, from the form itself.
import { compareFixed, parseDecimalFixed } from '../core/decimal-text';
import type { Side } from '../core/types';
import { isWireError } from '../messaging/messages';
import type { Settings } from '../settings/settings';
import { GUARD_CODES, ORDER_UNCHECKED } from '../ui/overlay/contract';
import type { GuardNotice, SideQuote } from '../ui/overlay/view-model';
import { pageDiffers } from '../ui/overlay/view-page-check';
import type { OrderForm } from '../venues/types';

/** How long a click on an unchecked order waits for its quote before the notice says so. */
export const CHECK_BOUND_MS = 1_500;

/** Guard codes in the quotes of one side (null: every quoted side), in GUARD_CODES order. */
export function guardCodes(quotes: readonly SideQuote[], side: Side | null): string[] {
  // The page's own figure disagrees with ours: our figures are in doubt, as with a refused form
  // (no quote, no reasons of the engine's); the overlay says so, the guard does not hold on them.
  if (pageDiffers(quotes)) return [];
  const found = new Set<string>();
  for (const q of quotes) {
    if ((side !== null && q.side !== side) || q.result === null || isWireError(q.result)) continue;
    for (const w of q.result.warnings) found.add(w.code);
  }
  return GUARD_CODES.filter((code) => found.has(code));
}

/** A closing order (Binance hedge mode's Close tab) reduces a position: the guard never holds it. */
export const closesPosition = (form: OrderForm): boolean => form.intent === 'close';

/** Reasons the content script can tell without the engine: leverage above the personal maximum. */
export function localGuardCodes(form: OrderForm, settings: Pick<Settings, 'maxLeverage'>): string[] {
  const max = parseDecimalFixed(settings.maxLeverage);
  const leverage = parseDecimalFixed(form.leverage);
  if (max === undefined || leverage === undefined || !form.marginEnabled || closesPosition(form)) return [];
  return compareFixed(leverage, max) > 0 ? ['LEVERAGE_ABOVE_PERSONAL_MAX'] : [];
}

const union = (a: readonly string[], b: readonly string[]): string[] => {
  const all = new Set([...a, ...b]);
  return [...GUARD_CODES, ORDER_UNCHECKED].filter((code) => all.has(code));
};

/** One submit attempt, as the content script sees it at the click. */
export interface Attempt {
  /** orderIdentity() of the form as read at the click. */
  order: string;
  side: Side | null;
  via: 'click' | 'enter';
  /** Reasons from the quote of this very order; null while its quote is not in. */
  quoted: string[] | null;
  /** Reasons checked at the click without the engine. */
  local: string[];
  now: number;
}

interface Held {
  order: string;
  side: Side | null;
  /** Reasons the trader was shown for this order; a later attempt passes unless it adds one. */
  codes: string[];
  local: string[];
  /** Waiting for the order's quote (since `since`). */
  checking: boolean;
  since: number;
}

/** The state machine, free of DOM events so it can be tested on its own. */
export class SubmitGuard {
  private held: Held | null = null;
  /** Shown by the overlay while a held submit waits for the next click. */
  notice: GuardNotice | null = null;

  attempt(a: Attempt): 'hold' | 'pass' {
    const reasons = a.quoted === null ? union(a.local, [ORDER_UNCHECKED]) : union(a.local, a.quoted);
    const h = this.held;
    if (h !== null && h.order === a.order && h.side === a.side) {
      // Clicking again while the check runs changes nothing: still held, the wait keeps its start.
      if (h.checking && a.quoted === null) return 'hold';
      if (reasons.every((code) => h.codes.includes(code))) {
        this.notice = null;
        return 'pass';
      }
    }
    if (reasons.length === 0) return 'pass';
    this.held = {
      order: a.order,
      side: a.side,
      codes: reasons,
      local: a.local,
      checking: a.quoted === null,
      since: a.now,
    };
    this.notice = {
      codes: reasons,
      side: a.side,
      via: a.via,
      ...(a.quoted === null ? { unchecked: 'checking' as const } : {}),
    };
    return 'hold';
  }

  /**
   * The quote of `order` is in: a click held while checking now shows that order's reasons (or
   * none), and the next click on it passes. Returns true when the notice changed.
   */
  quoted(order: string, codesFor: (side: Side | null) => string[]): boolean {
    const h = this.held;
    if (h === null || !h.checking || h.order !== order) return false;
    h.checking = false;
    h.codes = union(h.local, codesFor(h.side));
    const via = this.notice?.via ?? 'click';
    // Nothing to warn about: the hold was only for checking, and the next click goes through.
    this.notice = h.codes.length === 0 ? null : { codes: h.codes, side: h.side, via };
    return true;
  }

  /** The quote did not come in time: say so; the next click on that order passes. */
  expire(now: number): boolean {
    const h = this.held;
    if (h === null || !h.checking || now - h.since < CHECK_BOUND_MS) return false;
    h.checking = false;
    h.codes = union(h.local, [ORDER_UNCHECKED]);
    this.notice = { codes: h.codes, side: h.side, via: this.notice?.via ?? 'click', unchecked: 'timeout' };
    return true;
  }

  /** Whether a check is waiting (the session then looks again at CHECK_BOUND_MS). */
  get checking(): boolean {
    return this.held?.checking === true;
  }

  /** The form now holds another order (or none): a held click no longer applies. */
  orderChanged(order: string | null): boolean {
    if (this.held === null || this.held.order === order) return false;
    this.reset();
    return true;
  }

  reset(): void {
    this.held = null;
    this.notice = null;
  }
}
