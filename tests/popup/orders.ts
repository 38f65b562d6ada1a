// Sample orders as the background hands them to the popup: a form, its market snapshot, settings.
// Together they cover what planQuote reads: cross accounts with page margins and without (bundled
// tiers), a 'both'-sided form, OKX contracts with contract-basis tiers, a market order on a stale
// mark, a quote-currency size, stop and take-profit, fee tiers and the loss limit.
import { DEFAULT_SETTINGS, type Settings } from '../../src/settings/settings';
import type { MarketSnapshot, OrderForm } from '../../src/venues/types';

export const NOW = 1_800_000_000_000;
export const fig = (value: string, age = 0) => ({
  value,
  receivedAt: NOW - age,
  exchangeTime: null,
  source: 'stream' as const,
});

export interface SampleOrder {
  name: string;
  form: OrderForm;
  snapshot: MarketSnapshot | null;
  settings: Settings;
}

const base = {
  type: 'limit' as const,
  marginEnabled: true,
  stopLoss: null,
  takeProfit: null,
  availableBalance: null,
};

export const SAMPLE_ORDERS: SampleOrder[] = [
  {
    name: 'Bybit cross, page balance and a position with its MM, stop and take-profit, fee tier, loss limit',
    form: {
      ...base,
      venue: 'bybit-linear',
      symbol: 'BTCUSDT',
      side: 'both',
      marginMode: 'cross',
      price: '60000.5',
      size: { unit: 'quote', value: '12345.67' },
      leverage: '20',
      stopLoss: '58000',
      takeProfit: '64000.1',
      account: {
        walletBalance: '25000.12',
        positions: [
          {
            symbol: 'ETHUSDT',
            side: 'short',
            quantity: '3.3',
            entryPrice: '3100.7',
            markPrice: '3123.45',
            maintenanceMargin: '51.37',
          },
        ],
      },
    },
    snapshot: {
      venue: 'bybit-linear',
      symbol: 'BTCUSDT',
      status: 'live',
      lastError: null,
      figures: {
        markPrice: fig('60010.3', 2_000),
        fundingRate: fig('0.0001'),
        fundingIntervalHours: fig('8'),
        tickSize: fig('0.1'),
      },
      tiers: {
        table: {
          basis: 'notional',
          rows: [
            { floor: '0', cap: '2000000', maintenanceMarginRate: '0.005', maintenanceAmount: '0', maxLeverage: '100' },
            {
              floor: '2000000',
              cap: null,
              maintenanceMarginRate: '0.01',
              maintenanceAmount: '10000',
              maxLeverage: '50',
            },
          ],
        },
        receivedAt: NOW - 60_000,
        source: 'rest',
      },
    },
    settings: {
      ...DEFAULT_SETTINGS,
      maxLossPercent: '2',
      feeTiers: { 'bybit-linear': { makerFeeRate: '0.0001', takerFeeRate: '0.0004' } },
      holdHours: '36',
    },
  },
  {
    name: 'Binance futures isolated, both sides, page available balance as the loss base',
    form: {
      ...base,
      venue: 'binance-usdm',
      symbol: 'BTCUSDT',
      side: 'both',
      marginMode: 'isolated',
      price: '65000',
      size: { unit: 'base', value: '0.25' },
      leverage: '25',
      stopLoss: '63000',
      availableBalance: '4000',
    },
    snapshot: {
      venue: 'binance-usdm',
      symbol: 'BTCUSDT',
      status: 'live',
      lastError: null,
      figures: { markPrice: fig('65020'), fundingRate: fig('-0.00005') },
    },
    settings: { ...DEFAULT_SETTINGS, maxLossPercent: '5', maxLeverage: '20' },
  },
  {
    name: 'OKX cross in contracts, contract-basis tiers, positions without MM (unknown: no account)',
    form: {
      ...base,
      venue: 'okx-swap',
      symbol: 'BTC-USDT-SWAP',
      side: 'long',
      marginMode: 'cross',
      price: '61000',
      size: { unit: 'contracts', value: '250' },
      leverage: '10',
      account: {
        walletBalance: '9000',
        positions: [
          {
            symbol: 'ETH-USDT-SWAP',
            side: 'long',
            quantity: '1',
            entryPrice: '3000',
            markPrice: '3050',
            maintenanceMargin: null,
          },
        ],
      },
    },
    snapshot: {
      venue: 'okx-swap',
      symbol: 'BTC-USDT-SWAP',
      status: 'live',
      lastError: null,
      figures: { markPrice: fig('61010'), contractValue: fig('0.01'), maxLeverage: fig('100') },
      tiers: {
        table: {
          basis: 'contracts',
          rows: [
            { floor: '0', cap: '1000', maintenanceMarginRate: '0.004', maintenanceAmount: null, maxLeverage: '100' },
            { floor: '1000', cap: null, maintenanceMarginRate: '0.006', maintenanceAmount: null, maxLeverage: '75' },
          ],
        },
        receivedAt: NOW - 1_000,
        source: 'rest',
      },
    },
    settings: DEFAULT_SETTINGS,
  },
  {
    name: 'OKX isolated in contracts',
    form: {
      ...base,
      venue: 'okx-swap',
      symbol: 'BTC-USDT-SWAP',
      side: 'short',
      marginMode: 'isolated',
      price: '61000',
      size: { unit: 'contracts', value: '1200' },
      leverage: '30',
    },
    snapshot: {
      venue: 'okx-swap',
      symbol: 'BTC-USDT-SWAP',
      status: 'live',
      lastError: null,
      figures: { markPrice: fig('61010'), contractValue: fig('0.01') },
      tiers: {
        table: {
          basis: 'contracts',
          rows: [
            { floor: '0', cap: '1000', maintenanceMarginRate: '0.004', maintenanceAmount: null, maxLeverage: '100' },
            { floor: '1000', cap: null, maintenanceMarginRate: '0.006', maintenanceAmount: null, maxLeverage: '75' },
          ],
        },
        receivedAt: NOW - 1_000,
        source: 'rest',
      },
    },
    settings: DEFAULT_SETTINGS,
  },
  {
    name: 'Kraken market order on a stale mark, balance from settings',
    form: {
      ...base,
      venue: 'kraken-margin',
      symbol: 'BTC/USD',
      side: 'short',
      type: 'market',
      marginMode: 'cross',
      price: null,
      size: { unit: 'base', value: '0.5' },
      leverage: '3',
      stopLoss: '70000',
    },
    snapshot: {
      venue: 'kraken-margin',
      symbol: 'BTC/USD',
      status: 'degraded',
      lastError: 'HTTP 429',
      figures: { markPrice: fig('64000.1', 60_000) },
    },
    settings: { ...DEFAULT_SETTINGS, accountBalance: { 'kraken-margin': '40000' } },
  },
  {
    name: 'Hyperliquid cross, page positions without MM (bundled tiers), no page balance (settings)',
    form: {
      ...base,
      venue: 'hyperliquid',
      symbol: 'BTC',
      side: 'long',
      marginMode: 'cross',
      price: '90000',
      size: { unit: 'base', value: '0.3' },
      leverage: '15',
      takeProfit: '99000',
      account: {
        walletBalance: null,
        positions: [
          {
            symbol: 'ETH',
            side: 'short',
            quantity: '2',
            entryPrice: '3000',
            markPrice: '2950',
            maintenanceMargin: null,
          },
        ],
      },
    },
    snapshot: {
      venue: 'hyperliquid',
      symbol: 'BTC',
      status: 'live',
      lastError: null,
      figures: { markPrice: fig('90100'), fundingRate: fig('0.0000125') },
    },
    settings: { ...DEFAULT_SETTINGS, accountBalance: { hyperliquid: '20000' } },
  },
  {
    name: 'Binance margin isolated, no snapshot at all',
    form: {
      ...base,
      venue: 'binance-margin',
      symbol: 'BTCUSDT',
      side: 'long',
      marginMode: 'isolated',
      price: '64000',
      size: { unit: 'base', value: '0.2' },
      leverage: '5',
      borrow: 'auto',
    },
    snapshot: null,
    settings: DEFAULT_SETTINGS,
  },
];
