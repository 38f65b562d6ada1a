// Engine throughput, one realistic scenario per venue and margin mode.
//   npm run bench
// "engine": quote(parsedInput, facts), the risk model alone on an already validated input.
// "JSON in→out": quoteJson(raw, facts): strict parse + quote + serialize to contract JSON,
// i.e. what the overlay pays per keystroke and the CLI per scenario (minus JSON.parse/stringify).
import { parseQuoteInput } from '../src/core/input';
import { quote, quoteJson } from '../src/core/quote';
import type { QuoteInput } from '../src/core/types';
import { bundledFacts } from '../src/cli/node-facts';

const WARMUP = 1_500;
const ENGINE_COUNT = 8_000;
const JSON_COUNT = 5_000;

interface Scenario {
  name: string;
  raw: Record<string, unknown>;
}

// Binance USD-M BTCUSDT brackets (10 rows) as bundled, passed explicitly as a live feed would.
// BTCUSDT's bundled brackets, back as engine-input text (the bundle holds them parsed).
const binanceBtcTiers = bundledFacts()['binance-usdm']!.symbols.BTCUSDT!.tiers!.map((tier) => ({
  notionalFloor: tier.notionalFloor.toFixed(),
  ...(tier.notionalCap ? { notionalCap: tier.notionalCap.toFixed() } : {}),
  maintenanceMarginRate: tier.maintenanceMarginRate.toFixed(),
  ...(tier.maintenanceAmount ? { maintenanceAmount: tier.maintenanceAmount.toFixed() } : {}),
  ...(tier.maxLeverage ? { maxLeverage: tier.maxLeverage.toFixed() } : {}),
}));

// OKX BTC-USDT-SWAP style position tiers (whole-position MMR, no deduction); OKX has none bundled.
const okxTiers = [
  { notionalFloor: '0', notionalCap: '500000', maintenanceMarginRate: '0.004', maxLeverage: '100' },
  { notionalFloor: '500000', notionalCap: '2000000', maintenanceMarginRate: '0.005', maxLeverage: '75' },
  { notionalFloor: '2000000', notionalCap: '8000000', maintenanceMarginRate: '0.01', maxLeverage: '50' },
  { notionalFloor: '8000000', notionalCap: '20000000', maintenanceMarginRate: '0.015', maxLeverage: '20' },
  { notionalFloor: '20000000', maintenanceMarginRate: '0.02', maxLeverage: '10' },
];

const otherPositions = [
  {
    symbol: 'ETHUSDT',
    side: 'long',
    quantity: '12.5',
    entryPrice: '3120.4',
    markPrice: '3088.15',
    maintenanceMarginRate: '0.005',
    maintenanceAmount: '0',
  },
  {
    symbol: 'SOLUSDT',
    side: 'short',
    quantity: '300',
    entryPrice: '142.37',
    markPrice: '145.02',
    maintenanceMarginRate: '0.01',
    maintenanceAmount: '5',
  },
];

