// Binance USDⓈ-M brackets offline: the dictionary-encoded bundle (brackets.json), the script that
// writes it from a saved answer of the bracket endpoint, and what a quote does with a live table,
// the bundle, or neither (refused, as before). Expected liquidation prices are worked out by hand
// from formulas.md §2.1 (one-way isolated long: LP = (WB + cum − Q·EP) / (Q·(MMR − 1))).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../../src/core/decimal';
import { quoteSides } from '../../../src/venues/quote-sides';
import { DEFAULT_SETTINGS } from '../../../src/settings/settings';
import { decodeBrackets, encodeBrackets } from '../../../src/venues/binance-usdm/bracket-bundle';
import { parseBrackets, parseBracketsAnswer, type BracketBook } from '../../../src/venues/binance-usdm/brackets';
import shipped from '../../../src/venues/binance-usdm/brackets.json';
import savedAnswer from '../../../src/venues/binance-usdm/fixtures/api/brackets.json';
import { RAW_FACTS, bundledFacts } from '../../../src/venues/bundled-facts';
import { withBracketBundle } from '../../../src/venues/facts';
import type { MarketSnapshot, OrderForm } from '../../../src/venues/types';

type Json = any;
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function book(): BracketBook {
  const parsed = parseBracketsAnswer(structuredClone(savedAnswer));
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.book;
}

describe('bracket bundle format', () => {
  it('writes each distinct table once; symbols sharing a table point to the same index', () => {
    const bundle = encodeBrackets(book(), '2026-11-24', 'saved answer of the bracket endpoint');
    expect(bundle.tables).toHaveLength(3);
    expect(Object.keys(bundle.symbols)).toEqual(['ADAUSDT', 'BTCUSDT', 'ETHUSDT', 'XRPUSDT']);
    expect(bundle.symbols.ADAUSDT).toBe(bundle.symbols.XRPUSDT);
    expect(new Set(Object.values(bundle.symbols)).size).toBe(3);
  });

  it("decodes to every symbol's table as the live parser read it, with the first bracket's leverage", () => {
    const parsed = book();
    const decoded = decodeBrackets(
      JSON.parse(JSON.stringify(encodeBrackets(parsed, '2026-11-24', 'saved answer of the bracket endpoint'))),
    );
    for (const [symbol, rows] of parsed.symbols) {
      expect(decoded.symbols[symbol]?.tiers).toEqual(
        rows.map((r) => ({
          notionalFloor: r.floor,
          notionalCap: r.cap,
          maintenanceMarginRate: r.maintenanceMarginRate,
          maintenanceAmount: r.maintenanceAmount,
          maxLeverage: r.maxLeverage,
        })),
      );
    }
    expect(decoded.symbols.BTCUSDT?.maxLeverage).toBe('125');
    expect(decoded.symbols.XRPUSDT?.maxLeverage).toBe('75');
  });

  it('refuses a bundle that points nowhere, carries a stray table, or rows not of five decimal strings', () => {
    const good = (): Json =>
      JSON.parse(JSON.stringify(encodeBrackets(book(), '2026-11-24', 'saved answer of the bracket endpoint')));
    const spoiled = (spoil: (b: Json) => void): Json => {
      const b = good();
      spoil(b);
      return b;
    };
    expect(() => decodeBrackets(good())).not.toThrow();
    expect(() =>
      decodeBrackets(
        spoiled((b) => {
          b.symbols.ETHUSDT = 7;
        }),
      ),
    ).toThrow(/ETHUSDT points to no table/);
    expect(() =>
      decodeBrackets(
        spoiled((b) => {
          b.tables.push(b.tables[0]);
        }),
      ),
    ).toThrow(/used by no symbol/);
    expect(() =>
      decodeBrackets(
        spoiled((b) => {
          b.tables[0][1] = b.tables[0][1].slice(0, 4);
        }),
      ),
    ).toThrow(/five decimal strings/);
    expect(() =>
      decodeBrackets(
        spoiled((b) => {
          b.tables[0][1][2] = 0.015;
        }),
      ),
    ).toThrow(/five decimal strings/);
    expect(() =>
      decodeBrackets(
        spoiled((b) => {
          b.format = 2;
        }),
      ),
    ).toThrow(/format/);
    expect(() =>
      decodeBrackets(
        spoiled((b) => {
          b.asOf = 'today';
        }),
      ),
    ).toThrow(/asOf/);
  });
});

