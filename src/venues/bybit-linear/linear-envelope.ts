// Bybit v5's REST envelope, shared by every linear endpoint the feed reads (tickers,
// risk-limit, instruments-info): `{ retCode, retMsg, result: { category, list }, time }`.
// Checked in one place so each endpoint's parser only reads its own entries.
import { epochMs, exchangeText } from '../feed-parse';
import { arr, fail, obj, type Obj } from '../../schema';

/** `{ retCode: 0, result: { category: "linear", list: [...] } }` → the list; any other retCode is the exchange's error. */
export function linearList(body: unknown): unknown[] {
  const root = obj(body, 'body');
  if (root.retCode !== 0)
    fail('', `Bybit error ${typeof root.retCode === 'number' ? root.retCode : '?'} ${exchangeText(root.retMsg)}`);
  const result = obj(root.result, 'result');
  if (result.category !== 'linear') fail('result.category', 'is not linear');
  return arr(result.list, 'result.list');
}

/** The one entry of `list` for `symbol` (requests name the symbol, so anything else is wrong). */
export function onlyEntry(body: unknown, symbol: string): Obj {
  const list = linearList(body);
  if (list.length !== 1) fail('result.list', `has ${list.length} entries, expected 1`);
  const entry = obj(list[0], 'result.list[0]');
  if (entry.symbol !== symbol) fail('result.list[0]', 'is for another symbol');
  return entry;
}

/** Server time of a REST answer (top-level `time`, epoch ms). */
export const serverTime = (body: unknown): number => epochMs(obj(body, 'body').time, 'time');
