// The calculator: one scenario on screen, quoted on every change with the background's own computation
// (engine.ts); opens on the tab's order (the overlay's figures), else on what was typed last for the venue, else
// on an example. Nothing is written to the page. Layout: a sticky summary (liquidation in the overlay's risk
// colour), the inputs, then the figures, chart, returns and sizing, so a change is typed above what it changes.
import { useMemo, useRef, useState } from 'preact/hooks';
import { Dec } from '../../core/decimal';
import type { VenueId } from '../../core/types';
import type { Settings } from '../../settings/settings';
import { VENUE_LABEL } from '../overlay/units';
import type { TabOrder } from './current-order';
import { quoteScenario } from './engine';
import { Chart, Figures, WarningsAndAssumptions } from './figures';
import { buildFigures } from './figures-model';
import { OrderInputs } from './inputs';
import { PageOrderLine } from './order-line';
import { clockTime, readNumber } from './number-text';
import {
  defaultScenario,
  maxLeverageOf,
  ownSnapshot,
  scenarioFromOrder,
  type PageOrigin,
  type Scenario,
} from './scenario';
import { Actions } from './actions';
import { Returns } from './returns-panel';
import { Sizing } from './sizing-panel';
import { Summary, summaryRisk } from './summary';
import { orderSteps } from './sizing';
import { withoutVenue, withScenario, type StoredCalculator } from './storage';
import { t } from '../i18n';
import { WhatIf } from './whatif';

export interface CalculatorProps {
  settings: Settings;
  order: TabOrder | null;
  stored: StoredCalculator;
  /** The instant the popup opened: the page's market figures are aged to it, as the overlay's were. */
  now: number;
  locale: string;
  persist(stored: StoredCalculator): void;
  /** Stores (or with null clears) the venue's balance in the settings; false when that failed. */
  saveBalance(venue: VenueId, balance: string | null): Promise<boolean>;
  openOptions?: () => void;
}

type Source = 'page' | 'stored' | 'example';

/** The venue the popup opens on when the tab has no order and nothing was typed before. */
export const FIRST_VENUE: VenueId = 'binance-usdm';

function openOn(
  venue: VenueId,
  origin: PageOrigin | null,
  stored: StoredCalculator,
  settings: Settings,
  locale: string,
): { scenario: Scenario; source: Source } {
  if (origin !== null && origin.form.venue === venue)
    return { scenario: scenarioFromOrder(origin, settings, locale), source: 'page' };
  const kept = stored.venues[venue];
  if (kept !== undefined) return { scenario: kept, source: 'stored' };
  return { scenario: defaultScenario(venue, settings, locale), source: 'example' };
}

/** A positive number typed in the field, as plain decimal text; null otherwise. */
function positive(text: string): string | null {
  const r = readNumber(text);
  return r.ok && new Dec(r.value).greaterThan(0) ? r.value : null;
}

/**
 * Whether the scenario is no longer the page's order. The sizing fields are not part of the order,
 * and for a form with a button per side (Binance, Bybit, OKX) either side is the page's.
 */
function differsFromPage(s: Scenario, page: Scenario, eitherSide: boolean): boolean {
  const comparable = (x: Scenario) => ({ ...x, risk: '', riskMode: 'amount', side: eitherSide ? 'long' : x.side });
  return JSON.stringify(comparable(s)) !== JSON.stringify(comparable(page));
}

const anchorOf = (s: Scenario): string | null => positive(s.orderType === 'market' ? s.mark : s.price);

