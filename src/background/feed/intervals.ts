// How often a market's feed asks, and how long it waits: shared by the runner's REST polling
// (runner.ts) and its stream (stream.ts), and re-exported by runner.ts for its importers.

/** While the stream is down or quiet, the mark is fetched over REST this often. */
export const MARK_POLL_MS = 5_000;
/** Funding interval, margin levels, leverage: they change rarely. */
export const FACTS_POLL_MS = 10 * 60_000;
/** An open socket with no message at all (the venues send heartbeats every second) is dead. */
export const STREAM_SILENCE_MS = 30_000;
