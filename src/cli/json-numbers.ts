// JSON.parse turns every number into a double without a word: 1e400 becomes Infinity, 1e-400
// becomes 0, 12345678901234567891 becomes 12345678901234567000. The engine would then quote a
// figure the user never wrote (a fee rate of 1e-400 silently read as 0). This walks the JSON text,
// once JSON.parse has accepted it, and finds each number literal whose value the double does not
// keep, with its path, so the CLI can refuse it instead. A number given as a JSON string is exact
// and never concerns this module.
import { clipText, ECHO_LIMIT } from '../core/errors';

export interface LostNumber {
  /** Keys and array indices from the top of the document to the literal. */
  path: Array<string | number>;
  /** The literal as written (possibly very long). */
  literal: string;
  /** What JSON.parse makes of it. */
  parsed: number;
}

type Frame = { kind: 'object'; key: string | null } | { kind: 'array'; index: number };

const NUMBER = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const PARTS = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;

/** A decimal literal as sign, significant digits and exponent, so equal values compare equal as text. */
function canonical(literal: string): string {
  const [, sign, whole, fraction = '', exponent = '0'] = PARTS.exec(literal)!;
  const digits = (whole! + fraction).replace(/^0+/, '');
  if (digits === '') return '0';
  const significant = digits.replace(/0+$/, '');
  return `${sign}${significant}e${Number(exponent) - fraction.length + (digits.length - significant.length)}`;
}

/** Whether the double JSON.parse makes of `literal` has exactly the value written. */
export function keepsValue(literal: string): boolean {
  const parsed = Number(literal);
  if (!Number.isFinite(parsed)) return false;
  // Equal values have equal canonical text; JavaScript's text of a double is the shortest that reads back as it.
  return canonical(literal) === canonical(String(parsed));
}

/** Index just past the string literal that opens at `start` (a double quote; the text is valid JSON). */
function endOfString(text: string, start: number): number {
  let from = start + 1;
  for (;;) {
    const quote = text.indexOf('"', from);
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === 0x5c) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    from = quote + 1;
  }
}

/**
 * The first number literal in `text` (valid JSON) that a double does not keep, per top-level
 * array item when the document is an array (path[0] is then the item index), else at most one.
 */
export function lostNumbers(text: string): LostNumber[] {
  const found: LostNumber[] = [];
  const stack: Frame[] = [];
  const reported = new Set<number>();
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    const top = stack[stack.length - 1];
    if (c === 0x7b /* { */) {
      stack.push({ kind: 'object', key: null });
      i++;
    } else if (c === 0x5b /* [ */) {
      stack.push({ kind: 'array', index: 0 });
      i++;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      stack.pop();
      i++;
    } else if (c === 0x2c /* , */) {
      if (top?.kind === 'array') top.index++;
      else if (top) top.key = null;
      i++;
    } else if (c === 0x22 /* " */) {
      const end = endOfString(text, i);
      if (top?.kind === 'object' && top.key === null) top.key = JSON.parse(text.slice(i, end)) as string;
      i = end;
    } else if (c === 0x2d /* - */ || (c >= 0x30 && c <= 0x39)) {
      NUMBER.lastIndex = i;
      const literal = NUMBER.exec(text)![0];
      i = NUMBER.lastIndex;
      if (keepsValue(literal)) continue;
      const path = stack.map((frame) => (frame.kind === 'array' ? frame.index : frame.key!));
      const item = stack[0]?.kind === 'array' ? (path[0] as number) : -1;
      if (reported.has(item)) continue;
      reported.add(item);
      found.push({ path, literal, parsed: Number(literal) });
    } else {
      i++; // whitespace, ':', and the letters of true, false and null
    }
  }
  return found;
}

/**
 * A path as the engine writes its error paths: "order.quantity", "account.positions[2].entryPrice".
 * Clipped: the literal may sit under any key, however long or deep.
 */
export function pathText(path: ReadonlyArray<string | number>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? part : `.${part}`;
    if (out.length > ECHO_LIMIT) break;
  }
  return clipText(out);
}

/** Why `lost` cannot be taken as written, in one sentence naming `where`. */
export function lostNumberMessage(lost: LostNumber, where: string): string {
  const field = where || 'the scenario';
  const literal = clipText(lost.literal);
  if (!Number.isFinite(lost.parsed))
    return `${field} is the JSON number ${literal}, outside the range of a double: a JSON parser turns it into ${lost.parsed}`;
  if (lost.parsed === 0)
    return `${field} is the JSON number ${literal}, too small for a double: a JSON parser turns it into 0`;
  return `${field} is the JSON number ${literal}, more digits than a double keeps: a JSON parser turns it into ${lost.parsed}; give it as a string ("${literal}")`;
}
