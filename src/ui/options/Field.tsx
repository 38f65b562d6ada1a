// Labelled inputs of the options form. A field's help and error are tied to its input by
// aria-describedby, and aria-invalid marks a refused value, so a screen reader hears why (and that the value is not saved).
import { t } from '../i18n';

export interface TextFieldProps {
  id: string;
  label: string;
  help?: string;
  value: string;
  /** Shown while empty (the fee fields: the base rate in use). */
  placeholder?: string | undefined;
  error?: string | undefined;
  onInput: (value: string) => void;
}

export function TextField({ id, label, help, value, placeholder, error, onInput }: TextFieldProps) {
  const helpId = help ? `${id}-help` : null;
  const errorId = error ? `${id}-error` : null;
  const describedBy = [errorId, helpId].filter((x) => x !== null).join(' ');
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        spellcheck={false}
        value={value}
        placeholder={placeholder}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy || undefined}
        onInput={(e) => onInput((e.currentTarget as HTMLInputElement).value)}
      />
      {help ? (
        <p id={helpId ?? undefined} class="help">
          {help}
        </p>
      ) : null}
      {error ? (
        <p id={errorId ?? undefined} class="error">
          {error} <span class="unsaved">({t('options_fieldNotSaved')})</span>
        </p>
      ) : null}
    </div>
  );
}

export interface CheckFieldProps {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

export function CheckField({ id, label, checked, onChange }: CheckFieldProps) {
  return (
    <div class="check">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked)}
      />
      <label for={id}>{label}</label>
    </div>
  );
}
