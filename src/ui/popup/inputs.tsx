// The scenario's inputs, in the order a trader fills an order form: market, side and type, price
// and size, leverage, then the account (cross), holding time, stop and take-profit. Every field
// is labelled with its unit and shows why a value was refused right under it.
import { Dec } from '../../core/decimal';
import { VENUES, type VenueId } from '../../core/types';
import type { Settings } from '../../settings/settings';
import { bundledFacts } from '../../venues/bundled-facts';
import { formatMoney } from '../overlay/format';
import { VENUE_LABEL } from '../overlay/units';
import { NumberField, SelectField, TextField } from './fields';
import { Positions } from './positions';
import { baseAsset } from '../overlay/units';
import { CROSS_ONLY, currencyOf, knownSymbols, SPOT_MARGIN, type Scenario } from './scenario';
import { fieldErrorText, say } from './text';
import type { FieldErrors } from './validate';

export interface InputsProps {
  scenario: Scenario;
  errors: FieldErrors;
  settings: Settings;
  locale: string;
  edit(patch: Partial<Scenario>): void;
  /** The user typed a price (not the slider): the price slider centres on it. */
  onPriceTyped(text: string): void;
  changeVenue(venue: VenueId): void;
  /** Stores the typed balance in the settings for the overlay; resolves to a status sentence. */
  saveBalance(): Promise<string>;
  balanceStatus: string;
}

/** A fee rate (fraction) as percent text: 0.00055 → "0.055 %". */
function percentText(rate: string, locale: string): string {
  const percent = new Dec(rate).times(100).toFixed();
  return say('unit_percent', '$1 %', [
    formatMoney(percent, { locale, decimals: percent.split('.')[1]?.length ?? 0 }) ?? percent,
  ]);
}

function feeTierText(venue: VenueId, settings: Settings, locale: string): string {
  const own = settings.feeTiers[venue];
  if (own !== undefined) {
    return say('popup_feeTierOwn', 'Fees: maker $1, taker $2 (your tier, from the options)', [
      percentText(own.makerFeeRate, locale),
      percentText(own.takerFeeRate, locale),
    ]);
  }
  const facts = bundledFacts()[venue];
  if (facts === undefined) return '';
  return say(
    'popup_feeTierBase',
    'Fees: maker $1, taker $2 (the venue’s base tier, as of $3; set yours in the options)',
    [percentText(facts.makerFeeRate.toFixed(), locale), percentText(facts.takerFeeRate.toFixed(), locale), facts.asOf],
  );
}

