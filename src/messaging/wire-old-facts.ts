// The plan's old bundled figures as the content script accepts them (QuotePlan.oldFacts,
// src/venues/facts-age.ts): each kind at most once, a real calendar day, a whole number of days.
import { array, number, object, oneOf, refine, string } from '../schema';
import { dayStart, OLD_FACT_KINDS } from '../venues/facts-age';

const wireOldFact = object({
  kind: oneOf(OLD_FACT_KINDS),
  asOf: refine(string({ max: 10 }), (day) => dayStart(day) !== null, 'is not a YYYY-MM-DD date'),
  ageDays: number({ integer: true, min: 0, max: 100_000 }),
});

export const wireOldFacts = refine(
  array(wireOldFact, { max: OLD_FACT_KINDS.length }),
  (facts) => new Set(facts.map((f) => f.kind)).size === facts.length,
  'names a kind twice',
);
