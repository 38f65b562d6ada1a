// One pass of a reader over a page: finds selector keys, records how many nodes each key
// matched (for fixture tests and diagnostics), and collects the keys that were missing,
// ambiguous or unparseable. A reading with any missing key is 'unrecognised': no partial
// forms, no guesses.
import type { FormReading, OrderForm } from '../types';
import { findAll, QueryCache, type SelectorTable } from './query';

export class Scan<K extends string> {
  readonly matched: Record<string, number> = {};
  private readonly missing: string[] = [];
  /** One pass, one memo: keys that share selectors and elements compute them once. */
  readonly cache = new QueryCache();

  constructor(
    private readonly doc: Document,
    private readonly table: SelectorTable<K>,
  ) {}

  /** All visible matches of `key` inside `scope` (default: the whole page); null scope finds nothing. */
  all(key: K, scope: Element | Document | null = this.doc): Element[] {
    const found = scope === null ? [] : findAll(scope, this.table[key], this.cache);
    this.matched[key] = found.length;
    return found;
  }

  /** Exactly one match, or the key is missing (none) or ambiguous (several). */
  one(key: K, scope?: Element | Document | null): Element | null {
    const found = this.all(key, scope);
    if (found.length === 1) return found[0] ?? null;
    this.miss(key);
    return null;
  }

  /** Zero or one match; several is ambiguous and makes the key missing. */
  optional(key: K, scope?: Element | Document | null): Element | null {
    const found = this.all(key, scope);
    if (found.length > 1) this.miss(key);
    return found.length === 1 ? (found[0] ?? null) : null;
  }

  /** Records a key (selector key or derived field such as 'side') that could not be read. */
  miss(key: string): void {
    if (!this.missing.includes(key)) this.missing.push(key);
  }

  /** `value` when present, otherwise records `key` as missing. */
  need<T>(key: string, value: T | null): T | null {
    if (value === null) this.miss(key);
    return value;
  }

  get failed(): boolean {
    return this.missing.length > 0;
  }

  unrecognised(): FormReading {
    return { status: 'unrecognised', missing: [...this.missing], matched: { ...this.matched } };
  }

  /** The reading: ok only when nothing was missing. */
  finish(form: OrderForm | null): FormReading {
    if (form === null || this.failed) {
      if (!this.failed) this.miss('form');
      return this.unrecognised();
    }
    return { status: 'ok', form, matched: { ...this.matched } };
  }
}
