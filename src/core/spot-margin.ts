// Helpers shared by the spot-margin venues (Kraken, Binance margin), whose margin level is
// a ratio of equity or assets to a borrowed amount rather than a maintenance margin.
import { breakEvenPrice, carryCost, openingFeeRate } from './costs';
import type { Dec } from './decimal';
import type { Resolver } from './resolve';
import type { Carry, QuoteInput, Warning } from './types';

export function crossBalanceUnknown(): Warning {
  return {
    code: 'CROSS_BALANCE_UNKNOWN',
    severity: 'warn',
    message: 'The account balance is needed for margin level and liquidation price. Enter it in the popup.',
  };
}

export function otherPositionsIgnored(input: QuoteInput): Warning[] {
  if (input.account.positions.length === 0) return [];
  return [
    {
      code: 'OTHER_POSITIONS_IGNORED',
      severity: 'warn',
      message:
        'Other open positions are not modelled for this venue yet; give the account balance net of them, or the figures will be optimistic.',
    },
  ];
}

export interface TradingFees {
  fees: { open: Dec; close: Dec };
  takerRate: Dec;
}

export function tradingFees(input: QuoteInput, notional: Dec, resolver: Resolver): TradingFees {
  const takerRate = resolver.feeRate('taker');
  const open = notional.times(openingFeeRate(input.order, resolver));
  resolver.note('closing fee estimated at the entry price as a taker (market) exit');
  return { fees: { open, close: notional.times(takerRate) }, takerRate };
}

export function spotBreakEven(input: QuoteInput, trading: TradingFees, carry: Carry): Dec | null {
  return breakEvenPrice(input.order, trading.fees.open.plus(carryCost(carry)), trading.takerRate);
}
