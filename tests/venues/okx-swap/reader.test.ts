// @vitest-environment happy-dom
// OKX USDT swap reader against e2e/fixtures/pages/okx-swap.html.
import { describe, expect, it } from 'vitest';
import { reader, sideOfSubmit } from '../../../src/venues/okx-swap/reader';
import { OKX_SELECTORS } from '../../../src/venues/okx-swap/selectors';
import type { FormReading, OrderForm, PagePosition } from '../../../src/venues/types';
import { $, byText, expectedCounts, loadPage } from '../../readers/load';

const URL_BTC = new URL('https://www.okx.com/trade-swap/btc-usdt-swap');
const ETH_POSITION: PagePosition = {
  symbol: 'ETH-USDT-SWAP',
  side: 'long',
  quantity: '1.5',
  entryPrice: '3150',
  markPrice: '3201.25',
  maintenanceMargin: '24.01',
};
const EXAMPLE: OrderForm = {
  venue: 'okx-swap',
  symbol: 'BTC-USDT-SWAP',
  side: 'both',
  type: 'limit',
  marginMode: 'cross',
  price: '65000',
  size: { unit: 'contracts', value: '10' },
  leverage: '10',
  marginEnabled: true,
  stopLoss: null,
  takeProfit: null,
  availableBalance: '9523.1',
  account: { walletBalance: '10000', positions: [ETH_POSITION] },
  // "Cost 650.00 USDT" under both buttons: the page's own figure, for the background's cross-check.
  pageEstimates: [{ kind: 'cost', side: null, value: '650', decimals: 2 }],
};
const { account: _account, ...WITHOUT_ACCOUNT } = EXAMPLE;

const page = () => loadPage('okx-swap.html');

function form(reading: FormReading): OrderForm {
  if (reading.status !== 'ok') throw new Error(`unrecognised: ${reading.missing.join(', ')}`);
  return reading.form;
}

function missing(reading: FormReading): string[] {
  if (reading.status !== 'unrecognised') throw new Error('expected unrecognised');
  return reading.missing;
}

const read = (doc: Document, url = URL_BTC) => reader.read(doc, url);
// The Market tab's disabled price box has a "Price (USDT)" caption too, but no <label>.
const field = (doc: Document, label: string) => byText(doc, 'label.okui-input-label', label).closest('.okui-input')!;
const input = (doc: Document, label: string) => field(doc, label).querySelector('input')!;
const unitPicker = (doc: Document) => $(doc, '[data-fixture="size-unit"] .okui-select-value');
// The margin-mode dialog has "Cross" too; the test finds the form's button by the fixture's own hook.
const marginModeButton = (doc: Document) => $(doc, '[data-fixture="margin-mode"]');
const positionsBody = (doc: Document) => $(doc, '.okui-table-tbody');
const positionRow = (doc: Document) => $(doc, '.okui-table-tbody tr');
const tpslBox = (doc: Document) => $(doc, '[data-fixture="tpsl"]') as HTMLInputElement;

function selectTab(doc: Document, name: string): void {
  const tab = byText(doc, '[aria-label="Order type"] [role="tab"]', name);
  for (const t of doc.querySelectorAll('[aria-label="Order type"] [role="tab"]'))
    t.setAttribute('aria-selected', String(t === tab));
}

function marketTab(doc: Document): void {
  selectTab(doc, 'Market');
  $(doc, '[data-fixture="price-field"]').hidden = true;
  $(doc, '[data-fixture="market-price-field"]').hidden = false;
}

function tpslOn(doc: Document): void {
  tpslBox(doc).checked = true;
  $(doc, '[data-fixture="tpsl-fields"]').hidden = false;
}

function showOrdersTab(doc: Document): void {
  byText(doc, '[role="tab"]', 'Positions (1)').setAttribute('aria-selected', 'false');
  byText(doc, '[role="tab"]', 'Open orders (0)').setAttribute('aria-selected', 'true');
  $(doc, '#okx-data-positions').hidden = true;
  $(doc, '#okx-data-orders').hidden = false;
}

