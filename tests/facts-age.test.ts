// Issue 16 item 7: a release never ships stale facts silently. Every bundled data file carries a
// date, and none is more than 180 days old today (the real clock: this test starts failing by
// itself when the facts age, which is the point). The checker's failure paths are proven with a
// fake clock, and the day arithmetic the quote's note uses is pinned.
import { describe, expect, it } from 'vitest';
import { dayStart, factAgeDays, oldFacts, RELEASE_MAX_FACT_DAYS } from '../src/venues/facts-age';
import { bundledDataFiles, dataFileDate, factDateProblems } from './helpers/fact-files';

const ROOT = new URL('../', import.meta.url).pathname;
const files = bundledDataFiles(ROOT);
const DAY = 86_400_000;
const at = (day: string, plusDays = 0): number => dayStart(day)! + plusDays * DAY + 12 * 3_600_000;

describe('bundled data files', () => {
  it('are found: every facts.json, the bracket snapshot and the contract values', () => {
    const paths = files.map((f) => f.path);
    for (const venue of ['binance-margin', 'binance-usdm', 'bybit-linear', 'hyperliquid', 'kraken-margin', 'okx-swap'])
      expect(paths).toContain(`src/venues/${venue}/facts.json`);
    expect(paths).toContain('src/venues/binance-usdm/brackets.json');
    expect(paths).toContain('src/venues/okx-swap/contract-values.json');
    expect(paths.some((p) => p.includes('/fixtures/') || p.endsWith('about.json'))).toBe(false);
  });

  it(`each has a date and none is older than ${RELEASE_MAX_FACT_DAYS} days today`, () => {
    expect(factDateProblems(files, Date.now(), RELEASE_MAX_FACT_DAYS)).toEqual([]);
  });
});

describe('the date check (fake clock)', () => {
  const file = (json: unknown) => ({ path: 'src/venues/x/facts.json', json });

  it('passes a file 180 days old and fails one 181 days old', () => {
    expect(factDateProblems([file({ asOf: '2026-01-01' })], at('2026-01-01', 180), 180)).toEqual([]);
    expect(factDateProblems([file({ asOf: '2026-01-01' })], at('2026-01-01', 181), 180)).toEqual([
      'src/venues/x/facts.json: dated 2026-01-01, 181 days old (at most 180): refresh it',
    ]);
  });

  it('fails every real bundled file once the clock is 181 days past its date', () => {
    const newest = files
      .map((f) => dataFileDate(f.json)!)
      .sort()
      .at(-1)!;
    expect(factDateProblems(files, at(newest, 181), 180)).toHaveLength(files.length);
  });

  it('fails a file without a recognisable date, an impossible day and a future day', () => {
    const now = at('2026-12-08');
    expect(factDateProblems([file({ source: 'x' })], now, 180)[0]).toMatch(/no recognisable date/);
    expect(factDateProblems([file({ asOf: '2026-02-30' })], now, 180)[0]).toMatch(/no recognisable date/);
    expect(factDateProblems([file({ asOf: '26-11-24' })], now, 180)[0]).toMatch(/no recognisable date/);
    expect(factDateProblems([file({ fetched: '2027-01-01' })], now, 180)[0]).toMatch(/in the future/);
    expect(factDateProblems([file({ date: '2026-12-01' })], now, 180)).toEqual([]);
  });
});

describe('fact age in days', () => {
  it('counts whole UTC days', () => {
    expect(factAgeDays('2026-11-24', Date.UTC(2026, 10, 24, 23, 59))).toBe(0);
    expect(factAgeDays('2026-11-24', Date.UTC(2027, 0, 3, 0, 0))).toBe(40);
    expect(factAgeDays('2026-13-01', Date.UTC(2027, 0, 3))).toBeNull();
  });

  it('a use is old after 30 days, each kind once', () => {
    const uses = [
      { kind: 'fees' as const, asOf: '2026-11-24' },
      { kind: 'fees' as const, asOf: '2026-11-24' },
      { kind: 'contractValue' as const, asOf: '2026-11-30' },
    ];
    expect(oldFacts(uses, at('2026-11-24', 30))).toEqual([]);
    expect(oldFacts(uses, at('2026-11-24', 31))).toEqual([{ kind: 'fees', asOf: '2026-11-24', ageDays: 31 }]);
    expect(oldFacts(uses, at('2026-11-30', 31)).map((f) => f.kind)).toEqual(['fees', 'contractValue']);
  });
});
