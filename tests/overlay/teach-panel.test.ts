// @vitest-environment happy-dom
// Teach mode and the page report in the overlay (issue 14): the active step's panel (its prompt in
// data-teach, the focus, ↑ ↓ Enter for the keyboard, the unit question named by the pair), the
// "Using fields you pointed at" line with Redo and Forget, a field no longer found, the report
// button and, when the clipboard refused, the report in a read-only textarea; the outline of the
// page element is ours, inside the shadow root, and nothing is written to the page's element.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setBody } from '../helpers/html-body';
import { ATTR } from '../../src/ui/overlay/contract';
import { mountOverlay, type OverlayHandle } from '../../src/ui/overlay/mount';
import { NO_TOOLS, showsToolsLine, type PageTools, type ToolActions } from '../../src/ui/overlay/tools-types';
import { buildView } from '../../src/ui/overlay/view-model';
import { settings, NOW } from '../content/fixtures';
import { FakeResizeObserver } from './fake-resize-observer';

const unrecognised = () =>
  buildView({
    reading: { status: 'unrecognised', missing: ['price', 'size'], matched: {} },
    quotes: [],
    market: null,
    settings: settings(),
    now: NOW,
    pending: false,
    guard: null,
  });

let handle: OverlayHandle | undefined;
let actions: { [K in keyof ToolActions]: ReturnType<typeof vi.fn<ToolActions[K]>> };
beforeEach(() => {
  vi.stubGlobal('ResizeObserver', FakeResizeObserver);
  actions = {
    teach: vi.fn(),
    cancel: vi.fn(),
    skip: vi.fn(),
    choose: vi.fn(),
    next: vi.fn(),
    previous: vi.fn(),
    pick: vi.fn(),
    redo: vi.fn(),
    forget: vi.fn(),
    report: vi.fn(),
  };
});
afterEach(() => {
  handle?.destroy();
  handle = undefined;
  vi.unstubAllGlobals();
  setBody('');
});

const mount = (tools: PageTools): OverlayHandle => {
  handle = mountOverlay(document, { actions });
  handle.update(unrecognised());
  handle.setTools(tools);
  return handle;
};
const q = (sel: string) => handle!.root.querySelector<HTMLElement>(sel);
const click = (sel: string) => q(sel)!.click();
const press = (el: Element, key: string) =>
  el.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));

