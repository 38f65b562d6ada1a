// The "After this order" line: the position an order leaves in its own market
// (src/core/position-quote.ts), never the order on its own. Shared by the overlay's columns and the popup.
import type { Side } from '../../core/types';
import type { WireQuote } from '../../messaging/messages';
import { t } from '../i18n';
import { formatMoney, formatPrice } from './format';
import type { Formats } from './view-columns';
import type { PositionLine } from './view-types';

/**
 * "After this order: long 1.5 @ 20,333.3 USDT · realised P/L −12.40 USDT after fees": the position the order
 * leaves in its own market (src/core/position-quote.ts), never the order on its own.
 */
export function positionLine(
  quote: Pick<WireQuote, 'position'>,
  units: { base: string; quote: string },
  f: Formats,
): PositionLine | null {
  const ccy = units.quote;
  const p = quote.position;
  if (p === undefined) return null;
  const parts: string[] = [];
  if (p.after === null) parts.push(t('overlay_positionClosed'));
  else
    parts.push(
      t('overlay_positionAfter', [
        sideWord(p.after.side),
        `${p.after.quantity} ${units.base}`,
        `${formatPrice(p.after.entryPrice, f.price) ?? p.after.entryPrice} ${ccy}`,
      ]),
    );
  if (p.change !== 'add')
    parts.push(t('overlay_positionRealised', [`${formatMoney(p.realisedPnlNet, f.other) ?? p.realisedPnlNet} ${ccy}`]));
  if (p.hedge) parts.push(t('overlay_positionHedge'));
  return { change: p.change, text: parts.join(' · ') };
}

const sideWord = (side: Side): string => t(side === 'long' ? 'overlay_positionLong' : 'overlay_positionShort');
