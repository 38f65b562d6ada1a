// Teach mode's contract with the venue folders (issue 14). When the built-in reader misses a
// field, the trader can point at it; the element is then remembered as a robust locator
// (dom/locator.ts) and stands in for that selector key wherever the built-in selectors find
// nothing (dom/taught.ts). A venue says which of its keys can be taught, and how, in
// src/venues/<venue>/teach.ts.
import type { Side } from '../core/types';
import type { FormReading } from './types';

/** What the overlay asks the trader to point at (one message each, "teach_prompt_<prompt>"). */
export const TEACH_PROMPTS = [
  'price',
  'size',
  'sizeUnit',
  'leverage',
  'marginMode',
  'stopLoss',
  'takeProfit',
  'buy',
  'sell',
] as const;
export type TeachPrompt = (typeof TEACH_PROMPTS)[number];

export interface TeachStep {
  prompt: TeachPrompt;
  /**
   * The selector keys the pointed element stands in for. Usually one. Two when the element
   * alone cannot say which (Kraken's size field: base or quote): the trader is asked once,
   * `ask` says what, and the answer picks keys[0] or keys[1].
   */
  keys: readonly [string] | readonly [string, string];
  ask?: 'unit';
  /** A text field (an input) or any control (a button, a tab, a dropdown). */
  element: 'field' | 'control';
  /** Names in a reading's `missing` that this step answers besides its keys (derived ones such as 'size'). */
  covers?: readonly string[];
  /** A submit button's side: the guard knows a taught button by it. */
  side?: Side;
}

/**
 * The steps that can help this reading, in the venue's order: a step is offered when the
 * reading misses one of its keys (or what it covers) and one of its keys found nothing. A key
 * found twice is a conflict on the page (a copy, a decoy): pointing at one of them would be a
 * guess, so its step is not offered. A two-key step stays on offer while one of its keys found
 * nothing (Kraken's second generation shows Quantity and Total: each is pointed at in turn).
 */
export function teachSteps(reading: FormReading, steps: readonly TeachStep[]): TeachStep[] {
  if (reading.status !== 'unrecognised') return [];
  const missing = new Set(reading.missing);
  const count = (key: string) => reading.matched[key] ?? 0;
  return steps.filter(
    (step) =>
      [...step.keys, ...(step.covers ?? [])].some((key) => missing.has(key)) &&
      step.keys.some((key) => count(key) === 0) &&
      step.keys.every((key) => count(key) <= 1),
  );
}

/**
 * The perpetual-futures forms (Binance USDⓈ-M, Bybit, OKX, Hyperliquid) name their fields alike in
 * their selector tables: these steps use those shared key names.
 */
export const PERP_FIELD_STEPS: readonly TeachStep[] = [
  { prompt: 'price', keys: ['price'], element: 'field' },
  { prompt: 'size', keys: ['size'], element: 'field' },
  { prompt: 'sizeUnit', keys: ['sizeUnit'], element: 'control' },
  { prompt: 'leverage', keys: ['leverage'], element: 'control' },
  { prompt: 'marginMode', keys: ['marginMode'], element: 'control' },
  { prompt: 'takeProfit', keys: ['takeProfit'], element: 'field' },
  { prompt: 'stopLoss', keys: ['stopLoss'], element: 'field' },
];

/** A form with one submit button per side (Buy/Long, Sell/Short): each is taught with its side, for the guard. */
export const PER_SIDE_BUTTON_STEPS: readonly TeachStep[] = [
  { prompt: 'buy', keys: ['buy'], element: 'control', side: 'long' },
  { prompt: 'sell', keys: ['sell'], element: 'control', side: 'short' },
];
