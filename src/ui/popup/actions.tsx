// The calculator's closing buttons: forget what was typed for this venue, and open the options page.
import { t } from '../i18n';

export function Actions({ onReset, openOptions }: { onReset: () => void; openOptions?: () => void }) {
  return (
    <div class="actions">
      <button type="button" onClick={onReset}>
        {t('popup_reset')}
      </button>
      {openOptions ? (
        <button type="button" onClick={openOptions}>
          {t('popup_openOptions')}
        </button>
      ) : null}
    </div>
  );
}
