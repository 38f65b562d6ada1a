// @vitest-environment happy-dom
// npm run fixture:from-report (scripts/fixture-from-report.ts): arguments, where the page goes,
// and the command itself run on a report the extension wrote.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureFromReport, parseArgs } from '../../../scripts/lib/fixture-from-report';
import { buildPageReport, pageReportText } from '../../../src/content/page-report';
import { readerForUrl } from '../../../src/venues/readers';
import { loadPage, ROOT_DIR } from '../../readers/load';
import { FIXTURES } from '../../venues/fixture-pages';

function writeReport(dir: string): string {
  const { page, url } = FIXTURES['okx-swap'];
  const doc = loadPage(page);
  const at = new URL(url);
  const reader = readerForUrl(at)!;
  const file = join(dir, 'report.json');
  writeFileSync(
    file,
    pageReportText(buildPageReport({ doc, url: at, reader, reading: reader.read(doc, at), version: '1' })),
  );
  return file;
}

describe('parseArgs', () => {
  it('takes the report, --out and an example order', () => {
    expect(parseArgs(['r.json', '--out', 'x.html', '--price', '3500.5', '--size', '2'])).toEqual({
      report: 'r.json',
      out: 'x.html',
      order: { price: '3500.5', size: '2' },
    });
    expect(parseArgs(['r.json']).out).toBeNull();
  });

  it.each([
    [[], 'usage'],
    [['a.json', 'b.json'], 'unexpected argument b.json'],
    [['a.json', '--out'], '--out needs a value'],
    [['a.json', '--price', '1e5'], 'plain positive decimal'],
    [['a.json', '--size', '0'], 'plain positive decimal'],
    [['a.json', '--size', '-1'], 'plain positive decimal'],
    [['a.json', '--force'], 'unexpected argument --force'],
  ])('refuses %j', (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(message);
  });
});

describe('fixtureFromReport', () => {
  it('names the page after the venue under e2e/fixtures/pages, and the URL to serve it at', () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-'));
    const page = fixtureFromReport([writeReport(dir)], ROOT_DIR, ROOT_DIR);
    expect(page.path).toBe(join('e2e', 'fixtures', 'pages', 'from-report-okx-swap.html'));
    expect(page.url).toBe('https://www.okx.com/trade-swap/btc-usdt-swap');
    expect(page.html).toContain('data-report-keys="price" value="65000"');
  });

  it('refuses a report of a venue it has no folder for', () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-'));
    const file = writeReport(dir);
    writeFileSync(file, readFileSync(file, 'utf8').replace('"okx-swap"', '"nowhere"'));
    expect(() => fixtureFromReport([file], ROOT_DIR, dir)).toThrow('venue "nowhere"');
  });

  it('runs as npm run fixture:from-report does', { timeout: 60_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-'));
    const out = join(dir, 'page.html');
    const said = execFileSync('npx', ['tsx', 'scripts/fixture-from-report.ts', writeReport(dir), '--out', out], {
      cwd: ROOT_DIR,
      encoding: 'utf8',
    });
    expect(said).toContain('serve it at https://www.okx.com/trade-swap/btc-usdt-swap');
    const html = readFileSync(out, 'utf8');
    const reader = readerForUrl(new URL(FIXTURES['okx-swap'].url))!;
    const reading = reader.read(new DOMParser().parseFromString(html, 'text/html'), new URL(FIXTURES['okx-swap'].url));
    expect(reading.status).toBe('ok');
  });
});
