// Per-venue settings: the switch that turns the overlay, badge and guard on or off for a venue,
// the user's own fee tier (percent as typed; both empty = the bundled base tier, shown as the
// placeholder and in the hint), and the theme (default: match the page).
import type { VenueId } from '../../core/types';
import { THEMES, type Theme } from '../../settings/settings';
import { t, type MessageKey } from '../i18n';
import { baseFeePercent } from './base-fees';
import { feeFieldId, type Draft, type FeeDraft, type FieldErrors } from './draft';
import { CheckField, TextField } from './Field';
import { venueName, VENUES_IN_ORDER } from './venue-names';

interface Props {
  draft: Draft;
  errors: FieldErrors;
  onVenueEnabled: (venue: VenueId, enabled: boolean) => void;
  onFee: (venue: VenueId, side: keyof FeeDraft, value: string) => void;
}

export function VenueSwitches({ draft, onVenueEnabled }: Pick<Props, 'draft' | 'onVenueEnabled'>) {
  return (
    <fieldset>
      <legend>{t('options_venuesSection')}</legend>
      {/* Host access stays a required permission (decided for issue 5): the switch only turns our
          work on the venue's pages off. Saying so keeps the user from expecting a permission prompt. */}
      <p class="help" id="venues-help">
        {t('options_venuesHelp')}
      </p>
      {VENUES_IN_ORDER.map((venue) => (
        <CheckField
          key={venue}
          id={`venue-${venue}`}
          label={t('options_venueEnabled', venueName(venue))}
          checked={draft.enabledVenues[venue]}
          onChange={(on) => onVenueEnabled(venue, on)}
        />
      ))}
    </fieldset>
  );
}

export function FeeTiers({ draft, errors, onFee }: Pick<Props, 'draft' | 'errors' | 'onFee'>) {
  return (
    <fieldset>
      <legend>{t('options_feesSection')}</legend>
      <p class="help">{t('options_feesHelp')}</p>
      <div class="fee-grid">
        {VENUES_IN_ORDER.map((venue) =>
          (['maker', 'taker'] as const).map((side) => {
            const id = feeFieldId(venue, side);
            const base = baseFeePercent(venue, side);
            return (
              <TextField
                key={id}
                id={id}
                label={t(side === 'maker' ? 'options_makerFee' : 'options_takerFee', venueName(venue))}
                help={base === null ? undefined : t('options_feeBase', base)}
                placeholder={base ?? undefined}
                value={draft.fees[venue][side]}
                error={errors[id]}
                onInput={(value) => onFee(venue, side, value)}
              />
            );
          }),
        )}
      </div>
    </fieldset>
  );
}

const THEME_LABEL: Record<Theme, MessageKey> = {
  page: 'options_themePage',
  system: 'options_themeSystem',
  light: 'options_themeLight',
  dark: 'options_themeDark',
};

export function ThemeChoice({ theme, onTheme }: { theme: Theme; onTheme: (theme: Theme) => void }) {
  return (
    <fieldset>
      <legend>{t('options_themeSection')}</legend>
      {THEMES.map((option) => (
        <div class="check" key={option}>
          <input
            type="radio"
            id={`theme-${option}`}
            name="theme"
            value={option}
            checked={theme === option}
            onChange={() => onTheme(option)}
          />
          <label for={`theme-${option}`}>{t(THEME_LABEL[option])}</label>
        </div>
      ))}
    </fieldset>
  );
}
