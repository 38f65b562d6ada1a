// Links the guard to the session: at a submit, the order is read as it is at that moment (order
// fields only: the click path stays cheap however many positions the page lists), compared with
// the order the shown quote answers, and decided on (guard.ts). A held click on an order whose
// quote is not in yet is settled when its answer arrives, or after CHECK_BOUND_MS.
import type { Side } from '../core/types';
import type { Settings } from '../settings/settings';
import type { FormReading } from '../venues/types';
import type { Answer, FormLink } from './form-link';
import { CHECK_BOUND_MS, closesPosition, guardCodes, localGuardCodes, type SubmitGuard } from './guard';
import { orderIdentity, readingOrder } from './order-identity';

export interface GuardLinkOptions {
  guard: SubmitGuard;
  link: FormLink;
  /** The order fields as they are now (reader scope 'order'). */
  readOrder: () => FormReading;
  settings: () => Settings;
  now: () => number;
  signal: AbortSignal;
  /** The order at the click is not the one last read: read in full and send it (after the click). */
  readAgain: () => void;
  /** The notice changed: draw. */
  changed: () => void;
}

export interface GuardLink {
  decide(buttonSide: Side | null, via: 'click' | 'enter'): 'hold' | 'pass';
  /** A new answer is shown: a click held while checking its order gets that order's reasons. */
  answered(answer: Answer): void;
}

export function linkGuard({
  guard,
  link,
  readOrder,
  settings,
  now,
  signal,
  readAgain,
  changed,
}: GuardLinkOptions): GuardLink {
  let checkTimer: ReturnType<typeof setTimeout> | undefined;
  signal.addEventListener('abort', () => clearTimeout(checkTimer), { once: true });

  return {
    decide(buttonSide, via) {
      const probe = readOrder();
      if (probe.status !== 'ok') return 'pass'; // nothing we can tell about what is submitted
      const form = probe.form;
      // A closing order adds no risk: never held, and a hold of the opening it replaced no longer applies.
      if (closesPosition(form)) {
        if (guard.orderChanged(orderIdentity(form))) changed();
        return 'pass';
      }
      const side = buttonSide ?? (form.side === 'both' ? null : form.side);
      const order = orderIdentity(form);
      // Sent right after this click, not inside it: the exchange's own click handler waits for us.
      if (order !== readingOrder(link.reading)) setTimeout(() => !signal.aborted && readAgain(), 0);
      const answer = link.answersOrder(order) ? link.answer : null;
      const before = guard.notice;
      const verdict = guard.attempt({
        order,
        side,
        via,
        quoted: answer === null ? null : guardCodes(answer.message.sides, side),
        local: localGuardCodes(form, settings()),
        now: now(),
      });
      if (guard.checking && checkTimer === undefined) {
        checkTimer = setTimeout(() => {
          checkTimer = undefined;
          if (guard.expire(now())) changed();
        }, CHECK_BOUND_MS);
      }
      if (guard.notice !== before) changed();
      return verdict;
    },
    answered(answer) {
      const order = readingOrder(answer.reading);
      if (order !== null && guard.quoted(order, (side) => guardCodes(answer.message.sides, side))) changed();
    },
  };
}
