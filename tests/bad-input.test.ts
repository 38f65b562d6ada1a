// Bad input through the real `preflight quote` CLI (child process) and through the
// in-process API. Contract (shared/contracts/quote-cli.md): exit 2, stdout
// {"error": {"code", "message", "path"}} (per item for an array), one human line on stderr,
// never a stack trace.
//
// Spawns are slow (~0.5 s), so: a handful of single-object runs, ONE array run carrying
// every object-level case between valid scenarios, and every case again in-process.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, quoteText } from '../src/cli/main';
import { Dec } from '../src/core/decimal';
import { quoteJson, type QuoteResult } from '../src/core/quote';
import { bundledFacts } from '../src/venues/bundled-facts';
import { runPreflight, runQuote, type CliRun } from './helpers/cli';

type Json = Record<string, unknown>;

const SPAWN_TIMEOUT = 30_000;

const BASE: Json = {
  venue: 'bybit-linear',
  marginMode: 'isolated',
  order: { symbol: 'BTCUSDT', side: 'long', price: '20000', quantity: '1', leverage: '50' },
  market: { maintenanceMarginRate: '0.005' },
};

const VALID_KRAKEN: Json = {
  venue: 'kraken-margin',
  order: { symbol: 'XBTUSD', side: 'long', price: '60000', quantity: '0.5', leverage: '5' },
  market: { markPrice: '60000' },
  account: { walletBalance: '10000' },
};

const VALID_BINANCE_CROSS: Json = {
  venue: 'binance-usdm',
  marginMode: 'cross',
  order: { symbol: 'BTCUSDT', side: 'short', type: 'market', price: '30000', quantity: '2', leverage: '20' },
  account: { walletBalance: '5000' },
};

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** BASE with top-level keys replaced; `undefined` deletes the key. */
function withTop(patch: Json): Json {
  const out = clone(BASE);
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) delete out[k];
    else out[k] = v;
  }
  return out;
}

/** BASE with order fields replaced; `undefined` deletes the field. */
function withOrder(patch: Json): Json {
  const out = clone(BASE);
  const order = out.order as Json;
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) delete order[k];
    else order[k] = v;
  }
  return out;
}

/** BASE with market fields replaced. */
function withMarket(patch: Json): Json {
  const out = clone(BASE);
  out.market = { ...(out.market as Json), ...patch };
  return out;
}

interface BadCase {
  name: string;
  /** The scenario as a JSON value … */
  input?: unknown;
  /** … or as raw JSON text, for what JSON.stringify cannot express (e.g. 1e400). */
  text?: string;
  code: string;
  path: string;
}

function caseText(c: BadCase): string {
  return c.text ?? JSON.stringify(c.input);
}

/** A case written as raw JSON text (a number literal JSON.stringify cannot produce). */
function hasRawText(c: BadCase | 'quote'): boolean {
  return c !== 'quote' && c.text !== undefined;
}

function caseValue(c: BadCase): unknown {
  return c.text === undefined ? c.input : JSON.parse(c.text);
}

// ---- object-level cases: each is one scenario, valid JSON -------------------------------

