// Each published (or observed) example in ../shared/reference/cases.json, written as a
// `preflight quote` input plus the output fields that must match. The case's own numbers
// are the oracle; nothing here is computed by the engine.
export interface Check {
  /** Dotted path into the quote JSON, e.g. "details.orderCost". */
  field: string;
  expected: number;
  tolerance: { abs?: number; rel?: number };
}

export interface MappedCase {
  input: Record<string, unknown>;
  checks: Check[];
  /** A second quote of the same position at another mark price (e.g. at the margin-call price). */
  followUp?: { markFrom: string; checks: Check[] };
  /**
   * A published figure of a retired rule that the engine no longer quotes (Bybit's classic
   * account): kept, labelled, and checked to differ from what the engine shows.
   */
  classic?: { field: string; expected: number; why: string };
}

export type CaseMapping = MappedCase | { unsupported: string };

type Raw = {
  id: string;
  exchange: string;
  product: string;
  side: 'long' | 'short';
  marginMode: string;
  inputs: Record<string, any>;
  expected: Record<string, number>;
  tolerance: { abs?: number; rel?: number };
};

const s = (n: number): string => String(n);

function checks(c: Raw, fields: Record<string, string>): Check[] {
  return Object.entries(fields).map(([expectedKey, field]) => {
    const expected = c.expected[expectedKey];
    if (expected === undefined) throw new Error(`${c.id}: no expected.${expectedKey}`);
    return { field, expected, tolerance: c.tolerance };
  });
}

function kraken(c: Raw): CaseMapping {
  const i = c.inputs;
  if (c.id === 'kraken-spot-margin-fees-74h') {
    // Amount extended = full position cost: 1 unit at 10,000 = 10,000.
    return {
      input: {
        venue: 'kraken-margin',
        order: { side: 'long', price: '10000', quantity: '1', leverage: '5' },
        market: {
          openingFeeRate: s(i.openingFeeRate),
          rolloverFeeRate: s(i.rolloverRatePer4h),
          rolloverIntervalHours: '4',
        },
        holdHours: s(i.hoursHeld),
      },
      checks: [
        ...checks(c, { openingFee: 'carry.opening', rolloverCount: 'carry.periods' }),
        { field: 'carry.total', expected: c.expected.openingFee! + c.expected.rolloverFees!, tolerance: c.tolerance },
      ],
    };
  }
  const balance = i.tradeBalance ?? i.accountBalance;
  const input = {
    venue: 'kraken-margin',
    marginMode: 'cross',
    order: { symbol: 'XBTUSD', side: c.side, price: s(i.entryPrice), quantity: s(i.quantity), leverage: s(i.leverage) },
    market: {
      ...(i.currentPrice ? { markPrice: s(i.currentPrice) } : {}),
      ...(i.marginCallLevel ? { marginCallLevel: s(i.marginCallLevel * 100) } : {}),
    },
    account: { walletBalance: s(balance) },
  };
  if (c.id === 'kraken-spot-long-margin-call-price') {
    return {
      input,
      checks: checks(c, { marginCallPrice: 'marginCallPrice' }),
      followUp: {
        markFrom: 'marginCallPrice',
        checks: [
          ...checks(c, { equityAtMarginCall: 'details.equity', pnlAtMarginCall: 'details.unrealizedPnl' }),
          { field: 'marginLevel', expected: 80, tolerance: { abs: 1e-9 } },
        ],
      },
    };
  }
  if (c.id === 'kraken-spot-long-margin-level-at-28133.3') {
    return {
      input,
      checks: checks(c, {
        unrealizedPnl: 'details.unrealizedPnl',
        equity: 'details.equity',
        marginLevelPct: 'marginLevel',
      }),
    };
  }
  return {
    input,
    checks: checks(c, {
      usedMarginBase: 'details.usedMarginBase',
      usedMarginQuote: 'details.usedMarginQuote',
      marginLevelPct: 'marginLevel',
    }),
  };
}

