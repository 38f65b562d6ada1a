// Public surface of the pure risk engine (no browser APIs; see eslint boundaries).
export { Dec, parseDecimalText, toDecimalString } from './decimal';
export { InputError } from './errors';
export type { FactsBook, SymbolFacts, VenueFacts } from './facts';
export { parseQuoteInput } from './input';
export { quote, quoteJson, type QuoteResult } from './quote';
export { serializeQuote, type QuoteJson } from './serialize';
export type { Quote, QuoteInput, VenueId } from './types';
export { VENUES } from './types';
