// The bundled facts for the CLI and the engine bench, which run under tsx without Vite's glob:
// the same files (src/venues/<venue id>/facts.json and Binance's bracket bundle) read from disk
// and parsed by the same facts.ts as the extension's.
import { existsSync, readFileSync } from 'node:fs';
import type { FactsBook } from '../core/facts';
import { VENUES } from '../core/types';
import { factsBook } from '../venues/facts';

const VENUES_DIR = new URL('../venues/', import.meta.url);

const readJson = (path: string): unknown => JSON.parse(readFileSync(new URL(path, VENUES_DIR), 'utf8'));

let cached: FactsBook | undefined;

export function bundledFacts(): FactsBook {
  cached ??= factsBook(
    Object.fromEntries(
      VENUES.filter((venue) => existsSync(new URL(`${venue}/facts.json`, VENUES_DIR))).map((venue) => [
        venue,
        readJson(`${venue}/facts.json`),
      ]),
    ),
    readJson('binance-usdm/brackets.json'),
  );
  return cached;
}
