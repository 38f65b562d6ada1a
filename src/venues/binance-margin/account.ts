// Binance spot margin: what the page says of the account. The selected tab, not the URL, is the
// account: "Cross 3x" / "Isolated 10x" give margin mode and leverage, "Spot" means no margin (a
// plain spot order, like Kraken with margin off). The borrow radios say whether the order opens a
// loan: 'Borrow' (auto-borrow) does, so it is a margin order; 'Normal' and 'Repay' open none.
// For cross, the panel's totals and margin level give the balance of a debt-free account.
import type { MarginMode } from '../../core/types';
import { panelNumbers } from '../dom/number-scopes';
import { parseLeverageText } from '../dom/numbers';
import { prefixPattern } from '../dom/page-locale';
import { accessibleName, isOn } from '../dom/query';
import type { Scan } from '../dom/scan';
import { execText, textOf } from '../dom/text';
import type { Pair } from '../dom/trade-url';
import type { DecimalString, OrderForm, PageAccount } from '../types';
import type { BinanceMarginKey } from './selectors';
import { accountTab, panelRow, marginWords, type MarginWords } from './words';

/** A panel row's label, with the "≈" Binance may put before the figure. */
const prefix = (words: readonly string[]): RegExp => new RegExp(`${prefixPattern(words).source}(?: ≈)?`);

/** What Binance shows as the margin level of an account without debt. */
const DEBT_FREE_LEVEL = '999';

/** The selected account tab: no margin ('spot'), or the margin mode. */
export type Account = 'spot' | MarginMode;

/** The selected account tab and the leverage on its badge ("Cross 3x" → cross, 3). */
export function readAccount(
  scan: Scan<BinanceMarginKey>,
  w: MarginWords = marginWords('en'),
): { account: Account; leverage: DecimalString | null } | null {
  const tabs: Array<[Account, Element | null]> = [
    ['spot', scan.one('tabSpot')],
    ['cross', scan.one('tabCross')],
    ['isolated', scan.one('tabIsolated')],
  ];
  if (tabs.some(([, tab]) => tab === null)) return null;
  const selected = tabs.filter(([, tab]) => isOn(tab!));
  if (selected.length !== 1) return scan.need('marginMode', null);
  const [account, tab] = selected[0]!;
  if (account === 'spot') return { account, leverage: '1' };
  const badge = execText(accessibleName(tab!), accountTab(account === 'cross' ? w.cross : w.isolated))?.[1];
  return { account, leverage: scan.need('leverage', badge === undefined ? null : parseLeverageText(badge)) };
}

export function readBorrow(scan: Scan<BinanceMarginKey>, margin: boolean): OrderForm['borrow'] | null {
  const radios: Array<[NonNullable<OrderForm['borrow']>, BinanceMarginKey]> = [
    ['none', 'borrowNormal'],
    ['auto', 'borrowAuto'],
    ['repay', 'borrowRepay'],
  ];
  if (!margin) {
    for (const [, key] of radios) scan.all(key); // counted only: the Spot tab has no borrowing
    return null;
  }
  const found = radios.map(([value, key]) => [value, scan.one(key)] as const);
  if (found.some(([, el]) => el === null)) return null;
  const on = found.filter(([, el]) => isOn(el!));
  return scan.need('borrow', on.length === 1 ? on[0]![0] : null);
}

/**
 * The cross account as the page shows it. Existing loans cannot be modelled (their interest and
 * their own price moves), so only a debt-free account gives its total assets as the balance; an
 * account with debt, or totals in another currency, gives none and the quote says so. An empty
 * account's zero is a balance like any other (the background answers it).
 */
export function readPageAccount(
  scan: Scan<BinanceMarginKey>,
  pair: Pair | null,
  w: MarginWords = marginWords('en'),
): PageAccount | undefined {
  const level = scan.optional('marginLevel');
  const assets = scan.optional('totalAssets');
  const liabilities = scan.optional('totalLiabilities');
  if (!level && !assets && !liabilities) return undefined;
  const quote = pair?.quote ?? '';
  const assetsValue = assets
    ? panelNumbers(assets, scan.numberFormat).amountWithUnit(textOf(assets), quote, prefix(w.totalAssets))
    : null;
  const debt = liabilities
    ? panelNumbers(liabilities, scan.numberFormat).amountWithUnit(
        textOf(liabilities),
        quote,
        prefix(w.totalLiabilities),
      )
    : null;
  const levelText = level ? execText(textOf(level), panelRow(w.marginLevel, false))?.[1] : undefined;
  const levelValue = level && levelText !== undefined ? panelNumbers(level, scan.numberFormat).number(levelText) : null;
  // The margin level must agree: an account without debt shows Binance's cap of 999.
  const debtFree = debt === '0' && levelValue === DEBT_FREE_LEVEL;
  return { walletBalance: debtFree ? assetsValue : null, positions: debtFree ? [] : null };
}
