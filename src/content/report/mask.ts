// Digits out, words in. Everything a report keeps from the page passes through here: a digit
// may be a balance, a position size, an order id or a timestamp, so every one becomes '#'.
// Words are kept — labels, button texts, classes — because a reader is fixed by them.

/** Texts longer than this are cut: a label is short, a long text is content. */
const MAX_TEXT = 160;

/** An e-mail address (the account's login in a header or a menu) is private whatever its digits. */
const EMAIL = /[^\s@<>()"',;:]+@[^\s@<>()"',;:]+\.[^\s@<>()"',;:]+/gu;

export function maskDigits(text: string): string {
  // \p{Nd}: every script's decimal digits (Arabic-Indic, full-width…), not only 0-9.
  return text.replace(EMAIL, '[e-mail]').replace(/\p{Nd}/gu, '#');
}

/** A text as the trader sees it: whitespace collapsed, digits replaced, cut when long. */
export function maskedText(raw: string): string {
  return maskedRun(raw).trim();
}

/**
 * A text node's text, its edges kept as one space: the space between two elements separates
 * words a text match joins ("Wallet Balance" + " " + "1,000 USDT").
 */
export function maskedRun(raw: string): string {
  const text = maskDigits(raw.replace(/\s+/g, ' '));
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text;
}

/** Attributes kept with their (masked) values: what selectors and labels are made of. */
const KEPT = new Set([
  'id',
  'class',
  'role',
  'type',
  'name',
  'for',
  'placeholder',
  'title',
  'alt',
  'lang',
  'dir',
  'inputmode',
  'contenteditable',
]);

/** Kept with an empty value: their presence matters (a[href] is a link), their value may be private. */
const PRESENCE = new Set(['href', 'disabled', 'readonly', 'checked', 'selected', 'hidden', 'open', 'multiple']);

/** What becomes of one attribute: kept (masked), kept empty, a data-* name only, or dropped. */
export function attributeFate(name: string, value: string): { keep: string } | { dataName: true } | null {
  if (KEPT.has(name) || name.startsWith('aria-')) return { keep: maskedText(value) };
  if (PRESENCE.has(name)) return { keep: '' };
  if (name.startsWith('data-')) {
    // A value without digits is vocabulary (data-testid="order-price", data-state="open"); one
    // with digits is data (a price, an id, a time): its shape would tell a reader fix nothing.
    return /\p{Nd}/u.test(value) || value.length > MAX_TEXT ? { dataName: true } : { keep: maskDigits(value) };
  }
  return null;
}

/**
 * Tag names are the page's markup, not its data, but headings carry a digit: spelled out, so the
 * report keeps its one rule (no digit anywhere but the version). skeleton.ts spells them back.
 */
export const HEADING_TAGS: Readonly<Record<string, string>> = {
  h1: 'h-one',
  h2: 'h-two',
  h3: 'h-three',
  h4: 'h-four',
  h5: 'h-five',
  h6: 'h-six',
};

export function maskedTag(localName: string): string {
  return HEADING_TAGS[localName] ?? maskDigits(localName);
}
