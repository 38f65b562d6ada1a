// Frames off a venue's socket are untrusted input: each is size-capped and parsed as JSON
// before a venue's parser sees it. A bad frame is dropped and counted, never fatal: if they
// persist the marks age and REST polling takes over (venue-stream.ts).
import type { Log } from '../env';

/** Far above any ticker message we subscribe to; a larger frame is not one of ours. */
const MAX_MESSAGE_CHARS = 65_536;

/** The frame's JSON value, or null when it is not text of a plausible size or not JSON. */
export function parseFrame(data: unknown): { message: unknown } | null {
  if (typeof data !== 'string' || data.length > MAX_MESSAGE_CHARS) return null;
  try {
    return { message: JSON.parse(data) };
  } catch {
    return null;
  }
}

/** Logs the first malformed message and every 100th after it, so a broken feed cannot flood the console. */
export class MalformedLog {
  private count = 0;

  constructor(private readonly log: Log) {}

  note(host: string, reason: string): void {
    this.count += 1;
    if (this.count === 1 || this.count % 100 === 0) {
      this.log.warn(`Margin Preflight: ignored malformed stream message #${this.count} from ${host} (${reason})`);
    }
  }
}
