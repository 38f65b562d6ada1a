// Issue 10: tier properties of bybit-linear over ≥ 10,000 random cases (see ./run.ts).
import { describe } from 'vitest';
import { tierProperties } from './run';

describe('bybit-linear tier properties', () => tierProperties('bybit-linear'));
