// Strict number reading from page text and input values. Pages are untrusted and
// locale-formatted, and a wrong factor of a thousand in a price is worse than no figure, so
// anything unclear is refused ("--", "", "-5", "1e5", "65 000", "+5"), never guessed.
//
// Each page has a number convention (page-locale.ts, from its language): 'dot' for English,
// Chinese, Japanese, Korean… ("65,000.50"), 'comma' for Russian, German, French… ("65.000,50",
// "65 000,50": groups by dot, space, no-break space U+00A0 or narrow no-break space U+202F), or
// 'either' where we do not know what the venue renders for that language. But a page may still
// render some figures the other way ("2,412" meaning 2.412 in a positions table), and some texts
// read both ways. So every number is read within a SCOPE (the order form, one table, one account
// panel) and its format is decided by evidence:
//
//   - A text is classified by the formats it is valid in, dot-decimal ("65,000.50") or
//     comma-decimal ("65.000,50"; dots, or on a comma page spaces, group thousands):
//       plain      — valid in both with the same value: "65000", "0"
//       dot        — valid only dot-decimal: "0.5", "65,000.50", "2.4120", "1,000,000", ".5"
//       comma      — valid only comma-decimal: "0,5", "3.412,50", "2,41", "1.000.000", "65 000"
//       ambiguous  — valid in both with different values: one kind of separator, one group of
//                    exactly three digits after it ("2,412", "65.000", "1,000")
//     A group of three never starts a number with a lone 0 ("0,500" is only ever 0.5).
//   - The scope's evidence is the set of unambiguous kinds among the number tokens of its texts
//     (everything shown in the form or the table, read or not).
//   - Reading a number in a scope, on a page of convention F ('dot' or 'comma'; an 'either' page
//     takes F from the scope's evidence, and with none reads plain texts only):
//       evidence of the other format in the scope, or of both: nothing in the scope is
//         readable — the page contradicts its language or itself;
//       a text of the other format: unreadable (it is evidence of the above);
//       a plain text or one of format F: its value in F;
//       an ambiguous text: its value in F when the scope has evidence of F; with no evidence at
//         all it is unreadable (we do not take the page's word for it).
//   Readers turn "unreadable" into their usual refusals: a form field is missing (and, when the
//   form's own figures made it so, 'numberFormat' too), a positions table is not known (null), an
//   account figure is not shown. The background then checks every price read against the feed's
//   mark (../plausibility.ts): a 1000x misread that got this far is refused there.
//
// Regex and BigInt only (src/core/decimal-text): readers run in the content script, which must
// not carry decimal.js. The background checks every OrderForm again (src/venues/form-schema.ts).
import { compareFixed, normalizeDecimalText, parseDecimalFixed, signOf } from '../../core/decimal-text';
import type { DecimalString } from '../types';
import { execText, normalizeText, sameText } from './text';

export type NumberFormat = 'dot' | 'comma';
/** A page's number convention (page-locale.ts): one format, or 'either' when the venue's is not known. */
export type PageNumberFormat = NumberFormat | 'either';

interface Grammar {
  plain: RegExp;
  grouped: RegExp;
  group: RegExp;
  decimal: string;
}

/** Space groups (normalised to ' ': U+00A0 and U+202F too), one kind of group separator per number. */
const SPACE_GROUPED = /^[1-9]\d{0,2}(?: \d{3})+(?:,\d*)?$/;

const GRAMMARS: Readonly<Record<NumberFormat, Grammar>> = {
  dot: {
    plain: /^(?:\d+(?:\.\d*)?|\.\d+)$/,
    grouped: /^[1-9]\d{0,2}(?:,\d{3})+(?:\.\d*)?$/,
    group: /,/g,
    decimal: '.',
  },
  comma: {
    plain: /^(?:\d+(?:,\d*)?|,\d+)$/,
    grouped: /^[1-9]\d{0,2}(?:\.\d{3})+(?:,\d*)?$/,
    group: /[. ]/g,
    decimal: ',',
  },
};