export function Calculator(props: CalculatorProps) {
  const { settings, now, locale } = props;
  const origin = useMemo<PageOrigin | null>(
    () => (props.order === null ? null : { form: props.order.form, snapshot: props.order.snapshot, at: now }),
    [props.order, now],
  );
  const first = useMemo(
    () => openOn(origin?.form.venue ?? props.stored.lastVenue ?? FIRST_VENUE, origin, props.stored, settings, locale),
    [],
  );
  const [scenario, setScenario] = useState<Scenario>(first.scenario);
  const [source, setSource] = useState<Source>(first.source);
  const [anchor, setAnchor] = useState<string | null>(() => anchorOf(first.scenario));
  const [balanceStatus, setBalanceStatus] = useState('');
  const current = useRef(scenario);
  const stored = useRef(props.stored);

  const show = (next: Scenario, nextSource: Source) => {
    current.current = next;
    setScenario(next);
    setSource(nextSource);
    setAnchor(anchorOf(next));
    setBalanceStatus('');
  };
  const keep = (next: StoredCalculator) => {
    stored.current = next;
    props.persist(next);
  };
  const edit = (patch: Partial<Scenario>) => {
    const next = { ...current.current, ...patch };
    current.current = next;
    setScenario(next);
    if (patch.symbol !== undefined || patch.orderType !== undefined) setAnchor(anchorOf(next));
    keep(withScenario(stored.current, next));
  };
  const changeVenue = (venue: VenueId) => {
    const next = openOn(venue, origin, stored.current, settings, locale);
    show(next.scenario, next.source);
    keep({ ...stored.current, lastVenue: venue });
  };
  const resetVenue = () => {
    keep(withoutVenue(stored.current, scenario.venue));
    const next = openOn(scenario.venue, origin, stored.current, settings, locale);
    show(next.scenario, next.source);
  };
  const saveBalance = async (): Promise<string> => {
    const text = current.current.balance;
    const value = text.trim() === '' ? null : positive(text);
    let status: string;
    if (text.trim() !== '' && value === null) status = t('popup_balanceNotSaved');
    else if (!(await props.saveBalance(current.current.venue, value))) status = t('popup_balanceSaveFailed');
    else status = value === null ? t('popup_balanceCleared') : t('popup_balanceSaved');
    setBalanceStatus(status);
    return status;
  };

  const outcome = useMemo(() => quoteScenario(scenario, origin, settings, now), [scenario, origin, settings, now]);
  const view = useMemo(() => buildFigures({ outcome, scenario, origin, locale }), [outcome, scenario, origin, locale]);
  const symbol = scenario.symbol.trim();
  const snapshot = ownSnapshot(origin, scenario.venue, symbol);
  const steps = orderSteps(snapshot, now);
  const venueMax = maxLeverageOf(scenario.venue, symbol, scenario.marginMode, snapshot);
  const personalMax = settings.maxLeverage === null ? null : new Dec(settings.maxLeverage).floor().toNumber();
  const cap = personalMax === null ? venueMax : Math.max(1, Math.min(venueMax, personalMax));
  const fromPage = source === 'page' && origin !== null;
  const pageScenario = useMemo(
    () => (origin === null ? null : scenarioFromOrder(origin, settings, locale)),
    [origin, settings, locale],
  );
  const edited =
    fromPage && pageScenario !== null && differsFromPage(scenario, pageScenario, origin.form.side === 'both');
  const pageBalance = origin !== null && origin.form.venue === scenario.venue ? origin.form.availableBalance : null;
  const sizingBalance =
    (outcome.ok ? outcome.values.balance : null) ??
    settings.accountBalance[scenario.venue] ??
    (pageBalance !== null && new Dec(pageBalance).greaterThan(0) ? pageBalance : null);
  const time = clockTime(now, locale);

  return (
    <main data-venue={scenario.venue} data-source={source} data-side={scenario.side}>
      <h1>{t('popup_title')}</h1>
      <p class="source" data-source={source}>
        {source === 'page'
          ? t('popup_fromTab', [props.order?.symbol ?? symbol, VENUE_LABEL[scenario.venue]])
          : source === 'stored'
            ? t('popup_lastScenario', [VENUE_LABEL[scenario.venue]])
            : t('popup_defaultScenario')}
        {fromPage ? ` · ${t('popup_marketAsOf', [time])}` : ''}
        {fromPage && edited ? ` · ${t('popup_edited')}` : ''}
      </p>
      <PageOrderLine origin={fromPage ? origin : null} settings={settings} locale={locale} />
      {fromPage && origin.form.side === 'both' ? <p class="hint">{t('popup_bothSides')}</p> : null}
      {fromPage && !origin.form.marginEnabled ? (
        <p class="note" data-severity="info">
          {t('popup_pageSpot')}
        </p>
      ) : null}
      {fromPage && origin.form.intent === 'close' ? (
        <p class="note" data-severity="info" data-closing="">
          {t('popup_pageClosing')}
        </p>
      ) : null}
      <Summary view={view} risk={summaryRisk(outcome, settings)} />
      <OrderInputs
        scenario={scenario}
        errors={outcome.ok ? {} : outcome.errors}
        settings={settings}
        locale={locale}
        edit={edit}
        onPriceTyped={(text) => setAnchor(positive(text))}
        changeVenue={changeVenue}
        saveBalance={saveBalance}
        balanceStatus={balanceStatus}
      />
      <WhatIf
        scenario={scenario}
        edit={edit}
        maxLeverage={venueMax}
        anchor={anchor}
        tick={snapshot?.figures.tickSize?.value ?? null}
        locale={locale}
        currency={view.currency}
        formatPrice={view.format.price}
        onBackToOrder={
          fromPage && edited && pageScenario !== null
            ? () =>
                show(
                  {
                    ...pageScenario,
                    side: origin.form.side === 'both' ? scenario.side : pageScenario.side,
                    riskMode: scenario.riskMode,
                    risk: scenario.risk,
                  },
                  'page',
                )
            : undefined
        }
      />
      <Figures view={view} />
      <WarningsAndAssumptions view={view} />
      <Chart view={view} />
      <Returns
        scenario={scenario}
        outcome={outcome}
        balance={sizingBalance}
        locale={locale}
        view={view}
        edit={edit}
        step={steps.size}
      />
      <Sizing
        scenario={scenario}
        input={outcome.ok ? outcome.quote.input : null}
        balance={sizingBalance}
        cap={cap}
        steps={steps}
        locale={locale}
        format={view.format}
        edit={edit}
      />
      <Actions onReset={resetVenue} openOptions={props.openOptions} />
    </main>
  );
}
