// One pass of a reader over a page: finds selector keys, records how many nodes each key
// matched (for fixture tests and diagnostics), and collects the keys that were missing,
// ambiguous or unparseable. A reading with any missing key is 'unrecognised': no partial
// forms, no guesses. A form is only ever returned when it passes the form schema
// (../form-schema.ts), the same check the background runs: otherwise the failing path is
// reported as missing.
//
// It also remembers every element the pass used, so that finish() can say which of them lie
// outside the form root (FormReading.watched): the session observes those as well.
import { checkOrderForm } from '../form-schema';
import type { FormReading, OrderForm } from '../types';
import { formNumbers } from './number-scopes';
import type { NumberScope, PageNumberFormat } from './numbers';
import { findAllWith, QueryCache, type SelectorTable } from './query';

export class Scan<K extends string> {
  readonly matched: Record<string, number> = {};
  private readonly missing: string[] = [];
  private readonly used = new Set<Element>();
  /** Keys found through a locator the trader taught (dom/taught.ts), for FormReading.taught. */
  private readonly taught = new Set<string>();
  private readonly scopes: NumberScope[] = [];
  /** One pass, one memo: keys that share selectors and elements compute them once. */
  readonly cache = new QueryCache();

  constructor(
    private readonly doc: Document,
    private readonly table: SelectorTable<K>,
    /** How the page writes numbers (page-locale.ts); English: 'dot'. */
    readonly numberFormat: PageNumberFormat = 'dot',
  ) {}

  /** All visible matches of `key` inside `scope` (default: the whole page); null scope finds nothing. */
  all(key: K, scope: Element | Document | null = this.doc): Element[] {
    const { found, taught } =
      scope === null ? { found: [], taught: false } : findAllWith(scope, this.table[key], this.cache, key);
    if (taught && found.length > 0) this.taught.add(key);
    this.matched[key] = found.length;
    for (const el of found) this.used.add(el);
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

  /** An element the reading depends on that no selector key found (a table found from its header). */
  use(el: Element | null): void {
    if (el !== null) this.used.add(el);
  }

  /**
   * The number scope of the order form under `root` (number-scopes.ts formNumbers). When the
   * form's own figures make it unreadable (comma decimals on an English page, or both formats),
   * the reading says so: 'numberFormat' is missing, besides the fields that could not be read.
   */
  formNumbers(root: Element | null): NumberScope {
    const numbers = formNumbers(root, this.numberFormat);
    this.scopes.push(numbers);
    return numbers;
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
    return this.missing.length > 0 || this.scopes.some((numbers) => numbers.unreadable);
  }

  /**
   * The elements used outside `root`, outermost only (one inside another is observed with it);
   * undefined without a root: then everything is outside and the session watches the page.
   */
  private watched(root: Element | null): { watched?: Element[] } {
    if (root === null) return {};
    const outside = [...this.used].filter((el) => el.isConnected && !root.contains(el) && !el.contains(root));
    return { watched: outside.filter((el) => !outside.some((other) => other !== el && other.contains(el))) };
  }

  /** The keys read through a taught locator; left out when there are none. */
  private taughtKeys(): { taught?: string[] } {
    return this.taught.size > 0 ? { taught: [...this.taught] } : {};
  }

  unrecognised(root: Element | null = null): FormReading {
    if (this.scopes.some((numbers) => numbers.unreadable)) this.miss('numberFormat');
    const matched = { ...this.matched };
    return { status: 'unrecognised', missing: [...this.missing], matched, ...this.taughtKeys(), ...this.watched(root) };
  }

  /**
   * The reading: ok only when nothing was missing and the form passes the schema (its failing
   * path is then the missing key). `root` is the form root the reading was anchored on.
   */
  finish(form: OrderForm | null, root: Element | null = null): FormReading {
    if (form !== null && !this.failed) {
      const checked = checkOrderForm(form);
      if (checked.ok)
        return { status: 'ok', form, matched: { ...this.matched }, ...this.taughtKeys(), ...this.watched(root) };
      this.miss(checked.path);
    }
    if (!this.failed) this.miss('form');
    return this.unrecognised(root);
  }
}
