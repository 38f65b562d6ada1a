// Fault injection: make an endpoint fail in a chosen way for the next N requests, or until
// reset. Endpoint ids are "<venue>.<name>" (see endpointOf in the API modules); a rule may name
// one endpoint, a whole venue ("kraken.*") or every API ("*").

export type FaultKind =
  | '500' // HTTP 500 (WS: upgrade answered with 500)
  | '429' // HTTP 429 with Retry-After (WS: upgrade answered with 429)
  | 'malformed' // HTTP 200 with a body that is not valid JSON (WS: garbage instead of data messages)
  | 'hang' // never answers (the request stays open until reset or shutdown)
  | 'refuse'; // connection dropped without an answer

export interface FaultRule {
  endpoint: string;
  kind: FaultKind;
  /** Requests left to fail; Infinity until reset. */
  remaining: number;
  retryAfterSeconds: number;
}

export class FaultBook {
  private rules: FaultRule[] = [];

  add(endpoint: string, kind: FaultKind, options: { count?: number; retryAfterSeconds?: number } = {}): void {
    this.rules.push({
      endpoint,
      kind,
      remaining: options.count ?? Infinity,
      retryAfterSeconds: options.retryAfterSeconds ?? 2,
    });
  }

  reset(): void {
    this.rules = [];
  }

  /** The fault for this request, if any; consumes one count of the first matching rule. */
  take(endpoint: string): FaultRule | undefined {
    const rule = this.rules.find((r) => r.remaining > 0 && matches(r.endpoint, endpoint));
    if (rule) rule.remaining -= 1;
    return rule;
  }
}

function matches(pattern: string, endpoint: string): boolean {
  if (pattern === '*') return true;
  if (pattern.endsWith('.*')) return endpoint.startsWith(pattern.slice(0, -1));
  return pattern === endpoint;
}

export const MALFORMED_BODY = '{"error":[],"result":{"XXBTZUSD":{"c":["65000.0",';
