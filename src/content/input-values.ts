// A cheap fingerprint of the values typed or set in a form: every input, select and textarea under
// the form root, in document order, with its value (and checked state). The per-frame probe compares
// it with the last one and reads nothing while it is the same: a page script that sets a value
// without an event changes it, and anything else that can change the order changes the DOM, which the
// form watch reports. Reading the values of a few dozen fields costs a fraction of parsing them.

const FIELDS = 'input, select, textarea';

export function inputValues(root: Element): string {
  const parts: string[] = [];
  for (const el of root.querySelectorAll(FIELDS)) {
    const field = el as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
    const checked = 'checked' in field && field.checked ? '1' : '0';
    // U+0000 cannot be typed into a field: values stay apart whatever they hold.
    parts.push(`${checked}${field.value}`);
  }
  return parts.join('\u0000');
}
