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