const numberCases = (field: 'quantity' | 'price' | 'leverage'): BadCase[] => {
  const path = `order.${field}`;
  const cases: BadCase[] = [
    { name: `${field} missing`, input: withOrder({ [field]: undefined }), code: 'MISSING_FIELD', path },
    { name: `${field} null`, input: withOrder({ [field]: null }), code: 'MISSING_FIELD', path },
    { name: `${field} "0"`, input: withOrder({ [field]: '0' }), code: 'OUT_OF_RANGE', path },
    { name: `${field} 0 (number)`, input: withOrder({ [field]: 0 }), code: 'OUT_OF_RANGE', path },
    { name: `${field} "-0"`, input: withOrder({ [field]: '-0' }), code: 'OUT_OF_RANGE', path },
    { name: `${field} "-1"`, input: withOrder({ [field]: '-1' }), code: 'OUT_OF_RANGE', path },
    { name: `${field} -5 (number)`, input: withOrder({ [field]: -5 }), code: 'OUT_OF_RANGE', path },
    { name: `${field} text`, input: withOrder({ [field]: 'one' }), code: 'INVALID_NUMBER', path },
    { name: `${field} "NaN"`, input: withOrder({ [field]: 'NaN' }), code: 'INVALID_NUMBER', path },
    { name: `${field} "Infinity"`, input: withOrder({ [field]: 'Infinity' }), code: 'INVALID_NUMBER', path },
    { name: `${field} "-Infinity"`, input: withOrder({ [field]: '-Infinity' }), code: 'INVALID_NUMBER', path },
    { name: `${field} "1,000"`, input: withOrder({ [field]: '1,000' }), code: 'INVALID_NUMBER', path },
    { name: `${field} "0x10"`, input: withOrder({ [field]: '0x10' }), code: 'INVALID_NUMBER', path },
    { name: `${field} ""`, input: withOrder({ [field]: '' }), code: 'INVALID_NUMBER', path },
    { name: `${field} " 5"`, input: withOrder({ [field]: ' 5' }), code: 'INVALID_NUMBER', path },
    { name: `${field} "5 USDT"`, input: withOrder({ [field]: '5 USDT' }), code: 'INVALID_NUMBER', path },
    { name: `${field} true`, input: withOrder({ [field]: true }), code: 'INVALID_NUMBER', path },
    { name: `${field} object`, input: withOrder({ [field]: { value: '5' } }), code: 'INVALID_NUMBER', path },
    { name: `${field} array`, input: withOrder({ [field]: ['5'] }), code: 'INVALID_NUMBER', path },
    {
      name: `${field} 1e400 (JSON number that overflows to Infinity)`,
      text: JSON.stringify(withOrder({ [field]: '@@' })).replace('"@@"', '1e400'),
      code: 'INVALID_NUMBER',
      path,
    },
  ];
  if (field === 'leverage') {
    cases.push(
      { name: 'leverage "0.5" (below 1)', input: withOrder({ leverage: '0.5' }), code: 'OUT_OF_RANGE', path },
      { name: 'leverage 0.99 (number, below 1)', input: withOrder({ leverage: 0.99 }), code: 'OUT_OF_RANGE', path },
    );
  }
  return cases;
};

