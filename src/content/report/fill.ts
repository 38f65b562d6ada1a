// Digits back into a report's masked values, for the fixture skeleton (skeleton.ts). A text's
// '#' become a plain figure; an attribute's masked word becomes the venue's own word when the
// reader's source names exactly one that masks alike ("oc__row-bottom--##" → "oc__row-bottom--12"),
// so the skeleton is read by the same selectors; ids several of which masked alike are told
// apart by the report's letters.
import { maskDigits } from './mask';

/** Masked form → the words with digits a venue's reader names (selectors, ids, classes). */
export type Vocabulary = ReadonlyMap<string, readonly string[]>;

/** The words with digits in a reader's source texts, by their masked form. */
export function vocabularyOf(sources: readonly string[]): Vocabulary {
  const out = new Map<string, string[]>();
  for (const source of sources) {
    for (const word of source.match(/[A-Za-z_][\w-]*\d[\w-]*/g) ?? []) {
      const masked = maskDigits(word);
      const known = out.get(masked) ?? [];
      if (!known.includes(word)) known.push(word);
      out.set(masked, known);
    }
  }
  return out;
}

/**
 * '#' back to digits: a number's first digit 1, the rest 0 ("##,###.#" → "10,000.0"), so a
 * figure keeps the page's grouping and decimals, and one masked value always gives one value.
 */
export function fillDigits(masked: string): string {
  return masked.replace(/#(?:[#., \u00a0\u202f]*#)?/g, (run) => `1${run.slice(1).replace(/#/g, '0')}`);
}

/**
 * A text's digits back: as fillDigits, but a lone digit is 5 — a leverage the page shows as one
 * digit (Kraken's 2×–5× buttons, Binance's Cross 3× / 5×) then stays one those venues allow.
 */
export function fillText(masked: string): string {
  return fillDigits(masked.replace(/(?<![#.,\d])#(?![#.,]?#)/g, '5'));
}

/** The k-th of several ids that masked alike: every '#' 0, the last run k ("pane-#" → "pane-0", "pane-1"). */
function nthValue(masked: string, k: number): string | null {
  const runs = [...masked.matchAll(/#+/g)];
  const last = runs.at(-1);
  if (last === undefined || String(k).length > last[0].length) return null;
  const start = last.index;
  const zeros = masked.replace(/#/g, '0');
  return `${zeros.slice(0, start)}${String(k).padStart(last[0].length, '0')}${zeros.slice(start + last[0].length)}`;
}

function fillWord(masked: string, vocabulary: Vocabulary): string {
  if (!masked.includes('#')) return masked;
  const known = vocabulary.get(masked);
  return known !== undefined && known.length === 1 ? known[0]! : fillDigits(masked);
}

/** An attribute's value with digits back; `letter` from the report's `distinct`, when it has one. */
export function fillAttribute(masked: string, letter: string | undefined, vocabulary: Vocabulary): string {
  if (letter !== undefined && /^[a-z]$/.test(letter)) {
    const nth = nthValue(masked, letter.charCodeAt(0) - 97);
    if (nth !== null) return nth;
  }
  return masked
    .split(/(\s+)/)
    .map((part) => (/\s/.test(part) ? part : fillWord(part, vocabulary)))
    .join('');
}

/** Plain decimal text a × b ("65000" × "0.1" → "6500"), for a total the page derives from the order. */
export function times(a: string, b: string): string {
  const parse = (s: string): { units: bigint; scale: number } => {
    const [whole = '0', fraction = ''] = s.split('.');
    return { units: BigInt(`${whole}${fraction}`), scale: fraction.length };
  };
  const x = parse(a);
  const y = parse(b);
  const scale = x.scale + y.scale;
  const digits = (x.units * y.units).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale).replace(/0+$/, '');
  return fraction === '' ? whole : `${whole}.${fraction}`;
}

/**
 * An example value in the notation of the value it replaces: a page that wrote "##,#" (a decimal
 * comma, Russian and German pages) gets "0,1", since a reader refuses a form mixing both.
 */
export function inNotationOf(example: string, masked: string | undefined): string {
  const comma = masked !== undefined && /,#+$/.test(masked) && !masked.includes('.');
  return comma ? example.replace('.', ',') : example;
}
