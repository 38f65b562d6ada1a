// Binance USDⓈ-M brackets of every symbol from the site's keyless web API: the saved answer in
// src/venues/binance-usdm/fixtures/api/brackets.json (BTCUSDT with the figures the bundle had,
// ETHUSDT, XRPUSDT and ADAUSDT illustrative) and spoiled copies of it. One bad row rejects the
// whole answer: the runner then keeps its older table, or the quote falls back to the bundle.
import { describe, expect, it } from 'vitest';
import { endpointUrl } from '../../../src/background/net/endpoints';
import { isAllowedUrl } from '../../../src/background/net/allowlist';
import { parseBrackets, parseBracketsAnswer } from '../../../src/venues/binance-usdm/brackets';
import { BRACKETS_REFRESH_MS, feed } from '../../../src/venues/binance-usdm/feed';
import { fixture } from '../../background/fakes';

type Json = any;
const answer = (): Json => structuredClone(fixture('binance-usdm', 'brackets.json'));
const URL_TEXT = 'https://www.binance.com/bapi/futures/v1/friendly/future/common/brackets';
/** The answer's data.version: "<ms>_4", the ms being 2026-11-24T08:00:00Z. */
const VERSION_MS = Date.UTC(2026, 10, 24, 8);

function rejected(spoil: (body: Json) => void): string {
  const body = answer();
  spoil(body);
  const parsed = parseBracketsAnswer(body);
  if (parsed.ok) throw new Error('accepted a spoiled answer');
  // The whole answer is refused, so no symbol gets a table from it, not even an untouched one.
  expect(parseBrackets(body, 'ADAUSDT').ok).toBe(false);
  return parsed.reason;
}

const btc = (body: Json): Json[] => body.data.brackets[0].riskBrackets;

describe('binance-usdm brackets: endpoint', () => {
  it('is one shared slow source, refreshed every few hours, at the exact allowlisted URL', () => {
    const source = feed.moreFacts?.find((s) => s.name === 'brackets');
    expect(source?.shared?.refreshMs).toBe(BRACKETS_REFRESH_MS);
    expect(BRACKETS_REFRESH_MS).toBeGreaterThanOrEqual(3_600_000);
    // The same URL for every symbol: one answer serves all markets.
    expect(endpointUrl('binance-usdm', 'facts:brackets', 'BTCUSDT')?.href).toBe(URL_TEXT);
    expect(endpointUrl('binance-usdm', 'facts:brackets', 'ETHUSDT')?.href).toBe(URL_TEXT);
  });

  it('allows that one path of www.binance.com and nothing else there', () => {
    expect(isAllowedUrl(new URL(URL_TEXT))).toBe(true);
    for (const other of [
      'https://www.binance.com/en/futures/BTCUSDT',
      'https://www.binance.com/bapi/futures/v1/friendly/future/common/brackets/x',
      'https://www.binance.com/bapi/futures/v1/friendly/delivery/common/brackets',
      'https://www.binance.com/bapi/accounts/v1/private/account/user/base-detail',
      'http://www.binance.com/bapi/futures/v1/friendly/future/common/brackets',
    ])
      expect(isAllowedUrl(new URL(other)), other).toBe(false);
  });
});

describe('binance-usdm brackets: the saved answer', () => {
  it('gives every symbol its table, the amounts as Binance publishes them', () => {
    const parsed = parseBracketsAnswer(answer());
    if (!parsed.ok) throw new Error(parsed.reason);
    expect([...parsed.book.symbols.keys()]).toEqual(['BTCUSDT', 'ETHUSDT', 'XRPUSDT', 'ADAUSDT']);
    expect(parsed.book.versionTime).toBe(VERSION_MS);
    const rows = parsed.book.symbols.get('BTCUSDT')!;
    expect(rows).toHaveLength(10);
    expect(rows[0]).toEqual({
      floor: '0',
      cap: '50000',
      maintenanceMarginRate: '0.004',
      maintenanceAmount: '0',
      maxLeverage: '125',
    });
    // cum of bracket 3 = 50 + 250,000 × (0.01 − 0.005) = 1,300.
    expect(rows[2]).toEqual({
      floor: '250000',
      cap: '1000000',
      maintenanceMarginRate: '0.01',
      maintenanceAmount: '1300',
      maxLeverage: '50',
    });
    expect(rows[9]?.cap).toBe('500000000');
    expect(parsed.book.symbols.get('XRPUSDT')).toEqual(parsed.book.symbols.get('ADAUSDT'));
  });

  it('one symbol: its tier table and its highest leverage, dated by the answer version', () => {
    const parsed = parseBrackets(answer(), 'ETHUSDT');
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.figures).toEqual({ maxLeverage: { value: '100', exchangeTime: VERSION_MS } });
    expect(parsed.tiers?.basis).toBe('notional');
    expect(parsed.tiers?.rows.map((r) => [r.floor, r.cap, r.maintenanceMarginRate, r.maintenanceAmount])).toEqual([
      ['0', '50000', '0.005', '0'],
      ['50000', '250000', '0.0065', '75'],
      ['250000', '1000000', '0.01', '950'],
      ['1000000', '5000000', '0.02', '10950'],
      ['5000000', '10000000', '0.05', '160950'],
    ]);
  });

  it('a symbol the table does not list (newly listed: the table lags) is not invented', () => {
    const parsed = parseBrackets(answer(), 'NEWCOINUSDT');
    expect(parsed).toEqual({ ok: false, reason: "NEWCOINUSDT is not in Binance's bracket table yet" });
  });

  it('reads figures written as decimal strings the same as numbers', () => {
    const body = answer();
    for (const row of btc(body)) {
      for (const key of [
        'bracketNotionalFloor',
        'bracketNotionalCap',
        'bracketMaintenanceMarginRate',
        'cumFastMaintenanceAmount',
      ])
        row[key] = String(row[key]);
    }
    const asText = parseBrackets(body, 'BTCUSDT');
    expect(asText).toEqual(parseBrackets(answer(), 'BTCUSDT'));
  });
});