const LEVERAGE = /^(\d{1,4}(?:[.,]\d+)?)\s?[x×]$/;
const ONE = { units: 1n, scale: 0 };
/** Number-like runs inside free text ("Avbl 10,000.00 USDT" → "10,000.00"). */
const NUMBER_TOKEN = /[\d.,]*\d[\d.,]*/g;
/** The same, with space-grouped runs ("Avbl 10 000,00 USDT" → "10 000,00"): comma pages only. */
const SPACED_TOKEN = /\d{1,3}(?: \d{3})+(?:,\d+)?(?![\d.,])|[\d.,]*\d[\d.,]*/g;

/** Whitespace runs (U+00A0 and U+202F included) as one space, trimmed. */
const spaced = (text: string): string => text.replace(/\s+/g, ' ').trim();

/**
 * `text` read in one format: "65,000.0" (dot) → "65000"; null when not valid in that format.
 * `spaceGroups`: a comma-decimal page may group by spaces ("65 000,5").
 */
export function parseInFormat(text: string, format: NumberFormat, spaceGroups = false): DecimalString | null {
  const grammar = GRAMMARS[format];
  const clean = spaced(text);
  const spaceGrouped = format === 'comma' && spaceGroups && SPACE_GROUPED.test(clean);
  if (!grammar.plain.test(clean) && !grammar.grouped.test(clean) && !spaceGrouped) return null;
  const canonical = clean.replace(grammar.group, '').replace(grammar.decimal, '.');
  return normalizeDecimalText(canonical) ?? null;
}

export type NumberKind = 'plain' | NumberFormat | 'ambiguous';

export interface ClassifiedNumber {
  kind: NumberKind;
  /** Its value read dot-decimal; null when not valid that way. */
  dot: DecimalString | null;
}

/** Which formats a number text is valid in (see the header); null when in neither. */
export function classifyNumber(raw: string | null | undefined, spaceGroups = false): ClassifiedNumber | null {
  if (typeof raw !== 'string') return null;
  const text = raw.trim();
  const dot = parseInFormat(text, 'dot');
  const comma = parseInFormat(text, 'comma', spaceGroups);
  if (dot === null && comma === null) return null;
  if (dot !== null && comma !== null) return { kind: dot === comma ? 'plain' : 'ambiguous', dot };
  return { kind: dot !== null ? 'dot' : 'comma', dot };
}

/** The unambiguous kinds among the number tokens of `texts`. */
export function evidenceOf(texts: Iterable<string>, spaceGroups = false): { dot: boolean; comma: boolean } {
  const found = { dot: false, comma: false };
  for (const text of texts) {
    for (const token of spaced(text).match(spaceGroups ? SPACED_TOKEN : NUMBER_TOKEN) ?? []) {
      // Prose punctuation around a number ("at 1,000.") is not part of it.
      const kind = classifyNumber(token.replace(/^[.,]+|[.,]+$/g, ''), spaceGroups)?.kind;
      if (kind === 'dot' || kind === 'comma') found[kind] = true;
    }
  }
  return found;
}

type ScopeFormat = NumberFormat | 'none' | 'unreadable';

/**
 * Numbers of one scope, read by the scope's evidence (see the header). `texts` gives the
 * scope's texts; it is asked once, at the first number read. `page`: the page's convention.
 */
export class NumberScope {
  private format: ScopeFormat | null = null;
  private readonly spaceGroups: boolean;

  constructor(
    private readonly texts: () => Iterable<string>,
    private readonly page: PageNumberFormat = 'dot',
  ) {
    this.spaceGroups = page !== 'dot';
  }

  /** A scope made of the given texts only. */
  static of(...texts: string[]): NumberScope {
    return new NumberScope(() => texts);
  }

  /** Whether the scope's own figures made it unreadable (known once a number was read). */
  get unreadable(): boolean {
    return this.format === 'unreadable';
  }

