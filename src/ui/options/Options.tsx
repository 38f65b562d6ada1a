// The options page: one form over Settings (storage.sync), saved whole with "Save" after every
// field passed its check; a refused field shows why next to it and nothing is written. Changes
// made elsewhere (popup, another window, sync) flow into the fields the user is not editing.
// Results are announced in one aria-live status line.
import { useEffect, useRef, useState } from 'preact/hooks';
import { THEMES, type Settings, type Theme } from '../../settings/settings';
import { t, type MessageKey } from '../i18n';
import { applyTheme } from '../theme';
import { draftFromSettings, mergeExternal, sameDraft, settingsFromDraft, type Draft, type FieldErrors } from './draft';
import { CheckField, TextField } from './Field';
import { SettingsFile } from './SettingsFile';
import type { SettingsStore } from './store';
import { VenueList } from './VenueList';
import { FeeTiers, VenueSwitches } from './VenueSettings';

const THEME_LABEL: Record<Theme, MessageKey> = {
  system: 'options_themeSystem',
  light: 'options_themeLight',
  dark: 'options_themeDark',
};

export interface OptionsProps {
  store: SettingsStore;
  download: (fileName: string, text: string) => void;
  /** The element whose data-theme follows the theme chosen (the page's <html>). */
  themeTarget: HTMLElement;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function Options({ store, download, themeTarget }: OptionsProps) {
  const [saved, setSaved] = useState<Settings | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState('');
  const form = useRef<HTMLFormElement>(null);
  // The latest stored settings for the storage listener (a closure would see an old render's).
  const savedRef = useRef<Settings | null>(null);
  // What this page wrote last: its own change event is not news to announce.
  const written = useRef<string | null>(null);

  function adopt(settings: Settings) {
    savedRef.current = settings;
    setSaved(settings);
    setDraft(draftFromSettings(settings));
    setErrors({});
  }

  useEffect(() => {
    let live = true;
    const unsubscribe = store.subscribe((next) => {
      const before = savedRef.current;
      savedRef.current = next;
      setSaved(next);
      if (before === null) return setDraft(draftFromSettings(next));
      setDraft((current) => (current === null ? draftFromSettings(next) : mergeExternal(current, before, next)));
      const text = JSON.stringify(next);
      if (text !== written.current && text !== JSON.stringify(before)) setStatus(t('options_changedElsewhere'));
    });
    store.load().then(
      (settings) => {
        if (live && savedRef.current === null) adopt(settings);
      },
      (error: unknown) => setStatus(t('options_loadFailed', messageOf(error))),
    );
    return () => {
      live = false;
      unsubscribe();
    };
  }, [store]);

  // The page shows the theme as soon as it is chosen, before it is saved.
  const theme = draft?.theme ?? saved?.theme ?? 'system';
  useEffect(() => applyTheme(themeTarget, theme), [themeTarget, theme]);

  async function replace(settings: Settings) {
    written.current = JSON.stringify(settings);
    await store.save(settings);
    adopt(settings);
  }

  async function save(event: Event) {
    event.preventDefault();
    if (draft === null) return;
    try {
      // On top of the latest stored value: the popup may have changed balances meanwhile.
      const result = settingsFromDraft(await store.load(), draft);
      if ('errors' in result) {
        setErrors(result.errors);
        setStatus(t('options_notSaved', String(Object.keys(result.errors).length)));
        const first = [...(form.current?.elements ?? [])].find((el) => Object.hasOwn(result.errors, el.id));
        (first as HTMLElement | undefined)?.focus();
        return;
      }
      await replace(result.settings);
      setStatus(t('options_saved'));
    } catch (error) {
      setStatus(t('options_saveFailed', messageOf(error)));
    }
  }

  async function resetPositions() {
    try {
      await store.clearOverlayPositions();
      setStatus(t('options_positionsReset'));
    } catch (error) {
      setStatus(t('options_saveFailed', messageOf(error)));
    }
  }

  /** A typed change: the field's old error goes (it is checked again on Save). */
  function edit(change: Partial<Draft>, fieldId?: string) {
    setDraft((current) => (current === null ? current : { ...current, ...change }));
    if (fieldId !== undefined && Object.hasOwn(errors, fieldId)) {
      const { [fieldId]: _gone, ...rest } = errors;
      setErrors(rest);
    }
  }

  const text = (
    id: 'minLiquidationDistance' | 'maxLeverage' | 'maxLossPercent' | 'holdHours',
    label: MessageKey,
    help: MessageKey,
  ) =>
    draft === null ? null : (
      <TextField
        id={id}
        label={t(label)}
        help={t(help)}
        value={draft[id]}
        error={errors[id]}
        onInput={(value) => edit({ [id]: value }, id)}
      />
    );

  return (
    <main>
      <h1>{t('options_title')}</h1>
      {draft === null || saved === null ? null : (
        <>
          <form ref={form} onSubmit={(e) => void save(e)} noValidate>
            <fieldset>
              <legend>{t('options_guardSection')}</legend>
              <CheckField
                id="guardEnabled"
                label={t('options_guardEnabled')}
                checked={draft.guardEnabled}
                onChange={(on) => edit({ guardEnabled: on })}
              />
              {text('minLiquidationDistance', 'options_minLiquidationDistance', 'options_minLiquidationDistanceHelp')}
              {text('maxLeverage', 'options_maxLeverage', 'options_maxLeverageHelp')}
              {text('maxLossPercent', 'options_maxLossPercent', 'options_maxLossPercentHelp')}
            </fieldset>
            <fieldset>
              <legend>{t('options_holdSection')}</legend>
              {text('holdHours', 'options_holdHours', 'options_holdHoursHelp')}
            </fieldset>
            <fieldset>
              <legend>{t('options_overlaySection')}</legend>
              <CheckField
                id="overlayEnabled"
                label={t('options_overlayEnabled')}
                checked={draft.overlayEnabled}
                onChange={(on) => edit({ overlayEnabled: on })}
              />
              <button type="button" id="reset-positions" onClick={() => void resetPositions()}>
                {t('options_resetPositions')}
              </button>
            </fieldset>
            <VenueSwitches
              draft={draft}
              onVenueEnabled={(venue, on) => edit({ enabledVenues: { ...draft.enabledVenues, [venue]: on } })}
            />
            <FeeTiers
              draft={draft}
              errors={errors}
              onFee={(venue, side, value) =>
                edit(
                  { fees: { ...draft.fees, [venue]: { ...draft.fees[venue], [side]: value } } },
                  `fee-${venue}-${side}`,
                )
              }
            />
            <fieldset>
              <legend>{t('options_themeSection')}</legend>
              {THEMES.map((option) => (
                <div class="check" key={option}>
                  <input
                    type="radio"
                    id={`theme-${option}`}
                    name="theme"
                    value={option}
                    checked={draft.theme === option}
                    onChange={() => edit({ theme: option })}
                  />
                  <label for={`theme-${option}`}>{t(THEME_LABEL[option])}</label>
                </div>
              ))}
            </fieldset>
            <div class="actions">
              <button type="submit" id="save" class="primary">
                {t('options_save')}
              </button>
              {sameDraft(draft, draftFromSettings(saved)) ? null : <span class="dirty">{t('options_unsaved')}</span>}
            </div>
          </form>
          <SettingsFile saved={saved} replace={replace} download={download} announce={setStatus} />
        </>
      )}
      <p id="status" class="status" role="status" aria-live="polite">
        {status}
      </p>
      <VenueList />
    </main>
  );
}