describe('teach panel', () => {
  it('offers teach mode in the unrecognised state, and the report in any state', () => {
    mount({ ...NO_TOOLS, canTeach: true });
    expect(q(`[${ATTR.root}]`)!.getAttribute(ATTR.state)).toBe('unrecognised');
    expect(q(`[${ATTR.action}="teach"]`)!.textContent).toBe('Point at the fields');
    click(`[${ATTR.action}="teach"]`);
    expect(actions.teach).toHaveBeenCalledTimes(1);
    handle!.setTools(NO_TOOLS);
    expect(q(`[${ATTR.action}="teach"]`)).toBeNull();
    expect(q(`[${ATTR.action}="report"]`)!.textContent).toBe('Copy a report of this page');
    click(`[${ATTR.action}="report"]`);
    expect(actions.report).toHaveBeenCalledTimes(1);
  });

  it('shows the active step with its prompt, takes the focus, and answers ↑ ↓ Enter', () => {
    mount({ ...NO_TOOLS, canTeach: true, teaching: { prompt: 'price', unit: null, refused: false } });
    const panel = q(`[${ATTR.teach}]`)!;
    expect(panel.getAttribute(ATTR.teach)).toBe('price');
    expect(panel.textContent).toContain('Click the price field');
    expect(handle!.root.activeElement).toBe(panel);
    expect(q(`[${ATTR.action}="teach"]`)).toBeNull(); // no second start while a run is on
    press(panel, 'ArrowDown');
    press(panel, 'ArrowDown');
    press(panel, 'ArrowUp');
    press(panel, 'Enter');
    expect(actions.next).toHaveBeenCalledTimes(2);
    expect(actions.previous).toHaveBeenCalledTimes(1);
    expect(actions.pick).toHaveBeenCalledTimes(1);
    // Enter on the panel's own buttons is theirs, not a pick.
    press(q(`[${ATTR.action}="teach-cancel"]`)!, 'Enter');
    expect(actions.pick).toHaveBeenCalledTimes(1);
    click(`[${ATTR.action}="teach-cancel"]`);
    click(`[${ATTR.action}="teach-skip"]`);
    expect(actions.cancel).toHaveBeenCalledTimes(1);
    expect(actions.skip).toHaveBeenCalledTimes(1);
    handle!.setTools({ ...NO_TOOLS, teaching: { prompt: 'buy', unit: null, refused: true } });
    expect(q(`[${ATTR.teach}]`)!.getAttribute(ATTR.teach)).toBe('buy');
    expect(q(`[${ATTR.teach}] [role="alert"]`)!.textContent).toBe(
      'This element cannot be recognised again. Pick another.',
    );
  });

  it('asks the unit once, naming the pair when known', () => {
    mount({ ...NO_TOOLS, teaching: { prompt: 'size', unit: { base: 'BTC', quote: 'USD' }, refused: false } });
    expect(q(`[${ATTR.teach}]`)!.textContent).toContain('Which currency is this size typed in?');
    expect(q(`[${ATTR.teachChoice}="base"]`)!.textContent).toBe('In BTC');
    expect(q(`[${ATTR.teachChoice}="quote"]`)!.textContent).toBe('In USD');
    // The keyboard answers at once: the first answer has the focus.
    expect(handle!.root.activeElement).toBe(q(`[${ATTR.teachChoice}="base"]`));
    press(q(`[${ATTR.teach}]`)!, 'Enter'); // no pick while the question is open
    expect(actions.pick).not.toHaveBeenCalled();
    click(`[${ATTR.teachChoice}="quote"]`);
    expect(actions.choose).toHaveBeenCalledWith('quote');
    handle!.setTools({ ...NO_TOOLS, teaching: { prompt: 'size', unit: { base: null, quote: null }, refused: false } });
    expect(q(`[${ATTR.teachChoice}="base"]`)!.textContent).toBe('In the coin (base)');
  });

  it('says which keys come from fields the trader pointed at, with Redo and Forget', () => {
    mount({ ...NO_TOOLS, taught: ['price', 'size'] });
    expect(q(`[${ATTR.root}]`)!.getAttribute(ATTR.taught)).toBe('price,size');
    expect(q('.taught')!.textContent).toBe('Using fields you pointed at: price, size');
    click(`[${ATTR.action}="teach-redo"]`);
    click(`[${ATTR.action}="teach-forget"]`);
    expect(actions.redo).toHaveBeenCalledTimes(1);
    expect(actions.forget).toHaveBeenCalledTimes(1);
    handle!.setTools(NO_TOOLS);
    expect(q(`[${ATTR.root}]`)!.hasAttribute(ATTR.taught)).toBe(false);
    expect(q(`[${ATTR.action}="teach-redo"]`)).toBeNull();
  });

  it('says when a field the trader pointed at is no longer found', () => {
    mount({ ...NO_TOOLS, canTeach: true, lost: true });
    expect(q(`[${ATTR.root}]`)!.hasAttribute(ATTR.taughtLost)).toBe(true);
    expect(q(`[${ATTR.banner}="taught-lost"]`)!.textContent).toBe('A field you pointed at is no longer found.');
    expect(q(`[${ATTR.action}="teach-forget"]`)).not.toBeNull();
  });

  it('marks the report copied, or shows it read-only to copy by hand', () => {
    mount({ ...NO_TOOLS, report: { state: 'copied' } });
    expect(q(`[${ATTR.action}="report"]`)!.getAttribute(ATTR.report)).toBe('copied');
    expect(q('textarea')).toBeNull();
    handle!.setTools({ ...NO_TOOLS, report: { state: 'shown', text: '{"format":"x"}' } });
    expect(q(`[${ATTR.action}="report"]`)!.getAttribute(ATTR.report)).toBe('shown');
    const area = q('textarea') as HTMLTextAreaElement;
    expect(area.value).toBe('{"format":"x"}');
    expect(area.readOnly).toBe(true);
  });

  it('outlines a page element from inside the shadow root, writing nothing to the page', () => {
    setBody('<input id="price" class="x">');
    const input = document.getElementById('price')!;
    const before = [...input.attributes].map((a) => `${a.name}=${a.value}`);
    vi.spyOn(input, 'getBoundingClientRect').mockReturnValue(new DOMRect(100, 50, 80, 20));
    mount(NO_TOOLS);
    vi.spyOn(handle!.host, 'getBoundingClientRect').mockReturnValue(new DOMRect(10, 5, 300, 200));
    handle!.outline(input);
    const box = handle!.root.querySelector<HTMLElement>(`[${ATTR.teachOutline}]`)!;
    // Placed relative to the host (layout containment makes it the containing block), 2 px outside the box.
    expect([box.style.left, box.style.top, box.style.width, box.style.height]).toEqual([
      '88px',
      '43px',
      '84px',
      '24px',
    ]);
    expect(box.style.pointerEvents).toBe('none');
    expect(document.querySelector(`[${ATTR.teachOutline}]`)).toBeNull();
    expect([...input.attributes].map((a) => `${a.name}=${a.value}`)).toEqual(before);
    expect(before).toEqual(['id=price', 'class=x']);
    handle!.outline(null);
    expect(handle!.root.querySelector(`[${ATTR.teachOutline}]`)).toBeNull();
  });
});

describe('the page-tools line', () => {
  it('waits behind Details while figures are shown and nothing asks for it', () => {
    expect(showsToolsLine(NO_TOOLS, true, false)).toBe(false);
    expect(showsToolsLine(NO_TOOLS, true, true)).toBe(true);
    expect(showsToolsLine(NO_TOOLS, false, false)).toBe(true);
    expect(showsToolsLine({ ...NO_TOOLS, taught: ['price'] }, true, false)).toBe(true);
    expect(showsToolsLine({ ...NO_TOOLS, lost: true }, true, false)).toBe(true);
    expect(showsToolsLine({ ...NO_TOOLS, report: { state: 'copied' } }, true, false)).toBe(true);
  });
});
