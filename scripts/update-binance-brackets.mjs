#!/usr/bin/env node
// Turns a saved answer of Binance's public bracket endpoint into the bundled offline snapshot
// src/venues/binance-usdm/brackets.json (dictionary-encoded: each distinct table once).
//
//   curl -s https://www.binance.com/bapi/futures/v1/friendly/future/common/brackets > answer.json
//   node scripts/update-binance-brackets.mjs answer.json [--out FILE] [--as-of YYYY-MM-DD]
//
// The answer goes through the extension's own strict parser (src/venues/binance-usdm/brackets.ts)
// and the written bundle through the same checks the bundled facts get at load, so a table the
// extension would refuse live is never shipped. asOf defaults to the UTC day of data.version's
// timestamp. facts.json's asOf must then be moved to the same day (a unit test holds them equal).
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tsImport } from 'tsx/esm/api';

const ENDPOINT = 'https://www.binance.com/bapi/futures/v1/friendly/future/common/brackets';
const DEFAULT_OUT = new URL('../src/venues/binance-usdm/brackets.json', import.meta.url);

function usage(why) {
  console.error(
    `update-binance-brackets: ${why}\nusage: node scripts/update-binance-brackets.mjs ANSWER.json [--out FILE] [--as-of YYYY-MM-DD]`,
  );
  process.exit(2);
}

function options(argv) {
  const out = { input: null, out: DEFAULT_OUT, asOf: null };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--out' || arg === '--as-of') {
      const value = argv[i + 1];
      if (value === undefined) usage(`${arg} needs a value`);
      if (arg === '--out') out.out = value;
      else out.asOf = value;
      i += 1;
    } else if (out.input === null && !arg.startsWith('--')) out.input = arg;
    else usage(`unexpected argument ${arg}`);
  }
  if (out.input === null) usage('no saved answer given');
  if (out.asOf !== null && !/^\d{4}-\d{2}-\d{2}$/.test(out.asOf)) usage('--as-of must be YYYY-MM-DD');
  return out;
}

/** One row per line: readable diffs when Binance changes a table, and still compact. */
function format(bundle) {
  const tables = bundle.tables
    .map((table) => `    [\n${table.map((row) => `      ${JSON.stringify(row)}`).join(',\n')}\n    ]`)
    .join(',\n');
  const symbols = Object.entries(bundle.symbols)
    .map(([symbol, index]) => `    ${JSON.stringify(symbol)}: ${index}`)
    .join(',\n');
  return `{\n  "format": ${bundle.format},\n  "asOf": ${JSON.stringify(bundle.asOf)},\n  "source": ${JSON.stringify(bundle.source)},\n  "tables": [\n${tables}\n  ],\n  "symbols": {\n${symbols}\n  }\n}\n`;
}

const args = options(process.argv.slice(2));
const { parseBracketsAnswer } = await tsImport('../src/venues/binance-usdm/brackets.ts', import.meta.url);
const { encodeBrackets, decodeBrackets } = await tsImport(
  '../src/venues/binance-usdm/bracket-bundle.ts',
  import.meta.url,
);
const { parseVenueFacts } = await tsImport('../src/venues/facts.ts', import.meta.url);

let body;
try {
  body = JSON.parse(readFileSync(args.input, 'utf8'));
} catch (error) {
  usage(`cannot read ${args.input} as JSON (${error.message})`);
}
const parsed = parseBracketsAnswer(body);
if (!parsed.ok) {
  console.error(`update-binance-brackets: the answer is not the bracket table we know: ${parsed.reason}`);
  process.exit(1);
}
const { book } = parsed;
const asOf = args.asOf ?? (book.versionTime === null ? null : new Date(book.versionTime).toISOString().slice(0, 10));
if (asOf === null) usage('data.version carries no timestamp: give --as-of');
const source = `Binance USDⓈ-M leverage brackets of every symbol, read ${asOf} from ${ENDPOINT} (the site's public web API); live brackets win`;
const bundle = encodeBrackets(book, asOf, source);

// The same checks as at load (facts.ts): a table the bundled facts would refuse is not written.
const decoded = decodeBrackets(JSON.parse(format(bundle)));
parseVenueFacts(
  { asOf, source, takerFeeRate: '0', makerFeeRate: '0', defaults: {}, symbols: decoded.symbols },
  'binance-usdm',
);

const text = format(bundle);
writeFileSync(args.out, text);
const rows = bundle.tables.reduce((n, t) => n + t.length, 0);
console.log(
  `${Object.keys(bundle.symbols).length} symbols, ${bundle.tables.length} distinct tables (${rows} rows), asOf ${asOf}`,
);
console.log(
  `${text.length} bytes, ${gzipSync(text).length} bytes gzipped → ${args.out instanceof URL ? args.out.pathname : args.out}`,
);
