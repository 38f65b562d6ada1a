// The options page: one form over Settings (storage.sync), saved as you go (autosave.ts): a
// change is written after a short pause, a refused field shows why next to it and stays unsaved
// while the rest is written; the status line says "Saved" or what is not. Changes
// made elsewhere (popup, another window, sync) flow into the fields the user is not editing.
// Results are announced in one aria-live status line.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Settings } from '../../settings/settings';
import { t, type MessageKey } from '../i18n';
import { applyTheme } from '../theme';
import { autosaveOf, SAVE_DELAY_MS } from './autosave';
import { draftFromSettings, mergeExternal, type Draft, type FieldErrors } from './draft';
import { CheckField, TextField } from './Field';
import { SettingsFile } from './SettingsFile';
import type { SettingsStore } from './store';
import { TaughtList } from './TaughtList';
import type { TaughtStore } from './taught-store';
import { VenueList } from './VenueList';
import { FeeTiers, ThemeChoice, VenueSwitches } from './VenueSettings';

export interface OptionsProps {
  store: SettingsStore;
  download: (fileName: string, text: string) => void;
  /** The element whose data-theme follows the theme chosen (the page's <html>). */
  themeTarget: HTMLElement;
  /** The fields the trader pointed at (teach mode); without it the section is left out. */
  taught?: TaughtStore;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function Options({ store, download, themeTarget, taught }: OptionsProps) {
  const [saved, setSaved] = useState<Settings | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState('');
  const [pending, setPending] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  // The draft as last typed, for a save that runs after the pause (a closure would see an old render's).
  const draftRef = useRef<Draft | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // The latest stored settings for the storage listener (a closure would see an old render's).
  const savedRef = useRef<Settings | null>(null);
  // What this page wrote last: its own change event is not news to announce.
  const written = useRef<string | null>(null);

  function adopt(settings: Settings) {
    savedRef.current = settings;
    setSaved(settings);
    draftRef.current = draftFromSettings(settings);
    setDraft(draftRef.current);
    setErrors({});
  }

  useEffect(() => {
    let live = true;
    const unsubscribe = store.subscribe((next) => {
      const before = savedRef.current;
      savedRef.current = next;
      setSaved(next);
      const current = draftRef.current;
      draftRef.current =
        before === null || current === null ? draftFromSettings(next) : mergeExternal(current, before, next);
      setDraft(draftRef.current);
      if (before === null) return;
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
      clearTimeout(timer.current);
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

  /** Writes the draft as it is now: every valid change; refused fields stay unsaved and say so. */
  async function autosave(explicit = false) {
    clearTimeout(timer.current);
    const current = draftRef.current;
    if (current === null) return;
    try {
      // On top of the latest stored value: the popup may have changed balances meanwhile.
      const base = await store.load();
      const { settings, errors: refused } = autosaveOf(base, current);
      if (settings !== null) {
        written.current = JSON.stringify(settings);
        savedRef.current = settings;
        await store.save(settings);
        setSaved(settings);
      }
      setErrors(refused);
      const count = Object.keys(refused).length;
      if (count > 0) setStatus(t(settings === null ? 'options_notSaved' : 'options_savedExcept', String(count)));
      else if (settings !== null || explicit) setStatus(t('options_saved'));
      if (explicit && count > 0) {
        const first = [...(form.current?.elements ?? [])].find((el) => Object.hasOwn(refused, el.id));
        (first as HTMLElement | undefined)?.focus();
      }
    } catch (error) {
      setStatus(t('options_saveFailed', messageOf(error)));
    } finally {
      setPending(false);
    }
  }

  /** Enter in a field saves at once (and goes to the first field to fix). */
  function submit(event: Event) {
    event.preventDefault();
    void autosave(true);
  }

  async function resetPositions() {
    try {
      await store.clearOverlayPositions();
      setStatus(t('options_positionsReset'));
    } catch (error) {
      setStatus(t('options_saveFailed', messageOf(error)));
    }
  }

  /**
   * A change: saved after a pause in typing (`fieldId`: a typed field, whose old error goes until
   * it is checked again), or at once for a switch.
   */
  function edit(change: Partial<Draft>, fieldId?: string) {
    if (draftRef.current === null) return;
    draftRef.current = { ...draftRef.current, ...change };
    setDraft(draftRef.current);
    if (fieldId !== undefined && Object.hasOwn(errors, fieldId)) {
      const { [fieldId]: _gone, ...rest } = errors;
      setErrors(rest);
    }
    setPending(true);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void autosave(), fieldId === undefined ? 0 : SAVE_DELAY_MS);
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
          <form ref={form} onSubmit={submit} noValidate>
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
            <ThemeChoice theme={draft.theme} onTheme={(theme) => edit({ theme })} />
            <div class="actions">
              {/* Changes save by themselves; the button (and Enter) saves at once and goes to a field to fix. */}
              <button type="submit" id="save">
                {t('options_save')}
              </button>
              <span class="dirty" id="save-state" data-state={pending ? 'pending' : 'idle'}>
                {pending ? t('options_saving') : ''}
              </span>
            </div>
          </form>
          <SettingsFile saved={saved} replace={replace} download={download} announce={setStatus} />
        </>
      )}
      {taught === undefined ? null : <TaughtList store={taught} announce={setStatus} />}
      <p id="status" class="status" role="status" aria-live="polite">
        {status}
      </p>
      <VenueList />
    </main>
  );
}
