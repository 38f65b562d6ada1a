// Picks each market figure from, in order: the input, the symbol's bundled facts, the
// venue's bundled defaults. Whatever did not come from the input is recorded as an
// assumption, so the trader sees which figures are ours rather than the exchange's live ones.
import type { Dec } from './decimal';
import { InputError } from './errors';
import type { SymbolFacts, VenueFacts } from './facts';
import type { QuoteInput } from './types';

export class Resolver {
  readonly assumptions: string[] = [];
  private readonly symbolFacts: SymbolFacts | undefined;

  constructor(
    readonly input: QuoteInput,
    readonly facts: VenueFacts | undefined,
  ) {
    const symbol = input.order.symbol;
    this.symbolFacts = symbol && facts ? facts.symbols[symbol.toUpperCase()] : undefined;
  }

  note(text: string): void {
    if (!this.assumptions.includes(text)) this.assumptions.push(text);
  }

  private factsLabel(scope: 'symbol' | 'venue'): string {
    const who = scope === 'symbol' ? `${this.input.order.symbol} ` : '';
    return `bundled ${this.input.venue} ${who}facts dated ${this.facts?.asOf ?? '?'}`;
  }

  /** Input value, else symbol fact, else venue default; undefined when none is known. */
  optional(key: keyof SymbolFacts & keyof QuoteInput['market'], label: string): Dec | undefined {
    const given = this.input.market[key];
    if (given !== undefined) return given as Dec;
    const fromSymbol = this.symbolFacts?.[key];
    if (fromSymbol !== undefined && !Array.isArray(fromSymbol)) {
      this.note(`${label} ${(fromSymbol as Dec).toFixed()} from ${this.factsLabel('symbol')}`);
      return fromSymbol as Dec;
    }
    const fromVenue = this.facts?.defaults[key];
    if (fromVenue !== undefined && !Array.isArray(fromVenue)) {
      this.note(`${label} ${(fromVenue as Dec).toFixed()} from ${this.factsLabel('venue')} (venue default)`);
      return fromVenue as Dec;
    }
    return undefined;
  }

  required(key: keyof SymbolFacts & keyof QuoteInput['market'], label: string): Dec {
    const value = this.optional(key, label);
    if (value === undefined) {
      throw new InputError(
        'MISSING_FIELD',
        `market.${key} is required: no bundled ${label} for ${this.input.order.symbol ?? 'this symbol'}`,
        `market.${key}`,
      );
    }
    return value;
  }

  feeRate(kind: 'taker' | 'maker'): Dec {
    const key = kind === 'taker' ? 'takerFeeRate' : 'makerFeeRate';
    const given = this.input.market[key];
    if (given !== undefined) return given;
    if (!this.facts)
      throw new InputError('MISSING_FIELD', `market.${key} is required (no bundled fee schedule)`, `market.${key}`);
    const rate = this.facts[key];
    this.note(`${kind} fee ${rate.toFixed()} from ${this.factsLabel('venue')} (base fee tier, no VIP discount)`);
    return rate;
  }

  symbolTiers(): SymbolFacts['tiers'] {
    if (this.symbolFacts?.tiers) {
      this.note(`maintenance tiers from ${this.factsLabel('symbol')}`);
      return this.symbolFacts.tiers;
    }
    return undefined;
  }
}
