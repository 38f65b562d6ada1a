// @vitest-environment happy-dom
// Computed visibility (issue 9 item 6): a copy of the form hidden by a stylesheet class — an
// inactive tab, a React leftover — does not count, so the visible form is not "ambiguous".
// happy-dom computes styles from <style> rules and implements checkVisibility (with the
// visibilityProperty option), so these tests exercise the same calls a browser answers.
import { afterEach, describe, expect, it } from 'vitest';
import { findAll, isHidden } from '../../src/venues/dom/query';
import { readerForUrl } from '../../src/venues/readers';
import { FIXTURES } from '../venues/fixture-pages';
import { loadPage } from './load';

const html = (head: string, body: string) =>
  new DOMParser().parseFromString(`<html lang="en"><head>${head}</head><body>${body}</body></html>`, 'text/html');
const BUY = { expected: { example: 1 }, strategies: [{ by: 'role' as const, role: 'button', name: ['Buy/Long'] }] };

function addStyle(doc: Document, css: string): void {
  const style = doc.createElement('style');
  style.textContent = css;
  doc.head.append(style);
}

describe('isHidden: what the stylesheets make of an element', () => {
  const doc = html(
    '<style>.tab-inactive { display: none } .ghost { visibility: hidden } .shown { visibility: visible }</style>',
    `<div class="tab-inactive"><button id="a">Buy/Long</button></div>
     <button id="b" class="ghost">Buy/Long</button>
     <div style="display:none"><button id="d">Buy/Long</button></div>
     <button id="e">Buy/Long</button>`,
  );
  const el = (id: string) => doc.getElementById(id)!;

  it('display:none from a class on an ancestor, visibility:hidden from a class: hidden', () => {
    expect(isHidden(el('a'))).toBe(true);
    expect(isHidden(el('b'))).toBe(true);
  });

  it('inline display:none (the fast path) and plain elements', () => {
    expect(isHidden(el('d'))).toBe(true);
    expect(isHidden(el('e'))).toBe(false);
  });

  it('findAll keeps the visible ones only', () => {
    expect(findAll(doc, BUY).map((b) => b.id)).toEqual(['e']);
  });
});

describe('isHidden without checkVisibility (older browsers): computed style up the tree', () => {
  const original = Element.prototype.checkVisibility;
  afterEach(() => {
    Element.prototype.checkVisibility = original;
  });

  it("gives the same answers; visibility is the element's own (a child may set it back to visible)", () => {
    const doc = html(
      '<style>.off { display: none } .ghost { visibility: hidden } .shown { visibility: visible }</style>',
      '<div class="off"><span><button id="a">x</button></span></div><button id="b" class="ghost">x</button><button id="c">x</button><div class="ghost"><button id="d" class="shown">x</button></div>',
    );
    // @ts-expect-error -- simulating a browser that lacks it
    delete Element.prototype.checkVisibility;
    expect(typeof doc.getElementById('a')!.checkVisibility).toBe('undefined');
    expect(['a', 'b', 'c', 'd'].map((id) => isHidden(doc.getElementById(id)!))).toEqual([true, true, false, false]);
  });
});

describe('every reader: a copy of the form hidden by a stylesheet class', () => {
  it.each(Object.entries(FIXTURES))(
    '%s reads the visible form as if the copy were not there',
    (_venue, { page, url }) => {
      const reader = readerForUrl(new URL(url))!;
      const expected = reader.read(loadPage(page), new URL(url));
      expect(expected.status).toBe('ok');

      const doc = loadPage(page);
      const root = reader.formRoot(doc)!;
      addStyle(doc, '.form--inactive { display: none }');
      const copy = root.cloneNode(true) as Element;
      copy.classList.add('form--inactive');
      root.after(copy);
      const reading = reader.read(doc, new URL(url));
      expect(reading.status === 'ok' && expected.status === 'ok' ? reading.form : reading).toEqual(
        expected.status === 'ok' ? expected.form : null,
      );
      expect(reader.formRoot(doc)).toBe(root);
      expect(reader.submitButtons(doc).every((button) => root.contains(button))).toBe(true);
    },
  );

  it.each(Object.entries(FIXTURES))(
    '%s: the same copy made visible is ambiguous again (the check is not blind)',
    (_venue, { page, url }) => {
      const reader = readerForUrl(new URL(url))!;
      const doc = loadPage(page);
      const root = reader.formRoot(doc)!;
      root.after(root.cloneNode(true));
      expect(reader.read(doc, new URL(url)).status).toBe('unrecognised');
    },
  );
});
