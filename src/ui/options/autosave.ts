// Save as you go: every change is written shortly after it is made (a typed number after a short
// pause, a switch at once). A field that fails its check keeps its value unsaved — the stored
// settings keep what was saved before for that field (a fee pair as a whole) — and says so; every
// other change is saved. Pure, so what is written for a draft is tested without a DOM.
import type { Settings } from '../../settings/settings';
import { draftFromSettings, settingsFromDraft, type Draft, type FieldErrors } from './draft';

/** A pause in typing this long writes the draft (storage.sync allows 120 writes a minute). */
export const SAVE_DELAY_MS = 400;

const TEXT_FIELDS = ['minLiquidationDistance', 'maxLeverage', 'maxLossPercent', 'holdHours'] as const;

/** The draft with every refused field back at its value in `base`. */
export function withoutRefused(draft: Draft, base: Settings, errors: FieldErrors): Draft {
  const was = draftFromSettings(base);
  const out: Draft = { ...draft, fees: { ...draft.fees } };
  for (const id of Object.keys(errors)) {
    const text = TEXT_FIELDS.find((f) => f === id);
    if (text !== undefined) out[text] = was[text];
    else if (id.startsWith('fee-')) {
      const venue = id.slice('fee-'.length, id.lastIndexOf('-')) as keyof Draft['fees'];
      if (Object.hasOwn(was.fees, venue)) out.fees[venue] = was.fees[venue];
    }
  }
  return out;
}

/** What to write for a draft on top of `base`: the settings (null: nothing changed) and the fields left unsaved. */
export function autosaveOf(base: Settings, draft: Draft): { settings: Settings | null; errors: FieldErrors } {
  const first = settingsFromDraft(base, draft);
  const errors = 'errors' in first ? first.errors : {};
  const result = 'errors' in first ? settingsFromDraft(base, withoutRefused(draft, base, errors)) : first;
  // Cannot fail: every refused field is back at a stored (valid) value.
  if ('errors' in result) return { settings: null, errors };
  const changed = JSON.stringify(result.settings) !== JSON.stringify(base);
  return { settings: changed ? result.settings : null, errors };
}
