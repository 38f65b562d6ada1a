// The bench's result table: one row per figure (its value, its floor, the ratio, the budget and the
// verdict), printed to the console and written as Markdown for the README.
import { writeFileSync } from 'node:fs';

/** figure | ours | floor | ratio | budget | verdict */
export type Row = [string, string, string, string, string, string];

export const HEAD: Row = ['figure', 'ours', 'floor', 'ratio', 'budget', 'verdict'];

/** A row that only informs: no budget, no verdict. */
export const info = (figure: string, ours: string, floor = '', r = ''): Row => [figure, ours, floor, r, '', ''];

export const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
};
export const median = (values: number[]): number => percentile(values, 50);
export const ms = (n: number): string => `${n.toFixed(1)} ms`;
/** ours ÷ floor; none for a floor too close to zero (or below: a noisy difference) to divide by. */
export const ratio = (ours: number, floor: number): string => (floor > 0.05 ? `${(ours / floor).toFixed(2)}×` : '—');
export const verdict = (ok: boolean): string => (ok ? 'PASS' : 'FAIL');

/** The table as the console shows it: aligned pipes. */
export function consoleTable(rows: Row[]): string {
  const widths = HEAD.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(HEAD), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** A cell's text as Markdown shows it literally: pipes and emphasis marks escaped, indents kept. */
export function markdownCell(text: string): string {
  const indent = /^ */.exec(text)![0].length;
  const body = text.trimStart().replace(/([\\|*_`])/g, '\\$1');
  return '&nbsp;'.repeat(indent) + body;
}

export function markdownTable(rows: Row[]): string {
  const line = (cells: string[]) => `| ${cells.map(markdownCell).join(' | ')} |`;
  return [line(HEAD), `|${HEAD.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`, ...rows.map(line)].join('\n');
}

/** Writes the run as Markdown: heading lines, the table, the notes. */
export function writeMarkdown(file: string, head: string[], rows: Row[], notes: string[]): void {
  writeFileSync(file, [...head, '', markdownTable(rows), '', ...notes.map((n) => `- ${n}`), ''].join('\n'));
}
