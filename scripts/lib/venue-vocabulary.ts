// The words with digits a venue's reader names (classes, ids, aria-controls values in its
// selectors), read from the venue folder's source: the fixture skeleton gives masked classes
// and ids back as the reader knows them (src/content/report/fill.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { vocabularyOf, type Vocabulary } from '../../src/content/report/fill';

export function venueVocabulary(rootDir: string, venue: string): Vocabulary {
  const folder = join(rootDir, 'src', 'venues', venue);
  const sources = readdirSync(folder)
    .filter((name) => name.endsWith('.ts'))
    .map((name) => readFileSync(join(folder, name), 'utf8'));
  return vocabularyOf(sources);
}
