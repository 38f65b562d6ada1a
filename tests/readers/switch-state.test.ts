// @vitest-environment happy-dom
// switchState: a checkbox or switch read from `checked`, ARIA or a component class's state modifier;
// tabSelected: a tab's selection from aria-selected and its class state.
import { describe, expect, it } from 'vitest';
import { classState, switchState, tabSelected } from '../../src/venues/dom/switch-state';

function el(html: string): Element {
  return new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html').body.firstElementChild!;
}

describe('switchState', () => {
  it('a native checkbox reads as before: its checked property, whatever its classes say', () => {
    const box = el('<input type="checkbox" class="by-checkbox--checked">') as HTMLInputElement;
    expect(switchState(box)).toBe(false);
    box.checked = true;
    expect(switchState(box)).toBe(true);
  });

  it.each([
    ['<div class="by-checkbox by-checkbox--checked">', true],
    ['<div class="by-checkbox">', false],
    ['<label class="el-checkbox is-checked">', true],
    ['<button class="ant-switch ant-switch-checked">', true],
    ['<div class="okui-switch okui-switch--active">', true],
    ['<div class="by-switch">', false],
    ['<div class="oc__tp-sl-chk">', undefined],
    ['<div class="by-checkbox _chk_11p2x--checked css-1x2y-checked">', false],
    ['<div class="by-checkbox--long">', undefined],
  ])('class state of %s: %s', (html, state) => {
    expect(classState(el(html))).toBe(state);
  });

  it('ARIA alone, class alone, or both agreeing: read', () => {
    expect(switchState(el('<div role="switch" aria-checked="true">'))).toBe(true);
    expect(switchState(el('<button aria-pressed="false">'))).toBe(false);
    expect(switchState(el('<div class="by-checkbox by-checkbox--checked">'))).toBe(true);
    expect(switchState(el('<div role="checkbox" aria-checked="true" class="by-checkbox by-checkbox--checked">'))).toBe(
      true,
    );
    expect(switchState(el('<div role="checkbox" aria-checked="false" class="by-checkbox">'))).toBe(false);
  });

  it('ARIA and class disagreeing, "mixed", or nothing said: unknown (null)', () => {
    expect(switchState(el('<div role="checkbox" aria-checked="false" class="by-checkbox by-checkbox--checked">'))).toBe(
      null,
    );
    expect(switchState(el('<div role="switch" aria-checked="true" class="by-switch">'))).toBe(null);
    expect(switchState(el('<div role="checkbox" aria-checked="mixed">'))).toBe(null);
    expect(switchState(el('<div role="checkbox">'))).toBe(null);
  });
});

describe('tabSelected', () => {
  it.each([
    ['<div role="tab" aria-selected="true" class="bn-tab bn-tab__buySell active">', true],
    ['<div role="tab" aria-selected="false" class="bn-tab bn-tab__buySell">', false],
    ['<div role="tab" aria-selected="true" class="bn-tab">', true],
    ['<div role="tab" class="bn-tab bn-tab__buySell active">', true],
    ['<div role="tab" class="bn-tab bn-tab--active">', true],
    ['<div role="tab" class="bn-tab">', false],
    // ARIA and class contradict each other, or ARIA says neither true nor false: unknown
    ['<div role="tab" aria-selected="false" class="bn-tab active">', null],
    ['<div role="tab" aria-selected="false" class="bn-tab is-selected">', null],
    ['<div role="tab" aria-selected="maybe" class="bn-tab">', null],
    // a hashed class that happens to end in "active" says nothing
    ['<div role="tab" aria-selected="false" class="css-1x2y-active">', false],
  ])('%s: %s', (html, state) => {
    expect(tabSelected(el(html))).toBe(state);
  });
});
