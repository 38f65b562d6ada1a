// Bundled venue facts (src/venues/<venue>/facts.json): format and plausibility. A malformed
// or inconsistent file should fail here in CI, not in a trader's quote.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Dec } from '../src/core/decimal';
import { VENUES } from '../src/core/types';
import bracketBundle from '../src/venues/binance-usdm/brackets.json';
import { RAW_FACTS, bundledFacts } from '../src/venues/bundled-facts';
import { parseVenueFacts, withBracketBundle } from '../src/venues/facts';

type Json = Record<string, unknown>;

const VENUES_DIR = fileURLToPath(new URL('../src/venues/', import.meta.url));

/** Every facts.json on disk, by folder name. */
const FILES = readdirSync(VENUES_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => ({ folder: entry.name, file: join(VENUES_DIR, entry.name, 'facts.json') }))
  .filter(({ file }) => {
    try {
      readFileSync(file);
      return true;
    } catch {
      return false;
    }
  })
  .map(({ folder, file }) => ({ folder, file, text: readFileSync(file, 'utf8') }));

/** The venue id whose RAW_FACTS entry has the same content as this file. */
function venueOfFile(text: string): string | undefined {
  const content = JSON.parse(text) as unknown;
  return Object.entries(RAW_FACTS).find(([, raw]) => JSON.stringify(raw) === JSON.stringify(content))?.[0];
}

// Tier conventions: cumulative maintenance amounts (Binance, Bybit, Hyperliquid) versus the
// whole-position rate with no amount (OKX).
const WHOLE_POSITION_VENUES = new Set(['okx-swap']);

interface TierRow {
  notionalFloor: string;
  notionalCap?: string;
  maintenanceMarginRate: string;
  maintenanceAmount?: string;
  maxLeverage?: string;
}

/** Every tier table in a venue's raw facts: defaults and each symbol. */
function tierTables(raw: Json): { where: string; tiers: TierRow[] }[] {
  const tables: { where: string; tiers: TierRow[] }[] = [];
  const defaults = raw.defaults as Json | undefined;
  if (defaults?.tiers) tables.push({ where: 'defaults', tiers: defaults.tiers as TierRow[] });
  for (const [symbol, facts] of Object.entries((raw.symbols ?? {}) as Record<string, Json>)) {
    if (facts.tiers) tables.push({ where: `symbols.${symbol}`, tiers: facts.tiers as TierRow[] });
  }
  return tables;
}

function dec(value: string | undefined): Dec {
  if (value === undefined) throw new Error('missing number');
  return new Dec(value);
}

/** Deep copy with Dec values as plain strings, for comparing parsed facts. */
function plain(value: unknown): unknown {
  if (value instanceof Dec) return `Dec(${value.toFixed()})`;
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  return value;
}

describe('bundled facts files', () => {
  it('one facts.json per venue, each imported into RAW_FACTS', () => {
    expect(Object.keys(RAW_FACTS).sort()).toEqual([...VENUES].sort());
    expect(FILES.length).toBe(VENUES.length);
    const mapped = FILES.map(({ text }) => venueOfFile(text));
    expect(
      mapped.every((v) => v !== undefined),
      `files not in RAW_FACTS: ${FILES.filter((_, i) => !mapped[i])
        .map((f) => f.folder)
        .join(', ')}`,
    ).toBe(true);
    expect(new Set(mapped).size).toBe(VENUES.length);
  });

  it('bundledFacts() parses all of them', () => {
    const book = bundledFacts();
    for (const venue of VENUES) expect(book[venue], venue).toBeDefined();
  });
});