function binanceUsdm(c: Raw): CaseMapping {
  const i = c.inputs;
  switch (c.id) {
    case 'binance-usdm-cross-oneway-ETHUSDT':
    case 'binance-usdm-isolated-oneway-ETHUSDT-derived': {
      const cross = c.marginMode === 'cross';
      return {
        input: {
          venue: 'binance-usdm',
          marginMode: c.marginMode,
          order: {
            symbol: 'ETHUSDT',
            side: i.side1BOTH === 1 ? 'long' : 'short',
            price: s(i.EP1BOTH),
            quantity: s(i.position1BOTH),
            leverage: '10',
          },
          market: { maintenanceMarginRate: s(i.MMR_B), maintenanceAmount: s(i.cumB) },
          account: {
            walletBalance: s(i.WB),
            positions: cross
              ? i.otherPositions.map((p: any) => ({
                  symbol: p.symbol,
                  side: 'long',
                  quantity: s(p.qty),
                  entryPrice: s(p.entryPrice),
                  markPrice: s(p.markPrice),
                  maintenanceMarginRate: s(p.MMR),
                  maintenanceAmount: s(p.cum),
                }))
              : [],
          },
        },
        checks: checks(c, { liquidationPrice: 'liquidationPrice' }),
      };
    }
    case 'binance-usdm-maintenance-margin-ETHUSDT':
    case 'binance-usdm-maintenance-margin-BTCUSDT':
      return {
        input: {
          venue: 'binance-usdm',
          marginMode: 'isolated',
          order: { side: 'long', price: s(i.markPrice), quantity: s(i.qty), leverage: '5' },
          market: { markPrice: s(i.markPrice), maintenanceMarginRate: s(i.MMR), maintenanceAmount: s(i.cum) },
        },
        checks: checks(c, { notional: 'notional', maintenanceMargin: 'maintenanceMargin' }),
      };
    case 'binance-usdm-maintenance-amount-rule': {
      // Tier table without amounts: the engine derives cum; at 500,000 notional (tier 3)
      // MM = 500,000 × 1 % − cum_3, so cum_3 = 1,300 ⇔ MM = 3,700.
      const prevFloor = 50000;
      return {
        input: {
          venue: 'binance-usdm',
          marginMode: 'isolated',
          order: { side: 'long', price: '500000', quantity: '1', leverage: '10' },
          market: {
            tiers: [
              { notionalFloor: '0', notionalCap: s(prevFloor), maintenanceMarginRate: '0.004' },
              {
                notionalFloor: s(prevFloor),
                notionalCap: s(i.floorLevelN),
                maintenanceMarginRate: s(i.MMR_nMinus1),
                maintenanceAmount: s(i.cum_nMinus1),
              },
              { notionalFloor: s(i.floorLevelN), notionalCap: '1000000', maintenanceMarginRate: s(i.MMR_n) },
            ],
          },
        },
        checks: [
          { field: 'maintenanceMargin', expected: 500000 * i.MMR_n - c.expected.cum_n!, tolerance: c.tolerance },
        ],
      };
    }
    case 'binance-usdm-cost-to-open-long-limit':
      return {
        input: {
          venue: 'binance-usdm',
          marginMode: 'isolated',
          order: {
            symbol: 'BTCUSDT',
            side: c.side,
            price: s(i.orderPrice),
            quantity: s(i.qty),
            leverage: s(i.leverage),
          },
          market: { markPrice: s(i.markPrice) },
        },
        checks: checks(c, { initialMargin: 'initialMargin', openLoss: 'details.openLoss', cost: 'details.costToOpen' }),
      };
    default:
      throw new Error(`unmapped ${c.id}`);
  }
}

function binanceCoinmRule(c: Raw): CaseMapping {
  // The COIN-M rule is the same unit-free tier rule; checked through a USDⓈ-M quote whose
  // table is written in the same numbers (notional 100 in tier 2: MM = 100 × 5 % − 1.81).
  const i = c.inputs;
  return {
    input: {
      venue: 'binance-usdm',
      marginMode: 'isolated',
      order: { side: 'long', price: '100', quantity: '1', leverage: '2' },
      market: {
        tiers: [
          {
            notionalFloor: '0',
            notionalCap: s(i.floorLevelN_BTC),
            maintenanceMarginRate: s(i.MMR_nMinus1),
            maintenanceAmount: s(i.cum_nMinus1_BTC),
          },
          { notionalFloor: s(i.floorLevelN_BTC), maintenanceMarginRate: s(i.MMR_n) },
        ],
      },
    },
    checks: [{ field: 'maintenanceMargin', expected: 100 * i.MMR_n - c.expected.cum_n_BTC!, tolerance: c.tolerance }],
  };
}

function binanceMargin(c: Raw): CaseMapping {
  const i = c.inputs;
  if (c.id === 'binance-margin-cross-long-liq-22000') {
    const leverage = (i.collateralUSDT + i.borrowedUSDT) / i.collateralUSDT;
    return {
      input: {
        venue: 'binance-margin',
        marginMode: 'cross',
        order: { side: 'long', price: s(i.entryPrice), quantity: s(i.boughtBTC), leverage: s(leverage) },
        market: { liquidationLevel: s(i.liquidationMarginLevel) },
        account: { walletBalance: s(i.collateralUSDT) },
      },
      checks: checks(c, { liquidationPrice: 'liquidationPrice' }),
    };
  }
  // Interest: borrow `principal` USDT (long 1 unit at 2 × principal, 2× leverage) from
  // borrowTime for the given span; the carry counts charged hours and interest.
  const [bh, bm] = (i.borrowTime as string).split(':').map(Number) as [number, number];
  const [eh, em] = ((i.repayTime ?? i.now) as string).split(':').map(Number) as [number, number];
  const minutes = eh * 60 + em - (bh * 60 + bm);
  const hourly = i.hourlyRate !== undefined ? s(i.hourlyRate) : divide(s(i.dailyRate), 24);
  return {
    input: {
      venue: 'binance-margin',
      marginMode: 'isolated',
      order: { side: 'long', price: s(2 * i.principal), quantity: '1', leverage: '2' },
      market: { borrowRatePerHour: hourly, liquidationLevel: '1.1' },
      holdHours: divide(String(minutes), 60),
      carryStart: `2026-01-01T${i.borrowTime}:00Z`,
    },
    checks: checks(c, { chargedHours: 'carry.periods', interest: 'carry.total' }),
  };
}

