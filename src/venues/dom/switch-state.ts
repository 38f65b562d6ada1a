// On/off state of a checkbox or switch, as the page draws it. A native checkbox says it through
// `checked`. A custom control may say it through ARIA (aria-checked / aria-pressed), through a
// state modifier on its own component class (Bybit's `by-checkbox by-checkbox--checked`, Element's
// `is-checked`), or both. Both are read; when they contradict each other the state is unknown
// (null) and the reader refuses rather than pick one: a TP/SL switch read as off silently drops
// the stop and take-profit. Only component classes count (letters, hyphens and BEM `__` parts):
// hashed classes (`_input_11p2x_8`, `css-1x2y3z`) never carry state here.

/** A component class: lower-case letters and hyphens, optionally a BEM element part. */
const COMPONENT_CLASS = /^[a-z][a-z-]*(?:__[a-z][a-z-]*)?$/;
/** Words a state modifier uses for "on". */
const ON_WORDS = ['checked', 'active', 'selected', 'on'] as const;
/** A component block that draws a two-state control: its modifier's absence means "off". */
const TWO_STATE_BLOCK = /(?:checkbox|switch|toggle)$/;

/** ARIA's answer: true/false, undefined when the control says nothing, null for anything else ("mixed"). */
function ariaState(el: Element): boolean | null | undefined {
  const value = el.getAttribute('aria-checked') ?? el.getAttribute('aria-pressed');
  if (value === null) return undefined;
  const v = value.trim().toLowerCase();
  return v === 'true' ? true : v === 'false' ? false : null;
}

/**
 * The class's answer: true when a component class of the element carries an "on" modifier
 * (`<block>--checked`, `<block>-checked`, `is-checked`, … for checked/active/selected/on); false
 * when it has a checkbox/switch/toggle block without one; undefined when its classes say nothing.
 */
export function classState(el: Element): boolean | undefined {
  const classes = [...el.classList].filter((c) => COMPONENT_CLASS.test(c));
  const blocks = classes.filter((c) => !/--|^is-/.test(c));
  const on = classes.some((c) =>
    ON_WORDS.some(
      (word) => c === `is-${word}` || blocks.some((block) => c === `${block}--${word}` || c === `${block}-${word}`),
    ),
  );
  if (on) return true;
  return blocks.some((block) => TWO_STATE_BLOCK.test(block)) ? false : undefined;
}

/**
 * Whether the control is on: a native checkbox by `checked` (as before); a custom one by ARIA or
 * by its class state, which must agree when both speak. null: they disagree, ARIA says something
 * other than true/false, or neither says anything.
 */
export function switchState(el: Element): boolean | null {
  if (el.tagName === 'INPUT') return (el as HTMLInputElement).checked;
  const aria = ariaState(el);
  const cls = classState(el);
  if (aria === null) return null;
  if (aria !== undefined && cls !== undefined && aria !== cls) return null;
  return aria ?? cls ?? null;
}

/** Bare state classes a tab library may put on its selected tab (`bn-tab … active`). */
const BARE_SELECTED = ['active', 'selected'] as const;

/**
 * Whether a tab (role=tab) is the selected one, by `aria-selected` and by its class state (a
 * modifier as in classState, or a bare `active` / `selected` class). They must agree when both
 * speak: null for a contradiction or an aria-selected other than true/false. A tab that says
 * nothing either way is not selected (false): a tab list marks its selected tab, not the others.
 */
export function tabSelected(el: Element): boolean | null {
  const raw = el.getAttribute('aria-selected');
  const value = raw?.trim().toLowerCase();
  const aria = raw === null ? undefined : value === 'true' ? true : value === 'false' ? false : null;
  if (aria === null) return null;
  const cls = classState(el) ?? (BARE_SELECTED.some((c) => el.classList.contains(c)) ? true : undefined);
  if (aria !== undefined && cls !== undefined && aria !== cls) return null;
  return aria ?? cls ?? false;
}
