// Every generated file and its text: PRIVACY.md and store/listing.<locale>.md. The script
// writes them; tests/privacy.test.ts regenerates and compares with what is committed.
import { renderListing } from './listing';
import { renderPrivacy } from './render';
import { privacySources, shippedLocales } from './sources';

export async function generatedFiles(): Promise<Array<{ path: string; text: string }>> {
  const sources = await privacySources();
  return [
    { path: 'PRIVACY.md', text: renderPrivacy(sources) },
    ...shippedLocales().map(({ locale, messages }) => ({
      path: `store/listing.${locale}.md`,
      text: renderListing(locale, messages, sources.manifests),
    })),
  ];
}
