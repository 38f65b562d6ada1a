// What the calculator keeps per venue in storage.local: a round trip keeps every field; anything
// corrupt is dropped (that venue starts from its example), the rest is kept.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/settings/settings';
import { defaultScenario, type Scenario } from '../../src/ui/popup/scenario';
import {
  CALCULATOR_KEY,
  EMPTY_CALCULATOR,
  loadCalculator,
  parseCalculator,
  saveCalculator,
  withoutVenue,
  withScenario,
  type CalculatorArea,
} from '../../src/ui/popup/storage';

class MemoryArea implements CalculatorArea {
  data = new Map<string, unknown>();
  async get(key: string) {
    return this.data.has(key) ? { [key]: JSON.parse(JSON.stringify(this.data.get(key))) } : {};
  }
  async set(items: Record<string, unknown>) {
    for (const [k, v] of Object.entries(items)) this.data.set(k, JSON.parse(JSON.stringify(v)));
  }
}

const typed: Scenario = {
  ...defaultScenario('bybit-linear', DEFAULT_SETTINGS, 'en-US'),
  marginMode: 'cross',
  side: 'short',
  price: '61 000,5',
  size: '12',
  sizeUnit: 'quote',
  leverage: '7',
  mark: '1,500',
  balance: 'abc',
  positions: [
    {
      symbol: 'ETHUSDT',
      side: 'long',
      quantity: '1',
      entry: '3000',
      mark: '3100',
      ratePercent: '',
      pageMargin: '12.5',
    },
  ],
  stopLoss: '65000',
  riskMode: 'amount',
  risk: '250',
};

describe('calculator storage', () => {
  it('round-trips every venue’s scenario as typed (even half-typed), and the last venue', async () => {
    const area = new MemoryArea();
    const kraken = defaultScenario('kraken-margin', DEFAULT_SETTINGS, 'de-DE');
    const state = withScenario(withScenario(EMPTY_CALCULATOR, kraken), typed);
    await saveCalculator(area, state);
    const back = await loadCalculator(area);
    expect(back).toEqual(state);
    expect(back.lastVenue).toBe('bybit-linear');
    expect(back.venues['bybit-linear']).toEqual(typed);
    expect(withoutVenue(back, 'bybit-linear').venues).toEqual({ 'kraken-margin': kraken });
  });

  it('nothing stored, or a store that fails → empty', async () => {
    expect(await loadCalculator(new MemoryArea())).toEqual(EMPTY_CALCULATOR);
    const failing: CalculatorArea = { get: () => Promise.reject(new Error('gone')), set: () => Promise.resolve() };
    expect(await loadCalculator(failing)).toEqual(EMPTY_CALCULATOR);
  });

  it.each([
    ['not an object', 'x'],
    ['an array', []],
    ['another version', { version: 2, lastVenue: null, venues: {} }],
    ['venues not an object', { version: 1, lastVenue: null, venues: [] }],
  ])('a corrupt value (%s) → empty', (_, raw) => {
    expect(parseCalculator(raw)).toEqual(EMPTY_CALCULATOR);
  });

  it('drops exactly the venue entries that are not scenarios, keeps the others', () => {
    const good = defaultScenario('hyperliquid', DEFAULT_SETTINGS, 'en-US');
    const bad: Array<[string, unknown]> = [
      ['wrong venue inside', { ...typed, venue: 'okx-swap' }],
      ['unknown key', { ...typed, extra: 1 }],
      ['missing key', Object.fromEntries(Object.entries(typed).filter(([k]) => k !== 'risk'))],
      ['number instead of text', { ...typed, price: 61000 }],
      ['too long', { ...typed, size: '1'.repeat(41) }],
      ['bad enum', { ...typed, side: 'up' }],
      ['bad row', { ...typed, positions: [{ ...typed.positions[0], side: 'both' }] }],
      ['too many rows', { ...typed, positions: Array.from({ length: 21 }, () => typed.positions[0]) }],
    ];
    for (const [why, entry] of bad) {
      const parsed = parseCalculator({
        version: 1,
        lastVenue: 'nowhere',
        venues: { 'bybit-linear': entry, hyperliquid: good, unknownVenue: good },
      });
      expect(parsed.venues, why).toEqual({ hyperliquid: good });
      expect(parsed.lastVenue).toBeNull();
    }
  });

  it('writes under one key', async () => {
    const area = new MemoryArea();
    await saveCalculator(area, withScenario(EMPTY_CALCULATOR, typed));
    expect([...area.data.keys()]).toEqual([CALCULATOR_KEY]);
  });
});
