// Numbers as people type them: "65000", "65 000,5", "1,234.56", "1.234,56". Accepted only when
// there is one reading. "1,500" (or "1.500") is 1500 to some and 1.5 to others, whatever the
// browser's language, so it is refused with both readings offered rather than guessed: a price
// read a thousand times too small is worse than a second try. Pure text → decimal text, no floats.

export type NumberReading =
  | { ok: true; value: string }
  | { ok: false; reason: 'empty' | 'invalid' }
  | { ok: false; reason: 'ambiguous'; readings: [string, string] };

/** Spaces people and locales put between thousands groups (plain, no-break, narrow no-break, thin) and the Swiss apostrophe. */
const GROUP_SPACES = /[ \u00a0\u202f\u2009'’]/;
const MINUSES = /^[-\u2212]/;

/** "1,234,567" with `sep` between groups of exactly three digits, the first 1–3 digits and not a lone leading 0. */
function isGrouped(text: string, sep: string): boolean {
  const parts = text.split(sep);
  const [head = '', ...rest] = parts;
  return rest.length > 0 && /^[1-9]\d{0,2}$/.test(head) && rest.every((p) => /^\d{3}$/.test(p));
}

/** Digits only, without leading zeros (but "0"). */
const normaliseWhole = (digits: string): string => digits.replace(/^0+(?=\d)/, '');
const join = (whole: string, fraction: string): string => {
  const w = normaliseWhole(whole === '' ? '0' : whole);
  return fraction === '' ? w : `${w}.${fraction}`;
};

function readUnsigned(text: string): NumberReading {
  if (text === '') return { ok: false, reason: 'invalid' };
  // Spaces only ever group thousands: "65 000" and "65 000,5", never "6 5000".
  let body = text;
  if (GROUP_SPACES.test(body)) {
    const [intPart = '', ...after] = body.split(/[.,]/);
    if (after.length > 1 || !isGrouped(intPart.replace(new RegExp(GROUP_SPACES.source, 'g'), ' '), ' '))
      return { ok: false, reason: 'invalid' };
    body = intPart.replace(new RegExp(GROUP_SPACES.source, 'g'), '') + (after.length === 1 ? `.${after[0]}` : '');
    if (!/^\d+(\.\d+)?$/.test(body)) return { ok: false, reason: 'invalid' };
    const [w = '', f = ''] = body.split('.');
    return { ok: true, value: join(w, f) };
  }
  if (!/^[\d.,]+$/.test(body) || !/\d/.test(body)) return { ok: false, reason: 'invalid' };
  const dots = body.split('.').length - 1;
  const commas = body.split(',').length - 1;
  if (dots > 0 && commas > 0) {
    // Both: the last one is the decimal mark (once), the other groups thousands before it.
    const decimal = body.lastIndexOf('.') > body.lastIndexOf(',') ? '.' : ',';
    const group = decimal === '.' ? ',' : '.';
    const [whole = '', fraction = '', extra] = body.split(decimal);
    if (extra !== undefined || !isGrouped(whole, group) || !/^\d+$/.test(fraction))
      return { ok: false, reason: 'invalid' };
    return { ok: true, value: join(whole.split(group).join(''), fraction) };
  }
  const sep = dots > 0 ? '.' : commas > 0 ? ',' : null;
  if (sep === null) return { ok: true, value: join(body, '') };
  const count = dots + commas;
  if (count > 1) {
    // Only grouping can repeat: "1,234,567".
    return isGrouped(body, sep)
      ? { ok: true, value: join(body.split(sep).join(''), '') }
      : { ok: false, reason: 'invalid' };
  }
  const [whole = '', fraction = ''] = body.split(sep);
  if (!/^\d*$/.test(whole) || !/^\d+$/.test(fraction)) return { ok: false, reason: 'invalid' };
  const asDecimal = join(whole, fraction);
  if (isGrouped(body, sep)) {
    // The decimal reading without its trailing zeros ("1.500" → "1.5"): the two readings read as different numbers.
    const short = join(whole, fraction.replace(/0+$/, ''));
    return { ok: false, reason: 'ambiguous', readings: [join(whole + fraction, ''), short] };
  }
  return { ok: true, value: asDecimal };
}

/** Typed text → plain decimal text ("-12.5", "1234"), or why not. */
export function readNumber(raw: string): NumberReading {
  const text = raw.trim();
  if (text === '') return { ok: false, reason: 'empty' };
  if (text.length > 40) return { ok: false, reason: 'invalid' };
  const negative = MINUSES.test(text);
  const reading = readUnsigned(negative ? text.slice(1).trimStart() : text);
  if (!reading.ok || !negative) return reading;
  return { ok: true, value: /^0(\.0+)?$/.test(reading.value) ? reading.value : `-${reading.value}` };
}

/** Decimal marks learned so far, per locale: the popup fills several boxes per open, Intl is asked once. */
const decimalMarks = new Map<string, string>();

/** The locale's decimal mark ("." or ","). */
export function decimalMark(locale: string): string {
  let mark = decimalMarks.get(locale);
  if (mark === undefined) {
    try {
      mark =
        new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value === ',' ? ',' : '.';
    } catch {
      mark = '.';
    }
    decimalMarks.set(locale, mark);
  }
  return mark;
}

/**
 * Plain decimal text → what goes into an input box in the user's locale: no grouping, the locale's
 * decimal mark. A value that would read two ways ("1.234") gets a trailing zero ("1.2340"), so
 * what we fill in is always read back as exactly that value.
 */
export function inputText(value: string, locale: string): string {
  const [whole = '', fraction = ''] = value.replace(/^-/, '').split('.');
  const sign = value.startsWith('-') ? '-' : '';
  if (fraction === '') return sign + whole;
  const padded = fraction.length === 3 && /^[1-9]\d{0,2}$/.test(whole) ? `${fraction}0` : fraction;
  return `${sign}${whole}${decimalMark(locale)}${padded}`;
}

/** Clock formatters per locale: asked again on every render of the calculator. */
const clocks = new Map<string, Intl.DateTimeFormat>();

/** HH:MM:SS in the user's locale (English for a tag Intl does not know). */
export function clockTime(ms: number, locale: string): string {
  let clock = clocks.get(locale);
  if (clock === undefined) {
    const options = { hour: '2-digit', minute: '2-digit', second: '2-digit' } as const;
    try {
      clock = new Intl.DateTimeFormat(locale, options);
    } catch {
      clock = new Intl.DateTimeFormat('en', options);
    }
    clocks.set(locale, clock);
  }
  return clock.format(ms);
}
