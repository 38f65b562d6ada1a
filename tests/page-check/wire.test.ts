// The cross-check travels with each quoted side (WireSide.pageCheck): the content script's
// validator accepts what the background computes and refuses a verdict its checks do not give.
import { describe, expect, it } from 'vitest';
import type { QuotesMessage } from '../../src/messaging/messages';
import { parseBgToCs } from '../../src/messaging/validate-bg-to-cs';
import { quoteSides, toWire } from '../../src/venues/quote-sides';
import { binanceForm, NOW, settings, snapshot } from '../content/fixtures';

type Json = Record<string, any>;

function message(costs: [string, string]): QuotesMessage {
  const form = binanceForm({
    pageEstimates: [
      { kind: 'cost', side: 'long', value: costs[0], decimals: 2 },
      { kind: 'cost', side: 'short', value: costs[1], decimals: 2 },
    ],
  });
  return {
    type: 'bg→cs:quotes',
    seq: 1,
    venue: 'binance-usdm',
    symbol: 'BTCUSDT',
    sides: toWire(quoteSides(form, snapshot('65010.2'), settings(), NOW)),
    mark: { value: '65010.2', receivedAt: NOW - 2_000 },
    tickSize: '0.1',
    status: 'live',
    lastError: null,
    refusal: null,
  };
}

describe('WireSide.pageCheck', () => {
  it('carries the verdict and both figures per side; the validator takes it as it is', () => {
    const m = message(['1', '2']);
    expect(m.sides.map((s) => s.pageCheck?.verdict)).toEqual(['differs', 'differs']);
    expect(m.sides[0]?.pageCheck?.checks[0]).toMatchObject({ kind: 'cost', page: '1', decimals: 2, agrees: false });
    expect(parseBgToCs(JSON.parse(JSON.stringify(m)))).toEqual(m);
  });

  it('refuses a verdict the checks do not give, a bad figure, an empty or unknown check', () => {
    const m = JSON.parse(JSON.stringify(message(['1', '2']))) as Json;
    const changed = (change: (side: Json) => void): unknown => {
      const copy = JSON.parse(JSON.stringify(m)) as Json;
      change(copy.sides[0]);
      return copy;
    };
    expect(parseBgToCs(changed((s) => (s.pageCheck.verdict = 'matches')))).toBeNull();
    expect(parseBgToCs(changed((s) => (s.pageCheck.checks[0].ours = '1e3')))).toBeNull();
    expect(parseBgToCs(changed((s) => (s.pageCheck.checks = [])))).toBeNull();
    expect(parseBgToCs(changed((s) => (s.pageCheck.checks[0].kind = 'margin')))).toBeNull();
    expect(parseBgToCs(changed((s) => (s.pageCheck.extra = true)))).toBeNull();
    expect(parseBgToCs(changed((s) => (s.pageCheck = null)))).not.toBeNull();
  });
});
