// @vitest-environment happy-dom
// What the snapshot keeps of an element (src/content/report/snapshot.ts, mask.ts), and what the
// report costs on a page with very many position rows.
import { describe, expect, it } from 'vitest';
import { buildPageReport, type PageReport } from '../../../src/content/page-report';
import { snapshot } from '../../../src/content/report/snapshot';
import type { ReportNode } from '../../../src/content/report/types';
import { readerForUrl } from '../../../src/venues/readers';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PAGES_DIR } from '../../readers/load';
import { FIXTURES } from '../../venues/fixture-pages';

function shot(html: string, maxNodes?: number): { node: ReportNode; truncated: boolean } {
  const doc = new DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html');
  return snapshot(doc.body, { keysOf: new Map(), shapes: new Set(), formRoot: null, maxNodes });
}

const only = (node: ReportNode): ReportNode => node.children?.find((c) => typeof c !== 'string') as ReportNode;

describe('snapshot', () => {
  it('keeps vocabulary and masks every digit, in names too', () => {
    const div = only(
      shot(
        '<div id="price-12" class="oc__row--12" aria-label="Price 3" data-testid="order-price" data-row="17" ' +
          'data-v-7ba5bd90 style="color:red" href="/x?id=9" onclick="go(1)" tabindex="0">Cost ٣١ 650.00 USDT</div>',
      ).node,
    );
    expect(div.attrs).toEqual({
      id: 'price-##',
      class: 'oc__row--##',
      'aria-label': 'Price #',
      'data-testid': 'order-price',
      href: '', // a link stays a link; where it went is the trader's
      'data-v-#ba#bd##': '', // a generated name: masked like any value
    });
    expect(div.data).toEqual(['data-row']); // its value held digits
    expect(div.children).toEqual(['Cost ## ###.## USDT']);
  });

  it('leaves out e-mail addresses (a login in the header), in texts, labels and data values', () => {
    const body = shot(
      '<header><span title="alice.trader@example.com">Signed in as alice.trader@example.com</span>' +
        '<button data-user="bob@mail.example.org" aria-label="Account bob@mail.example.org">Me</button></header>',
    ).node;
    expect(JSON.stringify(body)).not.toMatch(/alice|bob|example/);
    expect(JSON.stringify(body)).toContain('Signed in as [e-mail]');
  });

  it('spells headings out and drops scripts, styles and drawings', () => {
    const body = shot('<h2>Trade</h2><script>var a = 1</script><style>.a{}</style><svg><path d="M1 2"/></svg>').node;
    expect(body.children).toEqual([{ tag: 'h-two', children: ['Trade'] }, { tag: 'svg' }]);
  });

  it("records an input's current value and state, not its markup's", () => {
    const doc = new DOMParser().parseFromString(
      '<body><input type="text" value="1"><input type="checkbox" checked></body>',
      'text/html',
    );
    const [text, box] = doc.querySelectorAll('input') as unknown as [HTMLInputElement, HTMLInputElement];
    text.value = '65,000.5';
    box.checked = false;
    const nodes = snapshot(doc.body, { keysOf: new Map(), shapes: new Set(), formRoot: null }).node.children;
    expect(nodes).toEqual([
      { tag: 'input', attrs: { type: 'text' }, value: '##,###.#' },
      { tag: 'input', attrs: { type: 'checkbox' }, value: 'on' },
    ]);
  });

  it('tells ids apart that mask alike, and leaves alone those that do not', () => {
    const body = shot(
      '<label for="p-1">A</label><input id="p-1"><label for="p-2">B</label><input id="p-2"><i id="solo-3"></i>',
    ).node;
    const distinct = (body.children ?? []).map((c) => (typeof c === 'string' ? null : (c.distinct ?? null)));
    expect(distinct).toEqual([{ for: 'a' }, { id: 'a' }, { for: 'b' }, { id: 'b' }, null]);
  });

  it('marks what the trader cannot see, once, at its top', () => {
    const body = shot('<div hidden><p>Dialog</p></div><p style="display:none">x</p>').node;
    expect(body.children).toEqual([
      { tag: 'div', attrs: { hidden: '' }, hidden: true, children: [{ tag: 'p', children: ['Dialog'] }] },
      { tag: 'p', hidden: true, children: ['x'] },
    ]);
  });

  it('stops at its node cap and says so', () => {
    const { node, truncated } = shot('<ul>' + '<li>a</li>'.repeat(50) + '</ul>', 10);
    expect(truncated).toBe(true);
    expect(only(node).truncated).toBe(true);
    expect(only(node).children).toHaveLength(8);
  });
});

describe('a positions table of 2,000 rows', () => {
  const { page, url } = FIXTURES['bybit-linear'];

  function bigReport(): PageReport {
    const html = readFileSync(join(PAGES_DIR, page), 'utf8');
    const rows = /<tbody>([\s\S]*?)<\/tbody>/.exec(html)![1]!;
    const doc = new DOMParser().parseFromString(html.replace(rows, rows.repeat(700)), 'text/html');
    expect(doc.querySelectorAll('table.by-table tbody tr').length).toBeGreaterThan(2000);
    const at = new URL(url);
    const reader = readerForUrl(at)!;
    return buildPageReport({ doc, url: at, reader, reading: reader.read(doc, at, 'order'), version: '1' });
  }

  it('becomes a few rows of their shape, and the rest of the page is all there', { timeout: 60_000 }, () => {
    const report = bigReport();
    expect(report.truncated).toBe(false);
    const all = (n: ReportNode): ReportNode[] => [
      n,
      ...(n.children ?? []).flatMap((c) => (typeof c === 'string' ? [] : all(c))),
    ];
    const rows = all(report.snapshot).filter((n) => n.tag === 'tr' && n.shape);
    // The fixture's rows differ in shape (long/short tags): its three rows repeat, up to the row cap.
    expect(rows.length).toBeLessThanOrEqual(40);
    const tbody = all(report.snapshot).find((n) => n.tag === 'tbody')!;
    expect(tbody.truncated).toBe(true);
    expect(report.found).toContain('positionsHeader');
  });
});

describe('a page whose order book alone passes the node cap', () => {
  it('still holds the whole form and everything the keys found', { timeout: 60_000 }, () => {
    const { page, url } = FIXTURES['okx-swap'];
    const html = readFileSync(join(PAGES_DIR, page), 'utf8');
    const book = '<div class="book-row"><span>65,000.0</span><span>0.100</span></div>'.repeat(3000);
    const doc = new DOMParser().parseFromString(
      html.replace('<body>', `<body><section>${book}</section>`),
      'text/html',
    );
    const at = new URL(url);
    const reader = readerForUrl(at)!;
    const report = buildPageReport({ doc, url: at, reader, reading: reader.read(doc, at), version: '1' });
    expect(report.truncated).toBe(true);
    const all = (n: ReportNode): ReportNode[] => [
      n,
      ...(n.children ?? []).flatMap((c) => (typeof c === 'string' ? [] : all(c))),
    ];
    const keyed = new Set(all(report.snapshot).flatMap((n) => n.keys ?? []));
    expect([...keyed].sort()).toEqual([...report.found].sort());
    expect(report.found).toEqual(expect.arrayContaining(['price', 'size', 'buy', 'sell', 'positionsTable']));
  });
});