  private scopeFormat(): ScopeFormat {
    if (this.format === null) {
      const found = evidenceOf(this.texts(), this.spaceGroups);
      const seen: ScopeFormat = found.dot ? 'dot' : found.comma ? 'comma' : 'none';
      if (found.dot && found.comma) this.format = 'unreadable';
      else if (this.page === 'either' || seen === 'none' || seen === this.page) this.format = seen;
      else this.format = 'unreadable';
    }
    return this.format;
  }

  private valueIn(raw: string, format: NumberFormat): DecimalString | null {
    return parseInFormat(raw, format, this.spaceGroups);
  }

  /** A non-negative number ("65,000.0" → "65000", "0.50" → "0.5"); null when not readable here. */
  number(raw: string | null | undefined): DecimalString | null {
    const found = classifyNumber(raw, this.spaceGroups);
    if (found === null) return null;
    // A text of the other format on a page of one format is evidence against it, never a value.
    if (this.page !== 'either' && (found.kind === 'dot' || found.kind === 'comma') && found.kind !== this.page)
      return null;
    const format = this.scopeFormat();
    if (format === 'unreadable') return null;
    if (found.kind === 'plain') return found.dot;
    if (found.kind === 'ambiguous') return format === 'none' ? null : this.valueIn(raw!, format);
    // One format only: the scope's (or the page's when the scope shows none).
    const wanted = format !== 'none' ? format : this.page === 'either' ? found.kind : this.page;
    return found.kind === wanted ? this.valueIn(raw!, wanted) : null;
  }

  /** Like number(), but zero is refused too (prices, sizes, leverage). */
  positive(raw: string | null | undefined): DecimalString | null {
    const value = this.number(raw);
    return value !== null && signOf(parseDecimalFixed(value)!) > 0 ? value : null;
  }

  /** "20x", "5×", "10.00x" → "20", "5", "10"; at least 1. */
  leverage(raw: string | null | undefined): DecimalString | null {
    if (typeof raw !== 'string') return null;
    const m = execText(raw, LEVERAGE);
    const value = m ? this.positive(m[1]) : null;
    return value !== null && compareFixed(parseDecimalFixed(value)!, ONE) >= 0 ? value : null;
  }

  /**
   * "Avbl 10,000.00 USDT" with prefix /^Avbl/ and unit "USDT" → "10000". The unit must be the
   * expected currency (in any case): a balance in another currency is not the one we want.
   */
  amountWithUnit(raw: string | null | undefined, unit: string, prefix?: RegExp): DecimalString | null {
    if (typeof raw !== 'string') return null;
    let text = normalizeText(raw);
    if (prefix) {
      const m = execText(text, prefix);
      if (!m || m.index !== 0) return null;
      text = text.slice(m[0].length).trim();
    }
    const space = text.lastIndexOf(' ');
    if (space < 0 || !sameText(text.slice(space + 1), unit)) return null;
    return this.number(text.slice(0, space));
  }
}

// One text on its own: it is its own scope, so an ambiguous text ("2,412") is refused.

/** "65,000.0" → "65000"; "0.50" → "0.5". Non-negative only; null when not a clean number. */
export function parsePageNumber(raw: string | null | undefined): DecimalString | null {
  return typeof raw === 'string' ? NumberScope.of(raw).number(raw) : null;
}

/** Like parsePageNumber, but zero is refused too (prices, sizes, leverage). */
export function parsePositiveNumber(raw: string | null | undefined): DecimalString | null {
  return typeof raw === 'string' ? NumberScope.of(raw).positive(raw) : null;
}

/** "20x", "5×" → "20", "5"; at least 1. */
export function parseLeverageText(raw: string | null | undefined): DecimalString | null {
  return typeof raw === 'string' ? NumberScope.of(raw).leverage(raw) : null;
}

/** See NumberScope.amountWithUnit; the text is its own scope. */
export function parseAmountWithUnit(
  raw: string | null | undefined,
  unit: string,
  prefix?: RegExp,
): DecimalString | null {
  return typeof raw === 'string' ? NumberScope.of(raw).amountWithUnit(raw, unit, prefix) : null;
}
