// Cross margin: the account's other open positions, one fieldset per row, added and removed with
// buttons (focus moves to the new row's first field, or to "Add" after a removal).
import { useEffect, useRef } from 'preact/hooks';
import { formatMoney } from '../overlay/format';
import { NumberField, SelectField, TextField } from './fields';
import { currencyOf, type PositionRow, type Scenario } from './scenario';
import { MAX_POSITION_ROWS } from './storage';
import { t } from '../i18n';
import { fieldErrorText } from './text';
import type { FieldErrors } from './validate';

const NEW_ROW: PositionRow = {
  symbol: '',
  side: 'long',
  quantity: '',
  entry: '',
  mark: '',
  ratePercent: '',
  pageMargin: null,
};

export function Positions({
  scenario,
  errors,
  edit,
  locale,
}: {
  scenario: Scenario;
  errors: FieldErrors;
  edit(patch: Partial<Scenario>): void;
  locale: string;
}) {
  const rows = scenario.positions;
  const ccy = currencyOf(scenario.venue, scenario.symbol.trim());
  const plain = (v: string) => formatMoney(v, { locale, decimals: v.split('.')[1]?.length ?? 0 }) ?? v;
  const focusAfter = useRef<string | null>(null);
  useEffect(() => {
    if (focusAfter.current === null) return;
    document.getElementById(focusAfter.current)?.focus();
    focusAfter.current = null;
  });
  // Any change to a row the page showed drops the page's margin figure: the rate field then counts.
  const change = (i: number, patch: Partial<PositionRow>) =>
    edit({ positions: rows.map((row, j) => (j === i ? { ...row, ...patch, pageMargin: null } : row)) });
  const remove = (i: number) => {
    focusAfter.current = 'add-position';
    edit({ positions: rows.filter((_, j) => j !== i) });
  };
  const add = () => {
    focusAfter.current = `positions-${rows.length}-symbol`;
    edit({ positions: [...rows, { ...NEW_ROW }] });
  };
  return (
    <fieldset class="positions">
      <legend>{t('popup_otherPositions')}</legend>
      <p class="hint">{t('popup_positionsHelp')}</p>
      {rows.map((row, i) => {
        const id = (name: string) => `positions-${i}-${name}`;
        const err = (name: string) =>
          errors[`positions.${i}.${name}`] ? fieldErrorText(errors[`positions.${i}.${name}`]!, plain) : null;
        const n = String(i + 1);
        return (
          <div class="position grid" key={i} role="group" aria-label={t('popup_positionN', [n])}>
            <TextField
              id={id('symbol')}
              label={t('popup_symbol')}
              value={row.symbol}
              error={err('symbol')}
              onInput={(symbol) => change(i, { symbol })}
            />
            <SelectField
              id={id('side')}
              label={t('popup_side')}
              value={row.side}
              onChange={(side) => change(i, { side })}
              options={[
                { value: 'long', label: t('popup_long') },
                { value: 'short', label: t('popup_short') },
              ]}
            />
            <NumberField
              id={id('quantity')}
              label={t('popup_positionQuantity')}
              value={row.quantity}
              error={err('quantity')}
              onInput={(quantity) => change(i, { quantity })}
            />
            <NumberField
              id={id('entry')}
              label={t('popup_positionEntry', [ccy])}
              value={row.entry}
              error={err('entry')}
              onInput={(entry) => change(i, { entry })}
            />
            <NumberField
              id={id('mark')}
              label={t('popup_positionMark', [ccy])}
              value={row.mark}
              error={err('mark')}
              onInput={(mark) => change(i, { mark })}
            />
            <NumberField
              id={id('ratePercent')}
              label={t('popup_positionRate')}
              value={row.ratePercent}
              unit="%"
              error={err('ratePercent')}
              hint={row.pageMargin !== null ? t('popup_positionPageMargin', [plain(row.pageMargin), ccy]) : undefined}
              onInput={(ratePercent) => change(i, { ratePercent })}
            />
            <div class="field wide">
              <button type="button" onClick={() => remove(i)}>
                {t('popup_removePosition', [n])}
              </button>
            </div>
          </div>
        );
      })}
      <div class="actions">
        <button type="button" id="add-position" disabled={rows.length >= MAX_POSITION_ROWS} onClick={add}>
          {t('popup_addPosition')}
        </button>
      </div>
    </fieldset>
  );
}
