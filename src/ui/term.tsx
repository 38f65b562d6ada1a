// A figure's label with its one-line definition (src/ui/terms.ts), for the overlay and the popup:
// the title shows it on hover; the label takes keyboard focus, and while focused the definition
// is shown under it and read as its description (aria-describedby). Inline styles: the overlay's
// shadow root and the popup have different style sheets.
import { useState } from 'preact/hooks';
import { VISUALLY_HIDDEN } from './visually-hidden';

const SHOWN = {
  display: 'block',
  fontSize: '0.9em',
  fontWeight: 'normal',
  opacity: 0.85,
  whiteSpace: 'normal',
} as const;

/** `id`: unique in its document or shadow root (the definition's element). */
export function Term({ label, hint, id }: { label: string; hint?: string; id: string }) {
  const [focused, setFocused] = useState(false);
  if (hint === undefined || hint === '') return <>{label}</>;
  return (
    <>
      <span
        tabIndex={0}
        title={hint}
        aria-describedby={id}
        data-term=""
        style={{ textDecoration: 'underline dotted', cursor: 'help' }}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
      >
        {label}
      </span>
      <span id={id} role="tooltip" data-term-hint="" style={focused ? SHOWN : VISUALLY_HIDDEN}>
        {hint}
      </span>
    </>
  );
}

/** The <dt> of a figure row: its label as a Term. */
export function TermDt(props: { label: string; hint?: string; id: string }) {
  return (
    <dt>
      <Term {...props} />
    </dt>
  );
}
