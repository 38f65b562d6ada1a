// @vitest-environment happy-dom
// A figure's definition is reachable by hover (title) and by keyboard: the label takes focus,
// says the definition as its description (aria-describedby) and shows it while focused — in the
// overlay's closed shadow root and in the popup alike (src/ui/term.tsx).
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ATTR } from '../../src/ui/overlay/contract';
import { mountOverlay, type OverlayHandle } from '../../src/ui/overlay/mount';
import { buildView } from '../../src/ui/overlay/view-model';
import { Term } from '../../src/ui/term';
import { binanceForm, marketOf, NOW, ok, settings, snapshot, wireQuotes } from '../content/fixtures';
import { FakeResizeObserver } from './fake-resize-observer';

let handle: OverlayHandle | undefined;
beforeEach(() => vi.stubGlobal('ResizeObserver', FakeResizeObserver));
afterEach(() => {
  handle?.destroy();
  handle = undefined;
  vi.unstubAllGlobals();
});

describe('Term', () => {
  it('a focusable label described by its definition, shown while focused', () => {
    const box = document.createElement('div');
    document.body.append(box);
    act(() => render(<Term label="Liquidation price" hint="The price at which…" id="t1" />, box));
    const label = box.querySelector<HTMLElement>('[data-term]')!;
    const hint = box.querySelector<HTMLElement>('#t1')!;
    expect(label.getAttribute('tabindex')).toBe('0');
    expect(label.getAttribute('title')).toBe('The price at which…');
    expect(label.getAttribute('aria-describedby')).toBe('t1');
    expect(hint.textContent).toBe('The price at which…');
    expect(hint.style.position).toBe('absolute'); // out of sight, still read
    act(() => label.focus());
    expect(hint.style.display).toBe('block');
    expect(hint.style.position).toBe('');
    act(() => label.blur());
    expect(hint.style.position).toBe('absolute');
    render(null, box);
    box.remove();
  });

  it('without a definition: the plain label, nothing focusable', () => {
    const box = document.createElement('div');
    act(() => render(<Term label="Notional" id="t2" />, box));
    expect(box.textContent).toBe('Notional');
    expect(box.querySelector('[tabindex]')).toBeNull();
  });

  it('the overlay: every figure label of a column carries its definition, ids unique per side', () => {
    handle = mountOverlay(document);
    const form = binanceForm();
    const snap = snapshot('65010.2');
    const s = settings();
    handle.update(
      buildView({
        reading: ok(form),
        quotes: wireQuotes(form, snap, s),
        market: marketOf(snap),
        settings: s,
        now: NOW,
        pending: false,
        guard: null,
      }),
    );
    const terms = [...handle.root.querySelectorAll<HTMLElement>(`[${ATTR.side}] dt [data-term]`)];
    expect(terms.length).toBe(2 * 9);
    const ids = terms.map((t) => t.getAttribute('aria-describedby')!);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(handle.root.querySelector(`[id="${id}"]`)!.textContent!.length).toBeGreaterThan(20);
    const level = terms.find((t) => t.textContent === 'Margin ratio')!;
    expect(level.getAttribute('title')).toMatch(/^Maintenance margin ÷ margin balance/);
  });
});
