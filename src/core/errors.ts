// One error type for bad input: a stable code, a sentence a trader can act on, and the
// JSON path of the offending field. The CLI prints it as {"error": {...}} with exit 2.
export type InputErrorCode =
  | 'INVALID_JSON'
  | 'INVALID_TYPE'
  | 'MISSING_FIELD'
  | 'UNKNOWN_FIELD'
  | 'INVALID_NUMBER'
  | 'OUT_OF_RANGE'
  | 'INVALID_ENUM'
  | 'UNKNOWN_VENUE'
  | 'UNSUPPORTED'
  | 'TOO_LARGE'
  // Command-line only: bad arguments, and our own bug (reported without a stack trace).
  | 'USAGE'
  | 'INTERNAL';

export class InputError extends Error {
  constructor(
    readonly code: InputErrorCode,
    message: string,
    readonly path: string,
  ) {
    super(message);
    this.name = 'InputError';
  }

  toJSON(): { code: InputErrorCode; message: string; path: string } {
    return { code: this.code, message: this.message, path: this.path };
  }
}

/** Longest piece of an input value an error message repeats: the input itself may be megabytes. */
export const ECHO_LIMIT = 80;

/** `text` cut to `max` characters with an ellipsis, never splitting a surrogate pair. */
export function clipText(text: string, max = ECHO_LIMIT): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  const end = code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
  return `${text.slice(0, end)}…`;
}

/** An input value as JSON for an error message, clipped; a long string is cut before it is quoted, so this stays cheap. */
export function echoValue(value: unknown, max = ECHO_LIMIT): string {
  const text =
    typeof value === 'string' ? JSON.stringify(value.slice(0, max + 1)) : (JSON.stringify(value) ?? String(value));
  return clipText(text, max);
}
