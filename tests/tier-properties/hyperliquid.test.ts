// Issue 10: tier properties of hyperliquid over ≥ 10,000 random cases (see ./run.ts).
import { describe } from 'vitest';
import { tierProperties } from './run';

describe('hyperliquid tier properties', () => tierProperties('hyperliquid'));