/** Adds a position row (a copy of the ETH one) with the given instrument link, tags and cells. */
function addPosition(
  doc: Document,
  change: { href?: string; tags?: string[]; cells?: Record<number, string> },
  count = 2,
): void {
  const row = positionRow(doc).cloneNode(true) as HTMLElement;
  const cells = [...row.querySelectorAll('td')];
  if (change.href) row.querySelector('a')!.setAttribute('href', change.href);
  if (change.tags)
    [...cells[0]!.querySelectorAll('span')].forEach((span, i) => (span.textContent = change.tags![i] ?? ''));
  for (const [i, text] of Object.entries(change.cells ?? {})) cells[Number(i)]!.textContent = text;
  positionsBody(doc).append(row);
  byText(doc, '[role="tab"]', 'Positions (1)').textContent = `Positions (${count})`;
}

describe('OKX reader: the example order', () => {
  it('reads the exact form, with the cross account the page shows', () => {
    const doc = page();
    // Outside the form: the instrument picker, the cash balance row, the Positions tab and its panel.
    const watched = [
      $(doc, '[data-fixture="symbol-button"]'),
      byText(doc, 'dt', 'Cash balance').parentElement,
      $(doc, '#okx-data-tab-positions'),
      $(doc, '#okx-data-positions'),
    ];
    expect(read(doc)).toEqual({ status: 'ok', form: EXAMPLE, matched: expectedCounts(OKX_SELECTORS), watched });
  });

  it('anchors on the order form; both Buy/Long and Sell/Short are submit buttons', () => {
    const doc = page();
    const root = reader.formRoot(doc);
    expect(root?.contains(input(doc, 'Price (USDT)'))).toBe(true);
    expect(root?.contains($(doc, '[data-fixture="symbol-title"]'))).toBe(false);
    expect(root?.contains($(doc, 'table'))).toBe(false);
    const buttons = reader.submitButtons(doc);
    expect(buttons.map((b) => b.textContent)).toEqual(['Buy/Long', 'Sell/Short']);
    expect(buttons.map(sideOfSubmit)).toEqual(['long', 'short']);
    expect(sideOfSubmit(marginModeButton(doc))).toBeNull();
    expect(sideOfSubmit(byText(doc, 'button', '10.00x'))).toBeNull();
  });

  it('matches only USDT perpetual swap URLs on www.okx.com', () => {
    for (const ok of [
      'https://www.okx.com/trade-swap/btc-usdt-swap',
      'https://www.okx.com/trade-swap/ETH-USDT-SWAP',
      'https://www.okx.com/trade-swap/1000pepe-usdt-swap/',
      'https://www.okx.com/trade-swap/btc-usdt-swap?tab=positions',
      // OKX serves its pages under a locale segment too (issue 13, §8 of the evidence).
      'https://www.okx.com/ru/trade-swap/btc-usdt-swap',
      'https://www.okx.com/zh-hans/trade-swap/eth-usdt-swap',
      'https://www.okx.com/pt-br/trade-swap/btc-usdt-swap/',
      'https://www.okx.com/fr/trade-swap/btc-usdt-swap',
    ]) {
      expect(reader.matchesUrl(new URL(ok)), ok).toBe(true);
    }
    for (const no of [
      'https://www.okx.com/trade-swap/btc-usd-swap',
      'https://www.okx.com/trade-swap/btc-usdc-swap',
      'https://www.okx.com/trade-futures/btc-usdt-250328',
      'https://www.okx.com/trade-spot/btc-usdt',
      'https://www.okx.com/ru/trade-spot/btc-usdt',
      'https://www.okx.com/russian/trade-swap/btc-usdt-swap',
      'https://www.okx.com/ru/ru/trade-swap/btc-usdt-swap',
      'https://www.okx.com/zh-hans/trade-swap/btc-usd-swap',
      'https://www.okx.com/trade-swap/btc-usdt-swap/chart',
      'http://www.okx.com/trade-swap/btc-usdt-swap',
      'https://okx.com/trade-swap/btc-usdt-swap',
      'https://www.okx.com.evil.example/trade-swap/btc-usdt-swap',
      'https://www.binance.com/en/futures/BTCUSDT',
    ]) {
      expect(reader.matchesUrl(new URL(no)), no).toBe(false);
    }
  });
});