const SCENARIOS: Scenario[] = [
  {
    name: 'kraken-margin / cross',
    raw: {
      venue: 'kraken-margin',
      marginMode: 'cross',
      order: {
        symbol: 'XBTUSD',
        side: 'long',
        type: 'limit',
        price: '67250.5',
        quantity: '0.35',
        leverage: '5',
        stopLoss: '61000',
      },
      market: { markPrice: '67310.1' },
      account: { walletBalance: '12500' },
      holdHours: '36',
    },
  },
  {
    name: 'binance-usdm / isolated',
    raw: {
      venue: 'binance-usdm',
      marginMode: 'isolated',
      order: { symbol: 'BTCUSDT', side: 'long', type: 'market', price: '67250.5', quantity: '1.2', leverage: '20' },
      market: { markPrice: '67244.8', fundingRate: '0.0001' },
      holdHours: '24',
    },
  },
  {
    name: 'binance-usdm / cross (10 brackets, 2 positions)',
    raw: {
      venue: 'binance-usdm',
      marginMode: 'cross',
      order: { symbol: 'BTCUSDT', side: 'short', type: 'limit', price: '67400', quantity: '4.5', leverage: '25' },
      market: {
        markPrice: '67244.8',
        tiers: binanceBtcTiers,
        fundingRate: '0.0001',
        takerFeeRate: '0.0005',
        makerFeeRate: '0.0002',
      },
      account: { walletBalance: '40000', positions: otherPositions },
      holdHours: '48',
    },
  },
  {
    name: 'binance-margin / isolated',
    raw: {
      venue: 'binance-margin',
      marginMode: 'isolated',
      order: { symbol: 'BTCUSDT', side: 'long', type: 'limit', price: '67250.5', quantity: '0.5', leverage: '5' },
      market: { markPrice: '67244.8', borrowRatePerHour: '0.0000045' },
      holdHours: '72',
    },
  },
  {
    name: 'binance-margin / cross',
    raw: {
      venue: 'binance-margin',
      marginMode: 'cross',
      order: { symbol: 'ETHUSDT', side: 'short', type: 'market', price: '3088.15', quantity: '4', leverage: '3' },
      market: { borrowRatePerHour: '0.0000052' },
      account: { walletBalance: '6000' },
      holdHours: '24',
    },
  },
  {
    name: 'bybit-linear / isolated',
    raw: {
      venue: 'bybit-linear',
      marginMode: 'isolated',
      order: { symbol: 'BTCUSDT', side: 'long', type: 'limit', price: '67250.5', quantity: '0.8', leverage: '50' },
      market: { markPrice: '67244.8', fundingRate: '0.0001' },
      account: { extraMargin: '150' },
    },
  },
  {
    name: 'bybit-linear / cross',
    raw: {
      venue: 'bybit-linear',
      marginMode: 'cross',
      order: { symbol: 'BTCUSDT', side: 'short', type: 'market', price: '67250.5', quantity: '2', leverage: '20' },
      market: { markPrice: '67244.8', fundingRate: '-0.00005' },
      account: { walletBalance: '25000', positions: otherPositions.slice(0, 1) },
    },
  },
  {
    name: 'okx-swap / isolated',
    raw: {
      venue: 'okx-swap',
      marginMode: 'isolated',
      order: {
        symbol: 'BTC-USDT-SWAP',
        side: 'long',
        type: 'limit',
        price: '67250.5',
        quantity: '1.5',
        leverage: '30',
      },
      market: { markPrice: '67244.8', maintenanceMarginRate: '0.004', fundingRate: '0.0001' },
    },
  },
  {
    name: 'okx-swap / cross (5 tiers)',
    raw: {
      venue: 'okx-swap',
      marginMode: 'cross',
      order: {
        symbol: 'BTC-USDT-SWAP',
        side: 'short',
        type: 'market',
        price: '67250.5',
        quantity: '10',
        leverage: '10',
      },
      market: { markPrice: '67244.8', tiers: okxTiers, fundingRate: '0.0001' },
      account: { walletBalance: '90000', positions: otherPositions },
    },
  },
  {
    name: 'hyperliquid / isolated',
    raw: {
      venue: 'hyperliquid',
      marginMode: 'isolated',
      order: { symbol: 'BTC', side: 'long', type: 'limit', price: '67250.5', quantity: '0.75', leverage: '20' },
      market: { markPrice: '67244.8', fundingRate: '0.0000125' },
    },
  },
  {
    name: 'hyperliquid / cross',
    raw: {
      venue: 'hyperliquid',
      marginMode: 'cross',
      order: { symbol: 'ETH', side: 'short', type: 'market', price: '3088.15', quantity: '20', leverage: '10' },
      market: { markPrice: '3090.2', fundingRate: '0.0000125' },
      account: { walletBalance: '15000' },
    },
  },
];

interface Row {
  name: string;
  engineQps: number;
  engineUs: number;
  jsonQps: number;
  jsonUs: number;
}

let sink = 0; // keeps results observable so the work cannot be optimised away

function timeLoop(count: number, body: () => void): bigint {
  const start = process.hrtime.bigint();
  for (let i = 0; i < count; i++) body();
  return process.hrtime.bigint() - start;
}

function measure(s: Scenario): Row {
  const facts = bundledFacts();
  const input: QuoteInput = parseQuoteInput(s.raw);
  const check = quoteJson(s.raw, facts);
  if ('error' in check) throw new Error(`${s.name}: scenario is invalid: ${JSON.stringify(check.error)}`);

  const engine = (): void => {
    sink += quote(input, facts).warnings.length;
  };
  const json = (): void => {
    const out = quoteJson(s.raw, facts);
    sink += 'error' in out ? 1 : out.notional.length;
  };

  timeLoop(WARMUP, engine);
  const engineNs = timeLoop(ENGINE_COUNT, engine);
  timeLoop(WARMUP, json);
  const jsonNs = timeLoop(JSON_COUNT, json);

  const engineUs = Number(engineNs) / 1e3 / ENGINE_COUNT;
  const jsonUs = Number(jsonNs) / 1e3 / JSON_COUNT;
  return { name: s.name, engineQps: 1e6 / engineUs, engineUs, jsonQps: 1e6 / jsonUs, jsonUs };
}

function fmtInt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

function main(): void {
  const started = process.hrtime.bigint();
  console.log('# Margin Preflight engine benchmark');
  console.log('');
  console.log(`- node ${process.version} (${process.platform} ${process.arch})`);
  console.log(`- date ${new Date().toISOString()}`);
  console.log(
    `- per scenario: ${WARMUP} warm-up, then ${ENGINE_COUNT} engine quotes and ${JSON_COUNT} JSON in→out quotes`,
  );
  console.log('');
  console.log('| venue / mode | quotes/s (engine) | µs/quote | quotes/s (JSON in→out) | µs/quote (JSON) |');
  console.log('|---|---:|---:|---:|---:|');
  for (const s of SCENARIOS) {
    const r = measure(s);
    console.log(
      `| ${r.name} | ${fmtInt(r.engineQps)} | ${r.engineUs.toFixed(1)} | ${fmtInt(r.jsonQps)} | ${r.jsonUs.toFixed(1)} |`,
    );
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log('');
  console.log(`total ${seconds.toFixed(1)} s (checksum ${sink})`);
}

main();
