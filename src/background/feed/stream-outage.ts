// A venue's socket down for all its symbols at once (closed, failed, refused, gone silent or
// not openable): when it is reopened and what the runners are told meanwhile. Reopening backs
// off exponentially with full jitter, so many browsers do not hammer a venue that just came
// back; the first good message resets the backoff. A runner that joins mid-outage hears the
// same sentence, with the time left until the reopen.
import type { Clock } from '../env';
import { backoffDelay } from '../net/backoff';
import { outageSentence } from './stream-sentences';

interface Outage {
  host: string;
  why: string;
  reconnectAt: number;
}

export class StreamOutage {
  private attempts = 0;
  private reconnect: unknown = undefined;
  private current: Outage | null = null;

  constructor(
    private readonly clock: Clock,
    private readonly random: () => number,
  ) {}

  /** A good message arrived: the next outage backs off from the start again. */
  recovered(): void {
    this.attempts = 0;
  }

  /** Starts an outage: `reopen` runs after a jittered backoff (replacing any pending one). Returns what to tell the runners. */
  begin(host: string, why: string, reopen: () => void): string {
    const delay = backoffDelay(this.attempts, this.random);
    this.attempts += 1;
    const outage: Outage = { host, why, reconnectAt: this.clock.now() + delay };
    this.current = outage;
    this.clock.clearTimeout(this.reconnect);
    this.reconnect = this.clock.setTimeout(reopen, delay);
    return this.describe(outage);
  }

  /** The sentence for a runner joining now; null when there is no outage (the socket is up or opening). */
  sentence(): string | null {
    return this.current === null ? null : this.describe(this.current);
  }

  /** A socket is open again, or the stream stopped: no outage and no pending reopen. */
  end(): void {
    this.clock.clearTimeout(this.reconnect);
    this.reconnect = undefined;
    this.current = null;
  }

  private describe({ host, why, reconnectAt }: Outage): string {
    return outageSentence(host, why, Math.max(0, reconnectAt - this.clock.now()));
  }
}
