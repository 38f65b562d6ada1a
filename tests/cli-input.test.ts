// How `preflight quote` takes its input (issue 9): values it echoes back are clipped, the input is
// capped before it is read (a regular file by its size, anything else by a hard byte cap), a
// byte-order mark is stripped on stdin as on a file, a JSON number the double does not keep is
// refused with its path, and a repeated flag is a usage error. Real CLI processes where the
// operating system matters (/dev/zero, stdin bytes); the rest in-process.
import { execFileSync } from 'node:child_process';
import { closeSync, createWriteStream, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { keepsValue, lostNumbers } from '../src/cli/json-numbers';
import { quoteText, runCli } from '../src/cli/main';
import { InputTooLarge, MAX_INPUT_BYTES, readInputFile, readStdin } from '../src/cli/read-input';
import { quoteJson } from '../src/core/quote';
import { bundledFacts } from '../src/venues/bundled-facts';
import { runPreflight, runQuote } from './helpers/cli';

const SPAWN_TIMEOUT = 30_000;
const TEN_MB = 10 * 1024 * 1024;

const BASE = {
  venue: 'bybit-linear',
  marginMode: 'isolated',
  order: { symbol: 'BTCUSDT', side: 'long', price: '20000', quantity: '1', leverage: '50' },
  market: { maintenanceMarginRate: '0.005' },
};

const dir = mkdtempSync(join(tmpdir(), 'preflight-cli-input-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface InProcess {
  code: number;
  out: string;
  err: string;
  json: { error: { code: string; message: string; path: string } };
}

async function cli(args: string[], stdin = ''): Promise<InProcess> {
  let out = '';
  let err = '';
  const code = await runCli(args, { stdin: async () => stdin, stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err, json: JSON.parse(out) };
}

/** The error of a single-scenario quoteText run. */
function errorOf(text: string): { code: string; message: string; path: string } {
  const { output } = quoteText(text);
  expect(output).toHaveProperty('error');
  return (output as { error: { code: string; message: string; path: string } }).error;
}

describe('values echoed in error messages are clipped', () => {
  const huge = 'x'.repeat(TEN_MB - 1000);

  it('a 10 MB venue string: the message repeats at most 80 characters of it, with an ellipsis', () => {
    const error = errorOf(JSON.stringify({ ...BASE, venue: huge }));
    expect(error.code).toBe('UNKNOWN_VENUE');
    expect(error.path).toBe('venue');
    expect(error.message).toContain('…');
    expect(error.message.length).toBeLessThan(300);
    const echoed = /x+/.exec(error.message)![0];
    expect(echoed.length).toBeLessThanOrEqual(80);
  });

  it('a 10 MB enum value and a 10 MB number text are clipped the same way', () => {
    for (const order of [
      { ...BASE.order, side: huge },
      { ...BASE.order, quantity: huge },
    ]) {
      const error = errorOf(JSON.stringify({ ...BASE, order }));
      expect(['INVALID_ENUM', 'INVALID_NUMBER']).toContain(error.code);
      expect(error.message.length).toBeLessThan(300);
      expect(error.message).toContain('…');
    }
  });

  it('a 10 MB unknown key: message and path stay short', () => {
    const error = errorOf(JSON.stringify({ ...BASE, order: { ...BASE.order, [huge]: '1' } }));
    expect(error.code).toBe('UNKNOWN_FIELD');
    expect(error.path.length).toBeLessThanOrEqual(100);
    expect(error.path.startsWith('order.xxxx')).toBe(true);
    expect(error.message.length).toBeLessThan(300);
  });

  it('a short value is echoed whole', () => {
    const error = errorOf(JSON.stringify({ ...BASE, venue: 'bybit' }));
    expect(error.message).toContain('"bybit"');
    expect(error.message).not.toContain('…');
  });

  it('a long argument in a usage error is clipped too', async () => {
    for (const args of [['quote', `--${'y'.repeat(100_000)}`], ['quote', 'z'.repeat(100_000)], ['q'.repeat(100_000)]]) {
      const run = await cli(args);
      expect(run.code).toBe(2);
      expect(run.json.error.code).toBe('USAGE');
      expect(run.out.length).toBeLessThan(400);
      expect(run.err.length).toBeLessThan(400);
    }
  });

  it(
    'the real CLI with a 10 MB venue on stdin: short stdout and one short stderr line',
    { timeout: SPAWN_TIMEOUT },
    () => {
      const run = runQuote(JSON.stringify({ ...BASE, venue: huge }));
      expect(run.status).toBe(2);
      expect(run.stdout.length).toBeLessThan(1_000);
      expect(run.stderr.length).toBeLessThan(300);
      expect((run.json as InProcess['json']).error.code).toBe('UNKNOWN_VENUE');
    },
  );
});

describe('--input is capped before it is read', () => {
  it('a regular file over the cap is refused from its size: a 64 GB sparse file answers at once', async () => {
    const file = join(dir, 'sparse.json');
    const fd = openSync(file, 'w');
    closeSync(fd);
    execFileSync('truncate', ['-s', '64G', file]);
    const started = performance.now();
    await expect(readInputFile(file)).rejects.toBeInstanceOf(InputTooLarge);
    expect(performance.now() - started).toBeLessThan(500);
    const run = await cli(['quote', '--input', file]);
    expect(run.code).toBe(2);
    expect(run.json.error.code).toBe('TOO_LARGE');
  });

  it('a file of exactly the cap is read; one byte more is too large', { timeout: SPAWN_TIMEOUT }, async () => {
    const padded = (size: number) => {
      const text = JSON.stringify(BASE);
      return text + ' '.repeat(size - Buffer.byteLength(text));
    };
    const atCap = join(dir, 'at-cap.json');
    writeFileSync(atCap, padded(MAX_INPUT_BYTES));
    const ok = await cli(['quote', '--input', atCap]);
    expect(ok.code).toBe(0);
    const over = join(dir, 'over-cap.json');
    writeFileSync(over, padded(MAX_INPUT_BYTES + 1));
    const refused = await cli(['quote', '--input', over]);
    expect(refused.code).toBe(2);
    expect(refused.json.error.code).toBe('TOO_LARGE');
  });

  it('a FIFO fed without end is read only up to the cap', async () => {
    const fifo = join(dir, 'endless.fifo');
    execFileSync('mkfifo', [fifo]);
    const writer = createWriteStream(fifo);
    writer.on('error', () => {}); // EPIPE once the reader has had enough
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    let written = 0;
    const feed = () => {
      while (written < 100 * TEN_MB && writer.write(chunk)) written += chunk.length;
      if (written < 100 * TEN_MB && !writer.destroyed) writer.once('drain', feed);
    };
    writer.once('open', feed);
    await expect(readInputFile(fifo)).rejects.toBeInstanceOf(InputTooLarge);
    writer.destroy();
    expect(written).toBeLessThan(2 * TEN_MB);
  });

  it('a directory is a usage error naming it, not a crash', async () => {
    const run = await cli(['quote', '--input', dir]);
    expect(run.code).toBe(2);
    expect(run.json.error.code).toBe('USAGE');
    expect(run.json.error.message).toContain('directory');
  });

  it(
    'the real CLI on --input /dev/zero exits 2 with TOO_LARGE within 2 s of a normal run',
    { timeout: SPAWN_TIMEOUT },
    () => {
      // A run that reads nothing sets the bar, so a busy machine's start-up time does not count.
      let started = performance.now();
      runPreflight('', { args: ['--help'] });
      const startup = performance.now() - started;
      started = performance.now();
      const run = runQuote('', ['--input', '/dev/zero']);
      const elapsed = performance.now() - started;
      expect(run.status, run.stderr).toBe(2);
      expect((run.json as InProcess['json']).error.code).toBe('TOO_LARGE');
      expect(run.stderr).toMatch(/^preflight: input is larger than 10 MB\n$/);
      expect(elapsed - startup).toBeLessThan(2_000);
    },
  );

  it('stdin over the cap stops at the cap and is too large (a chunk crossing it is not dropped)', async () => {
    async function* chunks(sizes: number[]) {
      for (const size of sizes) yield Buffer.alloc(size, 0x20);
    }
    await expect(readStdin(chunks([MAX_INPUT_BYTES, 1]))).rejects.toBeInstanceOf(InputTooLarge);
    // Crossing the cap in the middle of a chunk is too large as well (it used to be dropped, leaving a shorter text).
    await expect(readStdin(chunks([MAX_INPUT_BYTES - 10, 64 * 1024]))).rejects.toBeInstanceOf(InputTooLarge);
    let pulled = 0;
    async function* endless() {
      for (;;) {
        pulled++;
        yield Buffer.alloc(1024 * 1024, 0x20);
      }
    }
    await expect(readStdin(endless())).rejects.toBeInstanceOf(InputTooLarge);
    expect(pulled).toBe(11);
    expect(await readStdin(chunks([MAX_INPUT_BYTES]))).toHaveLength(MAX_INPUT_BYTES);
  });
});

describe('a byte-order mark on stdin', () => {
  it('is stripped in-process, as for a file', async () => {
    const run = await cli(['quote'], `\uFEFF${JSON.stringify(BASE)}`);
    expect(run.code, run.err).toBe(0);
    expect(JSON.parse(run.out)).toEqual(quoteJson(BASE, bundledFacts()));
  });

  it('is stripped by the real CLI (the three bytes EF BB BF before the JSON)', { timeout: SPAWN_TIMEOUT }, () => {
    const run = runQuote(`\uFEFF${JSON.stringify(BASE)}`);
    expect(run.status, run.stderr).toBe(0);
    expect(run.json).toEqual(JSON.parse(JSON.stringify(quoteJson(BASE, bundledFacts()))));
  });

  it('only one, and only at the start: a mark inside the JSON is still invalid', () => {
    expect(errorOf(`\uFEFF\uFEFF${JSON.stringify(BASE)}`).code).toBe('INVALID_JSON');
  });
});

describe('JSON numbers a double does not keep are refused', () => {
  const withRaw = (field: string, literal: string, where: 'order' | 'market' = 'order') =>
    JSON.stringify({ ...BASE, [where]: { ...BASE[where], [field]: '@@' } }).replace('"@@"', literal);

  const REFUSED: Array<[string, string, 'order' | 'market', string]> = [
    ['price', '1e400', 'order', 'Infinity'],
    ['price', '-1e400', 'order', '-Infinity'],
    ['quantity', '1e-400', 'order', 'into 0'],
    // Accepted as 0 before: a fee rate quietly dropped.
    ['takerFeeRate', '1e-400', 'market', 'into 0'],
    ['price', '12345678901234567891', 'order', '12345678901234567000'],
    ['quantity', '0.30000000000000001', 'order', '0.3'],
  ];
  for (const [field, literal, where, becomes] of REFUSED) {
    it(`${where}.${field} = ${literal} → INVALID_NUMBER at ${where}.${field}, saying what it would become`, () => {
      const error = errorOf(withRaw(field, literal, where));
      expect(error).toMatchObject({ code: 'INVALID_NUMBER', path: `${where}.${field}` });
      expect(error.message).toContain(literal);
      expect(error.message).toContain(becomes);
    });
  }

  it('the real CLI: exit 2, the error JSON and one line naming the path', { timeout: SPAWN_TIMEOUT }, () => {
    const run = runQuote(withRaw('takerFeeRate', '1e-400', 'market'));
    expect(run.status).toBe(2);
    expect(run.json).toMatchObject({ error: { code: 'INVALID_NUMBER', path: 'market.takerFeeRate' } });
    expect(run.stderr).toMatch(/^preflight: market\.takerFeeRate: .*1e-400.*\n$/);
  });

  it('numbers a double keeps exactly still work and equal their decimal strings', () => {
    const facts = bundledFacts();
    for (const [literal, text] of [
      ['20000', '20000'],
      ['2e4', '20000'],
      ['20000.50', '20000.5'],
      ['0.1', '0.1'],
      ['1e-7', '0.0000001'],
    ] as const) {
      const asNumber = quoteText(withRaw('price', literal)).output;
      expect(asNumber, literal).not.toHaveProperty('error');
      expect(asNumber).toEqual(quoteJson({ ...BASE, order: { ...BASE.order, price: text } }, facts));
    }
  });

  it('in an array, only the item holding the literal is refused, with its path inside the item', () => {
    const position =
      '{"symbol":"ETHUSDT","side":"long","quantity":"1","entryPrice":1e400,"markPrice":"3000","maintenanceMarginRate":"0.01"}';
    const cross = `{"venue":"bybit-linear","marginMode":"cross","order":${JSON.stringify(BASE.order)},"account":{"walletBalance":"10000","positions":[${position}]}}`;
    const { output, failures } = quoteText(`[${JSON.stringify(BASE)},${cross},${JSON.stringify(BASE)}]`);
    const results = output as unknown[];
    expect(results[0]).not.toHaveProperty('error');
    expect(results[1]).toMatchObject({ error: { code: 'INVALID_NUMBER', path: 'account.positions[0].entryPrice' } });
    expect(results[2]).not.toHaveProperty('error');
    expect(failures).toEqual([expect.stringMatching(/^scenario \[1\]: account\.positions\[0\]\.entryPrice: /)]);
  });

  it('keepsValue: exact for what a double holds, false for what it changes', () => {
    for (const literal of [
      '0',
      '-0',
      '0.0',
      '1',
      '-5',
      '0.1',
      '65000.5',
      '1e21',
      '1.5e-7',
      '9007199254740993e0',
      '100000000000000000000',
    ]) {
      expect(keepsValue(literal), literal).toBe(literal !== '9007199254740993e0');
    }
    for (const literal of [
      '1e400',
      '-1e400',
      '1e-400',
      '0.1000000000000000055511151231257827',
      `1${'0'.repeat(400)}`,
    ]) {
      expect(keepsValue(literal), literal).toBe(false);
    }
  });

  it('lostNumbers reads strings (quotes and backslashes inside them) without mistaking them for numbers', () => {
    const text = '{"a\\"1e400":"1e400 \\\\","b":[1,2,{"c\\\\":1e-400}],"d":12345678901234567891}';
    expect(JSON.parse(text)).toBeTruthy();
    expect(lostNumbers(text)).toEqual([{ path: ['b', 2, 'c\\'], literal: '1e-400', parsed: 0 }]);
  });
});

describe('a repeated flag is a usage error', () => {
  it('two --input (different or the same file) → exit 2, USAGE, usage line', async () => {
    const file = join(dir, 'ok.json');
    writeFileSync(file, JSON.stringify(BASE));
    for (const second of [join(dir, 'other.json'), file]) {
      const run = await cli(['quote', '--input', file, '--input', second]);
      expect(run.code).toBe(2);
      expect(run.json.error.code).toBe('USAGE');
      expect(run.json.error.message).toMatch(/--input given more than once/);
      expect(run.err.split('\n')[1]).toMatch(/^usage: preflight quote/);
    }
  });

  it('--input followed by another option is not taken as its file name', async () => {
    const run = await cli(['quote', '--input', '--input', 'x.json']);
    expect(run.code).toBe(2);
    expect(run.json.error.message).toMatch(/--input needs a file name/);
  });

  it('one --input still works', async () => {
    const file = join(dir, 'single.json');
    writeFileSync(file, JSON.stringify(BASE));
    const run = await cli(['quote', '--input', file]);
    expect(run.code).toBe(0);
  });
});
