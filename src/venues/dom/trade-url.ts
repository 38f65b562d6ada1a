// Symbol from a venue's trade-page URL: the URL is the page's own statement of what is traded,
// so readers take the pair from here and cross-check it against the form.
export interface Pair {
  base: string;
  quote: string;
  /** The venue's own symbol form (e.g. "BTC/USD" for Kraken, "BTCUSDT" for Binance). */
  symbol: string;
}

/** `path` must capture base and quote as groups 1 and 2; anything else (host, scheme) → null. */
export function pairFromTradeUrl(
  url: URL,
  host: string,
  path: RegExp,
  join: (base: string, quote: string) => string,
): Pair | null {
  if (url.protocol !== 'https:' || url.hostname !== host) return null;
  const m = path.exec(url.pathname);
  if (!m || m[1] === undefined || m[2] === undefined) return null;
  const base = m[1].toUpperCase();
  const quote = m[2].toUpperCase();
  return { base, quote, symbol: join(base, quote) };
}
