// Binance spot-margin borrow rates from the public web API the site's rate page uses (no key; the
// signed /sapi rate endpoints need one). Two tables, each one answer for every asset or pair:
//   cross    GET https://www.binance.com/bapi/margin/v1/friendly/margin/vip/spec/list-all
//            data[] = { assetName, specs[] = { vipLevel, dailyInterestRate, borrowLimit } }
//   isolated GET https://www.binance.com/bapi/margin/v1/friendly/isolated-margin/pair/vip-level
//            data[] = { base, quote: { assetName, levelDetails[] = { level, interestRate, maxBorrowable } } }
// Rates are daily; Binance charges daily ÷ 24 every hour (formulas.md §3.5). The VIP 0 row is
// the one every account without a VIP level pays; a VIP account pays less, so the figure is an
// upper bound for it. A long borrows the quote asset, a short the base asset.
// Each table is checked whole: a malformed row rejects the answer, and the quote falls back to
// the bundled, dated example rates (and says so) rather than use half a table.
import { Dec } from '../../core/decimal';
import { decimalString, memoByBody } from '../feed-parse';
import { arr, attempt, fail, obj, str } from '../../schema';
import type { FigureUpdates, ParseResult } from '../feed-types';

/** Asset names as Binance spells them ("BTC", "1000SATS"). */
const ASSET = /^[A-Z0-9]{1,20}$/;
/** More rows than this is not Binance's list (a few hundred assets or pairs in 2026). */
const MAX_ROWS = 5_000;
/** A daily rate this high is not a rate (Binance's highest are well under 1 % a day). */
const MAX_DAILY_RATE = new Dec('0.1');
const HOURS_PER_DAY = 24;

/** VIP level 0, written as a string in these answers; a number is read the same. */
const isVipZero = (v: unknown): boolean => v === '0' || v === 0;

function hourlyFromDaily(v: unknown, where: string): string {
  const daily = new Dec(decimalString(v, where, 'non-negative'));
  if (daily.greaterThan(MAX_DAILY_RATE)) fail(where, 'is not a daily rate');
  return daily.div(HOURS_PER_DAY).toFixed();
}

/** The VIP 0 entry of one asset's level list (exactly one), by the level field each table uses. */
function vipZero(list: unknown, where: string, levelKey: string, rateKey: string): string {
  const rows = arr(list, where).map((item, i) => obj(item, `${where}[${i}]`));
  const zero = rows.filter((row) => isVipZero(row[levelKey]));
  if (zero.length !== 1) fail(where, `has ${zero.length} VIP 0 rows`);
  return hourlyFromDaily(zero[0]![rateKey], `${where}.${rateKey}`);
}

function asset(v: unknown, where: string): string {
  const name = str(v, where);
  if (!ASSET.test(name)) fail(where, 'is not an asset name');
  return name;
}

/** The web API wraps every answer: code "000000" and success true, else an error with a message. */
function dataRows(body: unknown): Array<Record<string, unknown>> {
  const root = obj(body, 'body');
  if (root.code !== '000000' || root.success !== true) fail('code', 'is not "000000" with success true');
  const rows = arr(root.data, 'data');
  if (rows.length === 0 || rows.length > MAX_ROWS) fail('data', `has ${rows.length} rows`);
  return rows.map((item, i) => obj(item, `data[${i}]`));
}

type Book<K> = { ok: true; rates: ReadonlyMap<K, string> } | { ok: false; reason: string };

/** Cross table → hourly VIP 0 rate per asset. */
export const crossRateBook = memoByBody((body: unknown): Book<string> => {
  const result = attempt(() => {
    const rates = new Map<string, string>();
    dataRows(body).forEach((row, i) => {
      const name = asset(row.assetName, `data[${i}].assetName`);
      if (rates.has(name)) fail('data', `lists ${name} twice`);
      rates.set(name, vipZero(row.specs, `data[${i}].specs`, 'vipLevel', 'dailyInterestRate'));
    });
    return rates;
  });
  return result.ok ? { ok: true, rates: result.value } : result;
});

/** Isolated table → per pair symbol ("BTCUSDT") the hourly VIP 0 rates of its base and quote. */
export const isolatedRateBook = memoByBody((body: unknown): Book<string> => {
  const result = attempt(() => {
    const rates = new Map<string, string>();
    dataRows(body).forEach((row, i) => {
      const side = (key: 'base' | 'quote') => {
        const part = obj(row[key], `data[${i}].${key}`);
        return {
          name: asset(part.assetName, `data[${i}].${key}.assetName`),
          rate: vipZero(part.levelDetails, `data[${i}].${key}.levelDetails`, 'level', 'interestRate'),
        };
      };
      const base = side('base');
      const quote = side('quote');
      const symbol = base.name + quote.name;
      if (rates.has(`${symbol}:base`)) fail('data', `lists ${symbol} twice`);
      rates.set(`${symbol}:base`, base.rate);
      rates.set(`${symbol}:quote`, quote.rate);
    });
    return rates;
  });
  return result.ok ? { ok: true, rates: result.value } : result;
});

/** Long borrows the quote, short the base; a side whose asset is not lent has no figure. */
function sideFigures(
  long: string | undefined,
  short: string | undefined,
  keys: readonly [
    LongKey: 'borrowRateCrossLong' | 'borrowRateIsolatedLong',
    ShortKey: 'borrowRateCrossShort' | 'borrowRateIsolatedShort',
  ],
): FigureUpdates {
  const figures: FigureUpdates = {};
  if (long !== undefined) figures[keys[0]] = { value: long, exchangeTime: null };
  if (short !== undefined) figures[keys[1]] = { value: short, exchangeTime: null };
  return figures;
}

/** The pair's cross rates; `split` names its base and quote (null: not a pair we can split). */
export function crossRates(
  body: unknown,
  symbol: string,
  split: (symbol: string) => { base: string; quote: string } | null,
): ParseResult {
  const book = crossRateBook(body);
  if (!book.ok) return book;
  const pair = split(symbol);
  if (pair === null) return { ok: false, reason: `${symbol} is not a pair with a known quote asset` };
  const long = book.rates.get(pair.quote);
  const short = book.rates.get(pair.base);
  if (long === undefined && short === undefined)
    return { ok: false, reason: `neither ${pair.base} nor ${pair.quote} is in Binance's cross-margin rate table` };
  return { ok: true, figures: sideFigures(long, short, ['borrowRateCrossLong', 'borrowRateCrossShort']) };
}

/** The pair's isolated rates; a pair not in the table is not open to isolated margin. */
export function isolatedRates(body: unknown, symbol: string): ParseResult {
  const book = isolatedRateBook(body);
  if (!book.ok) return book;
  const long = book.rates.get(`${symbol}:quote`);
  const short = book.rates.get(`${symbol}:base`);
  if (long === undefined || short === undefined)
    return { ok: false, reason: `${symbol} is not in Binance's isolated-margin rate table` };
  return { ok: true, figures: sideFigures(long, short, ['borrowRateIsolatedLong', 'borrowRateIsolatedShort']) };
}