describe('OKX reader at a locale URL (/ru/, /zh-hans/)', () => {
  // The segment names the page's language too (issue 13): an English page there is refused; the Russian and
  // Chinese pages at their segments are read in tests/venues/okx-swap/reader-lang.test.ts.
  it('the English page at /ru/ or /zh-hans/: the page and the URL disagree, refused with locale', () => {
    for (const at of [
      'https://www.okx.com/ru/trade-swap/btc-usdt-swap',
      'https://www.okx.com/zh-hans/trade-swap/btc-usdt-swap',
    ]) {
      expect(missing(reader.read(page(), new URL(at))), at).toContain('locale');
    }
  });

  it('a page in another language with English words (lang="ru"): refused, never guessed', () => {
    const doc = page();
    doc.documentElement.lang = 'ru';
    expect(reader.read(doc, new URL('https://www.okx.com/ru/trade-swap/btc-usdt-swap')).status).toBe('unrecognised');
  });
});

describe('OKX reader: what the trader changes', () => {
  it('Isolated margin and another leverage: the account is not read', () => {
    const doc = page();
    marginModeButton(doc).textContent = 'Isolated';
    byText(doc, 'button', '10.00x').textContent = '20.50x';
    const reading = read(doc);
    expect(form(reading)).toEqual({ ...WITHOUT_ACCOUNT, marginMode: 'isolated', leverage: '20.5' });
    expect(reading.matched).toEqual(expectedCounts(OKX_SELECTORS));
  });

  it('Market tab: no limit price', () => {
    const doc = page();
    marketTab(doc);
    const reading = read(doc);
    expect(form(reading)).toEqual({ ...EXAMPLE, type: 'market', price: null });
    // The disabled "Market price" box is found by its caption (counted), never read.
    expect(reading.matched.price).toBe(1);
  });

  it.each([
    ['BTC', '0.1', { unit: 'base', value: '0.1' }],
    ['USDT', '6,500', { unit: 'quote', value: '6500' }],
    ['Cont.', '12', { unit: 'contracts', value: '12' }],
  ] as const)('amount in %s', (unit, value, size) => {
    const doc = page();
    unitPicker(doc).textContent = unit;
    input(doc, 'Amount').value = value;
    expect(form(read(doc)).size).toEqual(size);
  });

  it('TP/SL on with both prices', () => {
    const doc = page();
    tpslOn(doc);
    input(doc, 'TP trigger price').value = '70,000';
    input(doc, 'SL trigger price').value = '61,500.5';
    const reading = read(doc);
    expect(form(reading)).toEqual({ ...EXAMPLE, takeProfit: '70000', stopLoss: '61500.5' });
    expect(reading.matched).toMatchObject({ takeProfit: 1, stopLoss: 1 });
  });

  it('TP/SL on with the prices left empty: none set', () => {
    const doc = page();
    tpslOn(doc);
    expect(form(read(doc))).toEqual(EXAMPLE);
  });

  it('TP/SL off: values left in hidden fields are not read', () => {
    const doc = page();
    input(doc, 'SL trigger price').value = '60,000';
    expect(form(read(doc)).stopLoss).toBeNull();
  });

  it('logged out ("Available -- USDT"): no balance, still a form', () => {
    const doc = page();
    byText(doc, 'span', '9,523.10 USDT').textContent = '-- USDT';
    expect(form(read(doc)).availableBalance).toBeNull();
  });

  it('SPA switch to ETH-USDT-SWAP with a re-mounted form', () => {
    const doc = page();
    const old = $(doc, '[data-fixture="order-form"]');
    const fresh = old.cloneNode(true) as HTMLElement;
    old.replaceWith(fresh);
    $(doc, '[data-fixture="symbol-title"]').textContent = 'ETHUSDT';
    input(doc, 'Price (USDT)').value = '3,500.00';
    input(doc, 'Amount').value = '1';
    expect(form(read(doc, new URL('https://www.okx.com/trade-swap/eth-usdt-swap')))).toEqual({
      ...EXAMPLE,
      symbol: 'ETH-USDT-SWAP',
      price: '3500',
      size: { unit: 'contracts', value: '1' },
    });
  });

  it('an open margin-mode dialog makes the mode ambiguous until it closes', () => {
    const doc = page();
    $(doc, '[aria-label="Margin mode"]').hidden = false;
    expect(missing(read(doc))).toEqual(['marginMode']);
  });

  it('the typing fast path returns what a full read returns', () => {
    const doc = page();
    let reading = read(doc);
    for (const [size, price] of [
      ['12', '64,999.5'],
      ['12.5', '64000'],
      ['1,000', '65,100'],
    ] as const) {
      input(doc, 'Amount').value = size;
      input(doc, 'Price (USDT)').value = price;
      const next = reader.refresh!(reading);
      expect(next).toEqual(read(doc));
      reading = next!;
    }
    input(doc, 'Amount').value = '0';
    expect(reader.refresh!(reading)).toBeNull();
  });
});

