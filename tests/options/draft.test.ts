// The options draft ↔ Settings: exact percent ↔ fraction conversion, and nothing invalid gets through.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, settingsProblems, type Settings } from '../../src/settings/settings';
import { draftFromSettings, mergeExternal, settingsFromDraft, type Draft } from '../../src/ui/options/draft';

const valid = (draft: Draft, base: Settings = DEFAULT_SETTINGS): Settings => {
  const result = settingsFromDraft(base, draft);
  if ('errors' in result) throw new Error(`refused: ${JSON.stringify(result.errors)}`);
  return result.settings;
};

describe('percent ↔ fraction', () => {
  it('shifts the decimal point of the typed digits, no float rounding', () => {
    const draft = {
      ...draftFromSettings(DEFAULT_SETTINGS),
      minLiquidationDistance: '0.000000000001',
      fees: { ...draftFromSettings(DEFAULT_SETTINGS).fees, 'okx-swap': { maker: '0.02', taker: '0.050' } },
    };
    const settings = valid(draft);
    expect(settings.minLiquidationDistance).toBe('0.00000000000001');
    expect(settings.feeTiers['okx-swap']).toEqual({ makerFeeRate: '0.0002', takerFeeRate: '0.0005' });
    // 0.1 + 0.2 style float trouble cannot happen: 0.3 % is "0.003", 7.1 % is "0.071".
    expect(valid({ ...draft, minLiquidationDistance: '7.1' }).minLiquidationDistance).toBe('0.071');
    expect(draftFromSettings(settings).minLiquidationDistance).toBe('0.000000000001');
  });
});

describe('settingsFromDraft', () => {
  const typedNumber = fc.oneof(
    fc.stringMatching(/^\d{1,4}(\.\d{1,13})?$/),
    fc.constantFrom('', ' ', '-1', '1e3', '5,5', '.5', '5.', '+2', '0', '100', '8760', '8760.0001', '1', '0.99'),
  );

  it('any typed values: either field errors, or settings the storage readers accept unchanged, stable on a second round', () => {
    fc.assert(
      fc.property(
        typedNumber,
        typedNumber,
        typedNumber,
        typedNumber,
        typedNumber,
        typedNumber,
        (minLiq, maxLev, maxLoss, hold, maker, taker) => {
          const base = draftFromSettings(DEFAULT_SETTINGS);
          const draft: Draft = {
            ...base,
            minLiquidationDistance: minLiq,
            maxLeverage: maxLev,
            maxLossPercent: maxLoss,
            holdHours: hold,
            fees: { ...base.fees, 'bybit-linear': { maker, taker } },
          };
          const result = settingsFromDraft(DEFAULT_SETTINGS, draft);
          if ('errors' in result) {
            expect(Object.keys(result.errors).length).toBeGreaterThan(0);
            return;
          }
          expect(settingsProblems(result.settings)).toEqual([]);
          expect(valid(draftFromSettings(result.settings))).toEqual(result.settings);
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('mergeExternal', () => {
  it('untouched fields take the new value, edited ones keep what is typed', () => {
    const before = DEFAULT_SETTINGS;
    const after: Settings = {
      ...DEFAULT_SETTINGS,
      holdHours: '48',
      maxLeverage: '3',
      enabledVenues: { ...DEFAULT_SETTINGS.enabledVenues, hyperliquid: false },
      theme: 'dark',
    };
    const editing: Draft = { ...draftFromSettings(before), maxLeverage: '7', theme: 'light' };
    const merged = mergeExternal(editing, before, after);
    expect(merged.holdHours).toBe('48');
    expect(merged.enabledVenues.hyperliquid).toBe(false);
    expect(merged.maxLeverage).toBe('7');
    expect(merged.theme).toBe('light');
  });
});