const OBJECT_CASES: BadCase[] = [
  { name: 'JSON null', input: null, code: 'INVALID_TYPE', path: '' },
  { name: 'JSON number', input: 42, code: 'INVALID_TYPE', path: '' },
  { name: 'JSON string', input: 'bybit-linear', code: 'INVALID_TYPE', path: '' },
  { name: 'JSON boolean', input: true, code: 'INVALID_TYPE', path: '' },
  { name: 'unknown venue', input: withTop({ venue: 'bybit' }), code: 'UNKNOWN_VENUE', path: 'venue' },
  { name: 'venue of the wrong case', input: withTop({ venue: 'Bybit-Linear' }), code: 'UNKNOWN_VENUE', path: 'venue' },
  { name: 'venue not a string', input: withTop({ venue: 7 }), code: 'UNKNOWN_VENUE', path: 'venue' },
  { name: 'missing venue', input: withTop({ venue: undefined }), code: 'MISSING_FIELD', path: 'venue' },
  { name: 'missing order', input: withTop({ order: undefined }), code: 'MISSING_FIELD', path: 'order' },
  { name: 'order not an object', input: withTop({ order: 'buy 1 BTC' }), code: 'INVALID_TYPE', path: 'order' },
  { name: 'order is an array', input: withTop({ order: [] }), code: 'INVALID_TYPE', path: 'order' },
  ...numberCases('quantity'),
  ...numberCases('price'),
  ...numberCases('leverage'),
  {
    name: 'unknown field (typo "quantitiy")',
    input: withOrder({ quantity: undefined, quantitiy: '1' }),
    code: 'UNKNOWN_FIELD',
    path: 'order.quantitiy',
  },
  { name: 'unknown top-level field', input: withTop({ venu: 'bybit-linear' }), code: 'UNKNOWN_FIELD', path: 'venu' },
  {
    name: 'unknown market field',
    input: withMarket({ takerFee: '0.0005' }),
    code: 'UNKNOWN_FIELD',
    path: 'market.takerFee',
  },
  { name: 'side "buy"', input: withOrder({ side: 'buy' }), code: 'INVALID_ENUM', path: 'order.side' },
  { name: 'side "LONG"', input: withOrder({ side: 'LONG' }), code: 'INVALID_ENUM', path: 'order.side' },
  { name: 'side missing', input: withOrder({ side: undefined }), code: 'MISSING_FIELD', path: 'order.side' },
  { name: 'marginMode "isolate"', input: withTop({ marginMode: 'isolate' }), code: 'INVALID_ENUM', path: 'marginMode' },
  {
    name: 'marginMode missing (not Kraken)',
    input: withTop({ marginMode: undefined }),
    code: 'MISSING_FIELD',
    path: 'marginMode',
  },
  { name: 'type "stop"', input: withOrder({ type: 'stop' }), code: 'INVALID_ENUM', path: 'order.type' },
  { name: 'type 1', input: withOrder({ type: 1 }), code: 'INVALID_ENUM', path: 'order.type' },
  {
    name: 'takerFeeRate "NaN"',
    input: withMarket({ takerFeeRate: 'NaN' }),
    code: 'INVALID_NUMBER',
    path: 'market.takerFeeRate',
  },
  {
    name: 'makerFeeRate "0.5" (percent given as fraction?)',
    input: withMarket({ makerFeeRate: '0.5' }),
    code: 'OUT_OF_RANGE',
    path: 'market.makerFeeRate',
  },
  {
    name: 'maintenanceMarginRate "1"',
    input: withMarket({ maintenanceMarginRate: '1' }),
    code: 'OUT_OF_RANGE',
    path: 'market.maintenanceMarginRate',
  },
  {
    name: 'tiers with a gap',
    input: withMarket({
      maintenanceMarginRate: undefined,
      tiers: [
        { notionalFloor: '0', notionalCap: '50000', maintenanceMarginRate: '0.004' },
        { notionalFloor: '60000', notionalCap: '250000', maintenanceMarginRate: '0.005' },
      ],
    }),
    code: 'OUT_OF_RANGE',
    path: 'market.tiers[1].notionalFloor',
  },
  {
    name: 'tiers overlapping',
    input: withMarket({
      maintenanceMarginRate: undefined,
      tiers: [
        { notionalFloor: '0', notionalCap: '50000', maintenanceMarginRate: '0.004' },
        { notionalFloor: '40000', maintenanceMarginRate: '0.005' },
      ],
    }),
    code: 'OUT_OF_RANGE',
    path: 'market.tiers[1].notionalFloor',
  },
  {
    name: 'tiers not starting at 0',
    input: withMarket({
      maintenanceMarginRate: undefined,
      tiers: [
        { notionalFloor: '1000', notionalCap: '50000', maintenanceMarginRate: '0.004' },
        { notionalFloor: '50000', maintenanceMarginRate: '0.005' },
      ],
    }),
    code: 'OUT_OF_RANGE',
    path: 'market.tiers[0].notionalFloor',
  },
  {
    name: 'open-ended tier before the last',
    input: withMarket({
      maintenanceMarginRate: undefined,
      tiers: [
        { notionalFloor: '0', maintenanceMarginRate: '0.004' },
        { notionalFloor: '50000', maintenanceMarginRate: '0.005' },
      ],
    }),
    code: 'OUT_OF_RANGE',
    path: 'market.tiers[1].notionalFloor',
  },
  {
    name: 'tiers empty',
    input: withMarket({ maintenanceMarginRate: undefined, tiers: [] }),
    code: 'OUT_OF_RANGE',
    path: 'market.tiers',
  },
  { name: 'holdHours negative', input: withTop({ holdHours: '-1' }), code: 'OUT_OF_RANGE', path: 'holdHours' },
  {
    name: 'cross position without symbol',
    input: withTop({
      marginMode: 'cross',
      account: {
        walletBalance: '10000',
        positions: [
          { side: 'long', quantity: '1', entryPrice: '100', markPrice: '100', maintenanceMarginRate: '0.01' },
        ],
      },
    }),
    code: 'MISSING_FIELD',
    path: 'account.positions[0].symbol',
  },
  {
    name: 'Kraken isolated (rejected by the venue model, not the parser)',
    input: { ...clone(VALID_KRAKEN), marginMode: 'isolated' },
    code: 'UNSUPPORTED',
    path: 'marginMode',
  },
];

