// Issue 16 item 3: every locale we ship has its store texts in _locales (name, a short description
// within Chrome's 132 characters, a long description), the generated listing of each says them,
// and the manifest's own description (the store's fallback summary) is within the same limit.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DESCRIPTION_MAX, listingTexts, renderListing, SHORT_DESCRIPTION_MAX } from '../scripts/privacy/listing';
import { shippedLocales } from '../scripts/privacy/sources';
import { composeManifest } from '../scripts/compose-manifest';

const locales = shippedLocales();
const manifests = [composeManifest('chrome'), composeManifest('firefox')];

describe('store listing texts', () => {
  it('cover every locale we ship (en and de at least)', () => {
    expect(locales.map((l) => l.locale)).toEqual(readdirSync(new URL('../_locales/', import.meta.url)).sort());
    expect(locales.map((l) => l.locale)).toEqual(expect.arrayContaining(['en', 'de']));
  });

  it.each(locales)('$locale: short ≤ 132, long present and within limits, both in the generated listing', (l) => {
    const texts = listingTexts(l.locale, l.messages);
    expect([...texts.storeShortDescription].length).toBeLessThanOrEqual(SHORT_DESCRIPTION_MAX);
    expect([...texts.storeDescription].length).toBeGreaterThan(400);
    expect([...texts.storeDescription].length).toBeLessThanOrEqual(DESCRIPTION_MAX);
    expect([...(l.messages['extDescription']?.message ?? '')].length).toBeLessThanOrEqual(SHORT_DESCRIPTION_MAX);
    const listing = renderListing(l.locale, l.messages, manifests);
    expect(listing).toContain(texts.storeShortDescription);
    expect(listing).toContain(texts.storeDescription);
  });

  it('de is not a copy of en', () => {
    const [de, en] = [locales.find((l) => l.locale === 'de')!, locales.find((l) => l.locale === 'en')!];
    expect(de.messages['storeDescription']?.message).not.toBe(en.messages['storeDescription']?.message);
  });

  it('refuses a missing or an over-long short description', () => {
    const en = locales.find((l) => l.locale === 'en')!.messages;
    const long = { ...en, storeShortDescription: { message: 'x'.repeat(SHORT_DESCRIPTION_MAX + 1) } };
    expect(() => listingTexts('en', long)).toThrow(/over 132/);
    const { storeDescription: _dropped, ...without } = en;
    expect(() => listingTexts('en', without)).toThrow(/storeDescription is missing/);
  });
});
