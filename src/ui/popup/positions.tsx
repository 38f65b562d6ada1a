// Cross margin: the account's other open positions, one fieldset per row, added and removed with
// buttons (focus moves to the new row's first field, or to "Add" after a removal).
import { useEffect, useRef } from 'preact/hooks';
import { formatMoney } from '../overlay/format';
import { NumberField, SelectField, TextField } from './fields';
import { currencyOf, type PositionRow, type Scenario } from './scenario';
import { MAX_POSITION_ROWS } from './storage';
import { fieldErrorText, say } from './text';
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
      <legend>{say('popup_otherPositions', 'Other open positions')}</legend>
      <p class="hint">
        {say(
          'popup_positionsHelp',
          'Same cross account. An empty rate uses the venue’s bundled tiers for that symbol.',
        )}
      </p>
      {rows.map((row, i) => {
        const id = (name: string) => `positions-${i}-${name}`;
        const err = (name: string) =>
          errors[`positions.${i}.${name}`] ? fieldErrorText(errors[`positions.${i}.${name}`]!, plain) : null;
        const n = String(i + 1);
        return (
          <div class="position grid" key={i} role="group" aria-label={say('popup_positionN', 'Position $1', [n])}>
            <TextField
              id={id('symbol')}
              label={say('popup_symbol', 'Symbol')}
              value={row.symbol}
              error={err('symbol')}
              onInput={(symbol) => change(i, { symbol })}
            />
            <SelectField
              id={id('side')}
              label={say('popup_side', 'Side')}
              value={row.side}
              onChange={(side) => change(i, { side })}
              options={[
                { value: 'long', label: say('popup_long', 'Long / Buy') },
                { value: 'short', label: say('popup_short', 'Short / Sell') },
              ]}
            />
            <NumberField
              id={id('quantity')}
              label={say('popup_positionQuantity', 'Quantity (base)')}
              value={row.quantity}
              error={err('quantity')}
              onInput={(quantity) => change(i, { quantity })}
            />
            <NumberField
              id={id('entry')}
              label={say('popup_positionEntry', 'Entry price ($1)', [ccy])}
              value={row.entry}
              error={err('entry')}
              onInput={(entry) => change(i, { entry })}
            />
            <NumberField
              id={id('mark')}
              label={say('popup_positionMark', 'Mark price ($1)', [ccy])}
              value={row.mark}
              error={err('mark')}
              onInput={(mark) => change(i, { mark })}
            />
            <NumberField
              id={id('ratePercent')}
              label={say('popup_positionRate', 'Maintenance rate (%)')}
              value={row.ratePercent}
              unit="%"
              error={err('ratePercent')}
              hint={
                row.pageMargin !== null
                  ? say('popup_positionPageMargin', 'As the page shows: $1 $2', [plain(row.pageMargin), ccy])
                  : undefined
              }
              onInput={(ratePercent) => change(i, { ratePercent })}
            />
            <div class="field wide">
              <button type="button" onClick={() => remove(i)}>
                {say('popup_removePosition', 'Remove position $1', [n])}
              </button>
            </div>
          </div>
        );
      })}
      <div class="actions">
        <button type="button" id="add-position" disabled={rows.length >= MAX_POSITION_ROWS} onClick={add}>
          {say('popup_addPosition', 'Add a position')}
        </button>
      </div>
    </fieldset>
  );
}
