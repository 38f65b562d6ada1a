// Teach mode and the page report in the overlay (issue 14). TeachPanel is the active step ("Click
// the price field"): it takes the focus, so the keyboard alone can teach (↑ ↓ cycle the page's
// candidates, Enter picks; Escape is caught on the window by the picker). PageToolsLine sits in
// the body: the offer to teach, "Using fields you pointed at" with Redo and Forget, a field no
// longer found, and the report button (with the report itself when the clipboard refused it).
import type { JSX } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { t, type MessageKey } from '../i18n';
import type { TeachPrompt } from '../../venues/teach';
import { ATTR } from './contract';
import type { PageTools, TeachPanelView, ToolActions } from './tools-types';

const PROMPT: Record<TeachPrompt, MessageKey> = {
  price: 'teach_prompt_price',
  size: 'teach_prompt_size',
  sizeUnit: 'teach_prompt_sizeUnit',
  leverage: 'teach_prompt_leverage',
  marginMode: 'teach_prompt_marginMode',
  stopLoss: 'teach_prompt_stopLoss',
  takeProfit: 'teach_prompt_takeProfit',
  buy: 'teach_prompt_buy',
  sell: 'teach_prompt_sell',
};

const act = (name: string) => ({ [ATTR.action]: name });

export function TeachPanel({ panel, actions }: { panel: TeachPanelView; actions: ToolActions }) {
  const ref = useRef<HTMLDivElement>(null);
  const firstChoice = useRef<HTMLButtonElement>(null);
  // A new step takes the focus (Enter and the arrows then belong to us); the unit question gives it
  // to its first answer, so Enter answers and Tab reaches the other.
  useLayoutEffect(
    () => (panel.unit === null ? ref.current : firstChoice.current)?.focus({ preventScroll: true }),
    [panel.prompt, panel.unit === null],
  );
  const onKeyDown = (e: JSX.TargetedKeyboardEvent<HTMLDivElement>): void => {
    if (e.target !== e.currentTarget || panel.unit !== null) return;
    const run = { ArrowDown: actions.next, ArrowUp: actions.previous, Enter: actions.pick }[e.key];
    if (run === undefined) return;
    e.preventDefault();
    run();
  };
  const { unit } = panel;
  return (
    <div
      ref={ref}
      class="teach"
      role="group"
      tabIndex={-1}
      aria-label={t('teach_panel')}
      onKeyDown={onKeyDown}
      {...{ [ATTR.teach]: panel.prompt }}
    >
      <p class="message">{unit === null ? t(PROMPT[panel.prompt]) : t('teach_unitQuestion')}</p>
      {panel.refused && (
        <p class="banner sev-warn" role="alert">
          {t('teach_refused')}
        </p>
      )}
      {unit === null && <p class="hint">{t('teach_keys')}</p>}
      {unit !== null && (
        <p class="choices">
          <button
            ref={firstChoice}
            type="button"
            onClick={() => actions.choose('base')}
            {...{ [ATTR.teachChoice]: 'base' }}
          >
            {unit.base === null ? t('teach_unitBase') : t('teach_unitIn', unit.base)}
          </button>
          <button type="button" onClick={() => actions.choose('quote')} {...{ [ATTR.teachChoice]: 'quote' }}>
            {unit.quote === null ? t('teach_unitQuote') : t('teach_unitIn', unit.quote)}
          </button>
        </p>
      )}
      <p class="choices">
        <button type="button" onClick={actions.skip} {...act('teach-skip')}>
          {t('teach_skip')}
        </button>
        <button type="button" onClick={actions.cancel} {...act('teach-cancel')}>
          {t('teach_cancel')}
        </button>
      </p>
    </div>
  );
}

export function PageToolsLine({ tools, actions }: { tools: PageTools; actions: ToolActions }) {
  const { report } = tools;
  return (
    <div class="tools">
      {tools.lost && (
        <p class="banner sev-warn" {...{ [ATTR.banner]: 'taught-lost' }}>
          {t('teach_lost')}
        </p>
      )}
      {tools.taught.length > 0 && <p class="taught">{t('teach_using', tools.taught.join(', '))}</p>}
      <p class="choices">
        {tools.canTeach && tools.teaching === null && (
          <button type="button" onClick={actions.teach} {...act('teach')}>
            {t('teach_start')}
          </button>
        )}
        {(tools.taught.length > 0 || tools.lost) && tools.teaching === null && (
          <button type="button" onClick={actions.redo} {...act('teach-redo')}>
            {t('teach_redo')}
          </button>
        )}
        {(tools.taught.length > 0 || tools.lost) && tools.teaching === null && (
          <button type="button" onClick={actions.forget} {...act('teach-forget')}>
            {t('teach_forget')}
          </button>
        )}
        <button type="button" onClick={actions.report} {...act('report')} {...{ [ATTR.report]: report?.state }}>
          {t('report_copy')}
        </button>
      </p>
      {report?.state === 'copied' && <p class="hint">{t('report_copied')}</p>}
      {report?.state === 'shown' && <p class="hint">{t('report_shown')}</p>}
      {report?.state === 'shown' && <textarea class="report" readOnly rows={6} value={report.text} />}
    </div>
  );
}
