// The envelope of a cs→bg:form-changed message (type, seq, venue, symbol) is checked apart from
// its form. A message with a bad envelope cannot be answered (no seq, or a market the page does
// not serve) and is dropped; one with a good envelope and a refused form is answered with the
// refusal, so the page drops its previous figures instead of keeping them for want of an answer.
import { VENUES, type VenueId } from '../../core/types';
import { SYMBOL } from '../../messaging/messages';
import type { FormEnvelope } from '../quotes/service';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const KEYS = ['type', 'seq', 'venue', 'symbol', 'form'];

/** The envelope and the form as sent (still unchecked), or null for a message that cannot be answered. */
export function parseFormEnvelope(v: unknown): { envelope: FormEnvelope; form: unknown } | null {
  if (!isObj(v) || v.type !== 'cs→bg:form-changed' || !Object.keys(v).every((k) => KEYS.includes(k))) return null;
  const { seq, venue, symbol } = v;
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 0) return null;
  if (typeof venue !== 'string' || !(VENUES as readonly string[]).includes(venue)) return null;
  if (typeof symbol !== 'string' || !SYMBOL.test(symbol)) return null;
  return { envelope: { type: 'cs→bg:form-changed', seq, venue: venue as VenueId, symbol }, form: v.form };
}