describe.each(FILES.map((f) => [f.folder, f] as const))('%s/facts.json', (_folder, { text }) => {
  const raw = JSON.parse(text) as Json;
  const venue = venueOfFile(text) ?? 'unknown';

  it('parses with parseVenueFacts', () => {
    expect(() => parseVenueFacts(raw, venue)).not.toThrow();
  });

  it('has a YYYY-MM-DD asOf that is a real calendar date, and a source', () => {
    expect(raw.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const date = new Date(`${raw.asOf as string}T00:00:00Z`);
    expect(Number.isNaN(date.getTime())).toBe(false);
    expect(date.toISOString().slice(0, 10)).toBe(raw.asOf);
    expect(raw.source).toBeTypeOf('string');
    expect((raw.source as string).trim().length).toBeGreaterThanOrEqual(10);
  });

  it('fee rates are fractions in [0, 0.01)', () => {
    for (const key of ['takerFeeRate', 'makerFeeRate'] as const) {
      expect(raw[key], key).toBeTypeOf('string');
      const rate = new Dec(raw[key] as string);
      expect(rate.greaterThanOrEqualTo(0) && rate.lessThan('0.01'), `${key} = ${rate.toFixed()}`).toBe(true);
    }
    const parsed = parseVenueFacts(raw, venue);
    expect(parsed.makerFeeRate.lessThanOrEqualTo(parsed.takerFeeRate), 'maker fee above taker fee').toBe(true);
  });

  const tables = tierTables(raw);

  it('tier tables: start at 0, sorted, contiguous, only the last open-ended', () => {
    for (const { where, tiers } of tables) {
      expect(tiers.length, where).toBeGreaterThan(0);
      expect(dec(tiers[0]!.notionalFloor).isZero(), `${where}[0].notionalFloor`).toBe(true);
      tiers.forEach((row, i) => {
        const at = `${where}[${i}]`;
        const floor = dec(row.notionalFloor);
        if (row.notionalCap !== undefined)
          expect(dec(row.notionalCap).greaterThan(floor), `${at} cap > floor`).toBe(true);
        else expect(i, `${at} open-ended but not last`).toBe(tiers.length - 1);
        if (i > 0) {
          const previous = tiers[i - 1]!;
          expect(previous.notionalCap, `${at} follows an open-ended tier`).toBeDefined();
          expect(
            dec(previous.notionalCap).equals(floor),
            `${at}.notionalFloor ${row.notionalFloor} ≠ previous cap ${previous.notionalCap}`,
          ).toBe(true);
        }
      });
    }
  });

  it('tier tables: maintenance rates strictly increase, maxLeverage never increases', () => {
    for (const { where, tiers } of tables) {
      tiers.forEach((row, i) => {
        const at = `${where}[${i}]`;
        const rate = dec(row.maintenanceMarginRate);
        expect(rate.greaterThan(0) && rate.lessThan(1), `${at} rate ${rate.toFixed()}`).toBe(true);
        if (row.maxLeverage !== undefined) {
          // Maintenance below initial margin, or a max-leverage position would open already liquidated.
          expect(rate.lessThan(new Dec(1).div(dec(row.maxLeverage))), `${at} rate ≥ 1 / maxLeverage`).toBe(true);
        }
        if (i === 0) return;
        const previous = tiers[i - 1]!;
        expect(rate.greaterThan(dec(previous.maintenanceMarginRate)), `${at} rate not above the previous tier's`).toBe(
          true,
        );
        if (row.maxLeverage !== undefined && previous.maxLeverage !== undefined) {
          expect(dec(row.maxLeverage).lessThanOrEqualTo(dec(previous.maxLeverage)), `${at} maxLeverage rises`).toBe(
            true,
          );
        }
      });
    }
  });

  it('tier tables: given maintenanceAmount follows the venue convention', () => {
    for (const { where, tiers } of tables) {
      let previousRate = new Dec(0);
      let previousAmount = new Dec(0);
      tiers.forEach((row, i) => {
        const at = `${where}[${i}].maintenanceAmount`;
        const rate = dec(row.maintenanceMarginRate);
        // amount_n = floor_n × (MMR_n − MMR_{n−1}) + amount_{n−1}; amount_0 = 0.
        const expected = WHOLE_POSITION_VENUES.has(venue)
          ? new Dec(0)
          : i === 0
            ? new Dec(0)
            : dec(row.notionalFloor).times(rate.minus(previousRate)).plus(previousAmount);
        const amount = row.maintenanceAmount === undefined ? expected : dec(row.maintenanceAmount);
        expect(amount.toFixed(), at).toBe(expected.toFixed());
        previousRate = rate;
        previousAmount = amount;
      });
    }
  });

  it('symbol maxLeverage does not exceed its first tier', () => {
    for (const [symbol, facts] of Object.entries((raw.symbols ?? {}) as Record<string, Json>)) {
      const tiers = facts.tiers as TierRow[] | undefined;
      const first = tiers?.[0]?.maxLeverage;
      if (facts.maxLeverage === undefined || first === undefined) continue;
      expect(dec(facts.maxLeverage as string).lessThanOrEqualTo(dec(first)), symbol).toBe(true);
    }
  });

  if (venue === 'hyperliquid') {
    it('Hyperliquid: maintenance rate = 1 / (2 × max leverage) in every tier', () => {
      for (const { where, tiers } of tables) {
        tiers.forEach((row, i) => {
          const implied = new Dec(1).div(dec(row.maxLeverage).times(2));
          const diff = dec(row.maintenanceMarginRate).minus(implied).abs();
          expect(diff.lessThan('1e-30'), `${where}[${i}]: ${row.maintenanceMarginRate} vs ${implied.toFixed()}`).toBe(
            true,
          );
        });
      }
    });
  }

  it('JSON round trip keeps the content and the parsed facts', () => {
    const again = JSON.parse(JSON.stringify(JSON.parse(text))) as unknown;
    expect(again).toEqual(raw);
    expect(again).toEqual(RAW_FACTS[venue as keyof typeof RAW_FACTS]);
    expect(plain(parseVenueFacts(again, venue))).toEqual(plain(parseVenueFacts(raw, venue)));
  });
});

describe('parseVenueFacts rejects malformed copies', () => {
  // Binance USD-M has the richest facts (fees, defaults, a 10-row tier table from its bracket bundle).
  const venue = 'binance-usdm';
  const expandedCopy = (): Json =>
    JSON.parse(JSON.stringify(withBracketBundle(RAW_FACTS[venue], bracketBundle))) as Json;

  it('accepts the unmodified copy', () => {
    expect(() => parseVenueFacts(expandedCopy(), venue)).not.toThrow();
  });

  it('an unknown top-level key', () => {
    const bad = { ...expandedCopy(), takerFee: '0.0005' };
    expect(() => parseVenueFacts(bad, venue)).toThrow(/takerFee.*unknown key/);
  });

  it('an unknown key in a symbol', () => {
    const bad = expandedCopy();
    ((bad.symbols as Json).BTCUSDT as Json).maxLeverge = '125';
    expect(() => parseVenueFacts(bad, venue)).toThrow(/maxLeverge.*unknown key/);
  });

  it('an unknown key in the defaults', () => {
    const bad = expandedCopy();
    (bad.defaults as Json).fundingInterval = '8';
    expect(() => parseVenueFacts(bad, venue)).toThrow(/unknown key/);
  });

  it('an unknown key in a tier row (a typo must not silently derive the amount)', () => {
    const bad = expandedCopy();
    const row = (((bad.symbols as Json).BTCUSDT as Json).tiers as Json[])[1] as Json;
    row.maintenanceAmmount = row.maintenanceAmount;
    delete row.maintenanceAmount;
    expect(() => parseVenueFacts(bad, venue)).toThrow(/maintenanceAmmount.*unknown key/);
  });

  it('maintenance rates that fall from one tier to the next', () => {
    const bad = expandedCopy();
    ((((bad.symbols as Json).BTCUSDT as Json).tiers as Json[])[2] as Json).maintenanceMarginRate = '0.001';
    expect(() => parseVenueFacts(bad, venue)).toThrow(/rise/);
  });

  it('a negative fee', () => {
    const bad = { ...expandedCopy(), takerFeeRate: '-0.0001' };
    expect(() => parseVenueFacts(bad, venue)).toThrow(/takerFeeRate/);
  });

  it('a fee given as a JSON number instead of a decimal string', () => {
    const bad = { ...expandedCopy(), makerFeeRate: 0.0002 };
    expect(() => parseVenueFacts(bad, venue)).toThrow(/makerFeeRate/);
  });

  it('a fee that is not a number', () => {
    const bad = { ...expandedCopy(), makerFeeRate: 'NaN' };
    expect(() => parseVenueFacts(bad, venue)).toThrow(/makerFeeRate/);
  });

  it('a tier gap', () => {
    const bad = expandedCopy();
    const tiers = ((bad.symbols as Json).BTCUSDT as Json).tiers as TierRow[];
    tiers[3]!.notionalFloor = '1500000';
    expect(() => parseVenueFacts(bad, venue)).toThrow(/tiers\[3\]\.notionalFloor/);
  });

  it('a tier table not starting at 0', () => {
    const bad = expandedCopy();
    const tiers = ((bad.symbols as Json).BTCUSDT as Json).tiers as TierRow[];
    tiers[0]!.notionalFloor = '100';
    expect(() => parseVenueFacts(bad, venue)).toThrow(/tiers\[0\]\.notionalFloor/);
  });

  it('an empty tier table', () => {
    const bad = expandedCopy();
    ((bad.symbols as Json).BTCUSDT as Json).tiers = [];
    expect(() => parseVenueFacts(bad, venue)).toThrow(/tiers/);
  });

  it('a maintenance rate of 1 or more', () => {
    const bad = expandedCopy();
    const tiers = ((bad.symbols as Json).BTCUSDT as Json).tiers as TierRow[];
    tiers[9]!.maintenanceMarginRate = '1';
    expect(() => parseVenueFacts(bad, venue)).toThrow(/maintenanceMarginRate/);
  });

  it('an asOf that is not YYYY-MM-DD', () => {
    expect(() => parseVenueFacts({ ...expandedCopy(), asOf: '24.11.2026' }, venue)).toThrow(/asOf/);
  });

  it('a missing source', () => {
    const bad = expandedCopy();
    delete bad.source;
    expect(() => parseVenueFacts(bad, venue)).toThrow(/source/);
  });
});
