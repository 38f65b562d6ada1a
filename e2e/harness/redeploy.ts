// Redeploys of the Kraken Pro fixture page (kraken-margin.html) as text rewrites of its HTML and
// script, served with mock.usePage(host, { html }): what a front-end release that renames things
// does to the order form, so that the built-in reader no longer finds its fields (teach mode, issue 14).
//   'a': the price and quantity inputs get new id prefixes (price-N → rate-N, volume-N → lot-N,
//        volumeInQuote-N → lotQuote-N) and new labels ("Limit price" → "Kurs", "Quantity" → "Stück");
//   'b': a later release: other prefixes and labels again, the fields' wrapper class renamed and each
//        input wrapped in one more element, so nothing a locator taught on 'a' could hold on to is left.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FIXTURE_PAGES_DIR } from '../mock/pages';

export type KrakenRelease = 'a' | 'b';

const RENAMES: Record<KrakenRelease, Array<[RegExp, string]>> = {
  a: [
    [/volumeInQuote-/g, 'lotQuote-'],
    [/volume-/g, 'lot-'],
    [/price-(\d|\$\{)/g, 'rate-$1'],
    [/>Limit price</g, '>Kurs<'],
    [/>Quantity</g, '>Stück<'],
  ],
  b: [
    [/volumeInQuote-/g, 'amtQuote-'],
    [/volume-/g, 'amt-'],
    [/price-(\d|\$\{)/g, 'px-$1'],
    [/>Limit price</g, '>Preisangabe<'],
    [/>Quantity</g, '>Anzahl<'],
    [/class="field"/g, 'class="input-shell"'],
    [/(<input id="(?:px|amt|amtQuote)-\d+"[^>]*\/>)/g, '<span class="slot">$1</span>'],
  ],
};

/** The Kraken gen-1 fixture page as release `release` of the exchange's front end would serve it. */
export function krakenRedeployed(release: KrakenRelease): string {
  let html = readFileSync(path.join(FIXTURE_PAGES_DIR, 'kraken-margin.html'), 'utf8');
  for (const [from, to] of RENAMES[release]) {
    if (html.search(from) < 0) throw new Error(`redeploy ${release}: ${from} no longer matches the fixture page`);
    html = html.replace(from, to);
  }
  return html;
}
