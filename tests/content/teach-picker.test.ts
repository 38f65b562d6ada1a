// @vitest-environment happy-dom
// Teach mode's picker (issue 14): while the trader points at a field, no pointer event and no
// Enter/Space reaches the exchange's page (its own listeners, on the document or the buttons, never
// run, and the default action is prevented); our overlay's events pass; Escape cancels; the
// keyboard cycles the visible candidates of the step's kind in document order.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setBody } from '../helpers/html-body';
import { candidateOf, startPicker, type Picker } from '../../src/content/teach/picker';

const PAGE = `
  <form id="form">
    <label for="price">Price</label><input id="price" type="text">
    <span id="hint">USDT</span>
    <input id="hidden-size" type="text" style="display:none">
    <label id="wrap">Size <input id="size" type="number"></label>
    <div role="tab" id="tab">Limit</div>
    <button id="buy" type="submit">Buy</button>
    <button id="sell" type="button"><span id="sell-text">Sell</span></button>
  </form>`;

const $ = (id: string) => document.getElementById(id)!;

describe('teach picker', () => {
  let life: AbortController;
  let picker: Picker;
  let ours: HTMLElement;
  const hovered: (Element | null)[] = [];
  const picks: Element[] = [];
  let cancels = 0;
  const pageHeard: string[] = [];

  beforeEach(() => {
    setBody(PAGE);
    ours = document.createElement('div');
    document.documentElement.append(ours);
    hovered.length = 0;
    picks.length = 0;
    pageHeard.length = 0;
    cancels = 0;
    life = new AbortController();
    // The exchange's own listeners: on the document (a framework's delegation) and on the buttons.
    for (const type of ['pointerdown', 'mousedown', 'mouseup', 'click', 'dblclick', 'contextmenu', 'keydown'])
      document.addEventListener(type, (e) => pageHeard.push(`doc:${e.type}`), { signal: life.signal });
    $('buy').addEventListener('click', () => pageHeard.push('buy:click'), { signal: life.signal });
    $('form').addEventListener('submit', (e) => {
      e.preventDefault();
      pageHeard.push('submit');
    });
    picker = startPicker({
      win: window,
      doc: document,
      signal: life.signal,
      ours: (target) => target === ours,
      onHover: (el) => hovered.push(el),
      onPick: (el) => picks.push(el),
      onCancel: () => cancels++,
    });
  });
  afterEach(() => {
    life.abort();
    ours.remove();
  });

  const fire = (el: Element, type: string): Event => {
    const init = { bubbles: true, cancelable: true, composed: true };
    const event = type.startsWith('pointer') ? new PointerEvent(type, init) : new MouseEvent(type, init);
    el.dispatchEvent(event);
    return event;
  };
  const key = (el: Element, k: string): KeyboardEvent => {
    const event = new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true, composed: true });
    el.dispatchEvent(event);
    return event;
  };

  it('swallows every pointer event on the page: no page listener runs, no default action, no submit', () => {
    picker.setKind('control');
    for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click', 'dblclick', 'contextmenu']) {
      const event = fire($('buy'), type);
      expect(event.defaultPrevented, type).toBe(true);
    }
    expect(pageHeard).toEqual([]);
    expect(picks).toEqual([$('buy')]); // the click is the pick
  });

  it('swallows Enter and Space on the page, and lets our overlay’s keys and clicks through', () => {
    expect(key($('buy'), 'Enter').defaultPrevented).toBe(true);
    expect(key($('price'), ' ').defaultPrevented).toBe(true);
    expect(pageHeard).toEqual([]);
    const ourClick = fire(ours, 'click');
    const ourEnter = key(ours, 'Enter');
    expect(ourClick.defaultPrevented).toBe(false);
    expect(ourEnter.defaultPrevented).toBe(false);
    expect(pageHeard).toEqual(['doc:click', 'doc:keydown']); // they bubble on as usual
    expect(picks).toEqual([]);
    expect(cancels).toBe(0);
  });

  it('cancels on Escape, from the page or from our panel, and swallows it', () => {
    expect(key($('price'), 'Escape').defaultPrevented).toBe(true);
    key(ours, 'Escape');
    expect(cancels).toBe(2);
    expect(pageHeard).toEqual([]);
  });

  it('picks the field a click lands in: the input itself, or the one its label names', () => {
    fire($('price'), 'click');
    fire($('wrap'), 'click');
    // A click on plain text is no field: nothing is picked, and still nothing reaches the page.
    fire($('hint'), 'click');
    expect(picks).toEqual([$('price'), $('size')]);
    expect(pageHeard).toEqual([]);
  });

  it('outlines the candidate under the pointer: the control around a button’s text', () => {
    picker.setKind('control');
    fire($('sell-text'), 'pointermove');
    expect(hovered.at(-1)).toBe($('sell'));
    expect(candidateOf($('sell-text'), 'field')).toBe(null);
    expect(candidateOf(document.body, 'control')).toBe(null);
  });

  it('keyboard: ↓ and ↑ cycle the visible candidates in document order, wrapping; pick takes the outlined one', () => {
    picker.next();
    expect(hovered.at(-1)).toBe($('price'));
    picker.next(); // the hidden size copy is no candidate
    expect(hovered.at(-1)).toBe($('size'));
    picker.next();
    expect(hovered.at(-1)).toBe($('price'));
    picker.previous();
    expect(hovered.at(-1)).toBe($('size'));
    picker.pick();
    expect(picks).toEqual([$('size')]);
    picker.setKind('control');
    expect(hovered.at(-1)).toBe(null); // a new step starts with nothing outlined
    picker.previous();
    expect(hovered.at(-1)).toBe($('sell'));
    picker.next();
    expect(hovered.at(-1)).toBe($('tab'));
  });

  it('stops with its signal: the page hears clicks again', () => {
    life.abort();
    const heard = vi.fn();
    document.addEventListener('click', heard);
    fire($('buy'), 'click');
    document.removeEventListener('click', heard);
    expect(heard).toHaveBeenCalledTimes(1);
    expect(picks).toEqual([]);
  });
});