describe('binance-usdm brackets: any malformed row rejects the whole answer', () => {
  it('an error envelope or a missing table', () => {
    expect(
      rejected((b) => {
        b.code = '100001';
        b.success = false;
      }),
    ).toMatch(/code/);
    expect(
      rejected((b) => {
        delete b.data.brackets;
      }),
    ).toMatch(/data\.brackets is not an array/);
    expect(
      rejected((b) => {
        b.data.brackets = [];
      }),
    ).toMatch(/0 symbols/);
  });

  it('a missing field, a wrong type, a symbol listed twice or not a symbol', () => {
    expect(
      rejected((b) => {
        delete btc(b)[4].bracketMaintenanceMarginRate;
      }),
    ).toMatch(/riskBrackets\[4\]\.bracketMaintenanceMarginRate/);
    expect(
      rejected((b) => {
        btc(b)[1].cumFastMaintenanceAmount = null;
      }),
    ).toMatch(/cumFastMaintenanceAmount/);
    expect(
      rejected((b) => {
        btc(b)[1].bracketNotionalCap = '2.5e5';
      }),
    ).toMatch(/bracketNotionalCap/);
    expect(
      rejected((b) => {
        b.data.brackets[3].symbol = 'ETHUSDT';
      }),
    ).toMatch(/ETHUSDT twice/);
    expect(
      rejected((b) => {
        b.data.brackets[3].symbol = 'ada/usdt';
      }),
    ).toMatch(/not a futures symbol/);
    expect(
      rejected((b) => {
        b.data.brackets[2].riskBrackets = [];
      }),
    ).toMatch(/0 rows/);
  });

  it('brackets out of order, with a gap, or an empty band', () => {
    expect(
      rejected((b) => {
        btc(b)[2].bracketSeq = 4;
      }),
    ).toMatch(/bracketSeq is not 3/);
    expect(
      rejected((b) => {
        btc(b)[3].bracketNotionalFloor = 1_500_000;
      }),
    ).toMatch(/riskBrackets\[3\]\.bracketNotionalFloor leaves a gap/);
    expect(
      rejected((b) => {
        btc(b)[0].bracketNotionalFloor = 100;
      }),
    ).toMatch(/riskBrackets\[0\]\.bracketNotionalFloor/);
    expect(
      rejected((b) => {
        btc(b)[0].bracketNotionalCap = 0;
      }),
    ).toMatch(/bracketNotionalCap is out of range/);
  });

  it('rates in percent, falling rates, rising leverage, leverage bounds crossed', () => {
    expect(
      rejected((b) => {
        btc(b)[9].bracketMaintenanceMarginRate = 50;
      }),
    ).toMatch(/fraction below 1/);
    expect(
      rejected((b) => {
        btc(b)[2].bracketMaintenanceMarginRate = 0.003;
      }),
    ).toMatch(/falls/);
    expect(
      rejected((b) => {
        btc(b)[1].maxOpenPosLeverage = 150;
      }),
    ).toMatch(/maxOpenPosLeverage rises/);
    expect(
      rejected((b) => {
        btc(b)[1].minOpenPosLeverage = 120;
      }),
    ).toMatch(/minOpenPosLeverage is above/);
    expect(
      rejected((b) => {
        btc(b)[1].maxOpenPosLeverage = 12.5;
      }),
    ).toMatch(/leverage of 1–2000/);
  });

  it('a maintenance amount that disagrees with the table (cum_n = cum_n−1 + floor_n × ΔMMR)', () => {
    // Bracket 2: 0 + 50,000 × (0.005 − 0.004) = 50; 51 is not Binance's rule.
    expect(
      rejected((b) => {
        btc(b)[1].cumFastMaintenanceAmount = 51;
      }),
    ).toMatch(/riskBrackets\[1\]\.cumFastMaintenanceAmount disagrees/);
    expect(
      rejected((b) => {
        btc(b)[0].cumFastMaintenanceAmount = 1;
      }),
    ).toMatch(/riskBrackets\[0\]\.cumFastMaintenanceAmount disagrees/);
  });
});
