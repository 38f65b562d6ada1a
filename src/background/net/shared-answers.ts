// Answers of endpoints that are the same for every symbol (FactSource.shared: Binance's bracket
// table of all symbols, about a megabyte). Every market's runner asks here instead of fetching:
// one request in flight per URL, a good answer reused for its refresh period, and a failure
// reused for a minute so that ten open Binance tabs retrying on their own backoff do not send
// ten requests for the same table.
import type { Clock } from '../env';
import type { HttpResult } from './http';

/** A failed fetch is not repeated sooner than this, whichever runner asks. */
export const SHARED_FAILURE_HOLD_MS = 60_000;

export interface SharedAnswer {
  result: HttpResult;
  /** When the answer arrived (local clock): the age of every figure taken from it. */
  receivedAt: number;
}

interface Held {
  answer: SharedAnswer;
  until: number;
}

export class SharedAnswers {
  private readonly held = new Map<string, Held>();
  private readonly pending = new Map<string, Promise<SharedAnswer>>();

  constructor(private readonly clock: Clock) {}

  /** The held answer for `key` while it is current, else the one fetch in flight, else a new fetch. */
  get(key: string, refreshMs: number, fetch: () => Promise<HttpResult>): Promise<SharedAnswer> {
    const now = this.clock.now();
    const held = this.held.get(key);
    if (held !== undefined && now < held.until) return Promise.resolve(held.answer);
    const inFlight = this.pending.get(key);
    if (inFlight !== undefined) return inFlight;
    const request = fetch()
      .then((result) => {
        const receivedAt = this.clock.now();
        const answer = { result, receivedAt };
        this.held.set(key, {
          answer,
          until: receivedAt + (result.ok ? refreshMs : Math.min(refreshMs, SHARED_FAILURE_HOLD_MS)),
        });
        return answer;
      })
      .finally(() => this.pending.delete(key));
    this.pending.set(key, request);
    return request;
  }
}