export function OrderInputs(props: InputsProps) {
  const { scenario: s, errors, edit, locale } = props;
  const symbol = s.symbol.trim();
  const ccy = currencyOf(s.venue, symbol);
  const base = baseAsset(s.venue, symbol);
  const plain = (v: string) => formatMoney(v, { locale, decimals: v.split('.')[1]?.length ?? 0 }) ?? v;
  const err = (path: string): string | null => (errors[path] ? fieldErrorText(errors[path], plain) : null);
  const market = s.orderType === 'market';
  const cross = s.marginMode === 'cross';
  return (
    <section aria-labelledby="inputs-heading">
      <h2 id="inputs-heading">{say('popup_inputs', 'Order')}</h2>
      <div class="grid">
        <SelectField
          id="venue"
          label={say('popup_venue', 'Venue')}
          value={s.venue}
          onChange={props.changeVenue}
          options={VENUES.map((v) => ({ value: v, label: VENUE_LABEL[v] }))}
        />
        <TextField
          id="symbol"
          label={say('popup_symbol', 'Symbol')}
          value={s.symbol}
          list="symbols"
          error={err('symbol')}
          onInput={(symbol) => edit({ symbol })}
        >
          <datalist id="symbols">
            {knownSymbols(s.venue).map((k) => (
              <option key={k} value={k} />
            ))}
          </datalist>
        </TextField>
        <SelectField
          id="marginMode"
          label={say('popup_marginMode', 'Margin mode')}
          value={s.marginMode}
          disabled={CROSS_ONLY.has(s.venue)}
          onChange={(marginMode) => edit({ marginMode })}
          options={[
            { value: 'isolated', label: say('common_isolated', 'Isolated') },
            { value: 'cross', label: say('common_cross', 'Cross') },
          ]}
        />
        <SelectField
          id="side"
          label={say('popup_side', 'Side')}
          value={s.side}
          onChange={(side) => edit({ side })}
          options={[
            { value: 'long', label: say('popup_long', 'Long / Buy') },
            { value: 'short', label: say('popup_short', 'Short / Sell') },
          ]}
        />
        <SelectField
          id="orderType"
          label={say('popup_orderType', 'Order type')}
          value={s.orderType}
          onChange={(orderType) => edit({ orderType })}
          options={[
            { value: 'limit', label: say('popup_limit', 'Limit') },
            { value: 'market', label: say('popup_market', 'Market (fills at the mark)') },
          ]}
        />
        <NumberField
          id="price"
          label={say('popup_price', 'Price ($1)', [ccy])}
          value={market ? '' : s.price}
          disabled={market}
          error={err('price')}
          hint={market ? say('popup_priceMarket', 'A market order fills near the mark price') : undefined}
          onInput={(price) => {
            edit({ price });
            props.onPriceTyped(price);
          }}
        />
        <NumberField
          id="size"
          label={say('popup_size', 'Size')}
          value={s.size}
          error={err('size')}
          onInput={(size) => edit({ size })}
        />
        <SelectField
          id="sizeUnit"
          label={say('popup_sizeUnit', 'Size in')}
          value={s.sizeUnit}
          onChange={(sizeUnit) => edit({ sizeUnit })}
          options={[
            { value: 'base', label: say('popup_base', 'Base ($1)', [base]) },
            { value: 'quote', label: say('popup_quote', 'Quote ($1)', [ccy]) },
          ]}
        />
        <NumberField
          id="leverage"
          label={say('popup_leverage', 'Leverage (×)')}
          value={s.leverage}
          unit="×"
          error={err('leverage')}
          onInput={(leverage) => edit({ leverage })}
        />
        <NumberField
          id="mark"
          label={say('popup_mark', 'Mark price ($1)', [ccy])}
          value={s.mark}
          error={err('mark')}
          hint={market ? undefined : say('popup_markHelp', 'Empty: the price is the mark')}
          onInput={(mark) => {
            edit({ mark });
            if (market) props.onPriceTyped(mark);
          }}
        />
        <NumberField
          id="balance"
          wide
          label={say('popup_walletBalance', 'Wallet balance ($1)', [ccy])}
          value={s.balance}
          error={err('balance')}
          hint={
            cross
              ? say('popup_balanceCross', 'Cross margin: the account the liquidation price depends on')
              : say('popup_balanceIsolated', 'The base of “risk as % of balance” and of your loss limit')
          }
          onInput={(balance) => edit({ balance })}
        />
        <div class="field wide">
          <div class="row">
            <button type="button" id="save-balance" onClick={() => void props.saveBalance()}>
              {say('popup_saveBalance', 'Use this balance on the $1 page', [VENUE_LABEL[s.venue]])}
            </button>
          </div>
          <p class="status" role="status">
            {props.balanceStatus}
          </p>
        </div>
      </div>
      {cross ? <Positions scenario={s} errors={errors} edit={edit} locale={locale} /> : null}
      <div class="grid">
        <NumberField
          id="holdHours"
          label={say('popup_holdHours', 'Holding time (hours)')}
          value={s.holdHours}
          unit="h"
          error={err('holdHours')}
          onInput={(holdHours) => edit({ holdHours })}
        />
        {SPOT_MARGIN.has(s.venue) ? (
          <div />
        ) : (
          <NumberField
            id="maintenancePercent"
            label={say('popup_maintenanceRate', 'Maintenance rate (%)')}
            value={s.maintenancePercent}
            unit="%"
            hint={say('popup_maintenanceRateHelp', 'Optional. Empty: the venue’s tiers')}
            error={err('maintenancePercent')}
            onInput={(maintenancePercent) => edit({ maintenancePercent })}
          />
        )}
        <NumberField
          id="stopLoss"
          label={say('popup_stopLoss', 'Stop-loss ($1)', [ccy])}
          value={s.stopLoss}
          error={err('stopLoss')}
          hint={say('popup_optional', 'optional')}
          onInput={(stopLoss) => edit({ stopLoss })}
        />
        <NumberField
          id="takeProfit"
          label={say('popup_takeProfit', 'Take-profit ($1)', [ccy])}
          value={s.takeProfit}
          error={err('takeProfit')}
          hint={say('popup_optional', 'optional')}
          onInput={(takeProfit) => edit({ takeProfit })}
        />
      </div>
      <p class="hint" data-fee-tier={s.venue}>
        {feeTierText(s.venue, props.settings, locale)}
      </p>
    </section>
  );
}
