// The bundled data files (every .json under src/ except saved API answers in fixtures/ folders and
// the venues' about.json texts, which hold no figures) and the release check on their dates:
// each must carry a recognisable day (asOf, fetched or date: YYYY-MM-DD, a real calendar day) no
// more than RELEASE_MAX_FACT_DAYS old and not in the future. Used by tests/facts-age.test.ts.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { dayStart, factAgeDays } from '../../src/venues/facts-age';

export interface DataFile {
  path: string;
  json: unknown;
}

const DATE_FIELDS = ['asOf', 'fetched', 'date'] as const;
const NOT_FACTS = new Set(['about.json']);

export function bundledDataFiles(root: string): DataFile[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return name === 'fixtures' ? [] : walk(path);
      return name.endsWith('.json') && !NOT_FACTS.has(name) ? [path] : [];
    });
  return walk(join(root, 'src'))
    .sort()
    .map((path) => ({ path: relative(root, path), json: JSON.parse(readFileSync(path, 'utf8')) as unknown }));
}

/** The file's day, or null when none of the date fields holds a real YYYY-MM-DD day. */
export function dataFileDate(json: unknown): string | null {
  if (typeof json !== 'object' || json === null) return null;
  for (const field of DATE_FIELDS) {
    const value = (json as Record<string, unknown>)[field];
    if (typeof value === 'string' && dayStart(value) !== null) return value;
  }
  return null;
}

/** What is wrong with the files' dates at `now` (epoch ms), one line per file; [] when all are fine. */
export function factDateProblems(files: readonly DataFile[], now: number, maxDays: number): string[] {
  return files.flatMap(({ path, json }) => {
    const day = dataFileDate(json);
    if (day === null) return [`${path}: no recognisable date (${DATE_FIELDS.join(' / ')}: YYYY-MM-DD)`];
    const age = factAgeDays(day, now)!;
    if (age < 0) return [`${path}: dated ${day}, in the future`];
    return age > maxDays ? [`${path}: dated ${day}, ${age} days old (at most ${maxDays}): refresh it`] : [];
  });
}
