// The overlay's first lines (issue 12): the liquidation price and the move to it, large and in the
// side's risk colour, above the guard and every banner; one more line of secondary figures per
// side. Two quoted sides (two-button venues) get two short lines each instead of two columns.
// While collapsed only the side nearer liquidation stays, as the bar "Liq 30,200.0 · −53.5 %".
import { t } from '../i18n';
import { compactLine, nearerSide } from './compact';
import { ATTR } from './contract';
import { sideTitle, type OverlayView } from './view-model';

export function Compact({ view }: { view: OverlayView }) {
  const nearer = nearerSide(view.columns);
  const two = view.columns.length > 1;
  return (
    <div class={two ? 'compact two' : 'compact'}>
      {view.columns.map((c) => {
        const line = compactLine(c, view.format);
        const isBar = c.side === nearer;
        return (
          <div key={c.side} class={`line risk-${c.risk}${isBar ? ' nearer' : ''}`} {...{ [ATTR.compact]: c.side }}>
            <p class="liq" title={`${sideTitle(c.side)}: ${t('overlay_liqTitle')}`}>
              {two && <span class="side">{t(c.side === 'long' ? 'overlay_compactLong' : 'overlay_compactShort')}</span>}
              <span {...(isBar ? { [ATTR.bar]: '' } : {})}>{line.liq}</span>
            </p>
            <p class="sub">{line.secondary}</p>
          </div>
        );
      })}
    </div>
  );
}
