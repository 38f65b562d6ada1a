// Labelled inputs with their inline message: the label names the unit, the message says why a
// value was refused (aria-invalid + aria-describedby, so a screen reader reads it with the field).
import type { ComponentChildren } from 'preact';

export interface NumberFieldProps {
  id: string;
  label: string;
  value: string;
  onInput(text: string): void;
  /** The refusal in words, or null. */
  error: string | null;
  hint?: string;
  unit?: string;
  disabled?: boolean;
  wide?: boolean;
}

export function NumberField({ id, label, value, onInput, error, hint, unit, disabled, wide }: NumberFieldProps) {
  const described = [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ');
  return (
    <div class={wide ? 'field wide' : 'field'}>
      <label for={id}>{label}</label>
      <div class="row">
        <input
          id={id}
          inputMode="decimal"
          autoComplete="off"
          spellcheck={false}
          value={value}
          disabled={disabled}
          aria-invalid={error ? 'true' : 'false'}
          aria-describedby={described || undefined}
          onInput={(e) => onInput((e.currentTarget as HTMLInputElement).value)}
        />
        {unit ? <span class="unit">{unit}</span> : null}
      </div>
      {hint ? (
        <p id={`${id}-hint`} class="hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} class="error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export interface Option<T extends string> {
  value: T;
  label: string;
}

export function SelectField<T extends string>({
  id,
  label,
  value,
  options,
  onChange,
  wide,
  disabled,
}: {
  id: string;
  label: string;
  value: T;
  options: Array<Option<T>>;
  onChange(value: T): void;
  wide?: boolean;
  disabled?: boolean;
}) {
  return (
    <div class={wide ? 'field wide' : 'field'}>
      <label for={id}>{label}</label>
      <select
        id={id}
        value={value}
        disabled={disabled}
        onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value as T)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function TextField({
  id,
  label,
  value,
  onInput,
  error,
  list,
  children,
}: {
  id: string;
  label: string;
  value: string;
  onInput(text: string): void;
  error: string | null;
  list?: string;
  children?: ComponentChildren;
}) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="text"
        autoComplete="off"
        spellcheck={false}
        list={list}
        value={value}
        aria-invalid={error ? 'true' : 'false'}
        aria-describedby={error ? `${id}-error` : undefined}
        onInput={(e) => onInput((e.currentTarget as HTMLInputElement).value)}
      />
      {children}
      {error ? (
        <p id={`${id}-error`} class="error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
