// Issue 10: tier properties of binance-usdm over ≥ 10,000 random cases (see ./run.ts).
import { describe } from 'vitest';
import { tierProperties } from './run';

describe('binance-usdm tier properties', () => tierProperties('binance-usdm'));
