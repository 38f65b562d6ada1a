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
import { t } from '../i18n';
import { fieldErrorText } from './text';
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
  return t('unit_percent', [formatMoney(percent, { locale, decimals: percent.split('.')[1]?.length ?? 0 }) ?? percent]);
}

function feeTierText(venue: VenueId, settings: Settings, locale: string): string {
  const own = settings.feeTiers[venue];
  if (own !== undefined) {
    return t('popup_feeTierOwn', [percentText(own.makerFeeRate, locale), percentText(own.takerFeeRate, locale)]);
  }
  const facts = bundledFacts()[venue];
  if (facts === undefined) return '';
  return t('popup_feeTierBase', [
    percentText(facts.makerFeeRate.toFixed(), locale),
    percentText(facts.takerFeeRate.toFixed(), locale),
    facts.asOf,
  ]);
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
      <h2 id="inputs-heading">{t('popup_inputs')}</h2>
      <div class="grid">
        <SelectField
          id="venue"
          label={t('popup_venue')}
          value={s.venue}
          onChange={props.changeVenue}
          options={VENUES.map((v) => ({ value: v, label: VENUE_LABEL[v] }))}
        />
        <TextField
          id="symbol"
          label={t('popup_symbol')}
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
          label={t('popup_marginMode')}
          value={s.marginMode}
          disabled={CROSS_ONLY.has(s.venue)}
          onChange={(marginMode) => edit({ marginMode })}
          options={[
            { value: 'isolated', label: t('common_isolated') },
            { value: 'cross', label: t('common_cross') },
          ]}
        />
        <SelectField
          id="side"
          label={t('popup_side')}
          value={s.side}
          onChange={(side) => edit({ side })}
          options={[
            { value: 'long', label: t('popup_long') },
            { value: 'short', label: t('popup_short') },
          ]}
        />
        <SelectField
          id="orderType"
          label={t('popup_orderType')}
          value={s.orderType}
          onChange={(orderType) => edit({ orderType })}
          options={[
            { value: 'limit', label: t('popup_limit') },
            { value: 'market', label: t('popup_market') },
          ]}
        />
        <NumberField
          id="price"
          label={t('popup_price', [ccy])}
          value={market ? '' : s.price}
          disabled={market}
          error={err('price')}
          hint={market ? t('popup_priceMarket') : undefined}
          onInput={(price) => {
            edit({ price });
            props.onPriceTyped(price);
          }}
        />
        <NumberField
          id="size"
          label={t('popup_size')}
          value={s.size}
          error={err('size')}
          onInput={(size) => edit({ size })}
        />
        <SelectField
          id="sizeUnit"
          label={t('popup_sizeUnit')}
          value={s.sizeUnit}
          onChange={(sizeUnit) => edit({ sizeUnit })}
          options={[
            { value: 'base', label: t('popup_base', [base]) },
            { value: 'quote', label: t('popup_quote', [ccy]) },
          ]}
        />
        <NumberField
          id="leverage"
          label={t('popup_leverage')}
          value={s.leverage}
          unit="×"
          error={err('leverage')}
          onInput={(leverage) => edit({ leverage })}
        />
        <NumberField
          id="mark"
          label={t(SPOT_MARGIN.has(s.venue) ? 'popup_lastPrice' : 'popup_mark', [ccy])}
          value={s.mark}
          error={err('mark')}
          hint={market ? undefined : t(SPOT_MARGIN.has(s.venue) ? 'popup_lastPriceHelp' : 'popup_markHelp')}
          onInput={(mark) => {
            edit({ mark });
            if (market) props.onPriceTyped(mark);
          }}
        />
        <NumberField
          id="balance"
          wide
          label={t('popup_walletBalance', [ccy])}
          value={s.balance}
          error={err('balance')}
          hint={cross ? t('popup_balanceCross') : t('popup_balanceIsolated')}
          onInput={(balance) => edit({ balance })}
        />
        <div class="field wide">
          <div class="row">
            <button type="button" id="save-balance" onClick={() => void props.saveBalance()}>
              {t('popup_saveBalance', [VENUE_LABEL[s.venue]])}
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
          label={t('popup_holdHours')}
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
            label={t('popup_maintenanceRate')}
            value={s.maintenancePercent}
            unit="%"
            hint={t('popup_maintenanceRateHelp')}
            error={err('maintenancePercent')}
            onInput={(maintenancePercent) => edit({ maintenancePercent })}
          />
        )}
        <NumberField
          id="stopLoss"
          label={t('popup_stopLoss', [ccy])}
          value={s.stopLoss}
          error={err('stopLoss')}
          hint={t('popup_optional')}
          onInput={(stopLoss) => edit({ stopLoss })}
        />
        <NumberField
          id="takeProfit"
          label={t('popup_takeProfit', [ccy])}
          value={s.takeProfit}
          error={err('takeProfit')}
          hint={t('popup_optional')}
          onInput={(takeProfit) => edit({ takeProfit })}
        />
      </div>
      <p class="hint" data-fee-tier={s.venue}>
        {feeTierText(s.venue, props.settings, locale)}
      </p>
    </section>
  );
}
