// The bench's Markdown table: the README shows the cells literally (match patterns keep their *,
// a | in a figure does not split its cell, an indented sub-row stays indented).
import { describe, expect, it } from 'vitest';
import { markdownCell, markdownTable, percentile, ratio, type Row } from '../../bench/table';

describe('bench table', () => {
  it('escapes what Markdown would read as markup and keeps indents', () => {
    expect(markdownCell('www.binance.com/*/futures/*')).toBe('www.binance.com/\\*/futures/\\*');
    expect(markdownCell('a | b')).toBe('a \\| b');
    expect(markdownCell('  of which')).toBe('&nbsp;&nbsp;of which');
  });

  it('writes a header, an alignment line and one line per row', () => {
    const rows: Row[] = [['load', '12.0 ms', '5.0 ms', '2.40×', '≤ 35.0 ms', 'PASS']];
    expect(markdownTable(rows).split('\n')).toEqual([
      '| figure | ours | floor | ratio | budget | verdict |',
      '|---|---:|---:|---:|---:|---:|',
      '| load | 12.0 ms | 5.0 ms | 2.40× | ≤ 35.0 ms | PASS |',
    ]);
  });

  it('takes nearest-rank percentiles and gives no ratio to a floor about zero', () => {
    const values = [5, 1, 4, 2, 3, 6, 7, 8, 9, 10];
    expect(percentile(values, 50)).toBe(5);
    expect(percentile(values, 95)).toBe(10);
    expect(ratio(30, 10)).toBe('3.00×');
    expect(ratio(30, -3)).toBe('—');
  });
});