describe('the shipped bundle', () => {
  it('holds only the BTCUSDT table we already had, dated 2026-11-24 like the venue facts', () => {
    const decoded = decodeBrackets(shipped);
    expect(decoded.asOf).toBe('2026-11-24');
    expect(decoded.asOf).toBe((RAW_FACTS['binance-usdm'] as { asOf: string }).asOf);
    expect(Object.keys(decoded.symbols)).toEqual(['BTCUSDT']);
    // The figures bundled before this change, row by row (floor, cap, MMR, cum, leverage).
    expect(
      decoded.symbols.BTCUSDT?.tiers.map((t) => [
        t.notionalFloor,
        t.notionalCap,
        t.maintenanceMarginRate,
        t.maintenanceAmount,
        t.maxLeverage,
      ]),
    ).toEqual([
      ['0', '50000', '0.004', '0', '125'],
      ['50000', '250000', '0.005', '50', '100'],
      ['250000', '1000000', '0.01', '1300', '50'],
      ['1000000', '10000000', '0.025', '16300', '20'],
      ['10000000', '20000000', '0.05', '266300', '10'],
      ['20000000', '50000000', '0.1', '1266300', '5'],
      ['50000000', '100000000', '0.125', '2516300', '4'],
      ['100000000', '200000000', '0.15', '5016300', '3'],
      ['200000000', '300000000', '0.25', '25016300', '2'],
      ['300000000', '500000000', '0.5', '100016300', '1'],
    ]);
  });

  it("reaches the engine's facts as BTCUSDT's tiers and leverage", () => {
    const facts = bundledFacts()['binance-usdm']!;
    expect(facts.symbols.BTCUSDT?.maxLeverage?.toFixed()).toBe('125');
    expect(facts.symbols.BTCUSDT?.tiers?.[2]?.maintenanceAmount?.toFixed()).toBe('1300');
    expect(facts.symbols.ETHUSDT).toBeUndefined();
  });

  it('is refused when it disagrees with facts.json: another date, or a symbol given in both', () => {
    const raw = RAW_FACTS['binance-usdm'] as Json;
    expect(() => withBracketBundle(raw, { ...shipped, asOf: '2026-12-01' })).toThrow(/asOf 2026-12-01 differs/);
    expect(() => withBracketBundle({ ...raw, symbols: { BTCUSDT: { maxLeverage: '125' } } }, shipped)).toThrow(
      /BTCUSDT.*in facts\.json and in brackets\.json/,
    );
  });
});