// ---- text-level cases: the whole stdin is wrong, not one scenario -------------------------

const TEXT_CASES: { name: string; text: string; code: string; spawn: boolean }[] = [
  { name: 'empty stdin', text: '', code: 'INVALID_JSON', spawn: true },
  { name: 'whitespace only', text: ' \n\t \r\n', code: 'INVALID_JSON', spawn: true },
  { name: 'invalid JSON', text: '{venue: bybit-linear,', code: 'INVALID_JSON', spawn: true },
  { name: 'truncated JSON', text: JSON.stringify(BASE).slice(0, 40), code: 'INVALID_JSON', spawn: false },
  { name: 'array not closed', text: `[${JSON.stringify(BASE)}`, code: 'INVALID_JSON', spawn: false },
  { name: 'empty array', text: '[]', code: 'INVALID_TYPE', spawn: true },
];

// ---- assertions --------------------------------------------------------------------------

function expectErrorShape(value: unknown, code: string, path: string): void {
  expect(value).toBeTypeOf('object');
  expect(Object.keys(value as object)).toEqual(['error']);
  const error = (value as { error: Record<string, unknown> }).error;
  expect(Object.keys(error).sort()).toEqual(['code', 'message', 'path']);
  expect(error.code).toBe(code);
  expect(error.path).toBe(path);
  expect(error.message).toBeTypeOf('string');
  expect((error.message as string).trim().length).toBeGreaterThan(0);
}

function expectNoStackTrace(stderr: string): void {
  expect(stderr).not.toMatch(/^\s+at /m);
  expect(stderr).not.toMatch(/\b[A-Z][A-Za-z]*Error\b:/); // "Error:", "TypeError:", "InputError:" dumps
  expect(stderr).not.toMatch(/node:internal|file:\/\/|\.ts:\d+/);
}

/** One human line ("preflight: …"), a usage line at most after it. */
function expectOneHumanLine(stderr: string): void {
  expectNoStackTrace(stderr);
  const lines = stderr.split('\n').filter((line) => line.trim() !== '');
  expect(lines.length).toBeGreaterThanOrEqual(1);
  expect(lines.length).toBeLessThanOrEqual(2);
  expect(lines[0]).toMatch(/^preflight: \S/);
  expect(stderr.length).toBeLessThan(300);
}

function expectCliError(run: CliRun, code: string, path: string): void {
  expect(run.status, `stderr: ${run.stderr}`).toBe(2);
  expect(run.json, `stdout is not JSON: ${run.stdout.slice(0, 200)}`).toBeDefined();
  expectErrorShape(run.json, code, path);
  expectOneHumanLine(run.stderr);
}

function isQuote(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    !('error' in value) &&
    'liquidationPrice' in value &&
    'notional' in value
  );
}

// ---- the real CLI: single-object mode, a representative subset ----------------------------

