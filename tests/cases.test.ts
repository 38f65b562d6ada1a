// Every worked example in ../shared/reference/cases.json for a supported venue, through the
// engine API and through the `preflight quote` CLI (one process for all of them).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Dec } from '../src/core/decimal';
import { quoteJson } from '../src/core/quote';
import { bundledFacts } from '../src/venues/bundled-facts';
import { mapCase, type Check, type MappedCase } from './cases/mapping';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cases = JSON.parse(readFileSync(resolve(root, '../shared/reference/cases.json'), 'utf8')) as any[];
const mapped = cases.map((c) => ({ c, m: mapCase(c) }));
const supported = mapped.filter((x): x is { c: any; m: MappedCase } => !('unsupported' in x.m));

function read(json: any, field: string): unknown {
  return field.split('.').reduce((o, k) => (o == null ? undefined : o[k]), json);
}

function expectCheck(json: any, check: Check, id: string): void {
  const raw = read(json, check.field);
  expect(typeof raw, `${id}: ${check.field} should be a decimal string, got ${JSON.stringify(raw)}`).toBe('string');
  const got = Number(raw);
  const { abs, rel } = check.tolerance;
  const allowed = abs ?? Math.abs(check.expected) * (rel ?? 0);
  expect(
    Math.abs(got - check.expected),
    `${id}: ${check.field} = ${raw}, expected ${check.expected} ± ${allowed}`,
  ).toBeLessThanOrEqual(allowed);
}

function followUpInput(m: MappedCase, json: any): Record<string, unknown> {
  const mark = read(json, m.followUp!.markFrom);
  return { ...m.input, market: { ...(m.input.market as object), markPrice: mark } };
}

describe('shared worked examples', () => {
  it('covers every case: each is mapped or names why its venue is unsupported', () => {
    expect(cases.length).toBeGreaterThanOrEqual(38);
    const unsupported = mapped.filter((x) => 'unsupported' in x.m).map((x) => x.c.id);
    // Only venues/products outside the six engines may be left out.
    expect(unsupported.sort()).toEqual([
      'bitget-mm-old-method',
      'bitget-mm-tiered-method',
      'bybit-inverse-cross-legacy-5739.50',
    ]);
  });

  describe('engine API', () => {
    for (const { c, m } of supported) {
      it(c.id, () => {
        const json = quoteJson(m.input, bundledFacts()) as any;
        expect(json.error, JSON.stringify(json.error)).toBeUndefined();
        for (const check of m.checks) expectCheck(json, check, c.id);
        if (m.classic) {
          // Relabelled: the retired rule's figure is not what the engine (and the venue) shows now.
          const got = Number(read(json, m.classic.field));
          expect(Math.abs(got - m.classic.expected), `${c.id}: ${m.classic.why}`).toBeGreaterThan(0.01);
        }
        if (m.followUp) {
          const again = quoteJson(followUpInput(m, json), bundledFacts()) as any;
          for (const check of m.followUp.checks) expectCheck(again, check, `${c.id} (follow-up)`);
        }
      });
    }
  });

  describe('preflight quote CLI', () => {
    it('quotes every supported case in one array call with the same figures', () => {
      const result = spawnSync(process.execPath, ['bin/preflight.mjs', 'quote'], {
        cwd: root,
        input: JSON.stringify(supported.map((x) => x.m.input)),
        encoding: 'utf8',
      });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      const out = JSON.parse(result.stdout) as any[];
      expect(out).toHaveLength(supported.length);
      supported.forEach(({ c, m }, index) => {
        for (const check of m.checks) expectCheck(out[index], check, `${c.id} (cli)`);
        expect(out[index]).toEqual(quoteJson(m.input, bundledFacts()));
      });
    });
  });
});

describe('Bybit UTA fee to close', () => {
  it('with margin = IM incl. fee to close, the fee cancels: the UTA price, not the classic 19,700', () => {
    const json = quoteJson(
      {
        venue: 'bybit-linear',
        marginMode: 'isolated',
        order: { side: 'long', price: '20000', quantity: '1', leverage: '50' },
        market: { maintenanceMarginRate: '0.005', takerFeeRate: '0.00055' },
      },
      bundledFacts(),
    ) as any;
    // formulas.md §4.2: fee to close in IM and MM cancels; MM at LP: (20,000 − 400) / (1 − 0.005).
    expect(json.liquidationPrice).toBe(new Dec(19600).div('0.995').toFixed());
    expect(json.maintenanceMargin).toBe('110.78'); // 1 × 20,000 (mark = entry) × 0.5 % + 1 × 19,600 × 0.055 %
    expect(json.details.feeToClose).toBe('10.78');
  });
});