describe('scripts/update-binance-brackets.mjs', () => {
  it("turns a saved answer into a bundle the facts load, dated by the answer's version, and states its gzip size", () => {
    const dir = mkdtempSync(join(tmpdir(), 'brackets-'));
    try {
      const out = join(dir, 'brackets.json');
      const said = execFileSync(
        process.execPath,
        ['scripts/update-binance-brackets.mjs', 'src/venues/binance-usdm/fixtures/api/brackets.json', '--out', out],
        { cwd: ROOT, encoding: 'utf8' },
      );
      expect(said).toMatch(/4 symbols, 3 distinct tables \(19 rows\), asOf 2026-11-24/);
      expect(said).toMatch(/\d+ bytes, \d+ bytes gzipped/);
      const written = JSON.parse(readFileSync(out, 'utf8')) as unknown;
      expect(written).toEqual(
        JSON.parse(JSON.stringify(encodeBrackets(book(), '2026-11-24', (written as Json).source))),
      );
      const facts = withBracketBundle(RAW_FACTS['binance-usdm'], written) as Json;
      expect(Object.keys(facts.symbols).sort()).toEqual(['ADAUSDT', 'BTCUSDT', 'ETHUSDT', 'XRPUSDT']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);

  it('refuses an answer the live parser would refuse, and writes nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'brackets-'));
    try {
      const bad = structuredClone(savedAnswer) as Json;
      bad.data.brackets[1].riskBrackets[1].cumFastMaintenanceAmount = 76;
      const input = join(dir, 'answer.json');
      execFileSync(process.execPath, [
        '-e',
        `require('fs').writeFileSync(${JSON.stringify(input)}, ${JSON.stringify(JSON.stringify(bad))})`,
      ]);
      let failure: { status?: number; stderr?: string } = {};
      try {
        execFileSync(process.execPath, ['scripts/update-binance-brackets.mjs', input, '--out', join(dir, 'out.json')], {
          cwd: ROOT,
          encoding: 'utf8',
          stdio: 'pipe',
        });
      } catch (error) {
        failure = error as typeof failure;
      }
      expect(failure.status).toBe(1);
      expect(failure.stderr).toMatch(/cumFastMaintenanceAmount disagrees/);
      expect(() => readFileSync(join(dir, 'out.json'))).toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});

describe('quoting a symbol by its brackets', () => {
  const NOW = 1_800_000_000_000;
  const form = (symbol: string): OrderForm => ({
    venue: 'binance-usdm',
    symbol,
    side: 'long',
    type: 'limit',
    marginMode: 'isolated',
    price: '3000',
    size: { unit: 'base', value: '20' },
    leverage: '10',
    marginEnabled: true,
    stopLoss: null,
    takeProfit: null,
    availableBalance: null,
  });
  const snapshot = (symbol: string, withTable: boolean): MarketSnapshot => {
    const parsed = parseBrackets(structuredClone(savedAnswer), symbol);
    const snap: MarketSnapshot = {
      venue: 'binance-usdm',
      symbol,
      figures: { markPrice: { value: '3000', receivedAt: NOW, exchangeTime: null, source: 'rest' } },
      status: 'live',
      lastError: null,
    };
    if (withTable && parsed.ok && parsed.tiers)
      snap.tiers = { table: parsed.tiers, receivedAt: NOW - 3_600_000, source: 'rest' };
    return snap;
  };

  it('ETHUSDT with the live table: bracket 2 (60,000 notional), LP = (6,000 + 75 − 60,000) / (20 × (0.0065 − 1))', () => {
    const [quote] = quoteSides(form('ETHUSDT'), snapshot('ETHUSDT', true), DEFAULT_SETTINGS, NOW);
    expect(quote?.plan.tiers).toBe('live');
    const result = quote?.result as Json;
    const expected = new Dec(6_000)
      .plus(75)
      .minus(60_000)
      .div(new Dec(20).times(new Dec('0.0065').minus(1)));
    expect(new Dec(result.liquidationPrice).minus(expected).abs().lessThan('1e-9')).toBe(true);
    expect(expected.toFixed(4)).toBe('2713.8903');
    // MM at the mark: 60,000 × 0.0065 − 75 = 315; the liquidation notional 54,277.8 stays in bracket 2.
    expect(result.maintenanceMargin).toBe('315');
    expect(result.assumptions.some((a: string) => /tiers from bundled/.test(a))).toBe(false);
  });

  it('BTCUSDT without a live table falls back to the bundle and says so', () => {
    const [quote] = quoteSides(
      { ...form('BTCUSDT'), price: '60000', size: { unit: 'base', value: '1' } },
      snapshot('BTCUSDT', false),
      DEFAULT_SETTINGS,
      NOW,
    );
    expect(quote?.plan.tiers).toBe('none');
    const result = quote?.result as Json;
    // Bracket 2 (60,000): LP = (6,000 + 50 − 60,000) / (1 × (0.005 − 1)) = 54,221.1055…
    expect(new Dec(result.liquidationPrice).toFixed(4)).toBe(new Dec(-53_950).div('-0.995').toFixed(4));
    expect(result.assumptions).toContain('maintenance tiers from bundled binance-usdm BTCUSDT facts dated 2026-11-24');
  });

  it('a symbol in neither the live table nor the bundle is refused, as before', () => {
    const [quote] = quoteSides(form('ETHUSDT'), snapshot('ETHUSDT', false), DEFAULT_SETTINGS, NOW);
    expect((quote?.result as Json).error.code).toBe('MISSING_FIELD');
    expect((quote?.result as Json).error.message).toMatch(/no bundled binance-usdm tier table for ETHUSDT/);
  });
});
