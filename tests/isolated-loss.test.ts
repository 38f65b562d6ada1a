// Issue 12 #2: an isolated position loses at most its margin plus fees. A stop-loss at or beyond
// the liquidation price never fills, so "P/L at the stop" is the loss at liquidation, and the
// warnings say so once (LIQ_BEYOND_STOP with the capped loss, no loss-limit warning beside it).
import { describe, expect, it } from 'vitest';
import { Dec } from '../src/core/decimal';
import { parseQuoteInput } from '../src/core/input';
import { quoteJson } from '../src/core/quote';
import { sizeForRisk } from '../src/core/sizing';
import { bundledFacts } from '../src/venues/bundled-facts';

const facts = bundledFacts();
const input = (order: Record<string, string>, extra: Record<string, unknown> = {}) => ({
  venue: 'bybit-linear',
  marginMode: 'isolated',
  order: { symbol: 'BTCUSDT', side: 'long', type: 'limit', price: '20000', quantity: '1', leverage: '10', ...order },
  market: { markPrice: '20000', takerFeeRate: '0.00055', makerFeeRate: '0.0002', maintenanceMarginRate: '0.005' },
  limits: { maxLoss: '500' },
  ...extra,
});
const codes = (q: any): string[] => q.warnings.map((w: any) => w.code);

describe('isolated loss capped at liquidation', () => {
  it('long: the P/L at a stop beyond liquidation is the margin posted plus the opening fee', () => {
    const q = quoteJson(input({ stopLoss: '17000' }), facts) as any;
    expect(Number(q.liquidationPrice)).toBeGreaterThan(17000);
    // Bybit isolated margin: 2000 + fee to close at the bankruptcy price 18000 × 0.00055 (9.9); open fee 4 (maker).
    expect(q.pnl.atLiquidation).toBe('-2013.9');
    expect(q.pnl.atStop).toBe('-2013.9');
    // The uncapped line would have said −3000 − 4 − 17000 × 0.00055 = −3013.35.
    expect(q.assumptions.some((a: string) => a.includes('never reached'))).toBe(true);
  });

  it('says it once: LIQ_BEYOND_STOP with the capped loss, no loss-limit warning with the uncapped one', () => {
    const q = quoteJson(input({ stopLoss: '17000' }), facts) as any;
    expect(codes(q)).toContain('LIQ_BEYOND_STOP');
    expect(codes(q)).not.toContain('LOSS_AT_STOP_ABOVE_LIMIT');
    const w = q.warnings.find((x: any) => x.code === 'LIQ_BEYOND_STOP');
    expect(w.message).toMatch(/^You would be liquidated at 18\d{3}(\.\d+)? before your stop-loss at 17000/);
    expect(w.message).toContain('Loss ≈ 2013.9 (the isolated margin 2009.9 + fees), more than your limit of 500.');
    expect(q.warnings.map((x: any) => x.message).join(' ')).not.toContain('3013');
  });

  it('short, with the isolated margin given and extra margin added', () => {
    const q = quoteJson(
      {
        ...input({ side: 'short', stopLoss: '30000' }, { account: { walletBalance: '2500', extraMargin: '100' } }),
        venue: 'binance-usdm',
      },
      facts,
    ) as any;
    expect(Number(q.liquidationPrice)).toBeLessThan(30000);
    // 2500 + 100 posted, open fee 20000 × 0.0002 = 4.
    expect(q.pnl.atStop).toBe('-2604');
  });

  it('a stop inside liquidation and cross margin keep the straight line', () => {
    const inside = quoteJson(input({ stopLoss: '19000' }), facts) as any;
    expect(inside.pnl.atStop).toBe('-1014.45');
    expect(inside.pnl.atLiquidation).toBe('-2013.9');
    const cross = quoteJson(
      { ...input({ stopLoss: '17000' }), marginMode: 'cross', account: { walletBalance: '2500' } },
      facts,
    ) as any;
    expect(cross.pnl.atLiquidation).toBeNull();
    expect(cross.pnl.atStop).toBe('-3013.35');
    expect(codes(cross)).toContain('LOSS_AT_STOP_ABOVE_LIMIT');
  });

  it('sizing still sizes on the loss if the stop fills (the line), not the capped figure', () => {
    const sized = sizeForRisk(parseQuoteInput(input({ stopLoss: '17000', leverage: '50' })), facts, new Dec(500));
    expect(sized.lossPerUnit.toFixed()).toBe('3013.35');
  });
});
