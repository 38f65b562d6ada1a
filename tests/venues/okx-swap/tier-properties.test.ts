// Issue 10: tier properties of okx-swap over ≥ 10,000 random cases (see tests/tier-properties/run.ts).
import { describe } from 'vitest';
import { tierProperties } from '../../tier-properties/run';

describe('okx-swap tier properties', () => tierProperties('okx-swap'));