describe('OKX reader: the cross account', () => {
  it('another bottom tab shown: positions not shown (null), the balance still read', () => {
    const doc = page();
    showOrdersTab(doc);
    const reading = read(doc);
    expect(form(reading).account).toEqual({ walletBalance: '10000', positions: null });
    expect(reading.matched.positionsTable).toBe(0);
  });

  it('no open positions: an empty list', () => {
    const doc = page();
    const empty = doc.createElement('td');
    empty.colSpan = 9;
    empty.textContent = 'No positions';
    positionRow(doc).replaceChildren(empty);
    byText(doc, '[role="tab"]', 'Positions (1)').textContent = 'Positions (0)';
    expect(form(read(doc)).account).toEqual({ walletBalance: '10000', positions: [] });
  });

  it('a short position, and one without a maintenance margin shown', () => {
    const doc = page();
    addPosition(doc, {
      href: '/trade-swap/sol-usdt-swap',
      tags: ['Cross', '5.00x', 'Short'],
      cells: { 1: '20 SOL', 2: '150.5', 3: '148.25', 6: '--' },
    });
    expect(form(read(doc)).account).toEqual({
      walletBalance: '10000',
      positions: [
        ETH_POSITION,
        {
          symbol: 'SOL-USDT-SWAP',
          side: 'short',
          quantity: '20',
          entryPrice: '150.5',
          markPrice: '148.25',
          maintenanceMargin: null,
        },
      ],
    });
  });

  it('an isolated position open: its margin is inside the cash balance, so no balance; it is not a cross position', () => {
    const doc = page();
    addPosition(doc, {
      href: '/trade-swap/sol-usdt-swap',
      tags: ['Isolated', '5.00x', 'Long'],
      cells: { 1: '20 SOL' },
    });
    expect(form(read(doc)).account).toEqual({ walletBalance: null, positions: [ETH_POSITION] });
  });

  it('amounts in Contracts cannot be converted for other instruments: positions null', () => {
    const doc = page();
    positionRow(doc).querySelectorAll('td')[1]!.textContent = '15 Contracts';
    expect(form(read(doc)).account).toEqual({ walletBalance: '10000', positions: null });
  });

  it('no Maint. margin column: every maintenance margin null', () => {
    const doc = page();
    byText(doc, 'th', 'Maint. margin').remove();
    positionRow(doc).querySelectorAll('td')[6]!.remove();
    expect(form(read(doc)).account?.positions).toEqual([{ ...ETH_POSITION, maintenanceMargin: null }]);
  });

  it('logged out balance and no positions shown: no account at all', () => {
    const doc = page();
    byText(doc, 'dd', '10,000.00 USDT').textContent = '-- USDT';
    showOrdersTab(doc);
    const result = form(read(doc));
    expect(result).toEqual(WITHOUT_ACCOUNT);
    expect('account' in result).toBe(false);
  });

  it('no assets panel: balance null, positions still read', () => {
    const doc = page();
    $(doc, 'section[aria-labelledby="okx-assets-title"]').remove();
    const reading = read(doc);
    expect(form(reading).account).toEqual({ walletBalance: null, positions: [ETH_POSITION] });
    expect(reading.matched.cashBalance).toBe(0);
  });

  it.each<[string, (doc: Document) => void]>([
    [
      'a balance in another number format',
      (doc) => (byText(doc, 'dd', '10,000.00 USDT').textContent = '10.000,00 USDT'),
    ],
    ['a balance in another currency', (doc) => (byText(doc, 'dd', '10,000.00 USDT').textContent = '10,000.00 USDC')],
  ])('refuses %s', (_, spoil) => {
    const doc = page();
    spoil(doc);
    expect(missing(read(doc))).toEqual(['cashBalance']);
  });

  it.each<[string, (doc: Document) => void]>([
    [
      'an entry price in another number format',
      (doc) => (positionRow(doc).querySelectorAll('td')[2]!.textContent = '3.150,00'),
    ],
    ['a mark price that is not a number', (doc) => (positionRow(doc).querySelectorAll('td')[3]!.textContent = '--')],
    ['a negative amount', (doc) => (positionRow(doc).querySelectorAll('td')[1]!.textContent = '-1.5 ETH')],
    ['a garbled maintenance margin', (doc) => (positionRow(doc).querySelectorAll('td')[6]!.textContent = '24,01 USDT')],
    ['a row without its side', (doc) => positionRow(doc).querySelector('.index_long__Ok1i2')!.remove()],
    [
      'a row both Long and Short',
      (doc) =>
        positionRow(doc)
          .querySelector('td')!
          .append(Object.assign(doc.createElement('span'), { textContent: 'Short' })),
    ],
    ['a row without an instrument link', (doc) => positionRow(doc).querySelector('a')!.removeAttribute('href')],
    [
      'a USDC-margined instrument',
      (doc) => positionRow(doc).querySelector('a')!.setAttribute('href', '/trade-swap/eth-usdc-swap'),
    ],
    ['a renamed Mark price column', (doc) => (byText(doc, 'th', 'Mark price').textContent = 'Prix de marque')],
    ['a row with a cell missing', (doc) => positionRow(doc).querySelectorAll('td')[4]!.remove()],
    [
      'more rows than the tab counts (a half-rendered table)',
      (doc) => addPosition(doc, { href: '/trade-swap/sol-usdt-swap', cells: { 1: '20 SOL' } }, 1),
    ],
    [
      'fewer rows than the tab counts',
      (doc) => (byText(doc, '[role="tab"]', 'Positions (1)').textContent = 'Positions (2)'),
    ],
  ])('refuses a positions table with %s', (_, spoil) => {
    const doc = page();
    spoil(doc);
    expect(missing(read(doc))).toEqual(['positions']);
  });

  it('the Positions tab shown without its table', () => {
    const doc = page();
    $(doc, 'table').remove();
    expect(missing(read(doc))).toEqual(['positionsTable']);
  });

  it('a garbled account does not stop an isolated order', () => {
    const doc = page();
    marginModeButton(doc).textContent = 'Isolated';
    positionRow(doc).querySelectorAll('td')[2]!.textContent = '3.150,00';
    byText(doc, 'dd', '10,000.00 USDT').textContent = '10.000,00 USDT';
    expect(form(read(doc))).toEqual({ ...WITHOUT_ACCOUNT, marginMode: 'isolated' });
  });
});

