// Issue 10: tier properties of bybit-linear over ≥ 10,000 random cases (see tests/tier-properties/run.ts).
import { describe } from 'vitest';
import { tierProperties } from '../../tier-properties/run';

describe('bybit-linear tier properties', () => tierProperties('bybit-linear'));
