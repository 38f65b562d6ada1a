// The PnL chart panel: closed by default, one chart per quoted side while open (stacked: the
// overlay is one column wide).
import type { JSX } from 'preact';
import { PnlChart } from '../chart/PnlChart';
import { t } from '../i18n';
import { ATTR } from './contract';
import { formatMoney, formatPrice } from './format';
import type { OverlayView } from './view-model';

/** The chart panel's element (aria-controls): ids are scoped to our shadow root, one overlay per root. */
const CHART_PANEL_ID = 'mp-chart-panel';

/** Drawing width of one chart: the overlay's inner width (styles.ts, .root width less padding and borders). */
const CHART_WIDTH = 278;

/** One PnL chart per quoted side, drawn only while the panel is open (no cost while closed). */
export function ChartPanel({
  view,
  open,
  onToggle,
  onClose,
}: {
  view: OverlayView;
  open: boolean;
  onToggle?: () => void;
  onClose?: () => void;
}) {
  const { locale, priceDecimals } = view.format;
  const price = (v: string): string => formatPrice(v, { locale, decimals: priceDecimals }) ?? v;
  const money = (v: string): string => formatMoney(v, { locale }) ?? v;
  const axis = (v: string): string => formatPrice(v, { locale }) ?? v;
  const onKeyDown = (e: JSX.TargetedKeyboardEvent<HTMLDivElement>): void => {
    if (e.key !== 'Escape' || !open) return;
    e.preventDefault();
    e.stopPropagation(); // the exchange's own Escape handlers (closing its dialogs) are not ours to trigger
    onClose?.();
  };
  return (
    <div class="chart" onKeyDown={onKeyDown} {...{ [ATTR.chart]: open ? 'open' : 'closed' }}>
      <button
        type="button"
        class="chart-toggle"
        aria-expanded={open}
        aria-controls={CHART_PANEL_ID}
        onClick={onToggle}
        {...{ [ATTR.action]: 'chart' }}
      >
        {t(open ? 'overlay_hideChart' : 'overlay_showChart')}
      </button>
      <div id={CHART_PANEL_ID} role="group" aria-label={t('chart_title')} hidden={!open}>
        {open &&
          view.columns.map((c) => (
            <div key={c.side} {...{ [ATTR.chartSide]: c.side }}>
              {c.chart === null ? (
                <p class="missing">{t('chart_unavailable')}</p>
              ) : (
                <PnlChart
                  {...c.chart}
                  width={CHART_WIDTH}
                  height={130}
                  formatPrice={price}
                  formatMoney={money}
                  formatAxis={axis}
                  words={{
                    price: t('chart_axisPrice', [c.chart.currency]),
                    pnl: c.chart.pnlCaption,
                    marker: t('chart_marker'),
                  }}
                />
              )}
            </div>
          ))}
      </div>
    </div>
  );
}
