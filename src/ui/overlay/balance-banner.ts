// Cross margin rests on one balance: the overlay always says which figure it used and where it
// came from (issue 12 #4) — the page's wallet, or the one typed in the toolbar popup (and where to
// edit it) — and, when the popup's figure is used while the page shows an available balance that
// differs, says what the page shows. Isolated orders need no balance: nothing is said.
import { compareFixed } from '../../core/decimal-text';
import type { OrderForm } from '../../venues/types';
import { t } from '../i18n';
import { formatMoney, toDecimal } from './format';
import { quoteCurrency } from './units';
import type { Banner, SideQuote } from './view-types';

type Plan = SideQuote['plan'];

const money = (value: string, form: OrderForm, locale: string): string =>
  `${formatMoney(value, { locale }) ?? value} ${quoteCurrency(form.venue, form.symbol)}`;

/** The available balance the page shows, when it shows a readable one. */
function pageAvailable(form: OrderForm): string | null {
  return toDecimal(form.availableBalance) === undefined ? null : form.availableBalance;
}

/** True when both are decimals and differ in value ("5000" and "5000.00" are the same). */
function differs(a: string, b: string): boolean {
  const x = toDecimal(a);
  const y = toDecimal(b);
  return x !== undefined && y !== undefined && compareFixed(x, y) !== 0;
}

/** "Cross: wallet 8,000.00 USDT and 1 open position, read from the page" / "… as you entered it in the toolbar popup …". */
export function accountSourceBanner(plan: Plan, form: OrderForm | null, locale: string): Banner | null {
  if (form === null || plan.balance === null || plan.balanceSource === null) return null;
  const n = plan.pagePositions;
  const amount = money(plan.balance, form, locale);
  if (plan.balanceSource === 'page') {
    const text =
      n === null
        ? t('overlay_balanceFromPage', [amount])
        : n === 0
          ? t('overlay_balanceFromPageNoPositions', [amount])
          : n === 1
            ? t('overlay_balanceFromPageOnePosition', [amount])
            : t('overlay_balanceFromPagePositions', [amount, String(n)]);
    return { kind: 'balance-source', severity: 'info', text };
  }
  const typed =
    n === null
      ? t('overlay_balanceFromPopup', [amount])
      : n === 1
        ? t('overlay_balanceFromPopupOnePosition', [amount])
        : t('overlay_balanceFromPopupPositions', [amount, String(n)]);
  const shown = pageAvailable(form);
  if (shown === null)
    return { kind: 'balance-source', severity: 'info', text: `${typed} — ${t('overlay_balancePageNone')}` };
  if (!differs(shown, plan.balance)) return { kind: 'balance-source', severity: 'info', text: typed };
  // A figure typed long ago against the one the page shows now: the trader should look.
  const page = t('overlay_balancePageShows', [money(shown, form, locale)]);
  return { kind: 'balance-source', severity: 'warn', text: `${typed} — ${page}` };
}

/** Cross margin with no balance known: ask for one, with the page's available figure when it shows one. */
export function enterBalanceText(form: OrderForm | null, locale: string): string {
  const shown = form === null ? null : pageAvailable(form);
  return shown === null || form === null
    ? t('overlay_enterBalance')
    : t('overlay_enterBalancePageShows', [money(shown, form, locale)]);
}