describe('preflight quote (child process), one scenario per run', () => {
  for (const c of TEXT_CASES.filter((x) => x.spawn)) {
    it(`${c.name} → exit 2, ${c.code}`, { timeout: SPAWN_TIMEOUT }, () => {
      const run = runQuote(c.text);
      expectCliError(run, c.code, '');
    });
  }

  const SUBSET = [
    'JSON null',
    'unknown venue',
    'missing order',
    'quantity "1,000"',
    'leverage "0.5" (below 1)',
    'unknown field (typo "quantitiy")',
    'tiers with a gap',
  ];
  for (const name of SUBSET) {
    const c = OBJECT_CASES.find((x) => x.name === name);
    if (!c) throw new Error(`no case named ${name}`);
    it(`${c.name} → exit 2, ${c.code} at "${c.path}", same error as the API`, { timeout: SPAWN_TIMEOUT }, () => {
      const run = runQuote(caseText(c));
      expectCliError(run, c.code, c.path);
      expect(run.json).toEqual(quoteJson(caseValue(c), bundledFacts()));
      // The human line names the path, so a trader can find the field.
      if (c.path) expect(run.stderr).toContain(c.path);
    });
  }

  it('--input of a missing file → exit 2, USAGE', { timeout: SPAWN_TIMEOUT }, () => {
    const run = runQuote('', ['--input', join(tmpdir(), 'preflight-no-such-file-8f3a1c.json')]);
    expectCliError(run, 'USAGE', '');
  });

  it('unknown command → exit 2, USAGE', { timeout: SPAWN_TIMEOUT }, () => {
    const run = runPreflight(JSON.stringify(BASE), { args: ['qoute'] });
    expectCliError(run, 'USAGE', '');
    expect(run.stderr).toContain('qoute');
  });

  it('unknown option → exit 2, USAGE', { timeout: SPAWN_TIMEOUT }, () => {
    const run = runQuote(JSON.stringify(BASE), ['--inptu', 'x.json']);
    expectCliError(run, 'USAGE', '');
    expect(run.stderr).toContain('--inptu');
  });
});

// ---- the real CLI: every object-level case in ONE array run ------------------------------

describe('preflight quote (child process), array of scenarios', () => {
  // Valid scenarios at the start, in the middle and at the end prove results are per item.
  const items: { text: string; value: unknown; expect: BadCase | 'quote' }[] = [];
  const valid = [BASE, VALID_KRAKEN, VALID_BINANCE_CROSS];
  items.push({ text: JSON.stringify(valid[0]), value: valid[0], expect: 'quote' });
  OBJECT_CASES.forEach((c, i) => {
    items.push({ text: caseText(c), value: caseValue(c), expect: c });
    if (i === Math.floor(OBJECT_CASES.length / 2))
      items.push({ text: JSON.stringify(valid[1]), value: valid[1], expect: 'quote' });
  });
  items.push({ text: JSON.stringify(valid[2]), value: valid[2], expect: 'quote' });
  const arrayText = `[\n${items.map((item) => item.text).join(',\n')}\n]`;

  let run: CliRun | undefined;
  const getRun = (): CliRun => (run ??= runQuote(arrayText));

  it('exits 2 with an array of per-item results in input order', { timeout: SPAWN_TIMEOUT }, () => {
    const r = getRun();
    expect(r.status, r.stderr).toBe(2);
    expect(Array.isArray(r.json)).toBe(true);
    expect((r.json as unknown[]).length).toBe(items.length);
  });

  it(
    'every invalid item carries its own error code and path; valid items are quotes',
    { timeout: SPAWN_TIMEOUT },
    () => {
      const results = getRun().json as unknown[];
      items.forEach((item, index) => {
        const result = results[index];
        if (item.expect === 'quote') {
          expect(isQuote(result), `item [${index}] should be a quote: ${JSON.stringify(result).slice(0, 200)}`).toBe(
            true,
          );
          expect((result as { venue: string }).venue).toBe((item.value as { venue: string }).venue);
        } else {
          const c = item.expect;
          expect(result, `item [${index}] (${c.name})`).toHaveProperty('error');
          const error = (result as { error: { code: string; path: string } }).error;
          expect({ index, name: c.name, code: error.code, path: error.path }).toEqual({
            index,
            name: c.name,
            code: c.code,
            path: c.path,
          });
          expectErrorShape(result, c.code, c.path);
        }
      });
    },
  );

  it(
    'each item equals what the in-process API returns for it (errors and quotes alike)',
    { timeout: SPAWN_TIMEOUT },
    () => {
      const results = getRun().json as unknown[];
      const facts = bundledFacts();
      items.forEach((item, index) => {
        // A literal JSON.parse changes (1e400) is refused from the text, before quoteJson sees the double.
        const expected = hasRawText(item.expect) ? quoteText(item.text).output : quoteJson(item.value, facts);
        expect(results[index], `item [${index}]`).toEqual(JSON.parse(JSON.stringify(expected)));
      });
    },
  );

  it('stderr: short "preflight: scenario [i]" lines, capped, no stack trace', { timeout: SPAWN_TIMEOUT }, () => {
    const { stderr } = getRun();
    expectNoStackTrace(stderr);
    const lines = stderr.split('\n').filter((line) => line.trim() !== '');
    const firstInvalid = items.findIndex((item) => item.expect !== 'quote');
    expect(lines[0]).toMatch(new RegExp(`^preflight: scenario \\[${firstInvalid}\\]: `));
    expect(lines.length).toBeLessThanOrEqual(6);
    expect(lines[lines.length - 1]).toMatch(/^preflight: … and \d+ more invalid scenario/);
    for (const line of lines) expect(line.length).toBeLessThan(300);
  });
});

