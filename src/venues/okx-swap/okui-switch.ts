// On/off state of an OKX checkbox (TP/SL). Generation 1 draws it as a native <input type=checkbox>;
// generation 2 (okx-swap.gen2.html) as an okui checkbox without an input: role="checkbox" with
// aria-checked, and a namespaced class modifier (`trade_okui-checkbox-checked`) while on. The shared
// switch-state.ts ignores namespaced classes (it cannot tell them from hashed ones), so OKX reads its
// own: ARIA and the okui modifier must agree when both speak; a contradiction, or a control that says
// nothing, is unknown (null) and the reader refuses rather than drop a stop and take-profit.
import { okui } from './selectors';

const CHECKED = okui('checkbox-checked');

export function okuiSwitchState(el: Element): boolean | null {
  if (el.tagName === 'INPUT') return (el as HTMLInputElement).checked;
  const aria = el.getAttribute('aria-checked')?.trim().toLowerCase();
  const byClass = el.matches(CHECKED);
  if (aria === 'true' || aria === 'false') return (aria === 'true') === byClass ? byClass : null;
  return aria === undefined && byClass ? true : null;
}