/** Long division to 40 places as text, so rates like 0.0002 / 24 stay decimal strings. */
function divide(numerator: string, by: number): string {
  const [int, frac = ''] = numerator.split('.');
  const digits = (int + frac).replace(/^0+/, '') || '0';
  let remainder = 0;
  let out = '';
  const padded = digits + '0'.repeat(40);
  for (const ch of padded) {
    remainder = remainder * 10 + Number(ch);
    out += String(Math.floor(remainder / by));
    remainder %= by;
  }
  const scale = frac.length + 40;
  const whole = out.replace(/^0+/, '').padStart(scale + 1, '0');
  return `${whole.slice(0, whole.length - scale)}.${whole.slice(whole.length - scale)}`;
}

function bybit(c: Raw): CaseMapping {
  const i = c.inputs;
  if (c.product !== 'linear-perp')
    return { unsupported: 'Bybit inverse contracts are not a supported product (only bybit-linear USDT perpetuals)' };
  const price = i.entryPrice ?? i.orderPrice;
  // The classic help-center examples leave the fee to close out: taker 0 unless the case gives one.
  const base = {
    venue: 'bybit-linear',
    marginMode: 'isolated',
    order: { side: c.side, price: s(price), quantity: s(i.qty), leverage: s(i.leverage) },
    market: {
      takerFeeRate: s(i.takerFeeRate ?? 0),
      maintenanceMarginRate: s(i.MMR ?? 0.005),
      ...(i.mmDeduction !== undefined ? { maintenanceAmount: s(i.mmDeduction) } : {}),
    },
    account: i.extraMargin ? { extraMargin: s(i.extraMargin) } : {},
  };
  if (c.id === 'bybit-linear-isolated-long-19700') {
    // Classic-account example (formulas.md §4.1). IM 400 and MM 100 (at the mark = entry, taker 0)
    // hold under the UTA too; its liquidation price does not: the UTA takes MM at the
    // liquidation price (§4.2): LP = (EP·Q − EP·Q/L − 0 − 0) / (Q − Q·MMR)
    //   = (20,000 − 400) / (1 − 0.005) = 19,600 / 0.995 = 19,698.4924623…
    return {
      input: base,
      checks: [
        ...checks(c, { initialMargin: 'initialMargin', maintenanceMargin: 'maintenanceMargin' }),
        { field: 'liquidationPrice', expected: 19698.49246231156, tolerance: c.tolerance },
      ],
      classic: {
        field: 'liquidationPrice',
        expected: c.expected.liquidationPrice!,
        why: 'classic Bybit account (retired): MM at the entry price; every account is a UTA now',
      },
    };
  }
  if (c.id === 'bybit-linear-bankruptcy-long')
    return { input: base, checks: checks(c, { bankruptcyPrice: 'bankruptcyPrice' }) };
  return {
    input: base,
    checks: checks(c, {
      initialMargin: 'initialMargin',
      feeToOpen: 'details.feeToOpen',
      feeToClose: 'details.feeToClose',
      orderCost: 'details.orderCost',
    }),
  };
}

function okx(c: Raw): CaseMapping {
  const i = c.inputs;
  // OKX linear futures and swaps share the initial-margin rule: face value × contracts × price / L.
  return {
    input: {
      venue: 'okx-swap',
      marginMode: 'isolated',
      order: {
        side: c.side,
        price: s(i.avgPrice),
        quantity: s(i.faceValue_BTC * i.contracts),
        leverage: s(i.leverage),
      },
      market: { maintenanceMarginRate: '0.004' },
    },
    checks: checks(c, { initialMargin: 'initialMargin' }),
  };
}

function hyperliquid(c: Raw): CaseMapping {
  const i = c.inputs;
  return {
    input: {
      venue: 'hyperliquid',
      marginMode: 'isolated',
      order: { symbol: i.coin, side: c.side, price: s(i.entryPrice), quantity: s(i.size), leverage: s(i.userLeverage) },
      market: { maxLeverage: s(i.maxLeverageAtCapture) },
      account: { walletBalance: s(i.isolatedMargin) },
    },
    checks: checks(c, { liquidationPrice: 'liquidationPrice' }),
  };
}

export function mapCase(c: Raw): CaseMapping {
  if (c.exchange === 'kraken' && c.product === 'spot-margin') return kraken(c);
  if (c.exchange === 'binance' && c.product === 'usdm-perp') return binanceUsdm(c);
  if (c.exchange === 'binance' && c.product === 'coinm-perp') return binanceCoinmRule(c);
  if (c.exchange === 'binance' && c.product === 'spot-margin') return binanceMargin(c);
  if (c.exchange === 'bybit') return bybit(c);
  if (c.exchange === 'okx') return okx(c);
  if (c.exchange === 'hyperliquid') return hyperliquid(c);
  return { unsupported: `${c.exchange} is not a supported venue` };
}
