// Position sizing in the popup: the quantity is rounded down (the loss never exceeds the risk),
// the leverage is the highest that fits, and what cannot be sized says why.
import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/core/decimal';
import { parseQuoteInput } from '../../src/core/input';
import { quote } from '../../src/core/quote';
import { fits } from '../../src/core/sizing';
import { DEFAULT_SETTINGS } from '../../src/settings/settings';
import { bundledFacts } from '../../src/venues/bundled-facts';
import { quoteScenario } from '../../src/ui/popup/engine';
import { defaultScenario } from '../../src/ui/popup/scenario';
import { quantityDecimals, riskAmount, roundDownToStep, sizeFromRisk } from '../../src/ui/popup/sizing';
import { NOW } from './orders';

const inputOf = (patch: Record<string, string>) => {
  const outcome = quoteScenario(
    { ...defaultScenario('bybit-linear', DEFAULT_SETTINGS, 'en-US'), ...patch },
    null,
    DEFAULT_SETTINGS,
    NOW,
  );
  if (!outcome.ok) throw new Error('refused');
  return outcome.quote.input;
};

describe('sizing from risk', () => {
  it('rounds the quantity down, the loss stays within the risk, and the leverage fits while one more does not', () => {
    const input = inputOf({ stopLoss: '97000' });
    const sized = sizeFromRisk(input, '500', 100);
    if (!sized.ok) throw new Error(sized.reason);
    expect(sized.decimals).toBe(6);
    expect(sized.quantity.split('.')[1]!.length).toBeLessThanOrEqual(6);
    const parsed = parseQuoteInput(input);
    const at = (leverage: string) => {
      const sizedInput = {
        ...parsed,
        order: { ...parsed.order, quantity: new Dec(sized.quantity), leverage: new Dec(leverage) },
      };
      return { q: quote(sizedInput, bundledFacts()), sizedInput };
    };
    const check = at(sized.leverage!);
    const loss = check.q.pnl.atStop!.negated();
    expect(loss.lessThanOrEqualTo(500)).toBe(true);
    expect(loss.equals(sized.loss)).toBe(true);
    // One more step of quantity would lose more than the risk.
    const step = new Dec(10).pow(-sized.decimals);
    expect(new Dec(sized.loss).plus(new Dec(sized.loss).div(sized.quantity).times(step)).greaterThan(500)).toBe(true);
    expect(fits(check.q, check.sizedInput)).toBe(true);
    const next = at(new Dec(sized.leverage!).plus(1).toFixed());
    expect(fits(next.q, next.sizedInput)).toBe(false);
  });

  it('says why it cannot size', () => {
    expect(sizeFromRisk(inputOf({}), '500', 100)).toEqual({ ok: false, reason: 'needsStop' });
    expect(sizeFromRisk(inputOf({ stopLoss: '103000' }), '500', 100)).toEqual({ ok: false, reason: 'wrongSideStop' });
    expect(sizeFromRisk(inputOf({ stopLoss: '97000' }), null, 100)).toEqual({ ok: false, reason: 'needsBalance' });
    expect(sizeFromRisk(null, '500', 100)).toEqual({ ok: false, reason: 'nothing' });
  });

  it('no leverage fits when the stop lies beyond any liquidation under the cap', () => {
    // A short's stop at three times the price: even at 1× (liquidation near twice the price) the liquidation comes first.
    const sized = sizeFromRisk(inputOf({ side: 'short', stopLoss: '300000' }), '500', 100);
    expect(sized.ok && sized.leverage).toBeNull();
  });

  it('risk as a percent of the balance', () => {
    expect(riskAmount('percent', '1.5', '20000')).toBe('300');
    expect(riskAmount('percent', '1', null)).toBeNull();
    expect(riskAmount('amount', '250', null)).toBe('250');
    expect(quantityDecimals('100000')).toBe(6);
    expect(quantityDecimals('3000.5')).toBe(4);
    expect(quantityDecimals('0.25')).toBe(0);
  });

  it("rounds DOWN to the venue's lot step when the feed gave one (issue 12 #7: 0.048806 is no Bybit size)", () => {
    const input = inputOf({ stopLoss: '97000' });
    const guessed = sizeFromRisk(input, '150', 100);
    expect(guessed.ok && [guessed.quantity, guessed.step]).toEqual(['0.048806', null]);
    const stepped = sizeFromRisk(input, '150', 100, { size: '0.001', contractValue: null });
    if (!stepped.ok) throw new Error(stepped.reason);
    expect(stepped.quantity).toBe('0.048');
    expect(stepped.step).toBe('0.001');
    expect(stepped.decimals).toBe(3);
    expect(stepped.contracts).toBeNull();
    // The loss is the rounded size's, still within the risk.
    expect(new Dec(stepped.loss).lessThanOrEqualTo(150)).toBe(true);
    expect(new Dec(stepped.loss).lessThan(new Dec(guessed.ok ? guessed.loss : '0'))).toBe(true);
  });

  it('OKX: a lot of 0.01 contracts × 0.01 BTC steps by 0.0001 BTC and says the contracts', () => {
    const stepped = sizeFromRisk(inputOf({ stopLoss: '97000' }), '150', 100, { size: '0.0001', contractValue: '0.01' });
    expect(stepped.ok && [stepped.quantity, stepped.contracts]).toEqual(['0.0488', '4.88']);
  });

  it('a step coarser than the sized quantity leaves nothing to order, and says so', () => {
    expect(sizeFromRisk(inputOf({ stopLoss: '97000' }), '150', 100, { size: '0.1', contractValue: null })).toEqual({
      ok: false,
      reason: 'belowStep',
      message: '0.1',
    });
  });

  it('roundDownToStep: whole steps, never up', () => {
    expect(roundDownToStep(new Dec('0.04883'), '0.001', 5).toFixed()).toBe('0.048');
    expect(roundDownToStep(new Dec('0.04883'), null, 5).toFixed()).toBe('0.04883');
    expect(roundDownToStep(new Dec('1234.9'), '100', 0).toFixed()).toBe('1200');
    expect(roundDownToStep(new Dec('0.75'), '0.25', 2).toFixed()).toBe('0.75');
  });

  it("says when the rounded size is below the venue's minimum order", () => {
    const input = inputOf({ stopLoss: '97000' });
    expect(sizeFromRisk(input, '150', 100, { size: '0.001', contractValue: null, minimum: '0.05' })).toEqual({
      ok: false,
      reason: 'belowMinimum',
      message: '0.05',
    });
    const fits = sizeFromRisk(input, '150', 100, { size: '0.001', contractValue: null, minimum: '0.001' });
    expect(fits.ok && fits.quantity).toBe('0.048');
  });
});