// ---- the in-process API: every case, no spawn --------------------------------------------

describe('in-process API gives the same error codes', () => {
  const facts = bundledFacts();

  for (const c of OBJECT_CASES) {
    it(`quoteJson: ${c.name} → ${c.code} at "${c.path}"`, () => {
      const result = quoteJson(caseValue(c), facts);
      expectErrorShape(result, c.code, c.path);
    });
  }

  for (const c of OBJECT_CASES) {
    it(`quoteText: ${c.name} → same error as quoteJson and one failure line`, () => {
      const { output, failures } = quoteText(caseText(c));
      if (hasRawText(c)) {
        // quoteJson only sees the double JSON.parse made (Infinity); quoteText names the literal written.
        expectErrorShape(output, c.code, c.path);
        expect((output as { error: { message: string } }).error.message).toContain('1e400');
      } else {
        expect(output).toEqual(quoteJson(caseValue(c), facts));
      }
      expect(failures).toHaveLength(1);
      if (c.path) expect(failures[0]).toContain(c.path);
    });
  }

  for (const c of TEXT_CASES) {
    it(`quoteText: ${c.name} → ${c.code}`, () => {
      const { output, failures } = quoteText(c.text);
      expectErrorShape(output, c.code, '');
      expect(failures).toHaveLength(1);
    });
  }

  async function cliInProcess(args: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    const code = await runCli(args, { stdin: async () => stdin, stdout: (t) => (out += t), stderr: (t) => (err += t) });
    return { code, out, err };
  }

  const USAGE_CASES: { name: string; args: string[] }[] = [
    { name: 'bare file name without --input (would otherwise wait on stdin)', args: ['quote', 'scenario.json'] },
    { name: 'unknown command', args: ['qoute'] },
    { name: 'no command', args: [] },
    { name: 'unknown option', args: ['quote', '--inptu', 'x.json'] },
    { name: '--input without file', args: ['quote', '--input'] },
    {
      name: '--input of a missing file',
      args: ['quote', '--input', join(tmpdir(), 'preflight-no-such-file-8f3a1c.json')],
    },
  ];
  for (const c of USAGE_CASES) {
    it(`runCli: ${c.name} → 2, USAGE, one human line`, async () => {
      const { code, out, err } = await cliInProcess(c.args, JSON.stringify(BASE));
      expect(code).toBe(2);
      expectErrorShape(JSON.parse(out), 'USAGE', '');
      expectOneHumanLine(err);
    });
  }

  it('runCli: an invalid scenario → 2 and the quoteJson error on stdout', async () => {
    const c = OBJECT_CASES.find((x) => x.name === 'quantity "NaN"')!;
    const { code, out, err } = await cliInProcess(['quote'], caseText(c));
    expect(code).toBe(2);
    expect(JSON.parse(out)).toEqual(quoteJson(caseValue(c), facts));
    expectOneHumanLine(err);
  });
});

// ---- number forms and --input FILE --------------------------------------------------------

