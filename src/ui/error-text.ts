// The engine's input errors (src/core/errors.ts: a code and a JSON path) in the trader's words:
// what it means for this order and what to do. Nothing is wrong with the order itself, so the
// surfaces show these in a neutral state; the engine's own sentence (written for the CLI and for
// developers) is kept only as a collapsed detail line.
import type { MessageKey } from './i18n';
import { t } from './i18n';

export interface EngineError {
  code: string;
  message: string;
  path: string;
}

/** Where the sentence is shown: the overlay points to the popup; the popup to its own fields. */
export type ErrorSurface = 'overlay' | 'popup';

export interface ErrorText {
  /** The trader-facing sentence. */
  text: string;
  /** The engine's technical text ("CODE path: message"), for a collapsed details line only. */
  detail: string;
}

const ORDER_FIELDS: Record<string, MessageKey> = {
  'order.leverage': 'error_fieldLeverage',
  'order.quantity': 'error_fieldSize',
  'order.price': 'error_fieldPrice',
  'order.stopLoss': 'error_fieldStopLoss',
  'order.takeProfit': 'error_fieldTakeProfit',
};

const isTierPath = (path: string): boolean =>
  path === 'market.maintenanceMarginRate' || path === 'market.maintenanceAmount' || path.startsWith('market.tiers');
const isFeePath = (path: string): boolean => path === 'market.takerFeeRate' || path === 'market.makerFeeRate';

function sentence(e: EngineError, surface: ErrorSurface): string {
  const popup = surface === 'popup';
  if (e.path.startsWith('account.walletBalance') || (e.code === 'MISSING_FIELD' && e.path === 'account'))
    return t(popup ? 'error_balancePopup' : 'error_balance');
  if (e.path.startsWith('account.positions')) return t('error_positions');
  if (isTierPath(e.path)) {
    if (e.code === 'MISSING_FIELD') return t(popup ? 'error_tiersMissingPopup' : 'error_tiersMissing');
    return t('error_tiersUnreadable');
  }
  if (isFeePath(e.path)) return t('error_fees');
  if (e.path === 'marginMode' && e.code === 'UNSUPPORTED') return t('error_crossOnly');
  if (e.path === 'order.leverage' && e.code === 'UNSUPPORTED') return t('error_leverageUnsupported');
  const field = ORDER_FIELDS[e.path];
  if (field !== undefined) return t(popup ? 'error_orderFieldPopup' : 'error_orderField', [t(field)]);
  if (e.path.startsWith('market.')) return t('error_marketFigure');
  return t('error_other');
}

/** The sentence for the trader and the technical detail, for one engine error. */
export function engineErrorText(e: EngineError, surface: ErrorSurface): ErrorText {
  const detail = `${e.code}${e.path ? ` ${e.path}` : ''}: ${e.message}`;
  return { text: sentence(e, surface), detail };
}
