// The content script's validator for bg→cs:quotes (regex only, no decimal.js): everything the
// real background computes passes (every venue, every shared worked example, errors, no price),
// and anything malformed is dropped: NaN or exponent text, numbers instead of strings, huge
// strings, unknown or missing keys, wrong enums, a quote for another venue.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { quoteSides, toWire } from '../../src/venues/quote-sides';
import { quoteJson } from '../../src/core/quote';
import type { QuotesMessage, WireQuote } from '../../src/messaging/messages';
import { isWireQuote, parseBgToCs } from '../../src/messaging/validate-bg-to-cs';
import { bundledFacts } from '../../src/venues/bundled-facts';
import { mapCase, type MappedCase } from '../cases/mapping';
import { binanceForm, krakenForm, NOW, settings, snapshot } from '../content/fixtures';

type Json = Record<string, any>;
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

function good(): QuotesMessage {
  const snap = snapshot('65010.2');
  return {
    type: 'bg→cs:quotes',
    seq: 7,
    venue: 'binance-usdm',
    symbol: 'BTCUSDT',
    sides: toWire(quoteSides(binanceForm({ stopLoss: '60000' }), snap, settings({ maxLeverage: '5' }), NOW)),
    mark: { value: '65010.2', receivedAt: NOW - 2_000 },
    tickSize: '0.1',
    status: 'live',
    lastError: null,
    refusal: null,
  };
}

/** A copy of the good message with one change made to its JSON. */
function bad(change: (m: Json) => void): unknown {
  const m = clone(good()) as unknown as Json;
  change(m);
  return m;
}

describe('parseBgToCs: what the background sends passes', () => {
  it('a two-sided Binance quote with warnings, assumptions and details', () => {
    const m = good();
    expect(m.sides).toHaveLength(2);
    expect(parseBgToCs(clone(m))).toEqual(m);
  });

  it('Kraken cross margin with and without a balance, spot, no price, an engine refusal', () => {
    const cases: Array<[Parameters<typeof quoteSides>[0], Parameters<typeof quoteSides>[2]]> = [
      [krakenForm(), settings()],
      [krakenForm(), settings({ accountBalance: { 'kraken-margin': '10000' } })],
      [krakenForm({ marginEnabled: false }), settings()],
      [krakenForm({ type: 'market', price: null }), settings()],
      [krakenForm({ leverage: '0.5' }), settings()],
    ];
    for (const [form, s] of cases) {
      const message: QuotesMessage = {
        ...good(),
        venue: 'kraken-margin',
        symbol: 'BTC/USD',
        sides: toWire(quoteSides(form, null, s, NOW)),
        mark: null,
        status: 'connecting',
      };
      expect(parseBgToCs(clone(message)), JSON.stringify(form)).toEqual(message);
    }
  });

  it('every shared worked example the engine supports', () => {
    const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
    const cases = JSON.parse(readFileSync(resolve(root, '../shared/reference/cases.json'), 'utf8')) as unknown[];
    let checked = 0;
    for (const c of cases) {
      const m = mapCase(c as never);
      if ('unsupported' in m) continue;
      const result = quoteJson((m as MappedCase).input, bundledFacts());
      if ('error' in result) continue;
      expect(isWireQuote(clone(result), result.venue), (c as { id: string }).id).toBe(true);
      checked += 1;
    }
    expect(checked).toBeGreaterThanOrEqual(30);
  });

  it('a refusal, of either code, with no sides', () => {
    const refused = (code: string, field: string): QuotesMessage => ({
      ...good(),
      sides: [],
      refusal: {
        code: code as 'IMPLAUSIBLE',
        field,
        text: 'The price read from the page (65) is 1,000× below the market (65,000): probably misread. No figures until it fits.',
      },
    });
    for (const [code, field] of [
      ['IMPLAUSIBLE', 'price'],
      ['IMPLAUSIBLE', 'account.positions[49].entryPrice'],
      ['FORM_INVALID', 'account.walletBalance'],
      ['FORM_INVALID', 'form'],
    ]) {
      const message = refused(code!, field!);
      expect(parseBgToCs(clone(message)), field).toEqual(message);
    }
  });

  it('a plan that left a misread position out, or an account with too many positions', () => {
    const message = good();
    message.sides[0]!.plan = {
      ...message.sides[0]!.plan,
      positionsUnknown: ['ETHUSDT'],
      positionsImplausible: ['ETHUSDT'],
      positionsTooMany: true,
    };
    expect(parseBgToCs(clone(message))).toEqual(message);
  });

  it('an order into an open position in its market: both sides carry the position after it (issue 10)', () => {
    const open = {
      symbol: 'BTCUSDT',
      side: 'long' as const,
      quantity: '0.2',
      entryPrice: '64000',
      markPrice: '65010.2',
      maintenanceMargin: null,
    };
    const form = binanceForm({ account: { walletBalance: null, positions: [open] } });
    const message: QuotesMessage = { ...good(), sides: toWire(quoteSides(form, snapshot('65010.2'), settings(), NOW)) };
    const positions = message.sides.map((side) => (side.result as WireQuote).position);
    expect(positions.map((p) => p?.change)).toEqual(['add', 'reduce']);
    expect(parseBgToCs(clone(message))).toEqual(message);
  });

  it('a feed error sentence, a degraded status, an old seq 0', () => {
    expect(
      parseBgToCs({
        ...clone(good()),
        seq: 0,
        status: 'degraded',
        lastError: 'HTTP 429 from fapi.binance.com, retrying in 8 s',
      }),
    ).not.toBeNull();
  });
});

