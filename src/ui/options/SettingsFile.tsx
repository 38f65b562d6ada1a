// Export to a JSON file, import from one (all or nothing: a file with any invalid value changes
// nothing), and reset to defaults behind a confirm step inside the page (window.confirm would
// block the page and cannot be styled or reached the same way by keyboard and tests).
import { useEffect, useRef, useState } from 'preact/hooks';
import { DEFAULT_SETTINGS, exportSettings, importSettings, type Settings } from '../../settings/settings';
import { t } from '../i18n';

export const EXPORT_FILE_NAME = 'margin-preflight-settings.json';
/** importSettings refuses anything longer; reading one byte more lets it say so without reading a huge file. */
const MAX_READ = 100_001;

interface Props {
  saved: Settings;
  /** Stores settings; resolves when written. */
  replace: (settings: Settings) => Promise<void>;
  download: (fileName: string, text: string) => void;
  announce: (text: string) => void;
}

export function SettingsFile({ saved, replace, download, announce }: Props) {
  const [confirming, setConfirming] = useState(false);
  const resetButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  // Focus follows the confirm step: onto "Cancel" (the safe choice) when it opens, back to the reset button after.
  useEffect(() => {
    if (confirming) cancelButton.current?.focus();
    else if (wasConfirming.current) resetButton.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  async function importFile(input: HTMLInputElement) {
    const file = input.files?.[0];
    if (!file) return;
    // Cleared, so choosing the same file again is a change too.
    input.value = '';
    const text = await file.slice(0, MAX_READ).text();
    const result = importSettings(text);
    if (!result.ok) return announce(t('options_importFailed', result.error));
    try {
      await replace(result.settings);
      announce(t('options_imported'));
    } catch (error) {
      announce(t('options_saveFailed', error instanceof Error ? error.message : String(error)));
    }
  }

  async function reset() {
    try {
      await replace(DEFAULT_SETTINGS);
      announce(t('options_resetDone'));
    } catch (error) {
      announce(t('options_saveFailed', error instanceof Error ? error.message : String(error)));
    }
    setConfirming(false);
  }

  return (
    <section aria-labelledby="file-title" class="file">
      <h2 id="file-title">{t('options_fileSection')}</h2>
      <div class="row">
        <button
          type="button"
          id="export"
          onClick={() => {
            download(EXPORT_FILE_NAME, exportSettings(saved));
            announce(t('options_exported'));
          }}
        >
          {t('options_export')}
        </button>
      </div>
      <div class="field">
        <label for="import-file">{t('options_import')}</label>
        <input
          id="import-file"
          type="file"
          accept="application/json,.json"
          onChange={(e) => void importFile(e.currentTarget as HTMLInputElement)}
        />
      </div>
      <div class="row">
        <button
          type="button"
          id="reset"
          ref={resetButton}
          aria-expanded={confirming}
          aria-controls="reset-confirm"
          onClick={() => setConfirming(true)}
        >
          {t('options_reset')}
        </button>
      </div>
      {confirming ? (
        <div
          id="reset-confirm"
          class="confirm"
          role="group"
          aria-labelledby="reset-question"
          onKeyDown={(e) => {
            if (e.key === 'Escape') setConfirming(false);
          }}
        >
          <p id="reset-question">{t('options_resetConfirm')}</p>
          <button type="button" id="reset-yes" class="danger" onClick={() => void reset()}>
            {t('options_resetYes')}
          </button>
          <button type="button" id="reset-no" ref={cancelButton} onClick={() => setConfirming(false)}>
            {t('options_resetNo')}
          </button>
        </div>
      ) : null}
    </section>
  );
}