describe('number forms', () => {
  const facts = bundledFacts();
  const forms: unknown[] = [1000, '1000', '1e3', '1E3', '1000.000', '+1000'];

  const scenarios: { name: string; build: (v: unknown) => unknown }[] = [
    { name: 'bybit isolated, order.price', build: (v) => withOrder({ price: v }) },
    { name: 'bybit isolated, order.quantity (tiny price)', build: (v) => withOrder({ quantity: v, price: '0.5' }) },
    {
      name: 'binance-usdm cross, account.walletBalance',
      build: (v) => ({ ...clone(VALID_BINANCE_CROSS), account: { walletBalance: v } }),
    },
    {
      name: 'kraken cross, account.walletBalance',
      build: (v) => ({ ...clone(VALID_KRAKEN), account: { walletBalance: v } }),
    },
  ];

  for (const s of scenarios) {
    it(`${s.name}: 1000, "1000", "1e3", … give identical output`, () => {
      const outputs = forms.map((v) => quoteJson(s.build(v), facts));
      for (const o of outputs) expect(o, JSON.stringify(o).slice(0, 200)).not.toHaveProperty('error');
      for (const o of outputs.slice(1)) expect(o).toEqual(outputs[0]);
    });
  }

  it('a JSON number with a fraction equals its decimal string (0.1 vs "0.1")', () => {
    const a = quoteJson(withOrder({ quantity: 0.1 }), facts);
    const b = quoteJson(withOrder({ quantity: '0.1' }), facts);
    expect(a).not.toHaveProperty('error');
    expect(a).toEqual(b);
  });
});

describe('npm run --silent preflight -- quote --input FILE', () => {
  const dir = mkdtempSync(join(tmpdir(), 'preflight-bad-input-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a valid file, exits 0 and prints the same quote as the API', { timeout: SPAWN_TIMEOUT }, () => {
    const file = join(dir, 'scenario.json');
    writeFileSync(file, `${JSON.stringify(BASE, null, 2)}\n`);
    const run = runPreflight('', { viaNpm: true, args: ['quote', '--input', file] });
    expect(run.status, run.stderr).toBe(0);
    expect(isQuote(run.json)).toBe(true);
    const expected: QuoteResult = quoteJson(BASE, bundledFacts());
    expect(run.json).toEqual(JSON.parse(JSON.stringify(expected)));
    // Bybit UTA (formulas.md §4.2): MM at the liquidation price, fee to close cancels:
    // (20,000 − 400) / (1 − 0.005) = 19,698.4924623… (the classic account's 19,700 is retired).
    expect((run.json as { liquidationPrice: string }).liquidationPrice).toBe(new Dec(19600).div('0.995').toFixed());
  });
});

describe('fixed after review', () => {
  for (const value of ['1e999999999', '1e-999999999', '1e21', '-1e30', '1e-19']) {
    it(`quantity ${value} is refused at once instead of expanding to a huge number`, () => {
      const started = Date.now();
      const out = quoteJson({ ...BASE, order: { ...(BASE as any).order, quantity: value } }, bundledFacts()) as any;
      expect(['INVALID_NUMBER', 'OUT_OF_RANGE']).toContain(out.error?.code);
      expect(out.error.path).toBe('order.quantity');
      expect(Date.now() - started).toBeLessThan(1000);
    });
  }

  it('a missing --input file is named in the message', async () => {
    let out = '';
    const name = join(tmpdir(), 'preflight-missing-77.json');
    const code = await runCli(['quote', '--input', name], {
      stdin: async () => '',
      stdout: (t) => (out += t),
      stderr: () => {},
    });
    expect(code).toBe(2);
    expect(JSON.parse(out).error.message).toContain(name);
  });

  it('a UTF-8 byte-order mark at the start of an --input file is accepted', async () => {
    const file = join(tmpdir(), `preflight-bom-${process.pid}.json`);
    writeFileSync(file, `\uFEFF${JSON.stringify(BASE)}`);
    let out = '';
    const code = await runCli(['quote', '--input', file], {
      stdin: async () => '',
      stdout: (t) => (out += t),
      stderr: () => {},
    });
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual(quoteJson(BASE, bundledFacts()));
  });
});