describe('OKX reader: refuses to guess', () => {
  it.each([[''], ['--'], ['0'], ['6.5e4']])('price %j → unrecognised', (value) => {
    const doc = page();
    input(doc, 'Price (USDT)').value = value;
    expect(missing(read(doc))).toEqual(['price']);
  });

  it.each([['1.234,5'], ['65,00']])(
    "price %j: comma decimals on an English page make the form's numbers unreadable",
    (value) => {
      const doc = page();
      input(doc, 'Price (USDT)').value = value;
      const why = missing(read(doc));
      expect(why).toContain('price');
      expect(why).toContain('numberFormat');
    },
  );

  it.each([[''], ['0'], ['ten']])('amount %j → unrecognised', (value) => {
    const doc = page();
    input(doc, 'Amount').value = value;
    expect(missing(read(doc))).toEqual(['size']);
  });

  it('leverage button unreadable, or removed', () => {
    const doc = page();
    const button = byText(doc, 'button', '10.00x');
    button.textContent = '10.00';
    expect(missing(read(doc))).toEqual(['leverage']);
    button.remove();
    expect(missing(read(doc))).toEqual(['leverage']);
  });

  it('margin mode button missing', () => {
    const doc = page();
    marginModeButton(doc).remove();
    expect(missing(read(doc))).toEqual(['marginMode']);
  });

  it('two amount fields at once', () => {
    const doc = page();
    const amount = field(doc, 'Amount');
    amount.after(amount.cloneNode(true));
    const reading = read(doc);
    expect(missing(reading)).toContain('size');
    expect(reading.matched.size).toBe(2);
  });

  it('renamed price label', () => {
    const doc = page();
    byText(doc, 'label.okui-input-label', 'Price (USDT)').textContent = 'Prix (USDT)';
    expect(missing(read(doc))).toEqual(['price']);
  });

  it("an amount unit that is not this instrument's (the form still shows the previous one)", () => {
    expect(missing(read(page(), new URL('https://www.okx.com/trade-swap/eth-usdt-swap')))).toEqual(['symbol']);
    const doc = page();
    $(doc, '[data-fixture="symbol-title"]').textContent = 'ETHUSDT';
    unitPicker(doc).textContent = 'BTC';
    expect(missing(read(doc, new URL('https://www.okx.com/trade-swap/eth-usdt-swap')))).toEqual(['sizeUnit']);
  });

  it('an unknown amount unit', () => {
    const doc = page();
    unitPicker(doc).textContent = 'Lots';
    expect(missing(read(doc))).toEqual(['sizeUnit']);
  });

  it('unreadable TP/SL price while TP/SL is on', () => {
    const doc = page();
    tpslOn(doc);
    input(doc, 'SL trigger price').value = '--';
    expect(missing(read(doc))).toEqual(['stopLoss']);
  });

  it('TP/SL checkbox missing: a stop loss could be hidden from us', () => {
    const doc = page();
    tpslBox(doc).closest('label')!.remove();
    expect(missing(read(doc))).toEqual(['tpsl']);
  });

  it('an order type we do not quote (the TP/SL tab), or none selected', () => {
    const doc = page();
    selectTab(doc, 'TP/SL');
    expect(missing(read(doc))).toEqual(['orderType']);
  });

  it('open/close mode ("Open long" / "Open short" buttons) is not read', () => {
    const doc = page();
    byText(doc, 'button', 'Buy/Long').textContent = 'Open long';
    byText(doc, 'button', 'Sell/Short').textContent = 'Open short';
    // Without the buttons there is no form root either, so the scoped fields go missing too.
    expect(missing(read(doc)).slice(0, 2)).toEqual(['buy', 'sell']);
  });

  it('another venue page, or a page with no form', () => {
    expect(read(loadPage('binance-usdm.html')).status).toBe('unrecognised');
    expect(read(loadPage('kraken-margin.html')).status).toBe('unrecognised');
    const random = new DOMParser().parseFromString(
      '<html><body><h1>BTCUSDT Perpetual</h1><button>10.00x</button><button>Cross</button></body></html>',
      'text/html',
    );
    expect(read(random).status).toBe('unrecognised');
    expect(reader.formRoot(random)).toBeNull();
    expect(reader.submitButtons(random)).toEqual([]);
  });
});
