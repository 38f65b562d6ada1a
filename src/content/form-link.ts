// The page's side of the quote exchange: the reading the page shows now, what was sent for it,
// and the background's latest answer with the reading it answers. Every change of the reading is
// sent at once with a new seq; an answer to an older seq than the one held is ignored (messages
// can overtake each other across a worker restart), and so is an answer to a form never sent.
import type { CsToBg, QuotesMessage } from '../messaging/messages';
import type { VenueId } from '../core/types';
import type { FormReading } from '../venues/types';
import { readingOrder } from './order-identity';

/** Forms sent and not answered yet that are remembered (an answer to an older one is dropped). */
const MAX_UNANSWERED = 64;

export interface Answer {
  message: QuotesMessage;
  /** The reading the message answers (it may be older than the one on the page now). */
  reading: FormReading;
}

/** Key of a whole reading, account included: any change is sent to the background. */
export const readingKey = (reading: FormReading): string =>
  reading.status === 'ok' ? JSON.stringify(reading.form) : `unrecognised:${reading.missing.join(',')}`;

export class FormLink {
  reading: FormReading | null = null;
  key = '';
  /** The symbol of the last readable form; before there is one the background has nothing to follow. */
  symbol: string | null = null;
  answer: Answer | null = null;
  private seq = 0;
  private readonly unanswered = new Map<number, FormReading>();

  constructor(
    private readonly venue: VenueId,
    private readonly post: (message: CsToBg) => unknown,
  ) {}

  /** Takes a new reading; true when it differs from the last one (and was sent). */
  accept(next: FormReading): boolean {
    const key = readingKey(next);
    if (key === this.key) return false;
    this.reading = next;
    this.key = key;
    if (next.status === 'ok') this.symbol = next.form.symbol;
    this.send();
    return true;
  }

  /** The current reading to the background with a new seq (also after a reconnect). */
  send(): void {
    const reading = this.reading;
    if (reading === null || this.symbol === null) return;
    this.seq += 1;
    this.unanswered.set(this.seq, reading);
    if (this.unanswered.size > MAX_UNANSWERED) this.unanswered.delete(this.unanswered.keys().next().value!);
    this.post({
      type: 'cs→bg:form-changed',
      seq: this.seq,
      venue: this.venue,
      symbol: this.symbol,
      form: reading.status === 'ok' ? reading.form : null,
    });
  }

  /** An answer from the background; true when it is now the answer shown. */
  received(message: QuotesMessage): boolean {
    const held = this.answer;
    if (held !== null && message.seq < held.message.seq) return false; // overtaken by a newer answer
    const answered = message.seq === held?.message.seq ? held.reading : this.unanswered.get(message.seq);
    if (answered === undefined) return false; // not a form this page sent
    for (const s of this.unanswered.keys()) if (s <= message.seq) this.unanswered.delete(s);
    this.answer = { message, reading: answered };
    return true;
  }

  /** The latest form sent has its answer. */
  get answered(): boolean {
    return this.answer !== null && this.answer.message.seq === this.seq;
  }

  /** The shown answer belongs to the order on the page now (account ticks aside). */
  answersOrder(order: string | null): boolean {
    return order !== null && this.answer !== null && readingOrder(this.answer.reading) === order;
  }
}
