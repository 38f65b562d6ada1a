// The cross-check with the exchange page's own figures (WireSide.pageCheck, computed in the
// background: src/venues/page-check.ts) as the overlay says it. Every figure agrees: one quiet
// line. One disagrees beyond the page's rounding: the reading is doubtful, so the overlay shows
// no figures of ours as if confident (state 'doubtful', view-model.ts), only each disagreeing
// figure as the page shows it and as we compute it. Regex and BigInt formatting only.
import type { Side } from '../../core/types';
import type { OrderForm, PageEstimateKind } from '../../venues/types';
import { t, type MessageKey } from '../i18n';
import { formatMoney } from './format';
import { quoteCurrency } from './units';
import { sideTitle } from './view-text';
import type { SideQuote } from './view-types';

export interface PageCheckRow {
  side: Side;
  kind: PageEstimateKind;
  /** Raw decimal text: the page's figure as read, ours unrounded. */
  page: string;
  ours: string;
  agrees: boolean;
  text: string;
}

export interface PageCheckView {
  verdict: 'matches' | 'differs';
  /** 'matches': the quiet line; 'differs': the sentence above the rows. */
  text: string;
  /** 'differs': the figures that disagree; 'matches': every figure checked. */
  rows: PageCheckRow[];
}

const KIND_NAME: Record<PageEstimateKind, MessageKey> = {
  orderValue: 'estimate_orderValue',
  cost: 'estimate_cost',
  initialMargin: 'estimate_initialMargin',
  liquidationPrice: 'estimate_liquidationPrice',
};

/** Every side's checks: a single 'differs' makes the whole reading doubtful (a misread size is both sides'). */
export function pageCheckView(quotes: readonly SideQuote[], form: OrderForm, locale: string): PageCheckView | null {
  const ccy = quoteCurrency(form.venue, form.symbol);
  // Both at the page's own decimal places: ours rounded as the page would round it.
  const amount = (value: string, decimals: number): string =>
    `${formatMoney(value, { locale, decimals }) ?? value} ${ccy}`;
  const rows: PageCheckRow[] = quotes.flatMap((q) =>
    (q.pageCheck?.checks ?? []).map((c) => ({
      side: q.side,
      kind: c.kind,
      page: c.page,
      ours: c.ours,
      agrees: c.agrees,
      text: t('overlay_pageDiffersRow', [
        t(KIND_NAME[c.kind]),
        sideTitle(q.side),
        amount(c.page, c.decimals),
        amount(c.ours, c.decimals),
      ]),
    })),
  );
  if (rows.length === 0) return null;
  const differing = rows.filter((r) => !r.agrees);
  if (differing.length > 0) return { verdict: 'differs', text: t('overlay_pageDiffers'), rows: differing };
  const names = [...new Set(rows.map((r) => t(KIND_NAME[r.kind])))].join(', ');
  return { verdict: 'matches', text: t('overlay_pageMatches', [names]), rows };
}

/** Whether any quoted side's page figure disagrees with ours (the guard and the badge hold no figure then). */
export const pageDiffers = (quotes: readonly Pick<SideQuote, 'pageCheck'>[]): boolean =>
  quotes.some((q) => q.pageCheck?.verdict === 'differs');
