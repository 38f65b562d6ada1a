// Pre-submit guard: the one interference with the exchange page we allow ourselves. When the
// quote for the side being submitted has a GUARD_CODES warning, the first click on the submit
// button (or Enter in the form) is held back in the capture phase of `window`, before any
// page listener sees it, and the overlay says why. The same click again, with the same form
// and the same reasons, passes through untouched. We never click, type or submit anything.
import type { Side } from '../core/types';
import { isWireError } from '../messaging/messages';
import { GUARD_CODES } from '../ui/overlay/contract';
import type { GuardNotice, SideQuote } from '../ui/overlay/view-model';
import type { VenueReader } from '../venues/readers';
import type { OrderForm } from '../venues/types';

/** Guard codes in the quotes of one side (null: every quoted side), in GUARD_CODES order. */
export function guardCodes(quotes: readonly SideQuote[], side: Side | null): string[] {
  const found = new Set<string>();
  for (const q of quotes) {
    if ((side !== null && q.side !== side) || q.result === null || isWireError(q.result)) continue;
    for (const w of q.result.warnings) found.add(w.code);
  }
  return GUARD_CODES.filter((code) => found.has(code));
}

/** What was submitted: a submit button, or Enter in one of the form's inputs. */
export type GuardTarget = Element | 'enter';

/**
 * The state machine, free of DOM events so it can be tested on its own. `held` remembers
 * the last held submit; a matching attempt passes (and keeps passing) until the form or the
 * reasons change, which re-arms the guard.
 */
export class SubmitGuard {
  private held: { target: GuardTarget; side: Side | null; key: string } | null = null;
  /** Shown by the overlay while a held submit waits for its second click. */
  notice: GuardNotice | null = null;

  attempt(target: GuardTarget, side: Side | null, codes: string[], formKey: string): 'hold' | 'pass' {
    if (codes.length === 0) return 'pass';
    const key = `${formKey}\n${codes.join(',')}`;
    if (this.held !== null && this.held.target === target && this.held.key === key) {
      this.notice = null;
      return 'pass';
    }
    this.held = { target, side, key };
    this.notice = { codes, side, via: target === 'enter' ? 'enter' : 'click' };
    return 'hold';
  }

  /** After every new reading or quote: a different form or different reasons re-arm. */
  sync(formKey: string, codesFor: (side: Side | null) => string[]): void {
    if (this.held === null) return;
    if (`${formKey}\n${codesFor(this.held.side).join(',')}` !== this.held.key) this.reset();
  }

  reset(): void {
    this.held = null;
    this.notice = null;
  }
}

/**
 * What the guard needs to know at the moment of a submit: the form as read right now, and the
 * latest quotes from the background. Those may answer an earlier state of the form while a newer
 * answer is in flight; the guard uses them rather than block a click on a missing answer.
 */
export interface GuardContext {
  form: OrderForm | null;
  formKey: string;
  quotes: readonly SideQuote[];
}

export interface GuardOptions {
  win: Window;
  doc: Document;
  reader: VenueReader;
  signal: AbortSignal;
  guard: SubmitGuard;
  enabled: () => boolean;
  /** Reads the form now (sending it on if it changed) and returns it with the latest quotes. */
  current: () => GuardContext;
  /** The notice changed: redraw. */
  changed: () => void;
}

export function installGuard({ win, doc, reader, signal, guard, enabled, current, changed }: GuardOptions): void {
  const decide = (event: Event, target: GuardTarget, sideOf: (form: OrderForm) => Side | null): void => {
    const ctx = current();
    if (ctx.form === null) return;
    const side = sideOf(ctx.form);
    const before = guard.notice;
    if (guard.attempt(target, side, guardCodes(ctx.quotes, side), ctx.formKey) === 'hold') {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
    if (guard.notice !== before) changed();
  };
  const formSide = (form: OrderForm): Side | null => (form.side === 'both' ? null : form.side);

  win.addEventListener('click', (event) => {
    if (!enabled()) return;
    const path = event.composedPath();
    let button: Element | undefined;
    try {
      button = reader.submitButtons(doc).find((b) => path.includes(b));
    } catch {
      return; // a reader that cannot find its buttons cannot tell us what is being submitted
    }
    if (button === undefined) return;
    decide(event, button, (form) => reader.sideOfSubmit(button) ?? formSide(form));
  }, { capture: true, signal });

  win.addEventListener('keydown', (event) => {
    if (!enabled() || event.key !== 'Enter' || event.isComposing) return;
    if (event.repeat) {
      // A held-down Enter is not a second, deliberate press: keep holding while the notice shows.
      if (guard.notice?.via === 'enter') {
        event.preventDefault();
        event.stopImmediatePropagation();
      }
      return;
    }
    const target = event.composedPath()[0];
    if (!(target instanceof HTMLInputElement) || ['checkbox', 'radio', 'button', 'submit'].includes(target.type)) return;
    let root: Element | null;
    try {
      root = reader.formRoot(doc);
    } catch {
      return;
    }
    if (root === null || !root.contains(target)) return;
    decide(event, 'enter', formSide);
  }, { capture: true, signal });
}