const POSITION = {
  change: 'add',
  before: { side: 'long', quantity: '1', entryPrice: '20000' },
  after: { side: 'long', quantity: '2', entryPrice: '21000' },
  closedQuantity: '0',
  realisedPnl: '0',
  closingFee: '0',
  realisedPnlNet: '0',
  hedge: false,
  summary: 'after this order: position long 2 @ 21000',
};

describe('parseBgToCs: malformed messages are dropped', () => {
  const firstQuote = (m: Json): Json => m.sides[0].result;
  it.each<[string, (m: Json) => void]>([
    [
      'not the quotes type',
      (m) => {
        m.type = 'bg→cs:market-snapshot';
      },
    ],
    [
      'an unknown key at the top',
      (m) => {
        m.url = 'https://evil.example';
      },
    ],
    [
      'a missing key at the top',
      (m) => {
        delete m.lastError;
      },
    ],
    [
      'a __proto__ key',
      (m) => {
        Object.defineProperty(m, '__proto__', { value: {}, enumerable: true });
      },
    ],
    [
      'seq as a string',
      (m) => {
        m.seq = '7';
      },
    ],
    [
      'a zero tick size',
      (m) => {
        m.tickSize = '0.000';
      },
    ],
    [
      'a negative tick size',
      (m) => {
        m.tickSize = '-0.1';
      },
    ],
    [
      'a numeric tick size',
      (m) => {
        m.tickSize = 0.1;
      },
    ],
    [
      'a pnl line with a float',
      (m) => {
        m.sides[0].result.pnl.slope = 1;
      },
    ],
    [
      'a pnl line with an extra key',
      (m) => {
        m.sides[0].result.pnl.atMark = '1';
      },
    ],
    [
      'a negative seq',
      (m) => {
        m.seq = -1;
      },
    ],
    [
      'a fractional seq',
      (m) => {
        m.seq = 1.5;
      },
    ],
    [
      'an unknown venue',
      (m) => {
        m.venue = 'evil-exchange';
      },
    ],
    [
      'a symbol with markup',
      (m) => {
        m.symbol = '<img src=x onerror=alert(1)>';
      },
    ],
    [
      'three sides',
      (m) => {
        m.sides.push(m.sides[0]);
      },
    ],
    [
      'the same side twice',
      (m) => {
        m.sides[1].side = m.sides[0].side;
      },
    ],
    [
      'an unknown side',
      (m) => {
        m.sides[0].side = 'both';
      },
    ],
    [
      'an unknown key in a side',
      (m) => {
        m.sides[0].input = {};
      },
    ],
    [
      'an unknown key in a plan',
      (m) => {
        m.sides[0].plan.input = {};
      },
    ],
    [
      'an unknown mark state',
      (m) => {
        m.sides[0].plan.markState = 'fresh';
      },
    ],
    [
      'markAgeMs NaN',
      (m) => {
        m.sides[0].plan.markAgeMs = Number.NaN;
      },
    ],
    [
      'an unknown stale figure',
      (m) => {
        m.sides[0].plan.staleFigures = ['markPrice', 'price'];
      },
    ],
    [
      'a stale figure twice',
      (m) => {
        m.sides[0].plan.staleFigures = ['markPrice', 'markPrice'];
      },
    ],
    [
      'needsBalance as a string',
      (m) => {
        m.sides[0].plan.needsBalance = 'false';
      },
    ],
    [
      'NaN text',
      (m) => {
        firstQuote(m).liquidationPrice = 'NaN';
      },
    ],
    [
      'Infinity text',
      (m) => {
        firstQuote(m).notional = 'Infinity';
      },
    ],
    [
      'exponent notation',
      (m) => {
        firstQuote(m).initialMargin = '1e5';
      },
    ],
    [
      'a plus sign',
      (m) => {
        firstQuote(m).initialMargin = '+5';
      },
    ],
    [
      'a leading zero',
      (m) => {
        firstQuote(m).initialMargin = '05';
      },
    ],
    [
      'grouped digits',
      (m) => {
        firstQuote(m).initialMargin = '1,000';
      },
    ],
    [
      'empty text',
      (m) => {
        firstQuote(m).breakEvenPrice = '';
      },
    ],
    [
      'a number instead of a string',
      (m) => {
        firstQuote(m).liquidationPrice = 59000.5;
      },
    ],
    [
      'a number in fees',
      (m) => {
        firstQuote(m).fees.open = 1.3;
      },
    ],
    [
      'a number in carry',
      (m) => {
        firstQuote(m).carry.total = 0;
      },
    ],
    [
      'a number in details',
      (m) => {
        firstQuote(m).details = { x: 1 };
      },
    ],
    [
      'null where the contract has a number',
      (m) => {
        firstQuote(m).notional = null;
      },
    ],
    [
      'a huge decimal string',
      (m) => {
        firstQuote(m).notional = '9'.repeat(101);
      },
    ],
    [
      'a huge warning message',
      (m) => {
        firstQuote(m).warnings.push({ code: 'X', severity: 'info', message: 'x'.repeat(1001) });
      },
    ],
    [
      'a huge assumption',
      (m) => {
        firstQuote(m).assumptions.push('x'.repeat(1001));
      },
    ],
    [
      'too many assumptions',
      (m) => {
        firstQuote(m).assumptions = Array.from({ length: 51 }, () => 'a');
      },
    ],
    [
      'a huge feed error',
      (m) => {
        m.lastError = 'x'.repeat(301);
      },
    ],
    [
      'a lowercase warning code',
      (m) => {
        firstQuote(m).warnings.push({ code: 'liquidation_near', severity: 'danger', message: 'x' });
      },
    ],
    [
      'a warning code with markup',
      (m) => {
        firstQuote(m).warnings.push({ code: '<B>', severity: 'danger', message: 'x' });
      },
    ],
    [
      'an unknown severity',
      (m) => {
        firstQuote(m).warnings.push({ code: 'X', severity: 'fatal', message: 'x' });
      },
    ],
    [
      'an unknown key in a warning',
      (m) => {
        firstQuote(m).warnings.push({ code: 'X', severity: 'info', message: 'x', html: '<b>' });
      },
    ],
    [
      'an unknown key in a quote',
      (m) => {
        firstQuote(m).extra = '1';
      },
    ],
    [
      'a missing key in a quote',
      (m) => {
        delete firstQuote(m).marginCallPrice;
      },
    ],
    [
      'an unknown key in fees',
      (m) => {
        firstQuote(m).fees.rebate = '1';
      },
    ],
    [
      'an unknown carry kind',
      (m) => {
        firstQuote(m).carry.kind = 'dividend';
      },
    ],
    [
      'an unknown margin level unit',
      (m) => {
        firstQuote(m).marginLevelUnit = 'bps';
      },
    ],
    [
      'a detail key with markup',
      (m) => {
        firstQuote(m).details = { '<b>': '1' };
      },
    ],
    [
      'a quote for another venue',
      (m) => {
        firstQuote(m).venue = 'kraken-margin';
      },
    ],
    [
      'an error with an unknown key',
      (m) => {
        m.sides[0].result = { error: { code: 'INVALID_VALUE', message: 'x', path: '', stack: 'y' } };
      },
    ],
    [
      'an error with a huge message',
      (m) => {
        m.sides[0].result = { error: { code: 'INVALID_VALUE', message: 'x'.repeat(1001), path: '' } };
      },
    ],
    [
      'an error next to a quote',
      (m) => {
        m.sides[0].result = { error: { code: 'INVALID_VALUE', message: 'x', path: '' }, notional: '1' };
      },
    ],
    [
      'a mark with NaN',
      (m) => {
        m.mark.value = 'NaN';
      },
    ],
    [
      'a mark as a number',
      (m) => {
        m.mark.value = 65010.2;
      },
    ],
    [
      'a mark time as a string',
      (m) => {
        m.mark.receivedAt = String(NOW);
      },
    ],
    [
      'a mark with an unknown key',
      (m) => {
        m.mark.source = 'page';
      },
    ],
    [
      'an unknown status',
      (m) => {
        m.status = 'ok';
      },
    ],
    [
      'no refusal key',
      (m) => {
        delete m.refusal;
      },
    ],
    [
      'a refusal next to figures',
      (m) => {
        m.refusal = { code: 'IMPLAUSIBLE', field: 'price', text: 'misread' };
      },
    ],
    [
      'an unknown refusal code',
      (m) => {
        m.sides = [];
        m.refusal = { code: 'NOPE', field: 'price', text: 'x' };
      },
    ],
    [
      'a refusal code in lower case',
      (m) => {
        m.sides = [];
        m.refusal = { code: 'implausible', field: 'price', text: 'x' };
      },
    ],
    [
      'a refusal field with markup',
      (m) => {
        m.sides = [];
        m.refusal = { code: 'FORM_INVALID', field: '<img src=x>', text: 'x' };
      },
    ],
    [
      'a refusal field too deep',
      (m) => {
        m.sides = [];
        m.refusal = { code: 'FORM_INVALID', field: 'a.b.c.d.e', text: 'x' };
      },
    ],
    [
      'a huge refusal field',
      (m) => {
        m.sides = [];
        m.refusal = { code: 'FORM_INVALID', field: 'a'.repeat(41), text: 'x' };
      },
    ],
    [
      'a huge refusal text',
      (m) => {
        m.sides = [];
        m.refusal = { code: 'FORM_INVALID', field: 'form', text: 'x'.repeat(301) };
      },
    ],
    [
      'an empty refusal text',
      (m) => {
        m.sides = [];
        m.refusal = { code: 'FORM_INVALID', field: 'form', text: '' };
      },
    ],
    [
      'a refusal text as a number',
      (m) => {
        m.sides = [];
        m.refusal = { code: 'FORM_INVALID', field: 'form', text: 65 };
      },
    ],
    [
      'a refusal with an extra key',
      (m) => {
        m.sides = [];
        m.refusal = { code: 'FORM_INVALID', field: 'form', text: 'x', html: '<b>' };
      },
    ],
    [
      'a refusal as a string',
      (m) => {
        m.sides = [];
        m.refusal = 'FORM_INVALID';
      },
    ],
    [
      'positionsTooMany as a string',
      (m) => {
        m.sides[0].plan.positionsTooMany = 'true';
      },
    ],
    [
      'a missing positionsImplausible',
      (m) => {
        delete m.sides[0].plan.positionsImplausible;
      },
    ],
    [
      'an implausible position symbol with markup',
      (m) => {
        m.sides[0].plan.positionsImplausible = ['<b>'];
      },
    ],
    [
      'a position with an unknown change',
      (m) => {
        firstQuote(m).position = { ...POSITION, change: 'grow' };
      },
    ],
    [
      'a position with a number for its size',
      (m) => {
        firstQuote(m).position = { ...POSITION, after: { ...POSITION.after, quantity: 2 } };
      },
    ],
    [
      'a position with an extra key',
      (m) => {
        firstQuote(m).position = { ...POSITION, leverage: '10' };
      },
    ],
    [
      'a position without its summary',
      (m) => {
        const { summary: _, ...rest } = POSITION;
        firstQuote(m).position = rest;
      },
    ],
  ])('%s', (_, change) => {
    expect(parseBgToCs(bad(change))).toBeNull();
  });

  it('non-objects', () => {
    for (const v of [null, undefined, 'bg→cs:quotes', 7, [], [good()]]) expect(parseBgToCs(v)).toBeNull();
  });

  it('the good message passes after every check above (the cases change only what they name)', () => {
    expect(parseBgToCs(bad(() => undefined))).not.toBeNull();
    expect(
      parseBgToCs(
        bad((m) => {
          firstQuote(m).position = POSITION;
        }),
      ),
    ).not.toBeNull();
    expect(isWireQuote(clone(good().sides[0]!.result) as WireQuote, 'binance-usdm')).toBe(true);
  });
});
