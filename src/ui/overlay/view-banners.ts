// The overlay's banners (what the figures rest on: a stale or missing mark, where the cross
// account came from, positions that could not be weighed, feed trouble) and its header mark line.
import type { MarketFigureKey, MarkState, OrderForm } from '../../venues/types';
import { isFresh } from '../../venues/types';
import type { OldFactKind } from '../../venues/facts-age';
import { t, type MessageKey } from '../i18n';
import { accountSourceBanner, enterBalanceText } from './balance-banner';
import { formatAge, formatPrice } from './format';
import { quoteCurrency } from './units';
import { SPOT_MARGIN_VENUES } from '../../venues/labels';
import { isError, type Formats } from './view-columns';
import type { Banner, MarketInfo, MarkLine, SideQuote } from './view-types';

const FIGURE_NAMES: Partial<Record<MarketFigureKey, MessageKey>> = {
  fundingRate: 'overlay_figureFundingRate',
  fundingIntervalHours: 'overlay_figureFundingInterval',
  maxLeverage: 'overlay_figureMaxLeverage',
  marginCallLevel: 'overlay_figureMarginCallLevel',
  liquidationLevel: 'overlay_figureLiquidationLevel',
  borrowRateCrossLong: 'overlay_figureBorrowRate',
  borrowRateCrossShort: 'overlay_figureBorrowRate',
  borrowRateIsolatedLong: 'overlay_figureBorrowRate',
  borrowRateIsolatedShort: 'overlay_figureBorrowRate',
};

/** One sentence per kind of bundled figure that is over 30 days old (src/venues/facts-age.ts). */
const OLD_FACT_MESSAGES: Record<OldFactKind, MessageKey> = {
  fees: 'overlay_oldFactsFees',
  tiers: 'overlay_oldFactsTiers',
  borrowRates: 'overlay_oldFactsBorrowRates',
  contractValue: 'overlay_oldFactsContractValue',
};

/** The header line: the mark of the market the quotes came from, aged on this page's own clock. */
export function markLine(
  market: MarketInfo | null,
  form: OrderForm | null,
  now: number,
  f: Formats,
): { line: MarkLine; state: MarkState } {
  const matches = market !== null && (form === null || (market.venue === form.venue && market.symbol === form.symbol));
  const mark = matches ? market.mark : null;
  // Spot margin prices at the last trade (Kraken's last trade, Binance's ticker), not a mark.
  const venue = market?.venue ?? form?.venue;
  const spot = venue !== undefined && SPOT_MARGIN_VENUES.has(venue);
  if (mark === null) {
    const text = t(spot ? 'overlay_noLastPrice' : 'overlay_noMark');
    return { state: 'missing', line: { value: '', text, ageMs: null, ageText: '' } };
  }
  const ageMs = Math.max(0, now - mark.receivedAt);
  const state: MarkState = isFresh(
    { value: mark.value, receivedAt: mark.receivedAt, exchangeTime: null, source: 'stream' },
    'markPrice',
    now,
  )
    ? 'live'
    : 'stale';
  const ccy = quoteCurrency(market!.venue, market!.symbol);
  const ageText = t(state === 'stale' ? 'overlay_ageStale' : 'overlay_age', [formatAge(ageMs)]);
  return {
    state,
    line: {
      value: mark.value,
      text: t(spot ? 'overlay_lastPrice' : 'overlay_mark', [
        `${formatPrice(mark.value, f.price) ?? mark.value} ${ccy}`,
      ]),
      ageMs,
      ageText,
    },
  };
}

export function banners(
  plan: SideQuote['plan'] | undefined,
  quotes: SideQuote[],
  market: MarketInfo | null,
  markAgeMs: number | null,
  form: OrderForm | null = null,
  locale = 'en',
): Banner[] {
  const out: Banner[] = [];
  if (plan !== undefined) {
    // The age now, on this page's clock; the plan's age is from when the quote was computed.
    const ageMs = markAgeMs ?? plan.markAgeMs;
    const age = ageMs === null ? '' : ` (${formatAge(ageMs)})`;
    if (plan.priceBasis === 'limit' && plan.markState === 'stale')
      out.push({ kind: 'mark-stale', severity: 'warn', text: t('overlay_markStaleLimit', [age]) });
    if (plan.priceBasis === 'limit' && plan.markState === 'missing')
      out.push({ kind: 'mark-missing', severity: 'warn', text: t('overlay_markMissingLimit') });
    if (plan.priceBasis === 'stale-mark')
      out.push({ kind: 'mark-stale', severity: 'danger', text: t('overlay_markStaleOld', [age]) });
    const others = plan.staleFigures.flatMap((k) => {
      const name = FIGURE_NAMES[k];
      return name ? [t(name)] : [];
    });
    if (others.length > 0)
      out.push({
        kind: 'stale-figures',
        severity: 'info',
        text: t('overlay_staleFigures', [others.join(', ')]),
      });
    if (plan.tiers === 'stale') out.push({ kind: 'stale-tiers', severity: 'info', text: t('overlay_staleTiers') });
    const source = accountSourceBanner(plan, form, locale);
    if (source !== null) out.push(source);
    for (const fact of plan.oldFacts)
      out.push({
        kind: 'old-facts',
        severity: 'info',
        text: t(OLD_FACT_MESSAGES[fact.kind], [fact.asOf, String(fact.ageDays)]),
      });
    if (plan.lossLimitUnchecked)
      out.push({ kind: 'loss-limit', severity: 'info', text: t('overlay_lossLimitUnchecked') });
  }
  const misread = plan?.positionsImplausible ?? [];
  const unknown = (plan?.positionsUnknown ?? []).filter((symbol) => !misread.includes(symbol));
  if (plan?.positionsTooMany === true) {
    out.push({
      kind: 'positions-unknown',
      severity: 'danger',
      text: t('overlay_positionsTooMany'),
    });
  }
  if (misread.length > 0) {
    out.push({
      kind: 'positions-unknown',
      severity: 'danger',
      text: t('overlay_positionsMisread', [misread.join(', ')]),
    });
  }
  if (unknown.length > 0) {
    const key = unknown.length > 1 ? 'overlay_positionsUnknownMany' : 'overlay_positionsUnknownOne';
    out.push({ kind: 'positions-unknown', severity: 'danger', text: t(key, [unknown.join(', ')]) });
  }
  const balanceWarning =
    unknown.length === 0 &&
    misread.length === 0 &&
    plan?.positionsTooMany !== true &&
    quotes.some(
      (q) =>
        q.result !== null && !isError(q.result) && q.result.warnings.some((w) => w.code === 'CROSS_BALANCE_UNKNOWN'),
    );
  if (quotes.some((q) => q.plan.needsBalance) || balanceWarning) {
    out.push({ kind: 'balance', severity: 'warn', text: enterBalanceText(form, locale) });
  }
  if (market !== null && market.lastError !== null && market.status !== 'live') {
    out.push({ kind: 'feed', severity: 'info', text: t('overlay_feedError', [market.lastError]) });
  }
  return out;
}
