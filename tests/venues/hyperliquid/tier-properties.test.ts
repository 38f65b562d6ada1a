// Issue 10: tier properties of hyperliquid over ≥ 10,000 random cases (see tests/tier-properties/run.ts).
import { describe } from 'vitest';
import { tierProperties } from '../../tier-properties/run';

describe('hyperliquid tier properties', () => tierProperties('hyperliquid'));
