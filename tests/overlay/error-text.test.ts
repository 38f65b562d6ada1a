// Issue 12 #9: every engine input error a page form can produce reaches the trader as a sentence
// of what it means and what to do — never the engine's JSON path, code or developer wording.
import { describe, expect, it } from 'vitest';
import { engineErrorText, type EngineError } from '../../src/ui/error-text';

// code, path, the engine's message (as src/core writes it), and the start of the trader's sentence on each surface.
const CASES: Array<[string, string, string, string, string]> = [
  [
    'MISSING_FIELD',
    'market.maintenanceMarginRate',
    'market.maintenanceMarginRate or market.tiers is required: no bundled okx-swap tier table for BTC-USDT-SWAP',
    "This market's maintenance tiers are not loaded yet",
    "This market's maintenance tiers are not known — type a maintenance rate above",
  ],
  [
    'OUT_OF_RANGE',
    'market.tiers[1].notionalFloor',
    "market.tiers[1].notionalFloor must equal the previous tier's notionalCap (tiers sorted, no gaps)",
    "This market's maintenance tiers could not be read",
    "This market's maintenance tiers could not be read",
  ],
  [
    'OUT_OF_RANGE',
    'account.walletBalance',
    'account.walletBalance must be > 0 (got 0)',
    'Enter your account balance in the popup',
    'Enter your account balance above',
  ],
  [
    'UNSUPPORTED',
    'account.positions',
    'account.positions holds 3 positions in BTCUSDT: give one (one-way mode) or one per side (hedge mode)',
    'Your open positions in this market could not be told apart',
    'Your open positions in this market could not be told apart',
  ],
  [
    'OUT_OF_RANGE',
    'market.takerFeeRate',
    'market.takerFeeRate is a fraction (0.0005 = 0.05 %); 0.1 is not plausible',
    'Your fee rates in the options',
    'Your fee rates in the options',
  ],
  [
    'MISSING_FIELD',
    'market.makerFeeRate',
    'market.makerFeeRate is required (no bundled fee schedule)',
    'Your fee rates in the options',
    'Your fee rates in the options',
  ],
  [
    'UNSUPPORTED',
    'marginMode',
    'kraken-margin has only account-wide (cross) margin; isolated is not offered',
    'This venue offers only cross margin here',
    'This venue offers only cross margin here',
  ],
  [
    'UNSUPPORTED',
    'order.leverage',
    'binance-margin cross above 5× is Cross Margin Pro, whose margin level has another definition; not modelled yet',
    'This leverage uses a margin scheme not covered yet',
    'This leverage uses a margin scheme not covered yet',
  ],
  [
    'OUT_OF_RANGE',
    'order.leverage',
    'a margin short borrows the asset it sells: order.leverage must be above 1',
    'No figures for this leverage — check it in the order form',
    'No figures for this leverage — check it above',
  ],
  [
    'INVALID_NUMBER',
    'order.quantity',
    'order.quantity must be a decimal number',
    'No figures for this size',
    'No figures for this size',
  ],
  [
    'OUT_OF_RANGE',
    'order.stopLoss',
    'order.stopLoss must be > 0',
    'No figures for this stop-loss',
    'No figures for this stop-loss',
  ],
  [
    'MISSING_FIELD',
    'market.liquidationLevel',
    'market.liquidationLevel is required: no bundled liquidation level for XYZ',
    'A figure this market needs is not loaded yet',
    'A figure this market needs is not loaded yet',
  ],
  ['INVALID_TYPE', 'carryStart', 'carryStart is not a valid time', 'No figures for this order yet', 'No figures for'],
];

describe('engine input errors in the trader’s words (issue 12 #9)', () => {
  it.each(CASES)('%s %s', (code, path, message, overlay, popup) => {
    const error: EngineError = { code, path, message };
    for (const [surface, start] of [
      ['overlay', overlay],
      ['popup', popup],
    ] as const) {
      const { text, detail } = engineErrorText(error, surface);
      expect(text.startsWith(start), `${surface}: ${text}`).toBe(true);
      // No JSON path, no error code, no developer wording in the sentence.
      expect(text).not.toContain(path);
      expect(text).not.toMatch(/\b(market|order|account)\.|[A-Z]{2,}_[A-Z]+|is required|not modelled/);
      // The engine's own text is kept for the collapsed detail line.
      expect(detail).toBe(`${code} ${path}: ${message}`);
    }
  });
});
