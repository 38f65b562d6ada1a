// Side table for the typing fast path (VenueReader.refresh): which input elements an ok reading's
// typed values came from. A WeakMap keyed by the reading keeps readings plain data (tests compare
// them with toEqual) and lets a reading and its inputs go away together.
import { checkOrderForm } from '../form-schema';
import type { FormReading, OrderForm } from '../types';

/** Re-reads the typed values of a form from its inputs; null when a value does not parse. */
export type Retype = (form: OrderForm) => OrderForm | null;

const sources = new WeakMap<FormReading, { inputs: readonly Element[]; retype: Retype; estimates: boolean }>();

/**
 * Remembers how to refresh `reading` (only ok readings; returns it for chaining). `estimates`: the
 * retype reads the page's own figures (OrderForm.pageEstimates) again too.
 */
export function rememberTyped(
  reading: FormReading,
  inputs: ReadonlyArray<Element | null>,
  retype: Retype,
  estimates = false,
): FormReading {
  if (reading.status === 'ok')
    sources.set(reading, { inputs: inputs.filter((el): el is Element => el !== null), retype, estimates });
  return reading;
}

/**
 * The reading with its typed values read again, or null (see VenueReader.refresh): also when the
 * new values fail the form schema, so that the full read reports which field it is.
 */
export function refreshTyped(previous: FormReading): FormReading | null {
  const source = sources.get(previous);
  if (previous.status !== 'ok' || source === undefined || !source.inputs.every((el) => el.isConnected)) return null;
  // The page's own figures follow the typing too (its script rewrites them): a retype that does not
  // read them again would keep the old ones, so only a full read sees them.
  if (previous.form.pageEstimates !== undefined && !source.estimates) return null;
  const form = source.retype(previous.form);
  if (form === null || !checkOrderForm(form).ok) return null;
  const next: FormReading = { status: 'ok', form, matched: previous.matched };
  if (previous.watched !== undefined) next.watched = previous.watched;
  if (previous.taught !== undefined) next.taught = previous.taught;
  sources.set(next, source);
  return next;
}
