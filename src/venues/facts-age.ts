// How old a bundled, dated fact is (facts.json, brackets.json, contract-values.json all carry an
// "asOf" day), and the two limits that matter: a quote that used a figure from a file more than
// OLD_FACT_DAYS old says so (the trader should check the venue's current rates), and a release
// must not ship a file more than RELEASE_MAX_FACT_DAYS old (tests/facts-age.test.ts). Pure and
// free of the engine: the content side imports the kinds for the message schema.

/** A quote names a bundled figure older than this (in whole days) in its assumptions and the overlay. */
export const OLD_FACT_DAYS = 30;
/** No bundled data file may be older than this when the tests run (so a release never ships stale facts). */
export const RELEASE_MAX_FACT_DAYS = 180;

const DAY_MS = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** What a bundled figure was: the overlay names each kind in words. */
export const OLD_FACT_KINDS = ['fees', 'tiers', 'borrowRates', 'contractValue'] as const;
export type OldFactKind = (typeof OLD_FACT_KINDS)[number];

/** A bundled figure a quote used, from a file dated `asOf`. */
export interface FactUse {
  kind: OldFactKind;
  asOf: string;
}

export interface OldFact extends FactUse {
  /** Whole days from asOf (UTC midnight) to the quote's time. */
  ageDays: number;
}

/** Epoch ms of a YYYY-MM-DD day at UTC midnight, or null for anything that is not a real calendar day. */
export function dayStart(asOf: string): number | null {
  const m = DATE.exec(asOf);
  if (m === null) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(ms).toISOString().slice(0, 10) === asOf ? ms : null;
}

/** Whole days from asOf to now (negative for a date in the future); null for an unreadable date. */
export function factAgeDays(asOf: string, now: number): number | null {
  const start = dayStart(asOf);
  return start === null ? null : Math.floor((now - start) / DAY_MS);
}

/** The uses older than OLD_FACT_DAYS, each kind once. */
export function oldFacts(uses: readonly FactUse[], now: number): OldFact[] {
  const out: OldFact[] = [];
  for (const use of uses) {
    const ageDays = factAgeDays(use.asOf, now);
    if (ageDays !== null && ageDays > OLD_FACT_DAYS && !out.some((o) => o.kind === use.kind))
      out.push({ ...use, ageDays });
  }
  return out;
}

const KIND_WORDS: Record<OldFactKind, [what: string, check: string]> = {
  fees: ['Fee rates', 'rates'],
  tiers: ['Maintenance tiers', 'tiers'],
  borrowRates: ['Borrow rates', 'rates'],
  contractValue: ['Contract value', 'contract value'],
};

/** The quote's assumption (English, like the engine's own; the overlay says it in the page's language). */
export function oldFactNote(fact: OldFact): string {
  const [what, check] = KIND_WORDS[fact.kind];
  return `${what} from bundled facts dated ${fact.asOf} (${fact.ageDays} days old): check the venue's current ${check}`;
}
